import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { wordSpans } from '../../src/text/analyze.js';
import type { AnalyzedLanguage } from '../../src/text/language.js';
import { SEED_CORPUS } from '../helpers.js';

/** What Intl.Segmenter calls the words of a text: the reference the fast path must equal. */
function segmenterWords(text: string, language: AnalyzedLanguage | null): [number, string][] {
  const segmenter = new Intl.Segmenter(language ?? undefined, { granularity: 'word' });
  return [...segmenter.segment(text)]
    .filter((segment) => segment.isWordLike)
    .map((segment) => [segment.index, segment.segment]);
}

// Characters whose word-break rules differ: letters (ASCII, Latin-1), digits, every joiner, connectors, spaces, other punctuation,
// and a few outside the fast path's range (combining accent, soft hyphen, Cyrillic, CJK, emoji) to check the fallback.
const TRICKY = [
  'a',
  'Z',
  'é',
  'ø',
  'Å',
  'ß',
  'ª',
  'µ',
  '0',
  '7',
  ' ',
  '  ',
  '\n',
  '\t',
  '\u00a0',
  '.',
  ',',
  ':',
  ';',
  "'",
  '’',
  '‘',
  '_',
  '-',
  '–',
  '·',
  '\u2024',
  '\u2044',
  '\u2027',
  '\u203f',
  '"',
  '!',
  '?',
  '(',
  '%',
  '$',
  '/',
  '@',
  '#',
  '&',
  '*',
  '+',
  '=',
  '…',
  '«',
  '»',
  '\u0301',
  '\u00ad',
  'ж',
  '中',
  '😀',
  '\u200d',
];

describe('words of a text', () => {
  it('GIVEN random text over tricky characters THEN the words are those of Intl.Segmenter, in English, Norwegian and no language', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TRICKY), { maxLength: 40 }),
        fc.constantFrom<AnalyzedLanguage | null>('en', 'nb', null),
        (parts, language) => {
          const text = parts.join('');
          expect(wordSpans(text, language)).toEqual(segmenterWords(text, language));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('GIVEN the seed articles THEN the words are those of Intl.Segmenter', async () => {
    for (const article of (await loadCorpus(SEED_CORPUS)).articles) {
      const language = article.language === 'nb' ? 'nb' : 'en';
      expect(wordSpans(article.text, language)).toEqual(segmenterWords(article.text, language));
    }
  });

  it.each([
    ['U.S. troops', ['U.S', 'troops']],
    ["don't 1,000 1.5 F-16", ["don't", '1,000', '1.5', 'F', '16']],
    ['_ _a __', ['_a', '__']],
  ])('GIVEN %j THEN the words are %j', (text, words) => {
    expect(wordSpans(text, 'en').map(([, word]) => word)).toEqual(words);
  });
});
