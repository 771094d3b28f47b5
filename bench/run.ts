/**
 * The benchmark of "Speed at scale": generates corpora, measures each size in a child process
 * (bench/size.ts), times a cold start (bench/cold.mjs), prints a table and writes bench/results.json.
 *
 *   npm run bench                         # 1,000, 10,000 and 30,000 articles
 *   npm run bench -- --quick              # 1,000 articles, fewer questions: under a minute
 *   npm run bench -- --sizes 1000,10000   # chosen sizes
 * Options: --questions N (1000), --budget-s S (240 per measured phase), --timeout-min M (45 per size),
 * --out FILE (bench/results.json; bench/results-quick.json with --quick).
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureCorpus } from './generate.js';
import { median } from './stats.js';

const args = process.argv.slice(2);
const value = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const quick = args.includes('--quick');
const sizes = quick ? [1000] : (value('sizes') ?? '1000,10000,30000').split(',').map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 10))
  throw new Error('--sizes takes article counts, e.g. --sizes 1000,10000');
const child = {
  questions: value('questions') ?? (quick ? '100' : '1000'),
  'budget-s': value('budget-s') ?? (quick ? '8' : '240'),
  breakdown: quick ? '30' : '100',
  labelled: quick ? '25' : '1000',
};
const timeoutMs = Number(value('timeout-min') ?? 45) * 60_000;
// A quick run is a smoke test: it must not overwrite the full run's figures.
const out = value('out') ?? path.join(import.meta.dirname, quick ? 'results-quick.json' : 'results.json');
const root = path.join(import.meta.dirname, 'corpora');
const here = import.meta.dirname;

interface Run {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
  /** When `readyLine` was given: ms from spawn to the first stdout line starting with it. */
  readyMs: number | null;
}

/** Runs a file of bench/ in a fresh node (TypeScript through tsx), passing its stderr through. */
function run(file: string, params: string[], nodeFlags: string[], readyLine?: string): Promise<Run> {
  return new Promise((resolve) => {
    const started = performance.now();
    const loader = file.endsWith('.ts') ? ['--import', 'tsx'] : [];
    const proc = spawn(process.execPath, [...nodeFlags, ...loader, path.join(here, file), ...params], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let readyMs: number | null = null;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      proc.kill('SIGKILL');
    }, timeoutMs);
    proc.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      if (readyLine && readyMs === null && stdout.includes(readyLine)) readyMs = performance.now() - started;
    });
    proc.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
      process.stderr.write(chunk);
    });
    proc.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started, timedOut, readyMs });
    });
  });
}

function failure(what: string, result: Run): string {
  if (result.timedOut) return `${what}: stopped after the ${timeoutMs / 60_000} min timeout`;
  if (/heap out of memory|allocation failed/i.test(result.stderr))
    return `${what}: ran out of memory (JavaScript heap)`;
  return `${what}: exited with ${result.signal ?? `code ${result.code}`}: ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`;
}

type SizeResult = Record<string, unknown> & { articles: number; notes: string[] };

async function measure(articles: number): Promise<SizeResult> {
  const generatedAt = performance.now();
  const corpus = await ensureCorpus(root, articles);
  process.stderr.write(
    `[${articles}] corpus ready in ${Math.round(performance.now() - generatedAt)} ms: ${corpus.dir}\n`,
  );

  const params = ['--articles', String(articles), ...Object.entries(child).flatMap(([key, v]) => [`--${key}`, v])];
  const treeAtStart = tree();
  const result = await run('size.ts', params, ['--expose-gc']);
  // The final RESULT line, or else the last PARTIAL one: what was measured before it failed.
  const lines = result.stdout.split('\n');
  const line = lines.find((l) => l.startsWith('RESULT ')) ?? lines.findLast((l) => l.startsWith('PARTIAL '));
  const measured: SizeResult = line
    ? (JSON.parse(line.slice(line.indexOf(' ') + 1)) as SizeResult)
    : { articles, notes: [] };
  if (!line?.startsWith('RESULT ')) measured.notes.push(failure('measurement', result));

  measured.loadAverageAfter = os.loadavg().map((load) => Math.round(load * 100) / 100); // other work on the machine skews every figure
  measured.wallMs = Math.round(result.ms); // the whole measurement process, for a sense of how long a size takes
  // Cold start, spawn to ready, as the bot starts: without its index cache, then with it.
  // A warm start takes seconds: the median of three. A start without a cache takes a minute at the largest size: one.
  const coldRuns = (cached: boolean) => (quick ? 1 : cached || articles <= 1000 ? 3 : 1);
  const cacheFile = path.join(root, `v-cache-${articles}.bin`);
  const coldMs = async (cached: boolean): Promise<number | null> => {
    const times: number[] = [];
    for (let i = 0; i < coldRuns(cached); i++) {
      // A start without a cache writes it after "ready" (--prime waits for that): the warm starts then read it.
      if (!cached) await rm(cacheFile, { force: true });
      const start = await run(
        'cold.mjs',
        [corpus.dir, '--cache', cacheFile, ...(cached ? [] : ['--prime'])],
        [],
        'READY ',
      );
      if (start.readyMs === null || start.code !== 0) {
        measured.notes.push(failure(`cold start${cached ? ' from the cache' : ''}`, start));
        return null;
      }
      times.push(start.readyMs);
    }
    return Math.round(median(times));
  };
  const uncachedMs = await coldMs(false);
  const cacheBytes = await stat(cacheFile).then(
    (info) => info.size,
    () => null,
  );
  const cachedMs = cacheBytes === null ? null : await coldMs(true);
  const coldStart = {
    cachedMs,
    uncachedMs,
    cacheMB: cacheBytes === null ? null : Math.round((cacheBytes / 1024 ** 2) * 10) / 10,
    runs: { cached: coldRuns(true), uncached: coldRuns(false) },
  };
  measured.notes.push(
    'coldStart: spawn to ready of plain node over the compiled engine (dist/), as in production, through LiveEngine.start({ cacheFile }): uncachedMs with no cache file (the run then writes it), cachedMs with the file written',
  );
  await rm(cacheFile, { force: true });
  measured.tree = treeAtStart;
  if (tree() !== treeAtStart)
    measured.notes.push(
      `src/ changed while this size was measured (${treeAtStart} → ${tree()}): later phases may have run newer code`,
    );

  // The documented field order, with anything extra after it.
  const {
    articles: _articles,
    passages,
    build,
    ask,
    baseline,
    ratio,
    recallTop3,
    update1pctMs,
    servingRssMB,
    notes,
    ...extra
  } = measured;
  const missing = (v: unknown) => v ?? null;
  return {
    articles,
    passages: missing(passages),
    build: missing(build),
    coldStart,
    ask: missing(ask),
    baseline: missing(baseline),
    ratio: missing(ratio),
    recallTop3: missing(recallTop3),
    update1pctMs: missing(update1pctMs),
    servingRssMB: missing(servingRssMB),
    notes,
    ...extra,
  };
}

function git(...gitArgs: string[]): string {
  try {
    return execFileSync('git', gitArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/** The commit, and a hash of uncommitted changes under src/ if any: other people edit src/ while this runs. */
function tree(): string {
  const diff = git('diff', 'HEAD', '--', 'src') + git('ls-files', '--others', '--exclude-standard', '--', 'src');
  return diff
    ? `${git('rev-parse', '--short', 'HEAD')}+${createHash('sha1').update(diff).digest('hex').slice(0, 8)}`
    : git('rev-parse', '--short', 'HEAD');
}

const cpus = os.cpus();
const report = {
  machine: `${cpus[0]?.model.trim() ?? 'unknown CPU'} × ${cpus.length}, ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM, ${os.platform()} ${os.release()}`,
  node: process.version,
  date: new Date().toISOString(),
  commit: git('rev-parse', '--short', 'HEAD'),
  /** Uncommitted changes under src/ when measured: the numbers are of the working tree. */
  srcChanges: git('status', '--porcelain', '--', 'src').split('\n').filter(Boolean),
  loadAverageAtStart: os.loadavg().map((load) => Math.round(load * 100) / 100),
  mode: quick ? 'quick' : 'full',
  sizes: [] as SizeResult[],
};
for (const size of sizes) {
  report.sizes.push(await measure(size));
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`); // after each size, so a later failure keeps the earlier ones
}

// The table: milliseconds; ratio is ours ÷ baseline (below 1: faster than plain MiniSearch).
type Row = Record<string, string>;
const at = (entry: SizeResult, key: string): Record<string, number | null> | null =>
  (entry[key] as Record<string, number | null> | null) ?? null;
const fmt = (n: number | null | undefined, digits = 1) =>
  n === null || n === undefined ? '–' : n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(digits);
const triple = (o: Record<string, number | null> | null) => (o ? `${fmt(o.p50)} / ${fmt(o.p95)} / ${fmt(o.p99)}` : '–');
const rows: Row[] = report.sizes.map((entry) => {
  const build = at(entry, 'build');
  const recall = at(entry, 'recallTop3');
  const ratio = at(entry, 'ratio');
  return {
    articles: entry.articles.toLocaleString('en'),
    passages: typeof entry.passages === 'number' ? entry.passages.toLocaleString('en') : '–',
    'build p/s': fmt(build?.passagesPerSec, 0),
    'peak RSS MB': fmt(build?.peakRssMB, 0),
    'heap MB': fmt(build?.heapMB, 0),
    'cold ms': fmt(at(entry, 'coldStart')?.uncachedMs, 0),
    'warm-cache ms': fmt(at(entry, 'coldStart')?.cachedMs, 0),
    'ask p50/p95/p99': triple(at(entry, 'ask')),
    'baseline p50/p95/p99': triple(at(entry, 'baseline')),
    'ratio p50/p99': ratio ? `${fmt(ratio.p50, 2)} / ${fmt(ratio.p99, 2)}` : '–',
    'recall@3 ours/base': recall ? `${fmt(recall.ours, 2)} / ${fmt(recall.baseline, 2)}` : '–',
    'update 1% ms': fmt(entry.update1pctMs as number | null, 0),
    'ask p99 in update': fmt((entry.update1pct as { askDuringP99?: number } | undefined)?.askDuringP99, 0),
    'full reload ms': fmt(entry.fullReloadMs as number | null | undefined, 0),
    'serving RSS MB': fmt(entry.servingRssMB as number | null, 0),
  };
});
const columns = Object.keys(rows[0] ?? {});
const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => row[column]!.length)));
const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padStart(widths[i]!)).join(' | ')} |`;
console.log(`\n${report.machine}, node ${report.node}, ${report.date}`);
console.log(line(columns));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(columns.map((column) => row[column]!)));
for (const entry of report.sizes) for (const note of entry.notes) console.log(`  [${entry.articles}] ${note}`);
console.log(`\nratio = ours ÷ baseline. Written to ${path.relative(process.cwd(), out)}`);
