import v8 from 'node:v8';
import type { Corpus } from '../corpus/load.js';

/**
 * What a corpus needs of the JavaScript heap, told before it is built: a corpus past the heap's
 * limit would otherwise end the process midway with V8's "heap out of memory", which says nothing
 * of the cure. Measured on the benchmark corpus (eight languages), a start without a cache file
 * that then writes it, compiled engine: 10,000 articles (95,955 passages) peaked at 391 MB of heap
 * used, 100,000 (952,231 passages) at 2,334 MB; see docs/scaling.md.
 */

/** Characters of article text per passage on the benchmark corpus: 111,223,337 / 952,231 (117 at 10k too). */
const CHARS_PER_PASSAGE = 117;
/** Heap per passage at the peak, the slope between the two sizes measured (2.3 KB), rounded up. */
const PEAK_BYTES_PER_PASSAGE = 2.5 * 1024;
/** The process before any passage: its code, the languages' tables (where the line between the sizes meets zero passages). */
const BASE_BYTES = 160 * 1024 * 1024;
/** Room asked for above the estimate: garbage between collections, the estimate's error. */
const HEADROOM = 1.25;

const MB = 1024 * 1024;

export interface HeapEstimate {
  articles: number;
  /** Passages the text will make, roughly. */
  passages: number;
  neededMB: number;
  limitMB: number;
  fits: boolean;
  /** What to give `--max-old-space-size` (MB, a multiple of 256) for this corpus. */
  suggestedMB: number;
}

/** How many articles and characters of text a corpus holds: what its heap is estimated from. */
export function corpusSize(corpus: Corpus): { articles: number; characters: number } {
  let characters = 0;
  for (const article of corpus.articles) characters += article.text.length;
  return { articles: corpus.articles.length, characters };
}

/** The heap a corpus of this size needs at its peak, against `limitBytes` (this process' limit by default). */
export function estimateHeap(
  { articles, characters }: { articles: number; characters: number },
  limitBytes = v8.getHeapStatistics().heap_size_limit,
): HeapEstimate {
  const passages = Math.ceil(characters / CHARS_PER_PASSAGE);
  const needed = BASE_BYTES + passages * PEAK_BYTES_PER_PASSAGE;
  return {
    articles,
    passages,
    neededMB: Math.ceil(needed / MB),
    limitMB: Math.floor(limitBytes / MB),
    fits: needed <= limitBytes,
    suggestedMB: Math.ceil((needed * HEADROOM) / MB / 256) * 256,
  };
}

/** The one log line for a corpus that does not fit: what it needs, what there is, and how to raise it. */
export function heapAdvice(estimate: HeapEstimate): string {
  return (
    `the corpus (${estimate.articles} articles, about ${estimate.passages} passages) needs about ` +
    `${estimate.neededMB} MB of JavaScript heap, more than the ${estimate.limitMB} MB this process may use: ` +
    `start it with NODE_OPTIONS=--max-old-space-size=${estimate.suggestedMB} (the machine needs that much free memory)`
  );
}
