import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureCorpus } from '../../bench/generate.js';
import { loadCorpus, readCorpus, THREAD_FROM_ENTRIES } from '../../src/corpus/load.js';

const root = await mkdtemp(path.join(tmpdir(), 'crosscheck-load-thread-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('a large corpus folder, read on a thread', () => {
  it('GIVEN a folder with enough files for a thread THEN the corpus is exactly the one read in place', async () => {
    const { dir } = await ensureCorpus(root, THREAD_FROM_ENTRIES);
    const names = (await readdir(dir, { recursive: true })).map(String).sort();
    expect(names.length).toBeGreaterThanOrEqual(THREAD_FROM_ENTRIES);
    const threaded = await loadCorpus(dir);
    expect(threaded).toEqual(await readCorpus(dir, names));
    expect(threaded.articles.length).toBe(THREAD_FROM_ENTRIES);
  }, 60_000);
});
