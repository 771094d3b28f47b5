/**
 * Cold start: a fresh process that loads a corpus and says when it is ready to answer.
 *   node --import tsx bench/cold.ts <corpus dir>
 * Prints `READY {"passages", "sinceStartMs"}`; run.ts times it from spawn to that line.
 * There is no persisted index cache yet. When the engine gains one (an `Engine.loadCached`-style
 * hook), measure it here next to the uncached load and fill `coldStart.cachedMs` / `cacheMB`.
 */
import { Engine } from '../src/engine/engine.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: bench/cold.ts <corpus dir>');
const engine = await Engine.load(dir);
// performance.now() counts from the process' time origin: node start-up, tsx, imports and the load.
process.stdout.write(`READY ${JSON.stringify({ passages: engine.index.size, sinceStartMs: Math.round(performance.now()) })}\n`);
