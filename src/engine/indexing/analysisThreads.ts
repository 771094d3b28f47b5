import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Article } from '../../model/article.js';
import { stemTable } from '../../search/passages.js';
import { nextMessage, startThread } from '../../threads.js';
import type { StoredAnalysis } from './cacheFile.js';

/**
 * Analyzing articles (sentences, stems, figures) is most of the work of indexing a corpus. Below
 * this many articles, threads cost more to start than they save, and the work runs in place.
 */
export const THREADS_FROM_ARTICLES = 200;
/** Articles sent to a thread at a time: large enough to amortise a message, small enough to share the work evenly. */
const CHUNK = 50;

/** What a thread sends back for a chunk: the analyses, stems numbered by its own table, and the stems it added to that table. */
export interface ChunkResult {
  analyses: StoredAnalysis[];
  newStems: string[];
}

export interface ChunkRequest {
  articles: Article[];
}

/**
 * Analyzes articles on worker threads, one per core, and hands each chunk's analyses to `accept`
 * as they come, with the map from the thread's stem numbers to this process' (`remap[n]`). The
 * event loop stays free meanwhile: the bot keeps answering while a large corpus is analyzed.
 */
export async function analyzeInThreads(
  articles: readonly Article[],
  accept: (articles: readonly Article[], analyses: StoredAnalysis[], remap: readonly number[]) => void,
): Promise<void> {
  const chunks: Article[][] = [];
  for (let i = 0; i < articles.length; i += CHUNK) chunks.push(articles.slice(i, i + CHUNK));
  const threads = Math.max(1, Math.min(os.availableParallelism(), chunks.length));
  let next = 0;
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const worker = startThread(import.meta.url, 'analysisThread');
      const remap: number[] = [];
      try {
        while (next < chunks.length) {
          const chunk = chunks[next++]!;
          const result = await request(worker, { articles: chunk });
          for (const stem of result.newStems) remap.push(stemTable.id(stem));
          accept(chunk, result.analyses, remap);
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
}

function request(worker: Worker, message: ChunkRequest): Promise<ChunkResult> {
  const reply = nextMessage<ChunkResult | { error: string }>(worker);
  worker.postMessage(message);
  return reply.then((result) => {
    if ('error' in result) throw new Error(result.error);
    return result;
  });
}
