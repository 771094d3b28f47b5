/**
 * One corpus size, measured in a process of its own so its memory figures are clean:
 *   node --expose-gc --import tsx bench/size.ts --articles N [--questions Q] [--budget-s S]
 * The corpus must exist (run.ts generates it). Progress goes to stderr; the result is the last
 * stdout line, `RESULT {json}`.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import MiniSearch, { type SearchOptions } from 'minisearch';
import { Engine } from '../src/engine/engine.js';
import { LiveEngine } from '../src/engine/live.js';
import { parseQuestion } from '../src/engine/question.js';
import { changeFiles, ensureCorpus, linkedCopy, questions, type Labelled } from './generate.js';
import { percentiles, round, toMB } from './stats.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const ARTICLES = option('articles', 1000);
const QUESTIONS = option('questions', 1000);
/** Stop asking after this many seconds per system, and say how many were asked. */
const BUDGET_MS = option('budget-s', 240) * 1000;
/** Questions whose time is broken down into parse, figures and index run. */
const BREAKDOWN = option('breakdown', 100);
/** Labelled questions for recall (all planted ones by default). */
const LABELLED = option('labelled', Infinity);
const ROOT = path.join(import.meta.dirname, 'corpora');

const log = (message: string) => process.stderr.write(`[${ARTICLES}] ${message}\n`);
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const rssMB = () => toMB(process.memoryUsage().rss);
const notes: string[] = [];

/** Self time of `fn` by source file and by function, as shares of the profile, largest first. */
async function profiled(fn: () => unknown): Promise<{ ms: number; questions?: number; byFile: Record<string, number>; byFunction: Record<string, number> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  const begin = performance.now();
  await fn();
  const ms = Math.round(performance.now() - begin);
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples!.forEach((id, i) => {
    const { functionName, url } = nodes.get(id)!.callFrame;
    // The inspector's own message dispatch and V8's bookkeeping are the profiler's cost, not the engine's.
    if (!url && (functionName === 'dispatch' || functionName === '(program)')) return;
    const dt = profile.timeDeltas![i]!;
    const file = url ? url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\/([^/]+)\/.*$/, '$1 (package)').replace(`${process.cwd()}/`, '') : functionName || '(native)';
    byFile.set(file, (byFile.get(file) ?? 0) + dt);
    const fn = url ? `${functionName || '(anonymous)'} ${file.split('/').pop()}` : file;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + dt);
    total += dt;
  });
  const top = (map: Map<string, number>, n: number) =>
    Object.fromEntries([...map].sort((x, y) => y[1] - x[1]).slice(0, n).map(([key, dt]) => [key, round(dt / total, 3)]));
  return { ms, byFile: top(byFile, 12), byFunction: top(byFunction, 15) };
}

const corpus = await ensureCorpus(ROOT, ARTICLES);

// Build: the first thing this process does, so the kernel's high-water mark is the build's peak.
let started = performance.now();
let engine: Engine | null = await Engine.load(corpus.dir);
const buildMs = performance.now() - started;
const passages = engine.index.passages;
const peakRssMB = toMB(process.resourceUsage().maxRSS * 1024);
gc();
const heapMB = toMB(process.memoryUsage().heapUsed);
const claimCount = engine.claims.length;
const rssAfterBuildMB = rssMB();
log(`built ${passages.length} passages in ${Math.round(buildMs)} ms; peak RSS ${peakRssMB} MB, heap ${heapMB} MB`);
if (!process.execArgv.includes('--expose-gc')) notes.push('run without --expose-gc: heap and RSS include garbage');

/**
 * Runs `fn` over `items` until the budget runs out; returns how long each call took. `warmUp`
 * items go first, untimed, for the JIT and lazy tables (within a tenth of the budget).
 */
function timed<T>(label: string, items: readonly T[], fn: (item: T) => unknown, warmUp: readonly T[] = []): number[] {
  const budgetMs = BUDGET_MS;
  const warmUntil = performance.now() + budgetMs / 10;
  for (const item of warmUp) if (performance.now() < warmUntil) fn(item);
  const samples: number[] = [];
  const begin = performance.now();
  for (const item of items) {
    const t = performance.now();
    fn(item);
    samples.push(performance.now() - t);
    if (performance.now() - begin > budgetMs && samples.length < items.length) {
      notes.push(`${label}: the ${Math.round(budgetMs / 1000)} s budget ran out after ${samples.length} of ${items.length}`);
      break;
    }
  }
  log(`${label}: ${samples.length} in ${Math.round(performance.now() - begin)} ms`);
  return samples;
}

const asked = questions(QUESTIONS);
const warmUp = questions(5, 7);
const oursSamples = timed('ask', asked, (question) => engine!.ask(question), warmUp);
gc();
const servingRssMB = rssMB();

// Figure questions ("how many killed") also compare every figure of the asked categories: report them apart.
const parsed = asked.slice(0, oursSamples.length).map((question) => parseQuestion(question, (stem) => engine!.index.frequency(stem) > 0));
const isFigure = parsed.map((p) => p.ok && p.asksForFigure);
const askByKind = {
  figure: { ...percentiles(oursSamples.filter((_, i) => isFigure[i])), questions: isFigure.filter(Boolean).length },
  other: { ...percentiles(oursSamples.filter((_, i) => !isFigure[i])), questions: isFigure.filter((f) => !f).length },
};

// Where an ask's time goes: a sampling CPU profile of a second pass over the first questions,
// self time summed by source file and by function. Nothing here depends on the engine's internals.
const breakdownOf = asked.slice(0, Math.min(BREAKDOWN, oursSamples.length));
const askProfile = await profiled(() => {
  for (const question of breakdownOf) engine!.ask(question);
});
askProfile.questions = breakdownOf.length;
log(`ask profile: ${JSON.stringify(askProfile.byFile)}`);

// The baseline: plain MiniSearch over the same passages, default analysis.
interface Doc {
  id: number;
  title: string;
  text: string;
}
const BASELINE_SEARCH: SearchOptions = { combineWith: 'OR', fuzzy: 0.2, prefix: (_term, i, terms) => i === terms.length - 1, boost: { title: 2 } };
started = performance.now();
let baseline: MiniSearch<Doc> | null = new MiniSearch<Doc>({ fields: ['title', 'text'], storeFields: [] });
baseline.addAll(passages.map((p) => ({ id: p.id, title: p.article.title, text: p.article.text.slice(p.start, p.end) })));
const baselineBuildMs = performance.now() - started;
const baseSamples = timed('baseline', asked.slice(0, oursSamples.length), (question) => baseline!.search(question, BASELINE_SEARCH), warmUp);

// Recall: is the passage holding the planted sentence among the first three?
const textOf = new Map(engine.corpus.articles.map((article) => [article.id, article.text]));
function expected(label: Labelled): { at: number } {
  return { at: textOf.get(label.articleId)?.indexOf(label.needle) ?? -1 };
}
const inPassage = (id: string, start: number, end: number, label: Labelled) => {
  const { at } = expected(label);
  return id === label.articleId && at >= start && at < end;
};
const recall = { ours: 0, baseline: 0 };
const byKind: Record<string, { n: number; ours: number; baseline: number }> = {};
const labels = corpus.labelled.slice(0, LABELLED);
const recallSamples = timed('recall', labels, (label) => {
  if (expected(label).at < 0) notes.push(`planted sentence not found in ${label.articleId}`);
  const ours = engine!.ask(label.question, { limit: 3 }).passages.some((p) => inPassage(p.article.id, p.start, p.end, label));
  const base = baseline!
    .search(label.question, BASELINE_SEARCH)
    .slice(0, 3)
    .some((r) => {
      const p = passages[r.id as number]!;
      return inPassage(p.article.id, p.start, p.end, label);
    });
  const kind = (byKind[label.kind] ??= { n: 0, ours: 0, baseline: 0 });
  kind.n++;
  if (ours) {
    recall.ours++;
    kind.ours++;
  }
  if (base) {
    recall.baseline++;
    kind.baseline++;
  }
});
const labelled = Object.values(byKind).reduce((n, kind) => n + kind.n, 0);
log(`recall@3 over ${labelled} (${recallSamples.length} timed): ours ${recall.ours}, baseline ${recall.baseline}`);

// Update: 1% of the articles removed, rewritten or added. Timed two ways: the live path
// (LiveEngine.reload, which re-analyses only changed articles and rebuilds the index), and a full
// Engine.load of the changed folder.
baseline = null;
engine = null;
gc();
const copy = await linkedCopy(corpus, path.join(ROOT, `scratch-${ARTICLES}`));
let live: LiveEngine | null = await LiveEngine.start(copy, { watch: false });
const changed = await changeFiles(corpus, copy, 0.01);
started = performance.now();
await live.reload();
const update1pctMs = Math.round(performance.now() - started);
live.close();
live = null;
gc();
let reloaded: Engine | null = null;
const buildProfile = await profiled(async () => {
  reloaded = await Engine.load(copy);
});
const fullReloadMs = buildProfile.ms;
log(`update of ${changed} files: LiveEngine.reload ${update1pctMs} ms, full Engine.load ${fullReloadMs} ms (${(reloaded as Engine | null)?.index.size} passages)`);
log(`build profile: ${JSON.stringify(buildProfile.byFile)}`);
notes.push(`update1pctMs: LiveEngine.reload() after ${changed} files changed (a third removed, rewritten, added); fullReloadMs: Engine.load of the same folder, under the sampling profiler (buildProfile)`);
await rm(copy, { recursive: true, force: true });

const ratio = (a: number, b: number) => round(a / b, 2);
const ask = percentiles(oursSamples);
const base = percentiles(baseSamples);
const result = {
  articles: ARTICLES,
  passages: passages.length,
  build: { passagesPerSec: Math.round(passages.length / (buildMs / 1000)), peakRssMB, heapMB, ms: Math.round(buildMs) },
  ask: { ...ask, questions: oursSamples.length },
  askByKind,
  baseline: { ...base, questions: baseSamples.length, buildPassagesPerSec: Math.round(passages.length / (baselineBuildMs / 1000)) },
  ratio: { p50: ratio(ask.p50, base.p50), p99: ratio(ask.p99, base.p99) },
  recallTop3: { ours: round(recall.ours / labelled, 3), baseline: round(recall.baseline / labelled, 3), questions: labelled, byKind },
  update1pctMs,
  fullReloadMs,
  servingRssMB,
  rssAfterBuildMB,
  askProfile,
  buildProfile,
  claims: claimCount,
  notes,
};
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
