import type { Query } from 'minisearch';
import { CONCEPTS } from '../lexicon/concepts.js';
import { CONCEPT_TERM_PREFIX, indexTerms } from '../text/analyze.js';
import { allowedTypos, editDistance } from '../text/editDistance.js';
import type { Hit, PassageIndex } from '../search/passageIndex.js';
import { passageText, type Passage } from '../search/passages.js';
import type { FigureCategory } from '../figures/claims.js';
import type { FiguresReport } from '../figures/compare.js';
import { factsOf, sameFact, type PassageFacts } from './facts.js';
import { parseQuestion, type QueryWord } from './question.js';
import { DEFAULT_LIMIT, MAX_LIMIT, type Answer, type AnswerPassage, type AskOptions, type Highlight } from './types.js';
import { articleRef } from './refs.js';

/** A passage must match words carrying at least this share of the question's weight: no padding with half-answers. */
const MIN_COVERAGE = 0.5;
/** How many ranked candidates are compared for "same fact" before the answer is cut to its limit. */
const CANDIDATES = 60;
const MAX_SUGGESTIONS = 6;
/** Score factors, each a small nudge on top of BM25 (see `rank`). */
const BONUS = { figure: 1.4, noFigure: 0.75, sameWord: 1.15, sameLanguage: 1.1 };

interface Candidate {
  hit: Hit;
  score: number;
  /** Text-field matches only: a title shared by the whole article does not make a passage an answer. */
  textTerms: Set<string>;
}

/** Answers a question from the index: the best passages, each cited, the same fact told once. */
/** Figures for the asked categories, given the question's words and the passages cited (see figuresForQuestion). */
export type FigureLookup = (categories: FigureCategory[], words: QueryWord[], cited: AnswerPassage[]) => FiguresReport[];

export function ask(index: PassageIndex, question: string, options: AskOptions = {}, lookupFigures?: FigureLookup): Answer {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const parsed = parseQuestion(question, (stem) => index.frequency(stem) > 0);
  if (!parsed.ok) {
    return { question: parsed.text, status: 'invalid-question', noAnswer: true, message: parsed.message, suggestions: [], passages: [] };
  }
  const { words, asksForFigure, language, figureCategories } = parsed;
  const figuresFor = (cited: AnswerPassage[]) => (asksForFigure && lookupFigures ? lookupFigures(figureCategories, words, cited) : []);
  const weights = words.map((word) => weightOf(index, word));
  const total = weights.reduce((sum, weight) => sum + weight, 0);

  const hits = index.run(buildQuery(words));
  const candidates: Candidate[] = [];
  const matchedWords = new Set<QueryWord>();
  for (const hit of hits) {
    const textTerms = textMatches(hit);
    let covered = 0;
    words.forEach((word, i) => {
      if (wordMatched(word, textTerms)) {
        covered += weights[i]!;
        matchedWords.add(word);
      }
    });
    const coverage = total > 0 ? covered / total : 0;
    if (coverage < MIN_COVERAGE) continue;
    let score = hit.score * (0.5 + coverage);
    const { passage } = hit;
    if (asksForFigure) score *= countsWhatWasAsked(passage, textTerms) ? BONUS.figure : BONUS.noFigure;
    // A concept matches "died" as well as "killed"; each word found as the user typed it counts a little more.
    for (const word of words) if (word.concepts.length > 0 && textTerms.has(word.stem)) score *= BONUS.sameWord;
    if (passage.language === language) score *= BONUS.sameLanguage;
    candidates.push({ hit, textTerms, score });
  }
  candidates.sort((a, b) => b.score - a.score || a.hit.passage.id - b.hit.passage.id);

  if (candidates.length === 0) {
    const figures = figuresFor([]);
    const missing = words.filter((word) => !matchedWords.has(word)).map((word) => word.surface);
    const found = words.filter((word) => matchedWords.has(word)).map((word) => word.surface);
    const message =
      found.length > 0
        ? `No passage answers "${parsed.text}": the articles mention ${list(found)}, but not together with ${list(missing)}.`
        : `No passage answers "${parsed.text}": the articles never mention ${list(missing)}.`;
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

  const passages = mergeSameFacts(candidates.slice(0, CANDIDATES), limit).map(
    ({ candidate, alsoReportedBy }, i): AnswerPassage => {
      const { passage } = candidate.hit;
      return {
        rank: i + 1,
        score: Math.round(candidate.score * 1000) / 1000,
        quote: passageText(passage),
        start: passage.start,
        end: passage.end,
        highlights: highlights(passage, candidate.textTerms),
        article: articleRef(passage.article),
        alsoReportedBy,
      };
    },
  );
  const figures = figuresFor(passages);
  return { question: parsed.text, status: 'answered', noAnswer: false, suggestions: [], passages, ...(figures.length > 0 ? { figures } : {}) };
}

/** How far, in words other than stop words, a matched word may stand from a number for the number to count it ("100 North Korean soldiers"). */
const COUNT_WINDOW = { before: 4, after: 6 };

/** A figure question wants a number next to what was asked, not one beside it ("the two countries"). */
function countsWhatWasAsked(passage: Passage, textTerms: Set<string>): boolean {
  const { countTokens } = factsOf(passage);
  if (countTokens.length === 0) return false;
  // Positions counted in content words only: "ble antatt å ha blitt drept" is one word away, not five.
  const position: number[] = [];
  let content = 0;
  for (const token of passage.tokens) position.push(token.stopWord ? content : content++);
  const matched = passage.tokens.flatMap((token, i) => (!token.stopWord && indexTerms(token).some((term) => textTerms.has(term)) ? [position[i]!] : []));
  return countTokens.some((at) => matched.some((i) => i - position[at]! >= -COUNT_WINDOW.before && i - position[at]! <= COUNT_WINDOW.after));
}

/**
 * One sub-query per question word: a word the lexicon knows is searched as its concepts (all
 * languages and synonyms at once); any other word by its stem, forgiving typos and, for the last
 * word, an unfinished ending.
 */
function buildQuery(words: QueryWord[]): Query {
  return {
    combineWith: 'OR',
    queries: words.map((word, i): Query => {
      if (word.concepts.length > 0) {
        return { combineWith: 'OR', queries: word.concepts.map((id) => CONCEPT_TERM_PREFIX + id), fuzzy: false, prefix: false };
      }
      const typos = allowedTypos(word.stem.length);
      return {
        combineWith: 'OR',
        queries: [word.stem],
        fuzzy: typos > 0 ? typos / word.stem.length + 0.01 : false,
        maxFuzzy: typos,
        prefix: i === words.length - 1 && word.stem.length >= 3,
      };
    }),
  };
}

/** Rarer words weigh more: a question's point is in "officers", not in "Korea". Unknown words weigh most. */
function weightOf(index: PassageIndex, word: QueryWord): number {
  const terms = word.concepts.length > 0 ? word.concepts.map((id) => CONCEPT_TERM_PREFIX + id) : [word.stem];
  const frequency = Math.max(...terms.map((term) => index.frequency(term)));
  return Math.log(1 + index.size / (frequency + 1));
}

function textMatches(hit: Hit): Set<string> {
  const terms = new Set<string>();
  for (const [term, fields] of Object.entries(hit.match)) if (fields.includes('text')) terms.add(term);
  return terms;
}

function wordMatched(word: QueryWord, textTerms: Set<string>): boolean {
  if (word.concepts.length > 0) return word.concepts.some((id) => textTerms.has(CONCEPT_TERM_PREFIX + id));
  const typos = allowedTypos(word.stem.length);
  for (const term of textTerms) {
    if (term === word.stem || term.startsWith(word.stem) || editDistance(term, word.stem, typos) <= typos) return true;
  }
  return false;
}

function highlights(passage: Passage, textTerms: Set<string>): Highlight[] {
  return passage.tokens
    .filter((token) => !token.stopWord && indexTerms(token).some((term) => textTerms.has(term)))
    .map((token) => ({ start: token.start - passage.start, end: token.end - passage.start }));
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
function mergeSameFacts(candidates: Candidate[], limit: number): Merged[] {
  const kept: (Merged & { fact: PassageFacts })[] = [];
  for (const candidate of candidates) {
    const fact = factsOf(candidate.hit.passage);
    const same = kept.find((entry) => sameFact(entry.fact, fact));
    if (same) {
      const id = candidate.hit.passage.article.id;
      if (id !== same.candidate.hit.passage.article.id && !same.alsoReportedBy.includes(id)) same.alsoReportedBy.push(id);
    } else if (kept.length < limit) {
      kept.push({ candidate, alsoReportedBy: [], fact });
    }
  }
  return kept;
}

/** Words of the corpus close to what was asked, then the topics it covers best. */
function suggest(index: PassageIndex, words: QueryWord[]): string[] {
  const suggestions = new Set<string>();
  for (const word of words) {
    const typos = Math.max(1, allowedTypos(word.stem.length));
    for (const [stem] of index.stems()) {
      if (stem !== word.stem && !/^\d/.test(stem) && editDistance(stem, word.stem, typos) <= typos) {
        const surface = index.surfaceOf(stem);
        if (surface) suggestions.add(surface);
      }
    }
  }
  const topics = CONCEPTS.map((concept) => ({ label: concept.label, count: index.frequency(CONCEPT_TERM_PREFIX + concept.id) }))
    .filter((topic) => topic.count > 0)
    .sort((a, b) => b.count - a.count);
  for (const topic of topics) suggestions.add(topic.label);
  return [...suggestions].slice(0, MAX_SUGGESTIONS);
}

function list(words: string[]): string {
  const quoted = words.map((word) => `"${word}"`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}
