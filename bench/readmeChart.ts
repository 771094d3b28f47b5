/**
 * The chart in the README: the seed corpus's killed figures, as `/figures topic:killed` and
 * `cli -- figures killed --chart` draw them, written to docs/figures-killed.png.
 *
 *   npm run docs:chart
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Engine } from '../src/engine/engine.js';
import { chartPng } from '../src/render/chart.js';

const root = path.resolve(import.meta.dirname, '..');
const engine = await Engine.load(path.join(root, 'corpus'));
const [killed] = engine.figures('killed');
if (!killed || killed.claims.length === 0) throw new Error('the seed corpus has no killed figures');
const file = path.join(root, 'docs', 'figures-killed.png');
await writeFile(file, chartPng(killed));
console.log(`Wrote ${path.relative(root, file)}`);
