import type { Article } from '../../model/article.js';
import type { Claim } from '../../model/claim.js';
import type { Corpus } from '../../corpus/load.js';
import type { PackedPassage } from '../../search/passages.js';
import type { IndexBuilder, SearchIndex } from '../../search/searchIndex.js';
import { AnalysisStore } from './analysisStore.js';
import { runInSlices, runToEnd } from './slices.js';

export interface BuildOptions {
  /**
   * The analyses (and index) of an earlier build or of the cache file, reused for the articles that
   * did not change; what this build makes is kept there. A new, empty store when unset. An update
   * takes the store its previous index was built with.
   */
  store?: AnalysisStore;
  /**
   * Analyze every article on this thread and index in one go, never letting the event loop through.
   * Off by default: from 200 articles the analysis runs on worker threads (see analysisThreads.ts),
   * and the index is built in slices, so a bot rebuilding a large corpus still answers meanwhile.
   */
  atOnce?: boolean;
}

/** Where an article's passages sit in an index (ids `first` to `first + count - 1`), and its raw claims. */
export interface PlacedArticle {
  first: number;
  count: number;
  claims: readonly Claim[];
}

/** A corpus indexed: every passage in id order, every raw claim in corpus order, the index, and where each article sits in it. */
export interface BuiltIndex {
  passages: readonly PackedPassage[];
  claims: readonly Claim[];
  index: SearchIndex;
  placed: ReadonlyMap<Article, PlacedArticle>;
}

/** Passages indexed between two pauses of work done in slices: some 20 ms. */
const SLICE_PASSAGES = 1000;
/** Unchanged articles walked by an update between two pauses: a few milliseconds. */
const SLICE_ARTICLES = 10_000;

/**
 * Indexes a corpus: the articles' analyses, taken from the store or made now, put together article
 * by article in corpus order, and the index over their passages, read back from the cache file when
 * it holds the index of these very articles (numbered as that index numbered them), else built as
 * the analyses arrive, numbered in corpus order. The index is always built whole, so an engine is
 * never half-built.
 */
export async function buildIndex(
  corpus: Corpus,
  { store = new AnalysisStore(), atOnce = false }: BuildOptions = {},
): Promise<BuiltIndex> {
  const { articles } = corpus;
  const saved = store.savedIndexOf(articles);
  let assembly = new Assembly(corpus, store, saved ? null : store.searchIndex.builder(), saved?.firstIds ?? null);
  if (atOnce) runToEnd(assembly.taking(true));
  else {
    // Articles are indexed as their analyses arrive, in corpus order, while the threads go on.
    await store.prepare(articles, () => runToEnd(assembly.taking(false)));
    // The rest (from the store, or analyzed here) in slices: a bot rebuilding 100k passages still answers meanwhile.
    await runInSlices(assembly.taking(true));
  }
  let index: SearchIndex | null = null;
  if (saved) {
    try {
      index = saved.restore(assembly.passagesById());
    } catch {
      index = null; // a saved index that does not fit is built again, like a damaged file
    }
  }
  const built = index === null;
  if (!index) {
    if (!assembly.builder) {
      // Numbered as the saved index was, which did not fit: number them afresh, in corpus order.
      assembly = new Assembly(corpus, store, store.searchIndex.builder(), null);
      runToEnd(assembly.taking(true));
    }
    index = assembly.builder!.finish(assembly.passages);
  }
  store.keep(articles, index, built, assembly.firstIds);
  return { passages: index.passages, claims: assembly.claims, index, placed: assembly.placed };
}

/**
 * The next index of a corpus that changed since `previous` was built: only the articles not in
 * `previous` (added, or changed: a new Article object) are analyzed (on worker threads when many)
 * and indexed, the passages of those gone are dropped, and every other article's passages and
 * claims are reused as they are, under the same ids. `previous` keeps answering meanwhile.
 */
export async function updateIndex(
  previous: BuiltIndex,
  corpus: Corpus,
  { store = new AnalysisStore(), atOnce = false }: BuildOptions = {},
): Promise<BuiltIndex> {
  const { articles } = corpus;
  const staying = new Set(articles);
  const removed: number[] = [];
  for (const [article, { first, count }] of previous.placed)
    if (!staying.has(article)) for (let id = first; id < first + count; id++) removed.push(id);
  if (!atOnce) await store.prepare(articles.filter((article) => !previous.placed.has(article)));

  const added: PackedPassage[] = [];
  const claims: Claim[] = [];
  const placed = new Map<Article, PlacedArticle>();
  const firstIds = new Uint32Array(articles.length);
  function* placing(): Generator<void, void> {
    let nextId = previous.index.nextId;
    let sincePause = 0;
    for (let i = 0; i < articles.length; i++) {
      const article = articles[i]!;
      let place = previous.placed.get(article);
      if (place) sincePause += SLICE_PASSAGES / SLICE_ARTICLES;
      else {
        // An article analyzed here (too few changed for the threads) is a slice of its own: some 10 ms.
        const analyzedHere = !store.has(article);
        const analysis = store.analysisOf(article, nextId);
        place = { first: nextId, count: analysis.passages.length, claims: analysis.claims };
        nextId += place.count;
        added.push(...analysis.passages);
        sincePause += analyzedHere ? SLICE_PASSAGES : place.count;
      }
      placed.set(article, place);
      firstIds[i] = place.first;
      claims.push(...place.claims);
      if (sincePause >= SLICE_PASSAGES) {
        sincePause = 0;
        yield;
      }
    }
  }
  if (atOnce) runToEnd(placing());
  else await runInSlices(placing());
  const index = await previous.index.update({ removed, added });
  store.keep(articles, index, true, firstIds);
  return { passages: index.passages, claims, index, placed };
}

/** A corpus' passages and claims, put together article by article in corpus order, indexed as they come unless `builder` is null. */
class Assembly {
  readonly passages: PackedPassage[] = [];
  readonly claims: Claim[] = [];
  readonly placed = new Map<Article, PlacedArticle>();
  /** Per article, in corpus order: the id of its first passage. */
  readonly firstIds: Uint32Array;
  private next = 0;
  private nextId = 0;

  /** @param numbering the first passage id of each article, as a saved index numbered them; in corpus order from 0 when null. */
  constructor(
    private readonly corpus: Corpus,
    private readonly store: AnalysisStore,
    readonly builder: IndexBuilder | null,
    private readonly numbering: ArrayLike<number> | null,
  ) {
    this.firstIds = new Uint32Array(corpus.articles.length);
  }

  /** Takes the next articles while they are analyzed already (`all`: every one, analyzing the rest now), pausing every slice. */
  *taking(all: boolean): Generator<void, void> {
    const { articles } = this.corpus;
    let sincePause = 0;
    while (this.next < articles.length && (all || this.store.has(articles[this.next]!))) {
      const article = articles[this.next]!;
      const first = this.numbering ? this.numbering[this.next]! : this.nextId;
      const analysis = this.store.analysisOf(article, first);
      this.firstIds[this.next++] = first;
      this.nextId += analysis.passages.length;
      this.placed.set(article, { first, count: analysis.passages.length, claims: analysis.claims });
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

  /** The passages in id order (corpus order unless numbered as a saved index that was updated in place). */
  passagesById(): PackedPassage[] {
    if (this.passages.every((passage, i) => i === 0 || this.passages[i - 1]!.id < passage.id)) return this.passages;
    return this.passages.sort((a, b) => a.id - b.id);
  }
}
