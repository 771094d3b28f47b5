/**
 * `cli -- add` and the console's `/add`: the same pipeline as the bot's, from a terminal. Pages from
 * a local server on 127.0.0.1, allowed as FETCH_ALLOW_HOSTS allows it.
 */
import { cp, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addJson } from '../../src/cli/contract.js';
import { parseCli, runCli } from '../../src/cli/main.js';
import { runConsole } from '../../src/console/console.js';
import { LiveEngine } from '../../src/engine/live.js';
import { tempCorpus } from '../helpers.js';
import { startPageServer, testPage, type PageServer } from '../support/pages.js';

const plain = { color: false, width: 100 };
const FIXTURES = path.resolve(import.meta.dirname, '../engine/fixtures/added');

let pages: PageServer;
beforeAll(async () => {
  pages = await startPageServer({
    '/world/seoul-raises-estimate': { body: testPage('nis-september.html') },
  });
});
afterAll(() => pages.close());

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function corpus() {
  const made = await tempCorpus({});
  cleanups.push(made.cleanup);
  await cp(path.join(FIXTURES, 'april-nis.md'), path.join(made.dir, 'april-nis.md'));
  return made.dir;
}

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    env: { CORPUS_DIR: '', FETCH_ALLOW_HOSTS: pages.host },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    style: plain,
  });
  return { stdout, stderr, code };
}

describe('cli -- add', () => {
  it('GIVEN a link and --json THEN one JSON document under the contract: the article, its figure and the verdict it makes', async () => {
    const dir = await corpus();
    const run = await cli(['add', `${pages.base}/world/seoul-raises-estimate`, '--json', '--corpus', dir]);
    expect(run.code).toBe(0);
    const json = addJson.parse(JSON.parse(run.stdout));
    expect(json).toMatchObject({
      added: true,
      article: {
        title: 'Seoul raises its estimate of North Korean dead',
        publisher: 'Northgate Daily',
        language: 'en',
      },
    });
    expect(json.figures?.map((claim) => claim.value)).toEqual([2000]);
    expect(json.verdicts?.map((verdict) => verdict.kind)).toContain('grew');
    expect(await readdir(path.join(dir, 'added'))).toHaveLength(1);
  });

  it('GIVEN the same link again THEN exit 1, added false, and the existing id', async () => {
    const dir = await corpus();
    const first = addJson.parse(
      JSON.parse((await cli(['add', `${pages.base}/world/seoul-raises-estimate`, '--json', '--corpus', dir])).stdout),
    );
    const again = await cli(['add', `${pages.base}/world/seoul-raises-estimate`, '--json', '--corpus', dir]);
    expect(again.code).toBe(1);
    expect(addJson.parse(JSON.parse(again.stdout))).toMatchObject({
      added: false,
      reason: 'duplicate',
      existing: first.article!.id,
    });
  });

  it('GIVEN a file THEN it is added, and text output says what it changes', async () => {
    const dir = await corpus();
    const run = await cli(['add', path.join(FIXTURES, 'field-notes.md'), '--corpus', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Added: Field notes from the Sumy border');
    expect(run.stdout).toContain('No new figures.');
  });

  it('GIVEN no link, or a malformed FETCH_ALLOW_HOSTS THEN a usage error', () => {
    expect(parseCli(['add'], {})).toMatchObject({ command: 'usage-error' });
    expect(parseCli(['add', 'x'], { FETCH_ALLOW_HOSTS: 'not a host!' })).toMatchObject({ command: 'usage-error' });
  });
});

describe('the console’s /add', () => {
  it('GIVEN /add with a link THEN the next question is answered from it, and /remove takes it out', async () => {
    const dir = await corpus();
    const live = await LiveEngine.start(dir, { watch: false });
    cleanups.push(() => live.close());
    let printed = '';
    const output = Object.assign(
      new Writable({
        write(chunk, _encoding, done) {
          printed += String(chunk);
          done();
        },
      }),
      { isTTY: false },
    );
    const lines = [`/add ${pages.base}/world/seoul-raises-estimate`, '/ask how many North Korean soldiers were killed'];
    await runConsole(live.current(), Readable.from([`${lines.join('\n')}\n`]), output, plain, {
      target: live,
      fetch: { allowHosts: pages.allowHosts },
    });
    expect(printed).toContain('Added: Seoul raises its estimate of North Korean dead');
    expect(printed).toMatch(/📈 grew: killed ≥2,000/);
    expect(printed.slice(printed.indexOf('Q: '))).toContain('Seoul raises its estimate');
    const id = /id: (added\/\S+)/.exec(printed)![1]!;
    printed = '';
    await runConsole(live.current(), Readable.from([`/remove ${id}\n`]), output, plain, { target: live });
    expect(printed).toContain(`Removed ${id}: moved to .removed/`);
  });
});
