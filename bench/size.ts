/**
 * One corpus size, measured in a process of its own so its memory figures are clean:
 *   node --expose-gc --import tsx bench/size.ts --articles N [--questions Q] [--budget-s S]
 * The corpus must exist (run.ts generates it). Progress goes to stderr. After each phase the
 * result so far is printed on stdout as `PARTIAL {json}`, and at the end as `RESULT {json}`, so a
 * process that is killed or runs out of memory still reports what it measured.
 */
import { rm } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import MiniSearch, { type SearchOptions } from 'minisearch';
import { Engine, LiveEngine } from './engine.js';
import { changeFiles, ensureCorpus, linkedCopy, questions, type Labelled } from './generate.js';
import { percentiles, round, toMB } from './stats.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const ARTICLES = option('articles', 1000);
const QUESTIONS = option('questions', 1000);
/** The most a timed phase may take, in seconds; it then stops and says how many it measured. */
const BUDGET_MS = option('budget-s', 240) * 1000;
/** Questions asked again under the CPU profiler. */
const PROFILED = option('breakdown', 100);
/** Labelled questions for recall (all planted ones by default). */
const LABELLED = option('labelled', Infinity);
const ROOT = path.join(import.meta.dirname, 'corpora');

const log = (message: string) => process.stderr.write(`[${ARTICLES}] ${message}\n`);
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const rssMB = () => toMB(process.memoryUsage().rss);
const cpuMs = (since?: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};
const ratio = (a: number, b: number) => round(a / b, 2);

const notes: string[] = [];
/** Per timed phase: process CPU time ÷ wall time; well under 1 means it waited for a core. */
const cpuShare: Record<string, number> = {};
const result: Record<string, unknown> = { articles: ARTICLES, notes, cpuShare };
const emit = (kind: 'PARTIAL' | 'RESULT') => process.stdout.write(`${kind} ${JSON.stringify(result)}\n`);
if (!process.execArgv.includes('--expose-gc')) notes.push('run without --expose-gc: heap and RSS include garbage');

/**
 * Runs `fn` over `items` until the budget runs out; returns how long each call took. `warmUp`
 * items go first, untimed, for the JIT and lazy tables (within a tenth of the budget).
 */
function timed<T>(label: string, items: readonly T[], fn: (item: T) => unknown, warmUp: readonly T[] = []): number[] {
  const warmUntil = performance.now() + BUDGET_MS / 10;
  for (const item of warmUp) if (performance.now() < warmUntil) fn(item);
  const samples: number[] = [];
  const cpuBefore = process.cpuUsage();
  const begin = performance.now();
  for (const item of items) {
    const t = performance.now();
    fn(item);
    samples.push(performance.now() - t);
    if (performance.now() - begin > BUDGET_MS && samples.length < items.length) {
      notes.push(
        `${label}: the ${Math.round(BUDGET_MS / 1000)} s budget ran out after ${samples.length} of ${items.length}`,
      );
      break;
    }
  }
  const wall = performance.now() - begin;
  cpuShare[label] = round(cpuMs(cpuBefore) / wall, 2);
  log(`${label}: ${samples.length} in ${Math.round(wall)} ms`);
  return samples;
}

/** Self time of `fn` by source file and by function, as shares of the profile, largest first. */
async function profiled(
  fn: () => unknown,
): Promise<{ ms: number; byFile: Record<string, number>; byFunction: Record<string, number> }> {
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
    const file = url
      ? url
          .replace(/^file:\/\//, '')
          .replace(/^.*\/node_modules\/([^/]+)\/.*$/, '$1 (package)')
          .replace(`${process.cwd()}/`, '')
      : functionName || '(native)';
    byFile.set(file, (byFile.get(file) ?? 0) + dt);
    const name = url ? `${functionName || '(anonymous)'} ${file.split('/').pop()}` : file;
    byFunction.set(name, (byFunction.get(name) ?? 0) + dt);
    total += dt;
  });
  const top = (map: Map<string, number>, n: number) =>
    Object.fromEntries(
      [...map]
        .sort((x, y) => y[1] - x[1])
        .slice(0, n)
        .map(([key, dt]) => [key, round(dt / total, 3)]),
    );
  return { ms, byFile: top(byFile, 12), byFunction: top(byFunction, 15) };
}

const corpus = await ensureCorpus(ROOT, ARTICLES);

/** Build, ask, profile, baseline and recall, on one engine; returns so that engine can be collected. */
async function measureEngine(): Promise<void> {
  // Build: the first thing this process does, so the kernel's high-water mark is the build's peak.
  const cpuAtStart = process.cpuUsage();
  let started = performance.now();
  const engine = await Engine.load(corpus.dir);
  const buildMs = performance.now() - started;
  const buildCpuMs = cpuMs(cpuAtStart);
  const passages = engine.passages;
  const peakRssMB = toMB(process.resourceUsage().maxRSS * 1024);
  gc();
  const heapMB = toMB(process.memoryUsage().heapUsed);
  result.passages = passages.length;
  result.build = {
    passagesPerSec: Math.round(passages.length / (buildMs / 1000)),
    peakRssMB,
    heapMB,
    ms: Math.round(buildMs),
    cpuMs: Math.round(buildCpuMs),
  };
  result.rssAfterBuildMB = rssMB();
  result.claims = engine.claims.length;
  log(`built ${passages.length} passages in ${Math.round(buildMs)} ms; peak RSS ${peakRssMB} MB, heap ${heapMB} MB`);
  emit('PARTIAL');

  const asked = questions(QUESTIONS);
  const warmUp = questions(5, 7);
  const oursSamples = timed('ask', asked, (question) => engine.ask(question), warmUp);
  gc();
  result.servingRssMB = rssMB();
  const ask = percentiles(oursSamples);
  result.ask = { ...ask, questions: oursSamples.length };
  // Figure questions ("how many killed") also gather the figures of their category: report them apart.
  const isFigure = asked.slice(0, oursSamples.length).map((question) => {
    const parsed = engine.parse(question);
    return parsed.ok && parsed.asksForFigure;
  });
  result.askByKind = {
    figure: { ...percentiles(oursSamples.filter((_, i) => isFigure[i])), questions: isFigure.filter(Boolean).length },
    other: { ...percentiles(oursSamples.filter((_, i) => !isFigure[i])), questions: isFigure.filter((f) => !f).length },
  };
  emit('PARTIAL');

  // Where an ask's time goes: a sampling CPU profile of a second pass over the first questions,
  // self time summed by source file and by function. Nothing here depends on the engine's internals.
  const profiledQuestions = asked.slice(0, Math.min(PROFILED, oursSamples.length));
  const askProfile = await profiled(() => {
    for (const question of profiledQuestions) engine.ask(question);
  });
  result.askProfile = { ...askProfile, questions: profiledQuestions.length };
  log(`ask profile: ${JSON.stringify(askProfile.byFile)}`);

  // The baseline: plain MiniSearch over the same passages, default analysis, same questions.
  interface Doc {
    id: number;
    title: string;
    text: string;
  }
  const BASELINE_SEARCH: SearchOptions = {
    combineWith: 'OR',
    fuzzy: 0.2,
    prefix: (_term, i, terms) => i === terms.length - 1,
    boost: { title: 2 },
  };
  started = performance.now();
  const baseline = new MiniSearch<Doc>({ fields: ['title', 'text'], storeFields: [] });
  baseline.addAll(
    passages.map((p) => ({ id: p.id, title: p.article.title, text: p.article.text.slice(p.start, p.end) })),
  );
  const baselineBuildMs = performance.now() - started;
  const baseSamples = timed(
    'baseline',
    asked.slice(0, oursSamples.length),
    (question) => baseline.search(question, BASELINE_SEARCH),
    warmUp,
  );
  const base = percentiles(baseSamples);
  result.baseline = {
    ...base,
    questions: baseSamples.length,
    buildPassagesPerSec: Math.round(passages.length / (baselineBuildMs / 1000)),
  };
  result.ratio = { p50: ratio(ask.p50, base.p50), p99: ratio(ask.p99, base.p99) };
  emit('PARTIAL');

  // Recall: is the passage holding the planted sentence among the first three?
  const textOf = new Map(engine.corpus.articles.map((article) => [article.id, article.text]));
  const holds = (id: string, start: number, end: number, label: Labelled) => {
    const at = textOf.get(label.articleId)?.indexOf(label.needle) ?? -1;
    return id === label.articleId && at >= start && at < end;
  };
  const recall = { ours: 0, baseline: 0 };
  const byKind: Record<string, { n: number; ours: number; baseline: number }> = {};
  timed('recall', corpus.labelled.slice(0, LABELLED), (label) => {
    if (!textOf.get(label.articleId)?.includes(label.needle))
      notes.push(`planted sentence not found in ${label.articleId}`);
    const ours = engine
      .ask(label.question, { limit: 3 })
      .passages.some((p) => holds(p.article.id, p.start, p.end, label));
    const theirs = baseline
      .search(label.question, BASELINE_SEARCH)
      .slice(0, 3)
      .some((r) => {
        const p = passages[r.id as number]!;
        return holds(p.article.id, p.start, p.end, label);
      });
    const kind = (byKind[label.kind] ??= { n: 0, ours: 0, baseline: 0 });
    kind.n++;
    if (ours) {
      recall.ours++;
      kind.ours++;
    }
    if (theirs) {
      recall.baseline++;
      kind.baseline++;
    }
  });
  const labelled = Object.values(byKind).reduce((n, kind) => n + kind.n, 0);
  result.recallTop3 = {
    ours: round(recall.ours / labelled, 3),
    baseline: round(recall.baseline / labelled, 3),
    questions: labelled,
    byKind,
  };
  log(`recall@3 over ${labelled}: ours ${recall.ours}, baseline ${recall.baseline}`);
  emit('PARTIAL');
}

/** How often a question is asked while an update runs, as a busy channel would. */
const ASK_DURING_UPDATE_MS = 50;

/**
 * Asks a question every {@link ASK_DURING_UPDATE_MS} of whichever engine serves at that moment,
 * until stopped: each ask's time from when it was due to its answer (an update that holds the
 * event loop delays it), and the heap's high-water mark seen meanwhile.
 */
function askMeanwhile(live: Awaited<ReturnType<typeof LiveEngine.start>>, asked: readonly string[]) {
  const samples: number[] = [];
  let peakHeap = process.memoryUsage().heapUsed;
  let due = performance.now() + ASK_DURING_UPDATE_MS;
  const tick = () => {
    live.current().ask(asked[samples.length % asked.length]!);
    samples.push(performance.now() - due);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    due = performance.now() + ASK_DURING_UPDATE_MS;
    timer = setTimeout(tick, ASK_DURING_UPDATE_MS);
  };
  let timer = setTimeout(tick, ASK_DURING_UPDATE_MS);
  return {
    stop() {
      clearTimeout(timer);
      return { samples, peakHeapMB: toMB(Math.max(peakHeap, process.memoryUsage().heapUsed)) };
    },
  };
}

/**
 * Update: 1% of the articles removed, rewritten or added in a hard-linked copy. Timed two ways:
 * the live path (LiveEngine.reload: only the changed articles analyzed, the index updated in
 * place), with a question asked every 50 ms meanwhile; and a full Engine.load of the changed
 * folder, under the CPU profiler.
 */
async function measureUpdate(): Promise<void> {
  const copy = await linkedCopy(corpus, path.join(ROOT, `scratch-${ARTICLES}`));
  const live = await LiveEngine.start(copy, { watch: false });
  const changed = await changeFiles(corpus, copy, 0.01);
  gc();
  const heapBeforeMB = toMB(process.memoryUsage().heapUsed);
  const asking = askMeanwhile(live, questions(400, 11));
  const started = performance.now();
  const report = await live.reload();
  result.update1pctMs = Math.round(performance.now() - started);
  const { samples, peakHeapMB } = asking.stop();
  const during = percentiles(samples);
  result.update1pct = {
    ms: result.update1pctMs,
    analyzed: report.analyzed,
    asksDuring: samples.length,
    askDuringP50: during.p50,
    askDuringP99: during.p99,
    askDuringMax: round(Math.max(...samples)),
    heapBeforeMB,
    peakHeapMB,
  };
  log(
    `update: ${changed} files, reload ${String(result.update1pctMs)} ms, ${samples.length} asks meanwhile p50 ${during.p50} / p99 ${during.p99} ms, heap ${heapBeforeMB} → peak ${peakHeapMB} MB`,
  );
  live.close();
  notes.push(
    `update1pctMs: LiveEngine.reload() after ${changed} files changed (a third removed, rewritten, added), a question asked every ${ASK_DURING_UPDATE_MS} ms meanwhile (update1pct); fullReloadMs: Engine.load of the same folder, under the sampling profiler (buildProfile)`,
  );
  emit('PARTIAL');
  gc();
  try {
    const buildProfile = await profiled(() => Engine.load(copy));
    result.fullReloadMs = buildProfile.ms;
    result.buildProfile = buildProfile;
    log(
      `update: LiveEngine.reload ${String(result.update1pctMs)} ms, full Engine.load ${buildProfile.ms} ms; build profile: ${JSON.stringify(buildProfile.byFile)}`,
    );
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

await measureEngine();
gc();
await measureUpdate();
emit('RESULT');
