import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { tempCorpus } from '../helpers.js';

describe('the language of a .txt article', () => {
  let cleanup = async () => {};
  afterEach(() => cleanup());

  it('GIVEN two lines of English, which franc read as Danish, Haitian and Romanian THEN each reads en', async () => {
    const corpus = await tempCorpus({
      'losses.txt': 'Kursk losses\nSome 300 North Korean soldiers have been killed and 2,700 wounded.\n',
      'troops.txt': 'Troops in Kursk\nNorth Korean troops in Kursk lost 1,300 men, Seoul says.\n',
      'sends.txt': 'North Korea sends troops\nMore than 10,000 North Korean soldiers are in Russia, Seoul said.\n',
    });
    cleanup = corpus.cleanup;
    const { articles } = await loadCorpus(corpus.dir);
    expect(articles).toHaveLength(3);
    for (const article of articles) {
      expect(article.language).toBe('en');
      expect(article.provenance.language).toBe('detected from the text');
    }
  });

  it('GIVEN a "Language: de" line near the top THEN it wins over detection, and the title is the headline', async () => {
    const corpus = await tempCorpus({
      'stated.txt':
        'Language: de\nNorth Korean troops reach Kursk\n\nSome 300 North Korean soldiers have been killed and 2,700 wounded, officials said.\n',
    });
    cleanup = corpus.cleanup;
    const { articles } = await loadCorpus(corpus.dir);
    expect(articles[0]).toMatchObject({ language: 'de', title: 'North Korean troops reach Kursk' });
    expect(articles[0]!.provenance.language).toBe('stated in the text');
  });

  it('GIVEN a declaration below the headline, in any case, with a region THEN the canonical tag is kept', async () => {
    const corpus = await tempCorpus({
      'stated.txt': 'Tropas norte-coreanas em Kursk\nlanguage: PT-br\n\nAs tropas chegaram na segunda-feira.\n',
    });
    cleanup = corpus.cleanup;
    const { articles } = await loadCorpus(corpus.dir);
    expect(articles[0]).toMatchObject({ language: 'pt-BR', title: 'Tropas norte-coreanas em Kursk' });
  });

  it('GIVEN "Language:" followed by no tag THEN the line is text and the language is detected', async () => {
    const corpus = await tempCorpus({
      'plain.txt':
        'Language: plain and careful\nSome 300 North Korean soldiers have been killed and 2,700 wounded, officials said.\n',
    });
    cleanup = corpus.cleanup;
    const { articles } = await loadCorpus(corpus.dir);
    expect(articles[0]).toMatchObject({ language: 'en', title: 'Language: plain and careful' });
    expect(articles[0]!.provenance.language).toBe('detected from the text');
  });

  it('GIVEN a one-line headline THEN no language is invented', async () => {
    const corpus = await tempCorpus({ 'headline.txt': 'Kursk\n' });
    cleanup = corpus.cleanup;
    const { articles } = await loadCorpus(corpus.dir);
    expect(articles[0]!.language).toBeNull();
    expect(articles[0]!.provenance.language).toBeUndefined();
  });
});
