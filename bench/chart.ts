/**
 * The cost of a figures chart (src/render/chart.ts): per topic of a corpus (the seed by default),
 * the first chart of the process (fonts read), then the median and p95 of drawing each again, and
 * of a cached one. Budget: 150 ms per chart at seed scale. Runs the compiled code, as the bot does.
 *
 *   npm run bench:chart                 # the seed corpus
 *   npm run bench:chart -- --corpus DIR --runs 50
 */
import { percentile } from './stats.js';
import { Engine } from './engine.js';

const compiled = (module: string) => new URL(`../dist/src/${module}`, import.meta.url).href;
const { chartPng, cachedChartPng } = (await import(
  compiled('render/chart.js')
)) as typeof import('../src/render/chart.js');
const { figureTopics } = (await import(compiled('model/categories.js'))) as typeof import('../src/model/categories.js');

const args = process.argv.slice(2);
const value = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const corpus = value('corpus') ?? new URL('../corpus', import.meta.url).pathname;
const runs = Number(value('runs') ?? 30);
const engine = await Engine.load(corpus);

const rows: Record<string, unknown>[] = [];
for (const topic of figureTopics()) {
  for (const report of engine.figures(topic)) {
    // weapons lists each item, which is a topic of its own too.
    if (report.claims.length === 0 || (topic === 'weapons' && report.item)) continue;
    let started = performance.now();
    const png = chartPng(report);
    const once = performance.now() - started;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      started = performance.now();
      chartPng(report);
      times.push(performance.now() - started);
    }
    cachedChartPng(engine, topic, report);
    started = performance.now();
    cachedChartPng(engine, topic, report);
    const cached = performance.now() - started;
    rows.push({
      topic: report.item ?? topic,
      claims: report.claims.length,
      'first ms': +once.toFixed(1),
      'median ms': +percentile(times, 50).toFixed(1),
      'p95 ms': +percentile(times, 95).toFixed(1),
      'cached ms': +cached.toFixed(3),
      'PNG bytes': png.length,
    });
  }
}
// Beyond seed scale: one report of 400 claims from 60 sources, dated and undated.
const [seedReport] = engine.figures('killed');
if (seedReport && seedReport.claims.length > 0) {
  const template = seedReport.claims[0]!;
  const claims = Array.from({ length: 400 }, (_, i) => ({
    ...template,
    id: `synthetic-${i}`,
    value: 1 + ((i * 7919) % 5000),
    low: 1 + ((i * 7919) % 5000),
    high: 1 + ((i * 7919) % 5000),
    asOf:
      i % 3 === 0
        ? null
        : { date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-0${1 + (i % 9)}`, precision: 'day' as const },
    attributedTo: { claimant: `Source ${i % 60}`, channel: null },
  }));
  const big = { ...seedReport, claims, verdicts: [] };
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < Math.min(runs, 10); i++) {
    const started = performance.now();
    bytes = chartPng(big).length;
    times.push(performance.now() - started);
  }
  rows.push({
    topic: '(synthetic)',
    claims: 400,
    'first ms': +times[0]!.toFixed(1),
    'median ms': +percentile(times, 50).toFixed(1),
    'p95 ms': +percentile(times, 95).toFixed(1),
    'cached ms': null,
    'PNG bytes': bytes,
  });
}
console.table(rows);
console.log('The first chart of the process also reads the fonts (~1.3 MB of TTF).');
