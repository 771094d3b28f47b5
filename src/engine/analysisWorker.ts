/** A worker thread that analyzes articles (see analysisWorkers.ts). */
import { parentPort } from 'node:worker_threads';
import { stemTable } from '../search/passages.js';
import { analyzeFresh, storeAnalysis } from './analysisCache.js';
import type { ChunkRequest, ChunkResult } from './analysisWorkers.js';

let stemsSent = 0;

parentPort!.on('message', ({ articles }: ChunkRequest) => {
  try {
    const analyses = articles.map((article) => storeAnalysis(analyzeFresh(article)));
    const result: ChunkResult = { analyses, newStems: stemTable.stems.slice(stemsSent) };
    stemsSent = stemTable.stems.length;
    // The packed tokens move to the main thread rather than being copied.
    parentPort!.postMessage(
      result,
      analyses.flatMap((analysis) => analysis.passages.map((passage) => passage.tokens.buffer as ArrayBuffer)),
    );
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
