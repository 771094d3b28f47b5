/**
 * Cold start: a fresh process that loads a corpus and says when it is ready to answer.
 *   node --import tsx bench/cold.ts <corpus dir>                      Engine.load, nothing persisted
 *   node --import tsx bench/cold.ts <corpus dir> --cache <file> [--prime]
 *       LiveEngine.start with its index cache file (watch off); --prime waits for the cache to be
 *       written before exiting, so the next run starts warm.
 * Prints `READY {"passages", "sinceStartMs"}`; run.ts times it from spawn to that line.
 */
import { Engine } from '../src/engine/engine.js';
import { LiveEngine } from '../src/engine/live.js';

const [dir, ...rest] = process.argv.slice(2);
if (!dir) throw new Error('usage: bench/cold.ts <corpus dir> [--cache <file> [--prime]]');
const cacheFile = rest.includes('--cache') ? rest[rest.indexOf('--cache') + 1] : undefined;

const ready = (passages: number) =>
  // performance.now() counts from the process' time origin: node start-up, tsx, imports and the load.
  process.stdout.write(`READY ${JSON.stringify({ passages, sinceStartMs: Math.round(performance.now()) })}\n`);

if (cacheFile) {
  const live = await LiveEngine.start(dir, { watch: false, cacheFile });
  ready(live.current().index.size);
  if (rest.includes('--prime')) await live.saved;
  live.close();
} else {
  ready((await Engine.load(dir)).index.size);
}
