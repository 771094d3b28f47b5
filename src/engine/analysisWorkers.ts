import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article } from '../corpus/article.js';
import { stemTable } from '../search/passages.js';
import type { StoredAnalysis } from './indexCache.js';

/**
 * Analyzing articles (sentences, stems, figures) is most of the work of indexing a corpus. Below
 * this many articles, threads cost more to start than they save, and the work runs in place.
 */
export const WORKERS_FROM_ARTICLES = 200;
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
export async function analyzeInWorkers(
  articles: readonly Article[],
  accept: (articles: readonly Article[], analyses: StoredAnalysis[], remap: readonly number[]) => void,
): Promise<void> {
  const chunks: Article[][] = [];
  for (let i = 0; i < articles.length; i += CHUNK) chunks.push(articles.slice(i, i + CHUNK));
  const threads = Math.max(1, Math.min(os.availableParallelism(), chunks.length));
  let next = 0;
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const worker = startWorker();
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

function startWorker(): Worker {
  const here = fileURLToPath(import.meta.url);
  const entry = new URL(`./analysisWorker${here.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;
  // Run as TypeScript through tsx when this file is TypeScript; a worker does not inherit the loader.
  const loader = here.endsWith('.ts') ? import.meta.resolve('tsx/esm/api') : null;
  const boot = `
    const { workerData } = require('node:worker_threads');
    (async () => {
      if (workerData.loader) (await import(workerData.loader)).register();
      await import(workerData.entry);
    })();
  `;
  return new Worker(boot, { eval: true, workerData: { entry, loader } });
}

function request(worker: Worker, message: ChunkRequest): Promise<ChunkResult> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (reply: ChunkResult | { error: string }) => {
      cleanup();
      if ('error' in reply) reject(new Error(reply.error));
      else resolve(reply);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`analysis thread exited with code ${code}`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(message);
  });
}
