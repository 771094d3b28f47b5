import { spawn } from 'node:child_process';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConsole, runConsoleCommand } from '../../src/console/console.js';
import { Engine } from '../../src/engine/engine.js';
import { SEED, SEED_CORPUS } from '../helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const plain = { color: false, width: 100 };

/** `npm start` with stdin from a pipe, as in `echo "/ask how many injured" | npm start`. */
function npmStart(input: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: { ...process.env, DISCORD_TOKEN: '', CORPUS_DIR: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(input);
  });
}

describe('npm start without a token: the offline console reading stdin', () => {
  it('GIVEN "/ask how many injured" piped in THEN cited passages on stdout and exit 0 at end of input', async () => {
    const { stdout, stderr, code } = await npmStart('/ask how many injured\n');
    expect(code).toBe(0);
    expect(stdout).toContain('Q: how many injured');
    // Piped, the text wraps at 80 columns: read it as one line.
    expect(stdout.replace(/\s+/g, ' ')).toContain('around 1,000 more were injured');
    expect(stdout).toContain(`· ${SEED.losses}`);
    expect(stderr).toContain('Indexed 5 articles');
  });
});

describe('runConsole with stdin from a pipe', () => {
  it('GIVEN several commands THEN each is answered in order', async () => {
    const output = new PassThrough();
    let stdout = '';
    output.on('data', (chunk) => (stdout += chunk));
    await runConsole(await Engine.load(SEED_CORPUS), Readable.from(['/sources\n/source 004\n/help\n']), output, plain);
    const order = ['5 articles', `id:        ${SEED.norwegian}`, "Commands (the same as the bot's)"].map((text) =>
      stdout.indexOf(text),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('runConsoleCommand', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await Engine.load(SEED_CORPUS);
  });

  it.each([
    ['/ask', 'Ask a question, for example: how many killed'],
    ['/ask how many killed --limit 99', '--limit must be a whole number from 1 to 10.'],
    ['/source', 'Which article? /source <id>; /sources lists them.'],
    ['/source zzz', 'No article "zzz". /sources lists them.'],
    ['/source 00', '"00" matches several articles:'],
    ['/frobnicate', 'Unknown command /frobnicate.'],
  ])('GIVEN %j THEN a helpful reply: %s', (line, reply) => {
    expect(runConsoleCommand(engine, line, plain).text).toContain(reply);
  });

  it('GIVEN a line without a slash THEN it is asked as a question', () => {
    expect(runConsoleCommand(engine, 'how many injured', plain).text).toContain('Q: how many injured');
  });

  it('GIVEN /quit THEN the console closes', () => {
    expect(runConsoleCommand(engine, '/quit', plain)).toEqual({ text: '', quit: true });
  });
});
