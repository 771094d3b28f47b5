import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { decodeCache } from '../../src/engine/indexCache.js';
import { LiveEngine, type ReloadLog } from '../../src/engine/live.js';
import { SEED_CORPUS } from '../helpers.js';

function recordingLog() {
  const lines: string[] = [];
  const log: ReloadLog = { info: (_o, m) => lines.push(m), warn: (_o, m) => lines.push(m), error: (_o, m) => lines.push(m) };
  return { log, lines };
}

describe('the index cache', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function cacheDir() {
    const dir = await mkdtemp(path.join(tmpdir(), 'crosscheck-cache-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  }

  async function start(cacheFile: string) {
    const { log, lines } = recordingLog();
    const live = await LiveEngine.start(SEED_CORPUS, { watch: false, cacheFile, log });
    cleanups.push(() => live.close());
    await live.saved;
    return { live, lines };
  }

  const questions = ['how many killed', 'hvor mange er drept', 'North Korean officers killed near Donetsk', 'what is the capital of France'];

  it('GIVEN a first start THEN the cache is written whole; GIVEN a second start THEN it is used and every answer is the same as a fresh build', async () => {
    const dir = await cacheDir();
    const file = path.join(dir, 'index.cache');
    const first = await start(file);
    expect(first.lines).toContain('index cache not used: no cache yet');
    expect(await readdir(dir)).toEqual(['index.cache']); // written under a temporary name, then renamed

    const second = await start(file);
    expect(second.lines.some((line) => line.startsWith('index cache used: 5 articles'))).toBe(true);
    const fresh = await Engine.load(SEED_CORPUS);
    for (const question of questions) expect(second.live.current().ask(question, { limit: 5 })).toEqual(fresh.ask(question, { limit: 5 }));
    expect(second.live.current().figures()).toEqual(fresh.figures());
  });

  it.each([
    ['truncated', async (file: string) => truncate(file, 200), 'checksum mismatch (truncated or corrupt)'],
    ['corrupt', async (file: string) => {
      const bytes = await readFile(file);
      bytes[bytes.length - 10] ^= 0xff;
      await writeFile(file, bytes);
    }, 'checksum mismatch (truncated or corrupt)'],
    ['not a cache', async (file: string) => writeFile(file, 'hello'), 'not a cache file'],
  ])('GIVEN a %s cache file THEN it is discarded with a log line and the corpus is indexed from scratch, answering the same', async (_kind, damage, reason) => {
    const dir = await cacheDir();
    const file = path.join(dir, 'index.cache');
    await start(file);
    await damage(file);
    const { live, lines } = await start(file);
    expect(lines).toContain(`index cache not used: ${reason}`);
    expect(live.current().ask('how many killed').passages[0]!.quote).toContain('at least 100 North Korean soldiers have died');
  });

  it('GIVEN a cache written by other analysis code THEN it is not trusted', () => {
    const head = Buffer.from(JSON.stringify({ format: 2, code: 'someone-else', stems: [], entries: [], index: null }));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(head.length);
    const body = Buffer.concat([length, head, Buffer.alloc((4 - ((4 + head.length) % 4)) % 4)]);
    const bytes = Buffer.concat([Buffer.from(`crosscheck-index-cache 2 ${createHash('sha256').update(body).digest('hex')}\n`), body]);
    expect(decodeCache(bytes)).toEqual({ ok: false, reason: 'written by other analysis code' });
  });
});
