/** A worker thread that analyzes articles (see analysisThreads.ts). */
import { parentPort } from 'node:worker_threads';
import { stemTable } from '../../search/passages.js';
import { analyze, packAnalysis } from './analysis.js';
import type { ChunkRequest, ChunkResult } from './analysisThreads.js';

let stemsSent = 0;

parentPort!.on('message', ({ articles }: ChunkRequest) => {
  try {
    const analyses = articles.map((article) => packAnalysis(analyze(article)));
    const result: ChunkResult = { analyses, newStems: stemTable.stems.slice(stemsSent) };
    stemsSent = stemTable.stems.length;
    // The packed tokens (one buffer per article) move to the main thread rather than being copied.
    const buffers = new Set(analyses.flatMap((analysis) => analysis.passages.map((passage) => passage.packed.buffer)));
    parentPort!.postMessage(result, [...buffers] as ArrayBuffer[]);
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
