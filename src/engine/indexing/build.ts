import type { Claim } from '../../model/claim.js';
import type { Corpus } from '../../corpus/load.js';
import type { PackedPassage } from '../../search/passages.js';
import type { IndexBuilder, SearchIndex } from '../../search/searchIndex.js';
import { AnalysisStore } from './analysisStore.js';
import { runInSlices, runToEnd } from './slices.js';

export interface BuildOptions {
  /**
   * The analyses (and index) of an earlier build or of the cache file, reused for the articles that
   * did not change; what this build makes is kept there. A new, empty store when unset.
   */
  store?: AnalysisStore;
  /**
   * Analyze every article on this thread and index in one go, never letting the event loop through.
   * Off by default: from 200 articles the analysis runs on worker threads (see analysisThreads.ts),
   * and the index is built in slices, so a bot rebuilding a large corpus still answers meanwhile.
   */
  atOnce?: boolean;
}

/** A corpus indexed: every passage in corpus order (passage ids follow it), every raw claim, and the index. */
export interface BuiltIndex {
  passages: readonly PackedPassage[];
  claims: readonly Claim[];
  index: SearchIndex;
}

/** Passages indexed between two pauses of work done in slices: some 20 ms. */
const SLICE_PASSAGES = 1000;

/**
 * Indexes a corpus: the articles' analyses, taken from the store or made now, put together article
 * by article in corpus order, and the index over their passages, read back from the cache file when
 * it holds the index of these very articles, else built as the analyses arrive. The index is always
 * built whole, so an engine is never half-built.
 */
export async function buildIndex(
  corpus: Corpus,
  { store = new AnalysisStore(), atOnce = false }: BuildOptions = {},
): Promise<BuiltIndex> {
  const { articles } = corpus;
  const restore = store.savedIndexOf(articles);
  const assembly = new Assembly(corpus, store, restore ? null : store.searchIndex.builder());
  if (atOnce) runToEnd(assembly.taking(true));
  else {
    // Articles are indexed as their analyses arrive, in corpus order, while the threads go on.
    await store.prepare(articles, () => runToEnd(assembly.taking(false)));
    // The rest (from the store, or analyzed here) in slices: a bot rebuilding 100k passages still answers meanwhile.
    await runInSlices(assembly.taking(true));
  }
  const { passages, claims } = assembly;
  let index: SearchIndex | null = null;
  if (restore) {
    try {
      index = restore(passages);
    } catch {
      index = null; // a saved index that does not fit is built again, like a damaged file
    }
  }
  const built = index === null;
  if (!index) {
    const builder = assembly.builder ?? store.searchIndex.builder();
    if (!assembly.builder) for (const passage of passages) builder.add(passage);
    index = builder.finish(passages);
  }
  store.keep(articles, index, built);
  return { passages, claims, index };
}

/** A corpus' passages and claims, put together article by article in corpus order, indexed as they come unless `builder` is null. */
class Assembly {
  readonly passages: PackedPassage[] = [];
  readonly claims: Claim[] = [];
  private next = 0;

  constructor(
    private readonly corpus: Corpus,
    private readonly store: AnalysisStore,
    readonly builder: IndexBuilder | null,
  ) {}

  /** Takes the next articles while they are analyzed already (`all`: every one, analyzing the rest now), pausing every slice. */
  *taking(all: boolean): Generator<void, void> {
    const { articles } = this.corpus;
    let sincePause = 0;
    while (this.next < articles.length && (all || this.store.has(articles[this.next]!))) {
      const analysis = this.store.analysisOf(articles[this.next++]!, this.passages.length);
      this.passages.push(...analysis.passages);
      this.claims.push(...analysis.claims);
      if (this.builder) for (const passage of analysis.passages) this.builder.add(passage);
      sincePause += analysis.passages.length;
      if (sincePause >= SLICE_PASSAGES) {
        sincePause = 0;
        yield;
      }
    }
  }
}
