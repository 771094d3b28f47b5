import { languageFor, languages, perRegistry } from '../languages/index.js';
import { categoryOfConcept, figureCategories, type FigureCategory } from '../model/categories.js';
import { conceptById } from '../model/concepts.js';
import { conceptsOf, guessQuestionLanguage, isStopWord, lexiconStems, stem, tokenize } from '../text/analyze.js';
import { allowedTypos, editDistance } from '../text/editDistance.js';
import type { AnalyzedLanguage } from '../text/language.js';
import { MAX_QUESTION_CHARS } from './types.js';

/** A word of the question that search looks for. */
export interface QueryWord {
  /** As the user typed it. */
  surface: string;
  /** Folded stem in the question's language. */
  stem: string;
  /** Concepts it stands for, with what they include ("casualties" → killed, injured). */
  concepts: string[];
  /** True when the concepts were found by correcting a typo ("kiled" → killed). */
  corrected: boolean;
  /**
   * What the word names of the question's point: a figure category ("killed", "shells"), who was
   * counted ("officers"; "generals" in "how many generals…") or a name ("Donetsk"). Absent for the
   * rest ("recently", "roughly"), which an answer may do without when the articles never use them.
   */
  carries?: WordRole;
  /**
   * A word between "how many" and the figure's word that is not who was counted: what happened to
   * them, said in the asker's words ("how many hectares burned", "how many pilots defected").
   */
  describesCount?: boolean;
  /** A function word of another supported language ("wie", "의"): never the point of a question. */
  foreignFunctionWord?: boolean;
}

export type WordRole = 'category' | 'subject' | 'name';

export type ParsedQuestion =
  | {
      ok: true;
      text: string;
      language: AnalyzedLanguage;
      words: QueryWord[];
      asksForFigure: boolean;
      /** The figure categories the question is about ("troops sent" → deployed), in the order asked. */
      figureCategories: FigureCategory[];
    }
  | { ok: false; text: string; message: string };

/** "How many…", "number of…", "hvor mange…", in any language: the asker wants a figure, so passages with one rank higher. */
const figureQuestion = perRegistry(
  // Boundaries for every script: `\b` knows only ASCII letters ("몇 명" has none).
  (all) =>
    new RegExp(
      `(?<![\\p{L}\\p{N}_])(${all.flatMap((module) => module.questions.asksForFigure).join('|')})(?![\\p{L}\\p{N}_])`,
      'iu',
    ),
);

/** The words that make a count an increment, in every language ("more", "flere"): no subject of a question. */
const additiveWord = perRegistry(
  (all) => new RegExp(`^(?:${all.flatMap((module) => module.claims.additive).join('|') || '(?!)'})$`, 'iu'),
);

// Controls, zero-width and bidirectional marks: invisible, and no part of any word.
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
// Discord mentions, channel links and timestamps are addressed to people, not part of the question.
const DISCORD_TOKENS = /@(?:everyone|here)\b|<(?:@[!&]?|#)\d+>|<t:\d+(?::\w)?>|<a?:\w+:\d+>/g;

/**
 * Cleans and checks a question, and turns it into the words to search for. `inCorpus` tells
 * whether a stem occurs in the corpus: only a word the corpus does not know is taken for a typo.
 */
export function parseQuestion(raw: string, inCorpus: (stem: string) => boolean = () => false): ParsedQuestion {
  const text = raw.replace(INVISIBLE, ' ').replace(DISCORD_TOKENS, ' ').replace(/\s+/g, ' ').trim();
  if (!text) {
    return { ok: false, text, message: 'Ask a question, for example: how many killed' };
  }
  if (text.length > MAX_QUESTION_CHARS) {
    return {
      ok: false,
      text: text.slice(0, 80),
      message: `That question is ${text.length} characters long; keep it under ${MAX_QUESTION_CHARS}, for example: how many killed`,
    };
  }
  const language = guessQuestionLanguage(text);
  const figurePhrase = figureQuestion().exec(text);
  const words: QueryWord[] = [];
  const seen = new Set<string>();
  for (const token of tokenize(text, language)) {
    if (token.stopWord || seen.has(token.stem)) continue;
    seen.add(token.stem);
    const surface = text.slice(token.start, token.end);
    const found = lexiconConcepts(surface, language);
    const corrected = found.length === 0 && !inCorpus(token.stem) ? typoConcepts(token.stem, language) : [];
    const word: QueryWord = {
      surface,
      stem: token.stem,
      concepts: withIncluded([...found, ...corrected]),
      corrected: corrected.length > 0,
    };
    // Who was counted is the first noun after "how many", before the figure's word: "how many ships
    // were exchanged" counts ships; "exchanged" is only a word to search.
    const inCount =
      figurePhrase !== null && token.start >= figurePhrase.index + figurePhrase[0].length && !words.some(namesCategory);
    const counted = inCount && !words.some((earlier) => earlier.carries === 'subject');
    // Where every noun is capitalised (German), a capital does not make a name.
    const capitalIsName = token.start > 0 && !languageFor(language)?.claims.nounsCapitalised;
    // "more", "flere", "weitere" say the count is an increment, not who was counted.
    const role = additiveWord().test(surface) ? undefined : roleOf(word, capitalIsName, counted);
    if (role) word.carries = role;
    else if (inCount) word.describesCount = true;
    else if (word.concepts.length === 0 && isForeignFunctionWord(surface, language)) word.foreignFunctionWord = true;
    words.push(word);
  }
  if (words.length === 0) {
    return {
      ok: false,
      text,
      message:
        'That question has no words to search for, only common ones like "how" or "the". Try naming what you want to know, for example: how many killed',
    };
  }
  const figureCategories = figureCategoriesOf(words);
  // "casualties?" alone asks for a figure as surely as "how many casualties".
  const onlyFigureWords = words.every((word) => word.concepts.some((id) => conceptById(id)?.role !== 'topic'));
  return {
    ok: true,
    text,
    language,
    words,
    asksForFigure: figureQuestion().test(text) || (figureCategories.length > 0 && onlyFigureWords),
    figureCategories,
  };
}

/**
 * What a word names of the question's point, from its concepts, its capital or its place: the
 * words right after "how many" and before the category are who was counted ("how many generals
 * were killed"), whether or not the lexicon knows them.
 */
function roleOf(word: QueryWord, capitalIsName: boolean, counted: boolean): WordRole | undefined {
  if (namesCategory(word)) return 'category';
  const roles = word.concepts.map((id) => conceptById(id)?.role);
  if (roles.includes('subject')) return 'subject';
  // A capital says name, except at the start, where a sentence capitalises any word.
  if (roles.includes('topic') || (capitalIsName && /^\p{Lu}/u.test(word.surface))) return 'name';
  return counted ? 'subject' : undefined;
}

function namesCategory(word: QueryWord): boolean {
  return word.concepts.some((id) => {
    const role = conceptById(id)?.role;
    return (role === 'event' || role === 'item') && categoryOfConcept(id) !== undefined;
  });
}

function isForeignFunctionWord(word: string, language: AnalyzedLanguage): boolean {
  return languages().some((module) => module.tags[0] !== language && isStopWord(word, module.tags[0]!));
}

/** A question word may come from any language whatever the rest of the question is ("how many drept"). */
function lexiconConcepts(word: string, language: AnalyzedLanguage): string[] {
  const others = languages()
    .map((module) => module.tags[0]!)
    .filter((tag) => tag !== language);
  return [
    ...new Set([
      ...conceptsOf(stem(word, language), language),
      ...others.flatMap((other) => conceptsOf(stem(word, other), other)),
    ]),
  ];
}

function typoConcepts(stemmed: string, language: AnalyzedLanguage): string[] {
  const max = allowedTypos(stemmed.length);
  if (max === 0) return [];
  let best: string[] = [];
  let bestDistance = max + 1;
  for (const [key, ids] of lexiconStems(language)) {
    const distance = editDistance(stemmed, key, max);
    if (distance < bestDistance) {
      best = ids;
      bestDistance = distance;
    }
  }
  return best;
}

/** Events and items name their category; a question about troops alone asks how many were deployed. */
function figureCategoriesOf(words: QueryWord[]): FigureCategory[] {
  const concepts = words.flatMap((word) => word.concepts);
  const categories = new Set<FigureCategory>();
  for (const id of concepts) {
    const role = conceptById(id)?.role;
    const category = role === 'event' || role === 'item' ? categoryOfConcept(id) : undefined;
    if (category) categories.add(category.name);
  }
  const bySubject = figureCategories().find((category) => category.namedBySubjectAlone);
  if (bySubject && categories.size === 0 && concepts.some((id) => conceptById(id)?.role === 'subject'))
    categories.add(bySubject.name);
  return [...categories];
}

function withIncluded(ids: string[]): string[] {
  const all = new Set(ids);
  for (const id of ids) for (const included of conceptById(id)?.includes ?? []) all.add(included);
  return [...all];
}
