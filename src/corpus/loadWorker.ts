/** A worker thread that reads a large corpus folder (see `loadCorpus`): the entries read, assembled on the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { readEntries } from './load.js';

const { dir, names, known } = (workerData as { data: { dir: string; names: string[]; known: Map<string, string> } })
  .data;
try {
  parentPort!.postMessage({ reads: await readEntries(dir, names, known, true) });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
