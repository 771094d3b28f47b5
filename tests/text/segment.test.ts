import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildPassages, passageText } from '../../src/search/passages.js';
import { groupPassages, PASSAGE_MAX_CHARS, splitSentences } from '../../src/text/segment.js';
import { SEED_CORPUS } from '../helpers.js';

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
    // Nothing but whitespace falls between passages: no text is lost.
    for (const article of articles) {
      const own = passages.filter((passage) => passage.article === article);
      let rest = article.text;
      for (const passage of [...own].reverse()) rest = rest.slice(0, passage.start) + rest.slice(passage.end);
      expect(rest.trim()).toBe('');
    }
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
