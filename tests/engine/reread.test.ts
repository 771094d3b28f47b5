import { rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveEngine } from '../../src/engine/live.js';
import { tempCorpus } from '../helpers.js';

const article = (sentence: string) =>
  `---\ntitle: ${JSON.stringify(sentence.slice(0, 30))}\npublished: 2024-12-01\nlanguage: en\n---\n${sentence}\n`;

/** Ten articles, each telling a different number of drones. */
const tenArticles = () =>
  Object.fromEntries(
    Array.from({ length: 10 }, (_, index) => [
      `a${index}.md`,
      article(`Officials in town ${index} said ${index + 11} drones were shot down overnight.`),
    ]),
  );

describe('a reload reads only the files changed since the corpus served', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function start(files: Record<string, string>) {
    const corpus = await tempCorpus(files);
    const live = await LiveEngine.start(corpus.dir, { watch: false });
    cleanups.push(corpus.cleanup, () => live.close());
    return { live, dir: corpus.dir };
  }

  it('GIVEN ten articles WHEN one changes THEN the reload reads that file alone and answers from its new text', async () => {
    const { live, dir } = await start(tenArticles());
    expect(live.current().corpus.filesRead).toBe(10);

    const unchanged = await live.reload();
    expect(live.current().corpus.filesRead).toBe(0);
    expect(unchanged.changed).toEqual([]);

    await writeFile(path.join(dir, 'a3.md'), article('Officials in Kharkiv said 77 balloons were launched overnight.'));
    const report = await live.reload();
    expect(live.current().corpus.filesRead).toBe(1);
    expect(report.changed).toEqual(['a3.md']);
    expect(live.current().corpus.articles).toHaveLength(10);
    expect(live.current().ask('how many balloons were launched').passages[0]!.quote).toContain('77 balloons');
    expect(live.current().ask('drones shot down town 5').passages[0]!.quote).toContain('16 drones');
  });

  it('GIVEN a file rewritten with the same size THEN it is read again, by its new modification time or its new inode', async () => {
    const { live, dir } = await start(tenArticles());
    const file = path.join(dir, 'a4.md');
    const before = await stat(file);

    // Same length, new number: only the modification time tells.
    await writeFile(file, article('Officials in town 4 said 99 drones were shot down overnight.'));
    expect((await stat(file)).size).toBe(before.size);
    await utimes(file, before.atime, new Date(before.mtimeMs + 5000));
    expect((await live.reload()).changed).toEqual(['a4.md']);
    expect(live.current().corpus.filesRead).toBe(1);
    expect(live.current().ask('drones shot down town 4').passages[0]!.quote).toContain('99 drones');

    // Same length and modification time, written by rename: only the inode tells.
    const replaced = await stat(file);
    await writeFile(`${file}.tmp`, article('Officials in town 4 said 42 drones were shot down overnight.'));
    await utimes(`${file}.tmp`, replaced.atime, replaced.mtime);
    await rename(`${file}.tmp`, file);
    expect((await live.reload()).changed).toEqual(['a4.md']);
    expect(live.current().corpus.filesRead).toBe(1);
    expect(live.current().ask('drones shot down town 4').passages[0]!.quote).toContain('42 drones');
  });

  it('GIVEN a file added and one removed THEN the reload finds both and reads only the new one', async () => {
    const { live, dir } = await start(tenArticles());
    await writeFile(path.join(dir, 'new.md'), article('Officials in Odesa said 31 ships left the port.'));
    await rm(path.join(dir, 'a0.md'));
    const report = await live.reload();
    expect(report.added).toEqual(['new.md']);
    expect(report.removed).toEqual(['a0.md']);
    expect(live.current().corpus.filesRead).toBe(1);
    expect(live.current().ask('how many ships left the port').passages[0]!.quote).toContain('31 ships');
  });

  it('GIVEN an article that turns malformed THEN its last good version serves across reloads, and a fix is read', async () => {
    const { live, dir } = await start(tenArticles());
    await writeFile(path.join(dir, 'a2.md'), '---\ntitle: [broken\n---\nText');
    for (let reload = 0; reload < 2; reload++) {
      const report = await live.reload();
      expect(report.keptLastGood).toEqual(['a2.md']);
      expect(live.current().corpus.problems).toEqual([
        { file: 'a2.md', reason: expect.stringMatching(/; serving its last good version$/) },
      ]);
      expect(live.current().ask('drones shot down town 2').passages[0]!.quote).toContain('13 drones');
    }
    expect(live.current().corpus.filesRead).toBe(0); // the broken file, unchanged, is not read again

    await writeFile(path.join(dir, 'a2.md'), article('Officials in town 2 said 64 drones were shot down overnight.'));
    await live.reload();
    expect(live.current().corpus.problems).toEqual([]);
    expect(live.current().ask('drones shot down town 2').passages[0]!.quote).toContain('64 drones');
  });

  it('GIVEN a file the ignore list comes to name THEN the reload drops it without reading anything', async () => {
    const { live, dir } = await start(tenArticles());
    await writeFile(path.join(dir, '.crosscheckignore'), 'a9.md\n');
    const report = await live.reload();
    expect(report.removed).toEqual(['a9.md']);
    expect(live.current().corpus.filesRead).toBe(0);
  });
});
