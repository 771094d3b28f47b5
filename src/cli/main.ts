import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { parseArgs } from 'node:util';
import { parseAllowedHosts, type AllowedHost } from '../config/hosts.js';
import { CorpusUnreadableError } from '../corpus/load.js';
import { addArticle, type AddOutcome, type AddSource } from '../engine/add.js';
import { LiveEngine } from '../engine/live.js';
import { renderAddedText } from '../render/added.js';
import { Engine } from '../engine/engine.js';
import { figureTopics } from '../model/categories.js';
import { MAX_LIMIT, type FiguresReport } from '../engine/types.js';
import { chartPng } from '../render/chart.js';
import { figuresCsv } from '../render/csv.js';
import {
  renderAnswer,
  renderFigures,
  renderSource,
  renderSources,
  type TerminalStyle,
  terminalStyle,
} from '../render/terminal.js';
import { corpusDirFromEnv } from '../config/corpusDir.js';

export const USAGE = `Usage:
  npm run --silent cli -- ask "<question>" [--limit N] [--json] [--corpus DIR]
  npm run --silent cli -- sources [--json] [--corpus DIR]
  npm run --silent cli -- source <id> [--json] [--corpus DIR]
  npm run --silent cli -- figures [category] [--json | --csv] [--chart FILE.png] [--corpus DIR]
  npm run --silent cli -- add <url | file> [--json] [--corpus DIR]

  --limit N     passages to show, 1 to ${MAX_LIMIT} (default 3)
  --json        print one JSON document on stdout (logs go to stderr)
  --corpus DIR  folder of articles (default: $CORPUS_DIR, else corpus/)
  --csv         figures: print the claims as CSV (RFC 4180), for a spreadsheet
  --chart FILE  figures of one category: write its chart as a PNG (one file per item for weapons)

add fetches a link (or reads a .md, .txt, .html or .pdf file), saves the article in added/ of the
corpus and says what it changes; exit code 1 when nothing was added (a duplicate, a failed fetch).

Colour only on a terminal, and never when NO_COLOR is set.

  categories: ${figureTopics().join(', ')}`;

/** What the command line asked for, or why it cannot be done. */
export type CliRequest =
  | { command: 'ask'; question: string; limit?: number; json: boolean; corpus: string }
  | { command: 'sources'; json: boolean; corpus: string }
  | { command: 'source'; id: string; json: boolean; corpus: string }
  | { command: 'figures'; topic?: string; json: boolean; csv?: boolean; chart?: string; corpus: string }
  | { command: 'add'; source: string; json: boolean; corpus: string; allowHosts: AllowedHost[] }
  | { command: 'help' }
  | { command: 'usage-error'; message: string };

const CLI_OPTIONS = {
  limit: { type: 'string' },
  json: { type: 'boolean', default: false },
  csv: { type: 'boolean', default: false },
  chart: { type: 'string' },
  corpus: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export function parseCli(argv: string[], env: NodeJS.ProcessEnv = process.env): CliRequest {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof CLI_OPTIONS }>>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: CLI_OPTIONS });
  } catch (error) {
    return { command: 'usage-error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  const [command, ...rest] = positionals;
  const corpus = values.corpus ?? corpusDirFromEnv(env);
  const json = values.json ?? false;
  switch (command) {
    case 'ask': {
      if (rest.length === 0)
        return { command: 'usage-error', message: 'ask needs a question, in quotes: ask "how many killed"' };
      let limit: number | undefined;
      if (values.limit !== undefined) {
        limit = Number(values.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
          return {
            command: 'usage-error',
            message: `--limit must be a whole number from 1 to ${MAX_LIMIT}, not "${values.limit}"`,
          };
        }
      }
      return { command: 'ask', question: rest.join(' '), ...(limit ? { limit } : {}), json, corpus };
    }
    case 'sources':
      if (rest.length > 0)
        return { command: 'usage-error', message: `sources takes no arguments, not "${rest.join(' ')}"` };
      return { command: 'sources', json, corpus };
    case 'source':
      if (rest.length !== 1)
        return { command: 'usage-error', message: 'source needs one article id: source 000_76f2eabdc61f15ff' };
      return { command: 'source', id: rest[0]!, json, corpus };
    case 'figures': {
      if (rest.length > 1)
        return { command: 'usage-error', message: `figures takes at most one category, not "${rest.join(' ')}"` };
      const topic = rest[0]?.toLowerCase();
      if (topic && !figureTopics().includes(topic)) {
        return {
          command: 'usage-error',
          message: `unknown category "${rest[0]}": use one of ${figureTopics().join(', ')}`,
        };
      }
      if (values.csv && json) return { command: 'usage-error', message: 'figures takes --csv or --json, not both' };
      if (values.chart !== undefined && !topic)
        return { command: 'usage-error', message: '--chart draws one category: figures killed --chart killed.png' };
      if (values.chart !== undefined && !values.chart.trim())
        return { command: 'usage-error', message: '--chart needs a file name: --chart killed.png' };
      return {
        command: 'figures',
        ...(topic ? { topic } : {}),
        json,
        ...(values.csv ? { csv: true } : {}),
        ...(values.chart !== undefined ? { chart: values.chart } : {}),
        corpus,
      };
    }
    case 'add': {
      if (rest.length !== 1)
        return { command: 'usage-error', message: 'add needs one link or file: add https://news.example/story' };
      let allowHosts: AllowedHost[];
      try {
        allowHosts = parseAllowedHosts(env.FETCH_ALLOW_HOSTS ?? '');
      } catch (error) {
        return { command: 'usage-error', message: `FETCH_ALLOW_HOSTS ${(error as Error).message}` };
      }
      return { command: 'add', source: rest[0]!, json, corpus, allowHosts };
    }
    case undefined:
      return { command: 'usage-error', message: 'no command given' };
    default:
      return { command: 'usage-error', message: `unknown command "${command}"` };
  }
}

export interface CliOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Where a CLI run reads its environment and writes its output: the process, or a test. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  style: TerminalStyle;
}

/** The whole command line, from arguments to exit code, writing through `io` rather than to the process: tests run it in-process. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const output = await runRequest(parseCli(argv, io.env), io.style);
  if (output.stderr) io.stderr(`${output.stderr}\n`);
  if (output.stdout) io.stdout(`${output.stdout}\n`);
  return output.exitCode;
}

/** Runs one parsed request to completion, returning what to print rather than printing it. */
export async function runRequest(request: CliRequest, style: TerminalStyle): Promise<CliOutput> {
  if (request.command === 'help') return { stdout: USAGE, stderr: '', exitCode: 0 };
  if (request.command === 'usage-error')
    return { stdout: '', stderr: `crosscheck: ${request.message}\n\n${USAGE}`, exitCode: 2 };
  if (request.command === 'add') return runAdd(request);

  let engine: Engine;
  try {
    engine = await Engine.load(request.corpus);
  } catch (error) {
    if (error instanceof CorpusUnreadableError) return { stdout: '', stderr: error.message, exitCode: 1 };
    throw error;
  }
  const stderr = engine.summary();
  const print = (value: unknown, text: () => string) => (request.json ? JSON.stringify(value, null, 2) : text());

  switch (request.command) {
    case 'ask': {
      const answer = engine.ask(request.question, request.limit ? { limit: request.limit } : {});
      return { stdout: print(answer, () => renderAnswer(answer, style)), stderr, exitCode: 0 };
    }
    case 'sources': {
      const report = engine.sources();
      return { stdout: print(report, () => renderSources(report, style)), stderr, exitCode: 0 };
    }
    case 'source': {
      const source = engine.source(request.id);
      if (!source) {
        const known = engine.corpus.articles.map((article) => article.id).join(', ');
        return {
          stdout: '',
          stderr: `${stderr}\ncrosscheck: no article "${request.id}". Known ids: ${known}`,
          exitCode: 2,
        };
      }
      return { stdout: print(source, () => renderSource(source, style)), stderr, exitCode: 0 };
    }
    case 'figures': {
      const reports = engine.figures(request.topic);
      let written = '';
      if (request.chart) {
        const drawn = reports.filter((report) => report.claims.length > 0);
        if (drawn.length === 0)
          return { stdout: '', stderr: `${stderr}\ncrosscheck: no ${request.topic} figures to draw`, exitCode: 1 };
        const files = await writeCharts(drawn, request.chart);
        written = `\nWrote ${files.join(', ')}`;
      }
      if (request.csv) return { stdout: figuresCsv(reports).trimEnd(), stderr: stderr + written, exitCode: 0 };
      // One category asked: one report object; all of them: the array.
      const json = request.topic && reports.length === 1 ? reports[0] : reports;
      return { stdout: print(json, () => renderFigures(reports, style)), stderr: stderr + written, exitCode: 0 };
    }
  }
}

/** `add`: the shared pipeline on the corpus folder, reloaded in place (nothing watched: the run ends with it). */
async function runAdd(request: Extract<CliRequest, { command: 'add' }>): Promise<CliOutput> {
  let source: AddSource;
  if (/^https?:\/\//i.test(request.source)) source = { url: request.source };
  else {
    try {
      source = { fileName: path.basename(request.source), bytes: await readFile(request.source) };
    } catch (error) {
      return {
        stdout: '',
        stderr: `crosscheck: cannot read ${request.source}: ${(error as Error).message}`,
        exitCode: 2,
      };
    }
  }
  let live: LiveEngine;
  try {
    live = await LiveEngine.start(request.corpus, { watch: false });
  } catch (error) {
    if (error instanceof CorpusUnreadableError) return { stdout: '', stderr: error.message, exitCode: 1 };
    throw error;
  }
  let outcome: AddOutcome;
  try {
    outcome = await addArticle(live, source, {
      addedBy: null,
      via: 'url' in source ? 'url' : 'file',
      fetch: { allowHosts: request.allowHosts },
    });
  } finally {
    live.close();
  }
  const exitCode = outcome.ok ? 0 : 1;
  if (!request.json) {
    const text = renderAddedText(outcome, request.source);
    return outcome.ok ? { stdout: text, stderr: '', exitCode } : { stdout: '', stderr: text, exitCode };
  }
  const json = outcome.ok
    ? {
        added: true,
        article: outcome.article,
        file: outcome.file,
        passages: outcome.passages,
        figures: outcome.changes.figures,
        repeated: outcome.changes.repeated.map((claim) => claim.id),
        verdicts: outcome.changes.verdicts.map(({ verdict }) => verdict),
      }
    : {
        added: false,
        reason: outcome.reason,
        message: outcome.message,
        ...(outcome.existing ? { existing: outcome.existing } : {}),
      };
  return { stdout: JSON.stringify(json, null, 2), stderr: outcome.ok ? '' : outcome.message, exitCode };
}

/** Each report's chart: to `file` for one report, else to `file` with the item before the extension (killed.png, weapons-shells.png). */
async function writeCharts(reports: FiguresReport[], file: string): Promise<string[]> {
  const written: string[] = [];
  for (const report of reports) {
    const ext = path.extname(file) || '.png';
    const target =
      reports.length === 1
        ? file
        : `${file.slice(0, file.length - path.extname(file).length)}-${report.item ?? report.category}${ext}`;
    await writeFile(target, chartPng(report));
    written.push(target);
  }
  return written;
}

// Run only as a script, not when a test imports the module.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  loadDotenv({ quiet: true });
  process.exitCode = await runCli(process.argv.slice(2), {
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    style: terminalStyle(process.stdout),
  });
}
