import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { parseQuestion } from '../../src/engine/question.js';
import { SEED_CORPUS, tempCorpus } from '../helpers.js';

describe('a question parsed once', () => {
  it('GIVEN a figure question parsed by the engine THEN it names its category, and asking with it answers as asking with the text', async () => {
    const engine = await Engine.load(SEED_CORPUS);
    const parsed = engine.parse('how many troops sent');
    expect(parsed).toEqual(parseQuestion('how many troops sent', (stem) => engine.knows(stem)));
    expect(parsed.ok && parsed.figureCategories).toEqual(['deployed']);
    expect(engine.ask(parsed, { limit: 5 })).toEqual(engine.ask('how many troops sent', { limit: 5 }));
  });
});

describe('stats and the summary line', () => {
  it('GIVEN the seed corpus THEN stats count its articles, passages and languages', async () => {
    const engine = await Engine.load(SEED_CORPUS);
    const stats = engine.stats();
    expect(stats).toMatchObject({ articles: 5, problems: 0 });
    expect(stats.passages).toBe(engine.sources().articles.reduce((sum, article) => sum + article.passages, 0));
    expect([...stats.languages].sort()).toEqual(['en', 'nb']);
    expect(stats.indexedAt).toBe(engine.indexedAt);
  });

  it('GIVEN an empty corpus folder THEN the summary says it is empty', async () => {
    const corpus = await tempCorpus({});
    try {
      const engine = await Engine.load(corpus.dir);
      expect(engine.summary()).toBe(`${corpus.dir} is empty: no articles to answer from.`);
    } finally {
      await corpus.cleanup();
    }
  });

  it('GIVEN one article of one passage THEN the summary counts in the singular', async () => {
    const corpus = await tempCorpus({ 'a.md': 'At least 12 soldiers were killed, officials said.\n' });
    try {
      const engine = await Engine.load(corpus.dir);
      expect(engine.summary()).toBe(`Indexed 1 article (1 passage) from ${corpus.dir}; no problems.`);
    } finally {
      await corpus.cleanup();
    }
  });
});
