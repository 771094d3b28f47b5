import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveEngine, type ReloadLog } from '../../src/engine/live.js';
import { tempCorpus } from '../helpers.js';

const article = (sentence: string) =>
  `---\ntitle: ${JSON.stringify(sentence.slice(0, 30))}\npublished: 2024-12-01\nlanguage: en\n---\n${sentence}\n`;

function recordingLog() {
  const lines: { level: string; message: string }[] = [];
  const listeners = new Set<() => void>();
  const record = (level: string) => (_object: object, message: string) => {
    lines.push({ level, message });
    for (const listener of listeners) listener();
  };
  const log: ReloadLog = { info: record('info'), warn: record('warn'), error: record('error') };
  /**
   * Resolves once `check` holds, looking again after every line logged: the engine logs each reload
   * (after swapping the new index in) and each problem, so no change it makes goes unseen.
   */
  const until = (check: () => boolean) =>
    new Promise<void>((resolve) => {
      const look = () => {
        if (!check()) return;
        listeners.delete(look);
        resolve();
      };
      listeners.add(look);
      look();
    });
  return { log, lines, until };
}

describe('LiveEngine', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function start(files: Record<string, string>) {
    const corpus = await tempCorpus(files);
    const { log, lines, until } = recordingLog();
    const live = await LiveEngine.start(corpus.dir, { debounceMs: 100, retryMs: 100, log });
    cleanups.push(corpus.cleanup, () => live.close());
    return { live, dir: corpus.dir, lines, until };
  }

  // How soon is the debounce plus one rebuild: not timed here, where a busy machine would fail it.
  it('GIVEN a running engine WHEN an article is added and removed THEN it is answerable after the reload it triggers, and no query fails meanwhile', async () => {
    const { live, dir, until } = await start({
      'a.md': article('Six North Korean officers were killed near Donetsk, officials said.'),
    });
    expect(live.current().ask('Kovalenko drones').noAnswer).toBe(true);

    let failures = 0;
    let asked = 0;
    const asking = setInterval(() => {
      try {
        const engine = live.current();
        const answer = engine.ask('officers killed near Donetsk');
        asked++;
        if (answer.noAnswer) failures++;
      } catch {
        failures++;
      }
    }, 5);
    cleanups.push(() => clearInterval(asking));

    await writeFile(
      path.join(dir, 'b.md'),
      article('Andrii Kovalenko said drones killed more than 200 troops in Kursk.'),
    );
    await until(() => !live.current().ask('Kovalenko drones').noAnswer);

    await rm(path.join(dir, 'b.md'));
    await until(() => live.current().ask('Kovalenko drones').noAnswer);
    clearInterval(asking);
    expect(asked).toBeGreaterThan(10);
    expect(failures).toBe(0);
  });

  it('GIVEN a burst of 200 new files THEN they are indexed in one or two reloads, not 200', async () => {
    const { live, dir, until } = await start({ 'seed.md': article('Troops were sent to Kursk, officials said.') });
    await mkdir(path.join(dir, 'pull'));
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        writeFile(
          path.join(dir, 'pull', `${i}.md`),
          article(`Report ${i}: ${i + 10} soldiers were injured in shelling near Kursk village number ${i}.`),
        ),
      ),
    );
    await until(() => live.current().corpus.articles.length === 201);
    expect(live.reloads).toBeLessThanOrEqual(2);
  });

  it('GIVEN an article that becomes malformed THEN its last good version keeps serving and the problem is reported', async () => {
    const { live, dir, lines, until } = await start({
      'good.md': article('About 1,000 North Korean soldiers were injured in Kursk, officials said.'),
      'other.md': article('Six officers were killed near Donetsk.'),
    });
    await writeFile(path.join(dir, 'good.md'), '---\ntitle: [broken\n---\nText');
    await until(() => live.current().corpus.problems.length === 1);
    const engine = live.current();
    expect(engine.corpus.problems[0]).toEqual({
      file: 'good.md',
      reason: expect.stringMatching(/^front matter is not valid YAML.*; serving its last good version$/),
    });
    expect(engine.ask('how many injured').passages[0]!.quote).toContain(
      'About 1,000 North Korean soldiers were injured',
    );
    expect(lines.some((line) => line.level === 'warn' && line.message.includes('good.md'))).toBe(true);
  });

  it('GIVEN the corpus folder disappears THEN it logs once and keeps answering; WHEN it is back THEN it reloads', async () => {
    const { live, dir, lines, until } = await start({
      'a.md': article('Six North Korean officers were killed near Donetsk, officials said.'),
    });
    const moved = `${dir}-moved`;
    await rename(dir, moved);
    cleanups.push(() => rm(moved, { recursive: true, force: true }));
    await until(() =>
      lines.some((line) => line.level === 'error' && line.message.includes('still serving the last index')),
    );
    expect(live.current().ask('officers killed near Donetsk').noAnswer).toBe(false);

    await rename(moved, dir);
    await writeFile(
      path.join(dir, 'b.md'),
      article('Andrii Kovalenko said drones killed more than 200 troops in Kursk.'),
    );
    await until(() => !live.current().ask('Kovalenko drones').noAnswer);
  });

  it('GIVEN reloads asked for while one runs THEN they share one more reload', async () => {
    const { live } = await start({ 'a.md': article('Six officers were killed near Donetsk.') });
    const reports = await Promise.all([live.reload(), live.reload(), live.reload(), live.reload()]);
    expect(live.reloads).toBe(2);
    expect(reports.every((report) => report.articles === 1 && !report.error)).toBe(true);
  });
});
