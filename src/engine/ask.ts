import type { FiguresReport } from '../model/claim.js';
import type { FigureCategory } from '../model/categories.js';
import { allConcepts } from '../model/concepts.js';
import { CONCEPT_TERM_PREFIX, indexTerms } from '../text/analyze.js';
import { allowedTypos } from '../text/editDistance.js';
import { passageText } from '../search/passages.js';
import type { Passage } from '../model/passage.js';
import type { Hit, SearchIndex, TermChoice } from '../search/searchIndex.js';
import { countTokensOf, factsOf, sameFact, sourceStrength } from './facts.js';
import { findNumbers } from '../text/numbers/index.js';
import type { ParsedQuestion, QueryWord } from './question.js';
import { DEFAULT_LIMIT, MAX_LIMIT, type Answer, type AnswerPassage, type AskOptions, type Highlight } from './types.js';
import { articleRef } from './refs.js';
import { summarize } from './summary.js';

/** The concept of who a figure counts when the question names no one in particular. */
const GENERAL_SUBJECT = 'troops';
/** A passage must match words carrying at least this share of the question's weight: no padding with half-answers. */
const MIN_COVERAGE = 0.5;
/** How many ranked candidates are compared for "same fact" before the answer is cut to its limit. */
const CANDIDATES = 60;
const MAX_SUGGESTIONS = 6;
/** A passage that names its source may stand for a same-fact group if it scores at least this share of the best. */
const REPRESENTATIVE_REACH = 0.5;
/** Score factors, each a small nudge on top of BM25 (applied to each candidate in `ask`). */
const BONUS = { figure: 1.4, noFigure: 0.75, sameWord: 1.15, sameLanguage: 1.1 };

interface Candidate {
  hit: Hit;
  score: number;
  /** Text-field matches only: a title shared by the whole article does not make a passage an answer. */
  textTerms: Set<string>;
}

/** Figures for the asked categories, given the question's words and the passages cited (see figuresForQuestion). */
export type FigureLookup = (
  categories: FigureCategory[],
  words: QueryWord[],
  cited: AnswerPassage[],
) => FiguresReport[];

/** Answers a question, as parsed against this index, from it: the best passages, each cited, the same fact told once. */
export function ask(
  index: SearchIndex,
  parsed: ParsedQuestion,
  options: AskOptions,
  lookupFigures?: FigureLookup,
): Answer {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  if (!parsed.ok) {
    return {
      question: parsed.text,
      status: 'invalid-question',
      noAnswer: true,
      message: parsed.message,
      suggestions: [],
      passages: [],
    };
  }
  const { asksForFigure, language, figureCategories } = parsed;
  // A word the articles never use cannot narrow the answer: one that carries the question (its
  // figure, who was counted, a name) means the documents do not say; any other ("recently",
  // "roughly", a particle) is left out and named, so it cannot turn a good question into no answer.
  // Who was counted must be in the articles as asked: a typo's neighbour ("hester" → "hest…") is
  // someone else. Other words are forgiven their typos, names above all.
  // A word's expansion (its typos, its unfinished ending) is looked up once, for the test and the search.
  const expansions = new Map<QueryWord, Map<boolean, TermChoice[]>>();
  const choicesOf = (word: QueryWord, last: boolean): TermChoice[] => {
    let byLast = expansions.get(word);
    if (!byLast) expansions.set(word, (byLast = new Map()));
    let choices = byLast.get(last);
    if (!choices) byLast.set(last, (choices = termChoices(index, word, last)));
    return choices;
  };
  const known = (word: QueryWord, i: number) =>
    word.carries === 'subject' && word.concepts.length === 0
      ? index.frequency(word.stem) > 0
      : choicesOf(word, i === parsed.words.length - 1).some(({ term }) => index.frequency(term) > 0);
  const unknown = parsed.words.filter((word, i) => !known(word, i));
  const unknownCarrying = unknown.filter((word) => word.carries);
  // Only a figure question has a point apart from its words: "capital of Ukraine" is about "capital".
  const dropped = asksForFigure && unknownCarrying.length === 0 && unknown.length < parsed.words.length ? unknown : [];
  const words = parsed.words.filter((word) => !dropped.includes(word));
  const ignoredWords = dropped.filter((word) => !word.foreignFunctionWord).map((word) => word.surface);
  // Who was counted, when the question names someone in particular ("officers", not "troops" in
  // general): a passage that does not name them does not answer it.
  // The head noun is the first such word ("how many ships were exchanged": ships, not exchanged);
  // a word the lexicon knows as who was counted ("officers") is one wherever it stands.
  const head = words.findIndex((word) => word.carries === 'subject' && word.concepts.length === 0);
  const requiredSubjects = asksForFigure
    ? words.flatMap((word, i) =>
        word.carries === 'subject' &&
        !word.concepts.includes(GENERAL_SUBJECT) &&
        (word.concepts.length > 0 || i === head)
          ? [i]
          : [],
      )
    : [];
  const figuresFor = (cited: AnswerPassage[]) =>
    asksForFigure && lookupFigures ? lookupFigures(figureCategories, words, cited) : [];
  const weights = words.map((word) => weightOf(index, word));
  const total = weights.reduce((sum, weight) => sum + weight, 0);

  // One article asked about: its passages are the only candidates, however common the words.
  const within = options.article
    ? index.passages.flatMap((passage) => (passage.article.id === options.article ? [passage.id] : []))
    : undefined;
  const hits = index.find(
    words.map((word, i) => choicesOf(word, i === words.length - 1)),
    within,
  );
  const candidates: Candidate[] = [];
  // A figure question whose figure, subject or place the articles never name is not in them.
  const answerable = !(asksForFigure && unknownCarrying.length > 0);
  // What happened to them, in words the articles do not use ("how many hectares burned" of a fire
  // that "swept 450 hectares"): answered only by a passage that counts what was asked.
  const mustCount = dropped.some((word) => word.describesCount);
  for (const hit of answerable ? hits : []) {
    let covered = 0;
    words.forEach((_, i) => {
      if (hit.matched[i]) covered += weights[i]!;
    });
    const coverage = total > 0 ? covered / total : 0;
    if (coverage < MIN_COVERAGE) continue;
    if (requiredSubjects.length > 0 && !requiredSubjects.some((i) => hit.matched[i])) continue;
    // …and whose figure is not already something else that happened ("sent about 200 pilots" does not
    // say how many pilots defected).
    if (
      mustCount &&
      ((!countsWhatWasAsked(hit.passage, hit.textTerms) && !numberBefore(hit.passage, hit.textTerms)) ||
        factsOf(hit.passage).sentences.some((sentence) => sentence.hasCount && sentence.events.size > 0))
    )
      continue;
    let score = hit.score * (0.5 + coverage);
    const { passage, textTerms } = hit;
    if (asksForFigure) score *= countsWhatWasAsked(passage, textTerms) ? BONUS.figure : BONUS.noFigure;
    // A concept matches "died" as well as "killed"; each word found as the user typed it counts a little more.
    for (const word of words)
      if (word.concepts.length > 0 && passage.tokens.some((token) => token.stem === word.stem)) score *= BONUS.sameWord;
    if (passage.language === language) score *= BONUS.sameLanguage;
    candidates.push({ hit, textTerms, score });
  }
  candidates.sort((a, b) => b.score - a.score || a.hit.passage.id - b.hit.passage.id);

  if (candidates.length === 0) {
    // The category's figures would count someone else when who was asked about is nowhere to be found.
    const figures = unknownCarrying.length > 0 || requiredSubjects.length > 0 ? [] : figuresFor([]);
    const missing = (unknown.length > 0 ? unknown : words).map((word) => word.surface);
    const found = parsed.words.filter((word) => !unknown.includes(word)).map((word) => word.surface);
    const message =
      `Not in ${options.article ? 'this article' : 'the documents'}: no passage answers "${parsed.text}". ` +
      (unknown.length === 0
        ? `The articles mention ${list(found, 'and')}, but not together.`
        : found.length > 0
          ? `The articles mention ${list(found, 'and')}, but never ${list(missing)}.`
          : `The articles never mention ${list(missing)}.`);
    return {
      question: parsed.text,
      status: 'no-answer',
      noAnswer: true,
      message,
      suggestions: suggest(index, words),
      passages: [],
      ...(figures.length > 0 ? { figures } : {}),
    };
  }

  const passages = mergeSameFacts(candidates.slice(0, CANDIDATES), limit, language).map(
    ({ candidate, alsoReportedBy }, i): AnswerPassage => {
      const { passage } = candidate.hit;
      return {
        rank: i + 1,
        score: Math.round(candidate.score * 1000) / 1000,
        quote: passageText(passage),
        start: passage.start,
        end: passage.end,
        highlights: asksForFigure
          ? figureHighlights(passage, candidate.textTerms)
          : highlights(passage, candidate.textTerms),
        article: articleRef(passage.article),
        alsoReportedBy,
      };
    },
  );
  const figures = figuresFor(passages);
  const summary = summarize(figures);
  return {
    question: parsed.text,
    status: 'answered',
    noAnswer: false,
    ...(ignoredWords.length > 0
      ? {
          message: `Answered for ${list(
            words.map((word) => word.surface),
            'and',
          )}; the articles never use ${list(ignoredWords, 'or')}, so ${ignoredWords.length === 1 ? 'it was' : 'they were'} left out.`,
          ignoredWords,
        }
      : {}),
    suggestions: [],
    passages,
    ...(figures.length > 0 ? { figures } : {}),
    ...(summary ? { summary } : {}),
  };
}

/** How far, in words other than stop words, a matched word may stand from a number for the number to count it ("100 North Korean soldiers"). */
const COUNT_WINDOW = { before: 4, after: 6 };

/** A figure question wants a number next to what was asked, not one beside it ("the two countries"). */
function countsWhatWasAsked(passage: Passage, textTerms: Set<string>): boolean {
  const countTokens = countTokensOf(passage);
  if (countTokens.length === 0) return false;
  // Positions counted in content words only: "ble antatt å ha blitt drept" is one word away, not five.
  const position: number[] = [];
  let content = 0;
  for (const token of passage.tokens) position.push(token.stopWord ? content : content++);
  const matched = passage.tokens.flatMap((token, i) =>
    !token.stopWord && indexTerms(token).some((term) => textTerms.has(term)) ? [position[i]!] : [],
  );
  return countTokens.some((at) =>
    matched.some((i) => i - position[at]! >= -COUNT_WINDOW.before && i - position[at]! <= COUNT_WINDOW.after),
  );
}

/** A number right before a matched word: "450 hectares", "2,000 Soldaten" (a measure, not only a count). */
function numberBefore(passage: Passage, textTerms: Set<string>): boolean {
  const { tokens } = passage;
  return tokens.some(
    (token, i) => i > 0 && /\d/.test(tokens[i - 1]!.stem) && indexTerms(token).some((term) => textTerms.has(term)),
  );
}

/**
 * The index terms that stand for a question word: a word the lexicon knows is its concepts (all
 * languages and synonyms at once) and itself; any other word is itself, forgiving typos and, for
 * the last word, an unfinished ending.
 */
function termChoices(index: SearchIndex, word: QueryWord, last: boolean): TermChoice[] {
  if (word.concepts.length > 0) return word.concepts.map((id) => ({ term: CONCEPT_TERM_PREFIX + id, weight: 1 }));
  return index.expand(word.stem, allowedTypos(word.stem.length), last && word.stem.length >= 3);
}

/** Rarer words weigh more: a question's point is in "officers", not in "Korea". Unknown words weigh most. */
function weightOf(index: SearchIndex, word: QueryWord): number {
  const terms = word.concepts.length > 0 ? word.concepts.map((id) => CONCEPT_TERM_PREFIX + id) : [word.stem];
  const frequency = Math.max(...terms.map((term) => index.frequency(term)));
  return Math.log(1 + index.size / (frequency + 1));
}

function highlights(passage: Passage, textTerms: Set<string>): Highlight[] {
  return passage.tokens
    .filter((token) => !token.stopWord && indexTerms(token).some((term) => textTerms.has(term)))
    .map((token) => ({ start: token.start - passage.start, end: token.end - passage.start }));
}

/**
 * For a "how many" question, the figures a passage gives for what was asked, not the asked words:
 * each count near a matched word ("at least 100" beside "died"), from its first word to its number.
 * A passage with no such count keeps the asked words.
 */
function figureHighlights(passage: Passage, textTerms: Set<string>): Highlight[] {
  const { text } = passage.article;
  const marks: Highlight[] = [];
  const near = countsNearAsked(passage, textTerms);
  for (const span of passage.sentences) {
    for (const mention of findNumbers(text.slice(span.start, span.end), passage.article.language ?? 'en')) {
      if (mention.kind !== 'count') continue;
      const start = span.start + mention.start;
      const end = span.start + mention.end;
      if (!near.some((token) => token.start >= start && token.end <= end)) continue;
      if (start >= passage.start && end <= passage.end)
        marks.push({ start: start - passage.start, end: end - passage.start });
    }
  }
  return marks.length > 0 ? marks : highlights(passage, textTerms);
}

/** The count tokens of a passage within reach of a word that matched the question (see countsWhatWasAsked). */
function countsNearAsked(passage: Passage, textTerms: Set<string>): Passage['tokens'] {
  const countTokens = countTokensOf(passage);
  const position: number[] = [];
  let content = 0;
  for (const token of passage.tokens) position.push(token.stopWord ? content : content++);
  const matched = passage.tokens.flatMap((token, i) =>
    !token.stopWord && indexTerms(token).some((term) => textTerms.has(term)) ? [position[i]!] : [],
  );
  return countTokens
    .filter((at) =>
      matched.some((i) => i - position[at]! >= -COUNT_WINDOW.before && i - position[at]! <= COUNT_WINDOW.after),
    )
    .map((at) => passage.tokens[at]!);
}

interface Merged {
  candidate: Candidate;
  alsoReportedBy: string[];
}

/**
 * Walks the candidates best first: one that reports the same fact as a passage already kept joins
 * it as "also reported by"; otherwise it is kept while there is room. All candidates are walked,
 * so every article that reports a kept fact is named.
 */
function mergeSameFacts(candidates: Candidate[], limit: number, language: string): Merged[] {
  // Groups are closed under "same fact" whatever the order: "six died" and "several were killed
  // near Donetsk" meet through "six officers were killed near Donetsk", wherever it ranks.
  const facts = candidates.map((candidate) => factsOf(candidate.hit.passage));
  const parent = candidates.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      if (root(i) !== root(j) && sameFact(facts[i]!, facts[j]!)) parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, Candidate[]>();
  candidates.forEach((candidate, i) => {
    const members = groups.get(root(i)) ?? [];
    members.push(candidate);
    groups.set(root(i), members);
  });
  // Candidates are in score order, so groups come out ordered by their best member.
  return [...groups.values()].slice(0, limit).map((members) => {
    const best = members[0]!;
    // The passage that gives the figure and names who says it is the one a reader can check: it
    // stands for the group when it scores within reach of the best one.
    const exact = (member: Candidate) =>
      factsOf(member.hit.passage).sentences.some((sentence) => sentence.counts.size > 0) ? 1 : 0;
    // …and, of those, one in the asker's language: a Korean question is answered with the Korean telling.
    const asked = (member: Candidate) => (member.hit.passage.language === language ? 1 : 0);
    const representative = members
      .filter((member) => member.score >= best.score * REPRESENTATIVE_REACH)
      .sort(
        (a, b) =>
          asked(b) - asked(a) ||
          exact(b) - exact(a) ||
          sourceStrength(b.hit.passage) - sourceStrength(a.hit.passage) ||
          b.score - a.score,
      )[0]!;
    const own = representative.hit.passage.article.id;
    const alsoReportedBy = [...new Set(members.map((member) => member.hit.passage.article.id))].filter(
      (id) => id !== own,
    );
    return { candidate: { ...representative, score: best.score }, alsoReportedBy };
  });
}

/** Words of the corpus close to what was asked, then the topics it covers best. */
function suggest(index: SearchIndex, words: QueryWord[]): string[] {
  const suggestions = new Set<string>();
  for (const word of words) {
    // Spelling neighbours only of a word the articles do not know: "killed" is no typo of "filled".
    if (word.concepts.length > 0 || index.frequency(word.stem) > 0) continue;
    const typos = Math.max(1, allowedTypos(word.stem.length));
    for (const stem of index.similarStems(word.stem, typos)) {
      const surface = index.surfaceOf(stem);
      if (surface) suggestions.add(surface);
    }
  }
  const topics = allConcepts()
    .map((concept) => ({
      label: concept.label,
      count: index.frequency(CONCEPT_TERM_PREFIX + concept.id),
    }))
    .filter((topic) => topic.count > 0)
    .sort((a, b) => b.count - a.count);
  for (const topic of topics) suggestions.add(topic.label);
  return [...suggestions].slice(0, MAX_SUGGESTIONS);
}

function list(words: string[], joiner: 'or' | 'and' = 'or'): string {
  const quoted = words.map((word) => `"${word}"`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} ${joiner} ${quoted.at(-1)}`;
}
