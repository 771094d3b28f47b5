import { createHash } from 'node:crypto';
import type { Article } from '../../model/article.js';
import { miniSearchIndex } from '../../search/minisearch/passageIndex.js';
import { stemTable, type PackedPassage } from '../../search/passages.js';
import type { SearchIndex, SearchIndexFactory } from '../../search/searchIndex.js';
import { analyze, packAnalysis, unpackAnalysis, type Analysis } from './analysis.js';
import { analyzeInThreads, THREADS_FROM_ARTICLES } from './analysisThreads.js';
import type { CacheContents, StoredAnalysis } from './cacheFile.js';

/**
 * The analysis of each article (passages, tokens, figures), kept across builds and keyed by
 * everything it depends on, so that a reload re-analyzes only the articles that changed; and the
 * index last built from them. Both are saved to and seeded from the cache file (see cacheFile.ts),
 * so that a restart over the same articles reads the index back instead of building it.
 */
export class AnalysisStore {
  private entries = new Map<string, Analysis>();
  /** Analyses read from the cache file and not yet met in a corpus. */
  private stored = new Map<string, StoredAnalysis>();
  /** For each stem number of the cache file, the number of the same stem in this process; null when they are the same. */
  private storedStemIds: Uint32Array | null = null;
  /** The index read from the cache file, waiting for the passages of the articles it indexes. */
  private savedIndex: (SavedIndex & { layout: string }) | null = null;
  private lastIndex: { layout: string; firstIds: Uint32Array; index: SearchIndex } | null = null;
  /** How many articles this store has analyzed (not taken from an earlier build or the cache file): what a reload cost. */
  analyzed = 0;
  /** Whether saving now would write something other than the file read: an article analyzed or dropped, an index built. */
  changed = true;
  /** Why the last `prepare` could not use its threads for every article, if it could not. */
  workerProblem: string | null = null;

  /** @param searchIndex the search library the indexes are made with; MiniSearch unless a test brings another. */
  constructor(readonly searchIndex: SearchIndexFactory = miniSearchIndex) {}

  /**
   * Analyses and the index read from the cache file, used when the same articles are met. The index
   * is read into the search library now: at start-up, while the corpus files are still being read.
   */
  seed({ stems, entries, index }: CacheContents): void {
    this.stored = new Map(entries);
    const ids = Uint32Array.from(stems, (stem) => stemTable.id(stem));
    // A fresh process numbers the file's stems as the file does: nothing to renumber.
    this.storedStemIds = ids.every((id, n) => id === n) ? null : ids;
    this.savedIndex = null;
    if (index) {
      try {
        this.savedIndex = {
          layout: index.layout,
          firstIds: index.firstIds,
          restore: this.searchIndex.readSnapshot(index.snapshot),
        };
      } catch {
        // a damaged index is built again, like a damaged file
      }
    }
    this.changed = false;
  }

  /**
   * Analyzes on worker threads, ahead of `analysisOf`, the articles neither analyzed nor in the cache
   * file, when they are enough to be worth it; `onChunk` runs after each chunk arrives. A thread that
   * fails leaves its articles to `analysisOf`, on this thread; the reason is kept in {@link workerProblem}.
   */
  async prepare(articles: readonly Article[], onChunk: () => void = () => {}): Promise<void> {
    this.workerProblem = null;
    const missing = articles.filter((article) => !this.has(article));
    if (missing.length < THREADS_FROM_ARTICLES) return;
    try {
      await analyzeInThreads(missing, (chunk, analyses, remap) => {
        chunk.forEach((article, i) => {
          this.entries.set(keyOf(article), unpackAnalysis(article, analyses[i]!, remap));
        });
        this.analyzed += chunk.length;
        this.changed = true;
        onChunk();
      });
    } catch (error) {
      this.workerProblem = `analysis threads failed (${error instanceof Error ? error.message : String(error)}); the rest was analyzed on the main thread`;
    }
  }

  /**
   * Passages (numbered from `firstId`) and raw claims of an article, analyzed now or earlier. The
   * store keeps the passages as numbered here: the engine and the store share them, and the next
   * build over the same corpus takes them as they are.
   */
  analysisOf(article: Article, firstId: number): Analysis {
    const key = keyOf(article);
    let entry = this.entries.get(key);
    if (!entry) {
      const stored = this.stored.get(key);
      entry = stored ? unpackAnalysis(article, stored, this.storedStemIds, firstId) : analyze(article, firstId);
      if (!stored) {
        this.changed = true;
        this.analyzed++;
      }
      this.stored.delete(key);
      this.entries.set(key, entry);
    }
    const first = entry.passages[0];
    // Elsewhere in the corpus, or the same text and metadata under a new Article object: reuse the work.
    if (first && (first.id !== firstId || first.article !== article)) {
      entry = {
        passages: entry.passages.map((passage, i) => passage.relocated(firstId + i, article)),
        claims: entry.claims,
      };
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Whether an article is analyzed already, here or in the cache file. */
  has(article: Article): boolean {
    const key = keyOf(article);
    return this.entries.has(key) || this.stored.has(key);
  }

  /**
   * The index the cache file holds, if it is the index of exactly these articles, in this order:
   * the first passage id it gave each article (an index updated in place numbers the articles
   * changed since its first build after the others), and how to read it back given their passages
   * numbered so, in id order; that throws if they do not fit.
   */
  savedIndexOf(articles: readonly Article[]): SavedIndex | null {
    const saved = this.savedIndex;
    if (!saved || saved.firstIds.length !== articles.length) return null;
    return saved.layout === layoutOf(articles, saved.firstIds) ? saved : null;
  }

  /**
   * Keeps what the next build and the cache file need of a corpus just indexed: its analyses and its
   * index (`built`: made anew, not read back) with the first passage id of each article, forgetting
   * articles no longer in it, so the store never outgrows it.
   */
  keep(articles: readonly Article[], index: SearchIndex, built: boolean, firstIds: Uint32Array): void {
    const keep = new Set(articles.map(keyOf));
    for (const key of this.entries.keys()) {
      if (keep.has(key)) continue;
      this.entries.delete(key);
      this.changed = true;
    }
    if (this.stored.size > 0 || built) this.changed = true;
    this.stored.clear();
    this.savedIndex = null;
    this.lastIndex = { layout: layoutOf(articles, firstIds), firstIds, index };
  }

  /** Every analysis, packed for the cache file, with the stem table the packed tokens point into and the last index built. */
  export(): CacheContents {
    const entries: [string, StoredAnalysis][] = [...this.entries].map(([key, analysis]) => [
      key,
      packAnalysis(analysis),
    ]);
    const index = this.lastIndex && {
      layout: this.lastIndex.layout,
      firstIds: this.lastIndex.firstIds,
      snapshot: this.lastIndex.index.snapshot(),
    };
    return { stems: stemTable.stems, entries, index };
  }
}

/** A saved index: the first passage id of each article as it numbered them, and how to read it back given them. */
export interface SavedIndex {
  firstIds: ArrayLike<number>;
  restore: (passages: readonly PackedPassage[]) => SearchIndex;
}

const keys = new WeakMap<Article, string>();

function keyOf(article: Article): string {
  let key = keys.get(article);
  if (key === undefined) {
    key = createHash('sha1')
      .update(`${article.id}\0${article.language}\0${article.published}\0${article.text}`)
      .digest('base64');
    keys.set(article, key);
  }
  return key;
}

/** Which articles, in which order, with which titles (indexed too) and passage ids: what decides whether a saved index fits. */
function layoutOf(articles: readonly Article[], firstIds: ArrayLike<number>): string {
  const hash = createHash('sha1');
  articles.forEach((article, i) => {
    hash.update(keyOf(article)).update(`\0${article.title}\0${firstIds[i]}\n`);
  });
  return hash.digest('base64');
}
