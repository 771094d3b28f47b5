import { createHash } from 'node:crypto';
import type { Article } from '../corpus/article.js';
import { extractClaims, type Claim } from '../figures/claims.js';
import { PassageIndex, type IndexBuilder, type ReadSnapshot } from '../search/passageIndex.js';
import { analyzeArticle, Passage, PACKED_TOKEN_WIDTH, stemTable } from '../search/passages.js';
import { analyzerLanguage } from '../text/language.js';
import { analyzeInWorkers, WORKERS_FROM_ARTICLES } from './analysisWorkers.js';
import { numbersOf } from './facts.js';
import { packClaim, unpackClaim, type CacheContents, type StoredAnalysis } from './indexCache.js';

interface Analysis {
  passages: Passage[];
  claims: Claim[];
}

/**
 * The analysis of each article (passages, tokens, figures), kept across rebuilds of the index and
 * keyed by everything it depends on, so that a reload re-analyzes only the articles that changed.
 * It can be saved to and seeded from the index cache file, with the last index built, so that a
 * restart over the same articles reads the index back instead of building it.
 */
export class AnalysisCache {
  private entries = new Map<string, Analysis>();
  private stored = new Map<string, StoredAnalysis>();
  /** For each stem number of the cache file, the number of the same stem in this process. */
  private storedStemIds = new Uint32Array(0);
  private storedIndex: { layout: string; snapshot: ReadSnapshot } | null = null;
  private built: { layout: string; index: PassageIndex } | null = null;
  /** Whether saving now would write something other than the file read: an article analyzed or dropped, an index built. */
  changed = true;

  /**
   * Analyses and the index read from the cache file, used when the same articles are met. The index
   * is read into MiniSearch now: at start-up, while the corpus files are still being read.
   */
  seed({ stems, entries, index }: CacheContents): void {
    this.stored = new Map(entries);
    this.storedStemIds = Uint32Array.from(stems, (stem) => stemTable.id(stem));
    this.storedIndex = null;
    if (index) {
      try {
        this.storedIndex = { layout: index.layout, snapshot: PassageIndex.readSnapshot(index.snapshot) };
      } catch {
        // a damaged index is built again, like a damaged file
      }
    }
    this.changed = false;
  }

  /**
   * Analyzes on worker threads, ahead of `analyze`, the articles neither analyzed nor in the cache
   * file, when they are enough to be worth it; `onChunk` runs after each chunk arrives. A thread that
   * fails leaves its articles to `analyze`, on this thread; the reason is kept in {@link workerProblem}.
   */
  async prepare(articles: readonly Article[], onChunk: () => void = () => {}): Promise<void> {
    this.workerProblem = null;
    const missing = articles.filter((article) => !this.has(article));
    if (missing.length < WORKERS_FROM_ARTICLES) return;
    try {
      await analyzeInWorkers(missing, (chunk, analyses, remap) => {
        chunk.forEach((article, i) => {
          this.entries.set(keyOf(article), this.hydrate(article, analyses[i]!, remap));
        });
        this.changed = true;
        onChunk();
      });
    } catch (error) {
      this.workerProblem = `analysis threads failed (${error instanceof Error ? error.message : String(error)}); the rest was analyzed on the main thread`;
    }
  }

  /** Why the last `prepare` could not use its threads for every article, if it could not. */
  workerProblem: string | null = null;

  /** Passages (renumbered from `firstId`) and raw claims of an article, analyzed now or earlier. */
  analyze(article: Article, firstId: number): Analysis {
    const key = keyOf(article);
    let entry = this.entries.get(key);
    if (!entry) {
      const stored = this.stored.get(key);
      entry = stored ? this.hydrate(article, stored, this.storedStemIds) : analyzeFresh(article);
      if (!stored) this.changed = true;
      this.stored.delete(key);
      this.entries.set(key, entry);
    } else if (entry.passages[0] && entry.passages[0].article !== article) {
      // Same text and metadata under a new Article object: reuse the work, point at the new object.
      entry = {
        passages: entry.passages.map((passage) => passage.relocated(passage.id, article)),
        claims: entry.claims,
      };
      this.entries.set(key, entry);
    }
    const passages =
      entry.passages[0]?.id === firstId
        ? entry.passages
        : entry.passages.map((passage, i) => passage.relocated(firstId + i, article));
    return { passages, claims: entry.claims };
  }

  /** Whether an article is analyzed already, here or in the cache file. */
  has(article: Article): boolean {
    const key = keyOf(article);
    return this.entries.has(key) || this.stored.has(key);
  }

  /** Whether the cache file holds the index of exactly these articles, in this order. */
  holdsIndexOf(articles: readonly Article[]): boolean {
    return this.storedIndex?.layout === layoutOf(articles);
  }

  /**
   * The index of a corpus' passages (as `analyze` numbered them): read back from the cache file if
   * it holds it, else built (or taken from `built`, indexed while the articles were analyzed).
   */
  index(articles: readonly Article[], passages: readonly Passage[], built?: IndexBuilder): PassageIndex {
    const layout = layoutOf(articles);
    let index: PassageIndex | null = null;
    if (this.storedIndex?.layout === layout) {
      try {
        index = PassageIndex.restore(passages, this.storedIndex.snapshot);
      } catch {
        index = null; // a snapshot that does not fit is rebuilt, like a damaged file
      }
    }
    this.storedIndex = null;
    if (!index) {
      index = built ? built.finish(passages) : PassageIndex.build(passages);
      this.changed = true;
    }
    this.built = { layout, index };
    return index;
  }

  /** Forgets articles no longer in the corpus, so the cache never outgrows it. */
  retain(articles: readonly Article[]): void {
    const keep = new Set(articles.map(keyOf));
    for (const key of this.entries.keys()) {
      if (keep.has(key)) continue;
      this.entries.delete(key);
      this.changed = true;
    }
    if (this.stored.size > 0) this.changed = true;
    this.stored.clear();
  }

  /** Every analysis, packed for the cache file, with the stem table the packed tokens point into and the last index built. */
  export(): CacheContents {
    const entries: [string, StoredAnalysis][] = [...this.entries].map(([key, analysis]) => [
      key,
      storeAnalysis(analysis),
    ]);
    const index = this.built && { layout: this.built.layout, snapshot: this.built.index.snapshot() };
    return { stems: stemTable.stems, entries, index };
  }

  /** An analysis read back (from the cache file, or a thread), its stems numbered by `remap[n]` in this process. */
  private hydrate(article: Article, stored: StoredAnalysis, remap: ArrayLike<number>): Analysis {
    const language = analyzerLanguage(article.language);
    const passages = stored.passages.map((data, i) => {
      const tokens = data.tokens;
      for (let at = 2; at < tokens.length; at += PACKED_TOKEN_WIDTH) tokens[at] = remap[tokens[at]!]!;
      const passage = new Passage(
        i,
        article,
        data.index,
        data.start,
        data.end,
        pairs(data.sentences),
        language,
        tokens,
      );
      passage.numbers = data.numbers;
      return passage;
    });
    return { passages, claims: stored.claims.map((claim) => unpackClaim(claim, article)) };
  }
}

function pairs(flat: number[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i < flat.length; i += 2) spans.push({ start: flat[i]!, end: flat[i + 1]! });
  return spans;
}

/** Analyzes an article now: passages, their tokens and figures, and its claims. */
export function analyzeFresh(article: Article): Analysis {
  const passages = analyzeArticle(article);
  // Figures are read on every question that finds the passage: read them now, not mid-answer.
  for (const passage of passages) passage.numbers = numbersOf(passage);
  return { passages, claims: extractClaims(passages) };
}

/** An analysis as the cache file and the analysis threads carry it. */
export function storeAnalysis({ passages, claims }: Analysis): StoredAnalysis {
  return {
    claims: claims.map((claim) => packClaim(claim, passages[0]!.article)),
    passages: passages.map((passage) => ({
      index: passage.index,
      start: passage.start,
      end: passage.end,
      sentences: passage.sentences.flatMap((span) => [span.start, span.end]),
      tokens: passage.packedTokens,
      numbers: passage.numbers ?? numbersOf(passage),
    })),
  };
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

/** Which articles, in which order, with which titles (indexed too): what decides whether a saved index fits. */
function layoutOf(articles: readonly Article[]): string {
  const hash = createHash('sha1');
  for (const article of articles) hash.update(keyOf(article)).update(`\0${article.title}\n`);
  return hash.digest('base64');
}
