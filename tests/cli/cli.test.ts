import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { chartPng } from '../../src/render/chart.js';
import { askJson, figuresJson, sourceJson, sourcesJson } from '../../src/cli/contract.js';
import { parseCli, runCli, runRequest, USAGE } from '../../src/cli/main.js';
import { SEED, SEED_CORPUS, tempCorpus } from '../helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const plain = { color: false, width: 100 };

/** Runs the CLI as a user does, through npm: kept for the smoke tests of the script itself. */
async function npmCli(args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', '--silent', 'cli', '--', ...args], {
      cwd: ROOT,
      env: { ...process.env, DISCORD_TOKEN: '', CORPUS_DIR: '' },
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

/** The same command line run in this process, as through npm from the project folder with no CORPUS_DIR. */
async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    env: { CORPUS_DIR: '' },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    // What the script picks for a pipe: no colour, 100 columns.
    style: plain,
  });
  return { stdout, stderr, code };
}

// Two processes that mostly wait on npm and tsx: side by side.
describe.concurrent('the CLI through npm', () => {
  it('GIVEN ask "how many killed" --limit 5 --json THEN stdout is one JSON answer citing the 6 officers, the 100 dead and the Norwegian 400', async () => {
    const { stdout, stderr, code } = await npmCli(['ask', 'how many killed', '--limit', '5', '--json']);
    expect(code).toBe(0);
    const answer = askJson.parse(JSON.parse(stdout));
    expect(answer.noAnswer).toBe(false);
    const quotes = answer.passages.map((passage) => passage.quote).join('\n');
    expect(quotes).toMatch(/six North Korean (military )?officers/i);
    expect(quotes).toMatch(/at least 100 (North Korean )?soldiers (have died|confirmed dead)/);
    expect(quotes).toContain('Rundt 400 nordkoreanske soldater ble antatt å ha blitt drept');
    // Logs go to stderr, in one line.
    expect(stderr.trim()).toBe(
      `Indexed 5 articles (${stderr.match(/\((\d+) passages\)/)![1]} passages) from corpus; no problems.`,
    );
  });

  it('GIVEN bad usage THEN exit 2 with the usage on stderr and nothing on stdout', async () => {
    const { stdout, stderr, code } = await npmCli(['ask', 'x', '--limit', '11']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--limit must be a whole number from 1 to 10, not "11"');
    expect(stderr).toContain('Usage:');
  });
});

describe('the CLI in-process (runCli)', () => {
  it('GIVEN ask "how many killed" --json THEN the killed figures come beside the passages', async () => {
    const { stdout, code } = await cli(['ask', 'how many killed', '--json']);
    expect(code).toBe(0);
    const answer = askJson.parse(JSON.parse(stdout));
    expect(answer.figures?.map((report) => report.category)).toEqual(['killed']);
    const wordings = answer.figures![0]!.claims.map((claim) => claim.wording);
    expect(wordings).toEqual(expect.arrayContaining(['at least 100', 'several hundred', 'exceeded 200', 'Rundt 400']));
  });

  it('GIVEN figures killed --json THEN one report: six officers as of 2024-10-03, and two estimates of the same time far apart', async () => {
    const { stdout, code } = await cli(['figures', 'killed', '--json']);
    expect(code).toBe(0);
    const report = figuresJson.parse(JSON.parse(stdout));
    const six = report.claims.find((claim) => claim.value === 6)!;
    expect(six).toMatchObject({ subject: 'North Korean officers', asOf: { date: '2024-10-03', precision: 'day' } });
    expect(six.articles).toEqual(expect.arrayContaining([SEED.ytn, SEED.minister]));
    const disagree = report.verdicts.filter((verdict) => verdict.kind === 'far apart');
    const byId = new Map(report.claims.map((claim) => [claim.id, claim.wording]));
    expect(disagree.map((verdict) => verdict.claims.map((id) => byId.get(id)).sort())).toContainEqual([
      'at least 100',
      'several hundred',
    ]);
  });

  it('GIVEN figures --json with no category THEN an array of every category with figures', async () => {
    const { stdout } = await cli(['figures', '--json']);
    const reports = figuresJson.array().parse(JSON.parse(stdout));
    expect(reports.map((report) => report.category)).toEqual(
      expect.arrayContaining(['killed', 'injured', 'casualties', 'deployed', 'reinforcements', 'weapons']),
    );
  });

  it('GIVEN sources --json THEN the five seeds with titles, YTN dated 2024-10-05 and the Norwegian one in Norwegian', async () => {
    const { stdout, code } = await cli(['sources', '--json']);
    expect(code).toBe(0);
    const report = sourcesJson.parse(JSON.parse(stdout));
    expect(report.articles.map((article) => article.id)).toEqual(Object.values(SEED));
    expect(report.articles.find((article) => article.id === SEED.ytn)).toMatchObject({
      publisher: 'YTN',
      published: '2024-10-05',
    });
    expect(report.articles.find((article) => article.id === SEED.norwegian)!.language).toBe('nb');
    expect(report.problems).toEqual([]);
  });

  it('GIVEN a question the corpus cannot answer THEN noAnswer with no passages, exit 0', async () => {
    const { stdout, code } = await cli(['ask', 'what is the capital of France', '--json']);
    expect(code).toBe(0);
    expect(askJson.parse(JSON.parse(stdout))).toMatchObject({ noAnswer: true, passages: [] });
  });

  it('GIVEN a corpus folder that does not exist THEN exit 1 with the folder named', async () => {
    const { stderr, code } = await cli(['sources', '--corpus', '/no/such/folder']);
    expect(code).toBe(1);
    expect(stderr).toContain('corpus: cannot read the folder /no/such/folder');
  });
});

describe('parseCli', () => {
  it.each([
    [['ask'], 'ask needs a question, in quotes: ask "how many killed"'],
    [['ask', 'x', '--limit', 'two'], '--limit must be a whole number from 1 to 10, not "two"'],
    [['source'], 'source needs one article id: source 000_76f2eabdc61f15ff'],
    [['sources', 'extra'], 'sources takes no arguments, not "extra"'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [
      ['figures', 'pizza'],
      'unknown category "pizza": use one of killed, injured, casualties, deployed, reinforcements, captured, weapons, shells, missiles, launchers, guns, containers',
    ],
    [[], 'no command given'],
    [['figures', '--chart', 'x.png'], '--chart draws one category: figures killed --chart killed.png'],
    [['figures', 'killed', '--csv', '--json'], 'figures takes --csv or --json, not both'],
  ])('GIVEN %j THEN a usage error: %s', (argv, message) => {
    expect(parseCli(argv, {})).toEqual({ command: 'usage-error', message });
  });

  it('GIVEN CORPUS_DIR THEN it is the default corpus, and --corpus wins over it', () => {
    expect(parseCli(['sources'], { CORPUS_DIR: '/team/articles' })).toMatchObject({ corpus: '/team/articles' });
    expect(parseCli(['sources', '--corpus', 'x'], { CORPUS_DIR: '/team/articles' })).toMatchObject({ corpus: 'x' });
    expect(parseCli(['sources'], { CORPUS_DIR: '' })).toMatchObject({ corpus: 'corpus' });
  });
});

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) field += c;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  if (field || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

describe('figures for a spreadsheet and as a picture', () => {
  it('GIVEN figures killed --csv THEN a header and one RFC 4180 record per claim, lettered as the embed, CRLF line ends', async () => {
    const { stdout, code } = await cli(['figures', 'killed', '--csv']);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^category,item,letter,value,low,high,qualifier,wording,subject,scope,as_of,claimant,channel,articles,quote\r\n/,
    );
    const [header, ...records] = parseCsv(stdout.replace(/\n$/, ''));
    expect(records).toHaveLength(7);
    for (const record of records) expect(record).toHaveLength(header!.length);
    const byLetter: Record<string, Record<string, string>> = Object.fromEntries(
      records.map((r) => [r[2], Object.fromEntries(header!.map((h, i) => [h, r[i]]))]),
    );
    expect(byLetter.A).toMatchObject({ value: '6', wording: 'six', as_of: '2024-10-03' });
    // A comma inside the claimant is quoted, not a new column.
    expect(Object.values(byLetter).map((r) => r.claimant)).toContain(
      'Andrii Kovalenko, the head of the Center for Countering Disinformation',
    );
    // A field a spreadsheet would run as a formula ("--12-18") starts with an apostrophe.
    expect(Object.values(byLetter).map((r) => r.as_of)).toContain("'--12-18");
  });

  it('GIVEN figures killed --chart FILE THEN FILE is the chart PNG, 800 px wide, and stderr says where it went', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'crosscheck-chart-'));
    try {
      const file = path.join(dir, 'killed.png');
      const { stderr, code } = await cli(['figures', 'killed', '--chart', file]);
      expect(code).toBe(0);
      expect(stderr).toContain(`Wrote ${file}`);
      const png = await readFile(file);
      expect(png.readUInt32BE(16)).toBe(800);
      expect(png.equals(chartPng(engineFigures('killed')!))).toBe(true);
      const weapons = await cli(['figures', 'weapons', '--chart', path.join(dir, 'w.png')]);
      expect(weapons.stderr).toContain(path.join(dir, 'w-shells.png'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

let seedEngine: Engine;
beforeAll(async () => {
  seedEngine = await Engine.load(SEED_CORPUS);
});
const engineFigures = (topic: string) => seedEngine.figures(topic)[0];

describe('runRequest', () => {
  it('GIVEN source <id> --json THEN the article fields and its passages', async () => {
    const output = await runRequest({ command: 'source', id: SEED.ytn, json: true, corpus: SEED_CORPUS }, plain);
    const source = sourceJson.parse(JSON.parse(output.stdout));
    expect(source).toMatchObject({ id: SEED.ytn, publisher: 'YTN', published: '2024-10-05', language: 'en' });
    expect(source.passages[0]!.quote).toMatch(/^Six North Korean officers killed on battlefield/);
  });

  it('GIVEN source with a unique id prefix THEN that article; an unknown id THEN exit 2 listing the ids', async () => {
    const found = await runRequest({ command: 'source', id: '004', json: false, corpus: SEED_CORPUS }, plain);
    expect(found.stdout).toContain(`id:        ${SEED.norwegian}`);
    expect(found.stdout).toContain('language:  Norwegian Bokmål (nb) (detected from the text)');
    const missing = await runRequest({ command: 'source', id: 'nope', json: false, corpus: SEED_CORPUS }, plain);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain(`no article "nope". Known ids: ${SEED.ytn}`);
  });

  it('GIVEN a text ask THEN a readable citation line with publisher, date and id', async () => {
    const output = await runRequest(
      { command: 'ask', question: 'how many injured', json: false, corpus: SEED_CORPUS },
      plain,
    );
    // The bottom line first, then the question and each article once, under its number, with what is known of it.
    expect(output.stdout).toMatch(/^.+ injured \[\d+\].* — \d+ estimates? from /);
    expect(output.stdout).toMatch(/\nQ: how many injured\n\n\[1\] /);
    expect(output.stdout.replace(/\s+/g, ' ')).toMatch(
      new RegExp(
        `\\[\\d\\] North Korean Troops Face Significant Losses in Russia-Ukraine Conflict · newsukraine\\.rbc\\.ua · ${SEED.losses}`,
      ),
    );
    expect(output.stdout.split('Figures side by side')[0]).not.toContain('unknown');
  });

  it('GIVEN a corpus with a bad file THEN the summary on stderr names it, and sources lists it as a problem', async () => {
    const corpus = await tempCorpus({
      'a.txt': 'North Korean troops were sent to Kursk, officials said.\n',
      'b.md': '---\ntitle: [\n---\nx',
    });
    try {
      const output = await runRequest({ command: 'sources', json: true, corpus: corpus.dir }, plain);
      expect(output.stderr).toMatch(
        /^Indexed 1 article \(1 passage\) from .*; 1 problem: b\.md: front matter is not valid YAML/,
      );
      expect(sourcesJson.parse(JSON.parse(output.stdout)).problems).toEqual([
        { file: 'b.md', reason: expect.stringContaining('not valid YAML') },
      ]);
    } finally {
      await corpus.cleanup();
    }
  });

  it('GIVEN --help THEN the usage, exit 0', async () => {
    expect(await runRequest({ command: 'help' }, plain)).toEqual({ stdout: USAGE, stderr: '', exitCode: 0 });
  });
});
