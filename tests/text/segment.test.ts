import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildPassages, passageText } from '../../src/search/passages.js';
import type { Article } from '../../src/model/article.js';
import { groupPassages, isFurniture, PASSAGE_MAX_CHARS, splitSentences } from '../../src/text/segment.js';
import { SEED_CORPUS } from '../helpers.js';
/** The lines of the seed articles that are page furniture, not article text: kept out of passages. */
const SEED_FURNITURE = [
  'Font size settings',
  'Print',
  '[Anchor]',
  '[Reporter]',
  'Edit',
  'video: Lee Young-hoon',
  'Related Sources:',
  '•\u00a0Source 1\u00a0•\u00a0Source 2',
  'Original Source: newsukraine.rbc.ua',
  'Post Comment',
  'Dele',
  'Exit mobile version',
];

describe('splitSentences', () => {
  it('GIVEN abbreviations THEN they do not end a sentence', () => {
    const text =
      '[U.S. Secretary of State Tony Blinken (U.N. meeting on Sept. 24): North Korea has delivered shells.] Next one.';
    const sentences = splitSentences(text, 'en').map((span) => text.slice(span.start, span.end));
    expect(sentences).toEqual([
      '[U.S. Secretary of State Tony Blinken (U.N. meeting on Sept. 24): North Korea has delivered shells.]',
      'Next one.',
    ]);
  });

  it('GIVEN a headline line without a full stop THEN it is a sentence of its own', () => {
    const text = 'Troops Face Losses\nSouth Korea reports 100 killed. More may come.';
    expect(splitSentences(text, 'en').map((span) => text.slice(span.start, span.end))).toEqual([
      'Troops Face Losses',
      'South Korea reports 100 killed.',
      'More may come.',
    ]);
  });

  it('GIVEN Norwegian text THEN "26. februar" does not split a sentence', () => {
    const text = 'Rundt 400 soldater ble drept per 26. februar, med ytterligere 3600 skadet. Neste setning.';
    expect(splitSentences(text, 'nb')).toHaveLength(2);
  });
});

describe('groupPassages', () => {
  it('GIVEN short sentences on one line THEN at most two go together, and never across lines', () => {
    const text = 'One. Two. Three.\nFour.';
    const passages = groupPassages(text, splitSentences(text, 'en')).map((span) => text.slice(span.start, span.end));
    expect(passages).toEqual(['One. Two.', 'Three.', 'Four.']);
  });
});

describe('passages of the seed corpus', () => {
  it('GIVEN every seed THEN every passage is an exact substring at its offsets, short, and all text is covered', async () => {
    const { articles } = await loadCorpus(SEED_CORPUS);
    const passages = buildPassages(articles);
    expect(passages.length).toBeGreaterThan(100);
    for (const passage of passages) {
      const quote = passageText(passage);
      expect(passage.article.text.indexOf(quote)).toBeGreaterThanOrEqual(0);
      expect(quote).toBe(quote.trim());
      if (passage.sentences.length > 1) expect(quote.length).toBeLessThanOrEqual(PASSAGE_MAX_CHARS);
    }
    // Nothing but whitespace and whole lines of page furniture falls between passages: no text is lost.
    const left: string[] = [];
    for (const article of articles) {
      const own = passages.filter((passage) => passage.article === article);
      let rest = article.text;
      for (const passage of [...own].reverse()) rest = rest.slice(0, passage.start) + rest.slice(passage.end);
      left.push(...rest.split(/\r?\n/).flatMap((line) => (line.trim() ? [line.trim()] : [])));
    }
    expect(left).toEqual(SEED_FURNITURE);
  });
});

describe('over-long text', () => {
  it('GIVEN a 78,000-character paragraph without full stops THEN sentences stay quotable and cover it all', () => {
    const words = Array.from({ length: 12_000 }, (_, i) => `word${i % 97}`).join(' ');
    const spans = splitSentences(words, 'en');
    expect(spans.every((span) => span.end - span.start <= 600)).toBe(true);
    expect(spans.map((span) => words.slice(span.start, span.end)).join(' ')).toBe(words);
  });
});

describe('page furniture', () => {
  it.each([
    'Share',
    'Share this article',
    'Read also: North Korea sends more shells',
    'READ MORE: Kursk offensive stalls',
    'Exit mobile version',
    'We use cookies to improve your experience. Accept all to continue.',
    'Photo: Yonhap',
    'By Kim Min-ji and Olena Petrenko',
    'Source: example.com',
    'Les også: Nord-Korea sender flere soldater',
    'Av Kari Nordmann',
    '[Anchor]',
  ])('GIVEN the line %j THEN it is furniture, kept out of passages', (line) => {
    expect(isFurniture(line)).toBe(true);
    expect(buildPassages([article(`Headline\n${line}\nAt least 100 soldiers were killed.`)]).map(passageText)).toEqual([
      'Headline',
      'At least 100 soldiers were killed.',
    ]);
  });

  it.each([
    'Share prices fell 3% after the report.',
    'By March, 300 soldiers had died.',
    'By Monday Kim had left Pyongyang.',
    'Print media reported 40 killed.',
    'Sources say 12,000 troops were sent.',
    'Edit: the figure was corrected to 400.',
  ])('GIVEN the article line %j THEN it stays article text', (line) => {
    expect(isFurniture(line)).toBe(false);
  });
});

function article(text: string): Article {
  return {
    id: 'furniture',
    file: 'furniture.md',
    title: 'Headline',
    publisher: null,
    url: null,
    published: null,
    language: 'en',
    text,
    provenance: {},
  };
}
