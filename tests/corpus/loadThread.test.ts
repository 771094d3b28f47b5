import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureCorpus } from '../../bench/generate.js';
import { loadCorpus, MAX_ARTICLE_BYTES, readCorpus, THREAD_FROM_ENTRIES } from '../../src/corpus/load.js';

const root = await mkdtemp(path.join(tmpdir(), 'crosscheck-load-thread-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('a large corpus folder, read on a thread', () => {
  it('GIVEN a folder with enough files for a thread, bad ones among them, THEN the corpus and its problems are exactly those read in place', async () => {
    const { dir } = await ensureCorpus(root, THREAD_FROM_ENTRIES);
    // Files that are reported, not served: each must be reported the same from the thread.
    await writeFile(path.join(dir, 'zz-binary.md'), Buffer.from([0x41, 0x00, 0x42]));
    await writeFile(path.join(dir, 'zz-too-large.txt'), Buffer.alloc(MAX_ARTICLE_BYTES + 1, 0x61));
    await writeFile(path.join(dir, 'zz-latin1.txt'), Buffer.from([0x66, 0xf8, 0x72]));
    await writeFile(path.join(dir, 'zz-report.pdf'), 'not an article');
    await mkdir(path.join(dir, 'zz-folder.md'));
    const names = (await readdir(dir, { recursive: true })).map(String).sort();
    expect(names.length).toBeGreaterThanOrEqual(THREAD_FROM_ENTRIES);
    const threaded = await loadCorpus(dir);
    expect(threaded).toEqual(await readCorpus(dir, names));
    expect(threaded.articles.length).toBe(THREAD_FROM_ENTRIES);
    expect(threaded.problems.map((problem) => problem.file)).toEqual([
      'zz-binary.md',
      'zz-latin1.txt',
      'zz-report.pdf',
      'zz-too-large.txt',
    ]);
  }, 60_000);

  it('GIVEN the corpus read before on a thread WHEN one file changed THEN the thread reads that file alone, and the corpus is the one read whole', async () => {
    const { dir } = await ensureCorpus(root, THREAD_FROM_ENTRIES);
    const first = await loadCorpus(dir);
    const again = await loadCorpus(dir, { previous: first.files });
    expect(again.filesRead).toBe(0);
    expect(again.articles).toEqual(first.articles);
    expect(again.articles[0]).toBe(first.articles[0]); // the same Article, not a copy

    const changed = first.articles[7]!.file;
    const text = await readFile(path.join(dir, changed), 'utf8');
    await writeFile(path.join(dir, changed), `${text}\nA sentence added later.\n`);
    const next = await loadCorpus(dir, { previous: again.files });
    expect(next.filesRead).toBe(1);
    expect(next.articles.find((article) => article.file === changed)!.text).toContain('A sentence added later.');
    expect(next).toEqual({ ...(await loadCorpus(dir)), filesRead: 1 });
  }, 60_000);
});
