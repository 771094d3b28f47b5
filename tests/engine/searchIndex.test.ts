import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { Engine } from '../../src/engine/engine.js';
import { AnalysisStore } from '../../src/engine/indexing/analysisStore.js';
import { parseQuestion } from '../../src/engine/question.js';
import type { Passage } from '../../src/search/passages.js';
import type { Hit, SearchIndex, SearchIndexFactory, TermChoice } from '../../src/search/searchIndex.js';
import { indexTerms } from '../../src/text/analyze.js';
import { SEED_CORPUS, tempCorpus } from '../helpers.js';

/**
 * A search library as plain as can be: every passage read in full for every query, scored by how
 * many of the question's words it has. Enough to show the engine needs nothing but `SearchIndex`.
 */
class ScanIndex implements SearchIndex {
  readonly calls: string[] = [];
  private readonly termsOf: Set<string>[];

  constructor(readonly passages: readonly Passage[]) {
    this.termsOf = passages.map(
      (passage) => new Set(passage.tokens.filter((token) => !token.stopWord).flatMap(indexTerms)),
    );
  }

  get size(): number {
    return this.passages.length;
  }

  frequency(term: string): number {
    this.calls.push('frequency');
    return this.termsOf.filter((terms) => terms.has(term)).length;
  }

  surfaceOf(): string | null {
    return null;
  }

  expand(stem: string): TermChoice[] {
    return [{ term: stem, weight: 1 }];
  }

  similarStems(): string[] {
    return [];
  }

  find(words: readonly TermChoice[][]): Hit[] {
    this.calls.push('find');
    const hits: Hit[] = [];
    this.passages.forEach((passage, i) => {
      const textTerms = new Set<string>();
      const matched = words.map((choices) =>
        choices.some(({ term }) => this.termsOf[i]!.has(term) && textTerms.add(term)),
      );
      const score = matched.filter(Boolean).length;
      if (score > 0) hits.push({ passage, score, matched, textTerms });
    });
    return hits.sort((a, b) => b.score - a.score || a.passage.id - b.passage.id);
  }

  snapshot(): never {
    throw new Error('a scan index is not saved');
  }
}

function scanLibrary(): SearchIndexFactory & { made: ScanIndex[] } {
  const made: ScanIndex[] = [];
  return {
    made,
    builder() {
      return {
        add() {},
        finish(passages) {
          const index = new ScanIndex(passages);
          made.push(index);
          return index;
        },
      };
    },
    readSnapshot() {
      throw new Error('a scan index is not saved');
    },
  };
}

describe('the engine behind the SearchIndex interface', () => {
  it('GIVEN an engine built over another search library THEN it answers, knows words and counts passages through that library alone', async () => {
    const library = scanLibrary();
    const engine = await Engine.build(await loadCorpus(SEED_CORPUS), { store: new AnalysisStore(library) });
    const [index] = library.made;
    expect(library.made).toHaveLength(1);

    const answer = engine.ask('officers killed');
    expect(answer.status).toBe('answered');
    expect(index!.calls).toContain('find');
    // Cited only from what the scan found: passages with one of the words (or the concept of killing).
    for (const passage of answer.passages) expect(passage.quote.toLowerCase()).toMatch(/kill|officer|dead|died/);

    index!.calls.length = 0;
    expect(engine.knows('zzzyx')).toBe(false);
    expect(index!.calls).toEqual(['frequency']);
    expect(engine.stats().passages).toBe(index!.size);
  });
});

describe('the parsed question on an answer', () => {
  it('GIVEN a figure question THEN the answer carries the question as the engine read it, and its JSON does not', async () => {
    const engine = await Engine.load(SEED_CORPUS);
    const answer = engine.ask('how many troops sent');
    expect(answer.parsed).toEqual(parseQuestion('how many troops sent', (stem) => engine.knows(stem)));
    expect(answer.parsed.ok && answer.parsed.figureCategories).toEqual(['deployed']);
    expect(Object.keys(answer)).not.toContain('parsed');
    expect(JSON.parse(JSON.stringify(answer))).not.toHaveProperty('parsed');
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
