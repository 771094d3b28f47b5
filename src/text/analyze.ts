import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as norwegianStemmer } from '@orama/stemmers/norwegian';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as norwegianStopwords } from '@orama/stopwords/norwegian';
import { CONCEPTS } from '../lexicon/concepts.js';
import type { AnalyzedLanguage } from './language.js';

/** A word of a text, with the index terms it stands for. Offsets are into the analyzed text. */
export interface Token {
  start: number;
  end: number;
  /** Its stem, case- and diacritic-folded: what search matches on. */
  stem: string;
  /** Concept ids from the lexicon ("killed" for "died" and "drept"). */
  concepts: string[];
  stopWord: boolean;
}

/** Index terms of concepts carry this prefix so they can never collide with a word's stem. */
export const CONCEPT_TERM_PREFIX = '~';

const STEMMERS: Record<AnalyzedLanguage, (word: string) => string> = { en: englishStemmer, nb: norwegianStemmer };

// Question words that carry no topic: a figure question is detected from the raw text instead.
const STOP_WORDS: Record<AnalyzedLanguage, ReadonlySet<string>> = {
  en: new Set([...englishStopwords, 'many', 'much', 'tell', 'please', 'show', 'say', 'says', 'does', 'did']),
  nb: new Set([...norwegianStopwords, 'mange', 'mye', 'hvor']),
};

const SEGMENTER_LOCALE: Record<AnalyzedLanguage, string> = { en: 'en', nb: 'nb' };
// Making a segmenter costs more than segmenting a passage with it: one per language, kept.
const wordSegmenters = new Map<AnalyzedLanguage | null, Intl.Segmenter>();
function wordSegmenter(language: AnalyzedLanguage | null): Intl.Segmenter {
  let segmenter = wordSegmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language ? SEGMENTER_LOCALE[language] : undefined, { granularity: 'word' });
    wordSegmenters.set(language, segmenter);
  }
  return segmenter;
}

/**
 * Text made only of characters whose word-break classes (Unicode UAX #29) are few and known: Latin
 * letters, digits, ASCII and Latin-1 punctuation, general punctuation. No combining marks, format
 * characters or other scripts, where only the full algorithm will do.
 */
const SIMPLE_TEXT = /^[\t\n\v\f\r\x20-\x7E\u00A0-\u00AC\u00AE-\u00FF\u2010-\u2027\u2030-\u205E]*$/;
const LETTER = 'A-Za-z\u00AA\u00B5\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF';
const CONNECTOR = '_\u203F\u2040\u2054';
/**
 * A word of such text as UAX #29 draws it: letters, digits and connectors ("_") run together; a
 * single ":", "·", ".", "'" or "’" joins two letters ("U.S", "don't"); a single ",", ";", ".",
 * "'" or "’" joins two digits ("1,000", "1.5"). One connector alone is no word (two are, says ICU).
 */
const SIMPLE_WORD = new RegExp(
  `[${LETTER}0-9${CONNECTOR}](?:[${LETTER}0-9${CONNECTOR}]|(?<=[${LETTER}])[:\u00B7\u2027.\u2018\u2019\u2024'](?=[${LETTER}])|(?<=[0-9])[,;\u2044.\u2018\u2019\u2024'](?=[0-9]))*`,
  'g',
);
const HAS_LETTER_OR_DIGIT = new RegExp(`^[${LETTER}0-9]$`);

/**
 * The words of a text, as [offset, word], with Intl.Segmenter's boundaries. Plain Latin text is
 * read with one regular expression, the same words a twentieth of the time (a test compares the
 * two on random text); any other text goes through the segmenter of its language.
 */
export function wordSpans(text: string, language: AnalyzedLanguage | null): [number, string][] {
  const spans: [number, string][] = [];
  if (SIMPLE_TEXT.test(text)) {
    for (const match of text.matchAll(SIMPLE_WORD))
      if (match[0].length > 1 || HAS_LETTER_OR_DIGIT.test(match[0])) spans.push([match.index, match[0]]);
  } else {
    for (const { segment, index, isWordLike } of wordSegmenter(language).segment(text))
      if (isWordLike) spans.push([index, segment]);
  }
  return spans;
}

/** Lowercases and removes diacritics, including the Nordic letters NFKD leaves alone, so "død" meets "dod". */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[’']/g, "'");
}

/** Thousands separators differ by language ("1,000", "11.000", "10 000"): index the digits only. */
function normalizeNumber(word: string): string | null {
  if (/^\d{1,3}([.,\u00a0\u202f ]\d{3})+$/.test(word)) return word.replace(/\D/g, '');
  if (/^\d+([.,]\d+)?$/.test(word)) return word.replace(',', '.');
  return null;
}

/** The folded stem of one word in a language; words of languages we cannot stem are folded only. */
export function stem(word: string, language: AnalyzedLanguage | null): string {
  // A corpus repeats its words: each word form is stemmed once per language.
  const memo = stems[language ?? 'none'];
  let stemmed = memo.get(word);
  if (stemmed === undefined) {
    const lower = word
      .toLowerCase()
      .replace(/[’']s$/, '')
      .replace(/[’']$/, '');
    stemmed = normalizeNumber(lower) ?? fold(language ? STEMMERS[language](lower) : lower);
    if (memo.size >= MAX_REMEMBERED_STEMS) memo.clear();
    memo.set(word, stemmed);
  }
  return stemmed;
}

/** Word forms remembered per language: a large news vocabulary, a few megabytes. */
const MAX_REMEMBERED_STEMS = 200_000;
const stems: Record<AnalyzedLanguage | 'none', Map<string, string>> = { en: new Map(), nb: new Map(), none: new Map() };

export function isStopWord(word: string, language: AnalyzedLanguage | null): boolean {
  return language !== null && STOP_WORDS[language].has(word.toLowerCase());
}

// stem → concept ids, per language, compiled once from the lexicon with the same stemmers as the text.
const LEXICON: Record<AnalyzedLanguage, Map<string, string[]>> = { en: new Map(), nb: new Map() };
for (const concept of CONCEPTS) {
  for (const language of ['en', 'nb'] as const) {
    for (const word of concept.words[language]) {
      const key = stem(word, language);
      const ids = LEXICON[language].get(key) ?? [];
      if (!ids.includes(concept.id)) ids.push(concept.id);
      LEXICON[language].set(key, ids);
    }
  }
}

/** Concept ids a word's stem belongs to in a language (none for languages without a lexicon). */
export function conceptsOf(stemmed: string, language: AnalyzedLanguage | null): string[] {
  return language ? (LEXICON[language].get(stemmed) ?? []) : [];
}

/** Every lexicon stem of a language, for matching a misspelt question word to its concept. */
export function lexiconStems(language: AnalyzedLanguage): Iterable<[string, string[]]> {
  return LEXICON[language].entries();
}

/**
 * Splits text into word tokens with offsets, stems and concepts. Stop words are kept, marked, so
 * that callers which need positions (highlighting) and callers which need terms (indexing) share one pass.
 * Offsets are counted from `offset`: the position of `text` in a larger text.
 */
export function tokenize(text: string, language: AnalyzedLanguage | null, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const [index, segment] of wordSpans(text, language)) {
    const stemmed = stem(segment, language);
    if (!stemmed) continue;
    tokens.push({
      start: offset + index,
      end: offset + index + segment.length,
      stem: stemmed,
      concepts: conceptsOf(stemmed, language),
      stopWord: isStopWord(segment, language),
    });
  }
  return tokens;
}

/** The index terms of a token: its stem, and a term per concept. */
export function indexTerms(token: Token): string[] {
  return [token.stem, ...token.concepts.map((id) => CONCEPT_TERM_PREFIX + id)];
}

/**
 * Guesses the language of a short question from its stop words; questions are too short for
 * statistical detection. English wins ties: it is the team's working language.
 */
export function guessQuestionLanguage(question: string): AnalyzedLanguage {
  const words = question.toLowerCase().match(/\p{L}+/gu) ?? [];
  const hits = (language: AnalyzedLanguage) =>
    words.filter((word) => STOP_WORDS[language].has(word) || LEXICON[language].has(stem(word, language))).length;
  return hits('nb') > hits('en') ? 'nb' : 'en';
}
