import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { Engine } from '../../src/engine/engine.js';
import { AnalysisStore } from '../../src/engine/indexing/analysisStore.js';
import type { PackedPassage } from '../../src/search/passages.js';
import type { Hit, SearchIndex, SearchIndexFactory, TermChoice } from '../../src/search/searchIndex.js';
import { indexTerms } from '../../src/text/analyze.js';
import { SEED_CORPUS } from '../helpers.js';

/**
 * A search library as plain as can be: every passage read in full for every query, scored by how
 * many of the question's words it has. Enough to show the engine needs nothing but `SearchIndex`.
 */
class ScanIndex implements SearchIndex {
  readonly calls: string[] = [];
  private readonly termsOf: Set<string>[];

  constructor(readonly passages: readonly PackedPassage[]) {
    this.termsOf = passages.map(
      (passage) => new Set(passage.tokens.filter((token) => !token.stopWord).flatMap(indexTerms)),
    );
  }

  get size(): number {
    return this.passages.length;
  }

  get nextId(): number {
    return this.passages.length;
  }

  passage(id: number): PackedPassage | undefined {
    return this.passages[id];
  }

  update(): never {
    throw new Error('a scan index is not updated');
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
