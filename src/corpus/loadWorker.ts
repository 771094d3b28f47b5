/** A worker thread that reads a large corpus folder (see `loadCorpus`). */
import { parentPort, workerData } from 'node:worker_threads';
import { readCorpus } from './load.js';

const { dir, names } = (workerData as { data: { dir: string; names: string[] } }).data;
try {
  parentPort!.postMessage({ corpus: await readCorpus(dir, names, true) });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
