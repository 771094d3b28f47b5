/**
 * Cold start: a fresh process that loads a corpus and says when it is ready to answer. Plain
 * JavaScript over the compiled engine (dist/), as the bot starts in production (`node dist/src/main.js`).
 *   node bench/cold.mjs <corpus dir>                      Engine.load, nothing persisted
 *   node bench/cold.mjs <corpus dir> --cache <file> [--prime]
 *       LiveEngine.start with its index cache file (watch off); --prime waits for the cache to be
 *       written before exiting, so the next run starts warm.
 * Prints `READY {"passages", "sinceStartMs"}`; run.ts times it from spawn to that line.
 */
const [dir, ...rest] = process.argv.slice(2);
if (!dir) throw new Error('usage: bench/cold.mjs <corpus dir> [--cache <file> [--prime]]');
const cacheFile = rest.includes('--cache') ? rest[rest.indexOf('--cache') + 1] : undefined;

const ready = (passages) =>
  // performance.now() counts from the process' time origin: node start-up, imports and the load.
  process.stdout.write(`READY ${JSON.stringify({ passages, sinceStartMs: Math.round(performance.now()) })}\n`);

if (cacheFile) {
  const { LiveEngine } = await import('../dist/src/engine/live.js');
  const live = await LiveEngine.start(dir, { watch: false, cacheFile });
  ready(live.current().index.size);
  if (rest.includes('--prime')) await live.saved;
  live.close();
} else {
  const { Engine } = await import('../dist/src/engine/engine.js');
  ready((await Engine.load(dir)).index.size);
}
