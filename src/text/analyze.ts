import { languageFor, languages } from '../languages/index.js';
import { conceptsOf, inLexicon } from './lexicon.js';
import type { Token } from '../model/passage.js';
import type { AnalyzedLanguage } from './language.js';
import { elidedLength, isStopWord, stem, stopWordsOf } from './stem.js';

export { conceptsOf, lexiconStems } from './lexicon.js';
export { fold, isStopWord, stem } from './stem.js';

/** Index terms of concepts carry this prefix so they can never collide with a word's stem. */
export const CONCEPT_TERM_PREFIX = '~';

// Making a segmenter costs more than segmenting a passage with it: one per language, kept.
const wordSegmenters = new Map<AnalyzedLanguage | null, Intl.Segmenter>();
function wordSegmenter(language: AnalyzedLanguage | null): Intl.Segmenter {
  let segmenter = wordSegmenters.get(language);
  if (!segmenter) {
    const locale = language ? languageFor(language)?.analysis.segmenterLocale : undefined;
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
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

/**
 * Splits text into word tokens with offsets, stems and concepts. Stop words are kept, marked, so
 * that callers which need positions (highlighting) and callers which need terms (indexing) share one pass.
 * Offsets are counted from `offset`: the position of `text` in a larger text.
 */
export function tokenize(text: string, language: AnalyzedLanguage | null, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const [at, word] of wordSpans(text, language)) {
    // "l'armée", "d'obus": the elided word is a token of its own, so that "obus d'artillerie" stops at "d'".
    const elided = elidedLength(word, language);
    const parts: [number, string][] =
      elided > 0
        ? [
            [at, word.slice(0, elided - 1)],
            [at + elided, word.slice(elided)],
          ]
        : [[at, word]];
    for (const [index, segment] of parts) {
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
  }
  return tokens;
}

/** The index terms of a token: its stem, and a term per concept. */
export function indexTerms(token: Token): string[] {
  return [token.stem, ...token.concepts.map((id) => CONCEPT_TERM_PREFIX + id)];
}

/**
 * Guesses the language of a short question from its stop words and concept words; questions are
 * too short for statistical detection. English wins ties: it is the team's working language.
 */
export function guessQuestionLanguage(question: string): AnalyzedLanguage {
  const words = question.toLowerCase().match(/\p{L}+/gu) ?? [];
  const hits = (language: string) =>
    words.filter((word) => stopWordsOf(language).has(word) || inLexicon(stem(word, language), language)).length;
  let best = languages()[0]!.tags[0]!;
  let bestHits = hits(best);
  for (const module of languages().slice(1)) {
    const language = module.tags[0]!;
    const count = hits(language);
    if (count > bestHits) {
      best = language;
      bestHits = count;
    }
  }
  return best;
}
