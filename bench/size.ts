/**
 * One corpus size, measured in a process of its own so its memory figures are clean:
 *   node --expose-gc --import tsx bench/size.ts --articles N [--questions Q] [--budget-s S]
 * The corpus must exist (run.ts generates it). Progress goes to stderr; the result is the last
 * stdout line, `RESULT {json}`.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch, { type Query, type SearchOptions } from 'minisearch';
import { Engine } from '../src/engine/engine.js';
import { LiveEngine } from '../src/engine/live.js';
import { parseQuestion, type QueryWord } from '../src/engine/question.js';
import { CONCEPT_TERM_PREFIX } from '../src/text/analyze.js';
import { allowedTypos } from '../src/text/editDistance.js';
import { changeFiles, ensureCorpus, linkedCopy, questions, type Labelled } from './generate.js';
import { median, percentiles, round, toMB } from './stats.js';

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

const corpus = await ensureCorpus(ROOT, ARTICLES);

// Build: the first thing this process does, so the kernel's high-water mark is the build's peak.
let started = performance.now();
let engine: Engine | null = await Engine.load(corpus.dir);
const buildMs = performance.now() - started;
const passages = engine.index.passages;
const peakRssMB = toMB(process.resourceUsage().maxRSS * 1024);
gc();
const heapMB = toMB(process.memoryUsage().heapUsed);
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

// Where an ask's time goes, measured from outside src/: parsing the question and the MiniSearch
// query, each timed alone, against the same question's end-to-end time above; the rest is
// ranking, same-fact merging, highlights, suggestions and figures. buildQuery mirrors the private
// one in src/engine/ask.ts; keep it in step if that changes.
function buildQuery(words: QueryWord[]): Query {
  return {
    combineWith: 'OR',
    queries: words.map((word, i): Query => {
      if (word.concepts.length > 0) return { combineWith: 'OR', queries: word.concepts.map((id) => CONCEPT_TERM_PREFIX + id), fuzzy: false, prefix: false };
      const typos = allowedTypos(word.stem.length);
      return { combineWith: 'OR', queries: [word.stem], fuzzy: typos > 0 ? typos / word.stem.length + 0.01 : false, maxFuzzy: typos, prefix: i === words.length - 1 && word.stem.length >= 3 };
    }),
  };
}
const parts = { parse: [] as number[], indexRun: [] as number[], rest: [] as number[], total: [] as number[], hits: [] as number[] };
const index = engine.index;
const breakdownOf = asked.slice(0, Math.min(BREAKDOWN, oursSamples.length)).map((question, i) => ({ question, total: oursSamples[i]! }));
timed('breakdown', breakdownOf, ({ question, total }) => {
  let t = performance.now();
  const parsed = parseQuestion(question, (stem) => index.frequency(stem) > 0);
  const parse = performance.now() - t;
  if (!parsed.ok) return;
  t = performance.now();
  parts.hits.push(index.run(buildQuery(parsed.words)).length);
  const run = performance.now() - t;
  parts.parse.push(parse);
  parts.indexRun.push(run);
  parts.rest.push(Math.max(0, total - parse - run));
  parts.total.push(total);
});
const sum = (samples: number[]) => samples.reduce((a, b) => a + b, 0);
const share = (samples: number[]) => round(sum(samples) / sum(parts.total), 2);
const askBreakdown = {
  questions: parts.total.length,
  medianMs: { parse: round(median(parts.parse)), indexRun: round(median(parts.indexRun)), rest: round(median(parts.rest)), total: round(median(parts.total)) },
  shareOfTotalTime: { parse: share(parts.parse), indexRun: share(parts.indexRun), rest: share(parts.rest) },
  hitsPerQuestion: { p50: median(parts.hits), p99: percentiles(parts.hits).p99, max: Math.max(...parts.hits) },
  claims: engine.claims.length,
};
log(`breakdown: ${JSON.stringify(askBreakdown)}`);

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
started = performance.now();
const reloaded = await Engine.load(copy);
const fullReloadMs = Math.round(performance.now() - started);
log(`update of ${changed} files: LiveEngine.reload ${update1pctMs} ms, full Engine.load ${fullReloadMs} ms (${reloaded.index.size} passages)`);
notes.push(`update1pctMs: LiveEngine.reload() after ${changed} files changed (a third removed, rewritten, added); fullReloadMs: Engine.load of the same folder`);
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
  askBreakdown,
  notes,
};
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
