import { mkdtemp, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { Engine } from '../../src/engine/engine.js';
import { AnalysisStore } from '../../src/engine/indexing/analysisStore.js';
import { LiveEngine, type ReloadLog } from '../../src/engine/live.js';
import { miniSearchIndex } from '../../src/search/minisearch/passageIndex.js';
import type { IndexChange, SearchIndex, SearchIndexFactory } from '../../src/search/searchIndex.js';
import { tempCorpus } from '../helpers.js';

const PLACES = ['Donetsk', 'Kharkiv', 'Kupiansk', 'Pokrovsk', 'Sumy', 'Zaporizhzhia', 'Kherson', 'Bakhmut'];

/** An article of `lines` passages (one per line), every line its own sentence. */
function article(title: string, lines: number, seed: number, extra = ''): string {
  const body = Array.from(
    { length: lines },
    (_, i) =>
      `Officials in ${PLACES[(seed + i) % PLACES.length]} reported ${seed * 100 + i} shells fired on day ${i + 1}.`,
  );
  return `---\ntitle: ${JSON.stringify(title)}\npublished: 2024-11-${String((seed % 28) + 1).padStart(2, '0')}\nlanguage: en\n---\n${[...body, extra].join('\n')}\n`;
}

/** MiniSearch, counting what reaches it: indexes built whole, and each update's passages. */
function countingLibrary(): SearchIndexFactory & { builds: number; updates: IndexChange[] } {
  const updates: IndexChange[] = [];
  const wrap = (index: SearchIndex): SearchIndex =>
    new Proxy(index, {
      get(target, key) {
        if (key === 'update')
          return async (change: IndexChange) => {
            updates.push(change);
            return wrap(await target.update(change));
          };
        const value = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const library = {
    builds: 0,
    updates,
    builder() {
      const builder = miniSearchIndex.builder();
      return {
        add: (passage: Parameters<typeof builder.add>[0]) => builder.add(passage),
        finish: (passages: Parameters<typeof builder.finish>[0]) => {
          library.builds++;
          return wrap(builder.finish(passages));
        },
      };
    },
    readSnapshot(snapshot: Parameters<SearchIndexFactory['readSnapshot']>[0]) {
      const restore = miniSearchIndex.readSnapshot(snapshot);
      return (passages: Parameters<ReturnType<SearchIndexFactory['readSnapshot']>>[0]) => wrap(restore(passages));
    },
  };
  return library;
}

const quiet: ReloadLog = { info() {}, warn() {}, error() {} };

function recordingLog() {
  const lines: string[] = [];
  const log: ReloadLog = {
    info: (_o, m) => lines.push(m),
    warn: (_o, m) => lines.push(m),
    error: (_o, m) => lines.push(m),
  };
  return { log, lines };
}

/** Whether an answer cites the article of this id. */
const cites = (answer: ReturnType<Engine['ask']>, id: string) => answer.passages.some((p) => p.article.id === id);

describe('updating in place', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function corpusOf(count: number, lines = 4) {
    const files: Record<string, string> = {};
    for (let n = 0; n < count; n++) files[`a${String(n).padStart(3, '0')}.md`] = article(`Report ${n}`, lines, n);
    const corpus = await tempCorpus(files);
    cleanups.push(corpus.cleanup);
    return corpus.dir;
  }

  it('GIVEN a running engine WHEN one article changes, one is added and one removed THEN only those are analyzed, and the index drops and adds only their passages', async () => {
    const dir = await corpusOf(40);
    const library = countingLibrary();
    const live = await LiveEngine.start(dir, { watch: false, searchIndex: library, log: quiet });
    cleanups.push(() => live.close());
    const before = live.current();
    const passagesOf = (engine: Engine, id: string) => engine.source(id)?.passages.length ?? 0;
    expect(library.builds).toBe(1);

    await writeFile(path.join(dir, 'a005.md'), article('Report 5', 6, 5, 'Then the Quixotl bridge fell.'));
    await writeFile(path.join(dir, 'b000.md'), article('Late report', 3, 77, 'Zorblat troops crossed at night.'));
    await unlink(path.join(dir, 'a010.md'));
    const report = await live.reload();
    const after = live.current();

    expect(report).toMatchObject({ added: ['b000.md'], changed: ['a005.md'], removed: ['a010.md'], analyzed: 2 });
    expect(library.builds).toBe(1); // never built whole again
    expect(library.updates).toHaveLength(1);
    const [change] = library.updates;
    expect(change!.removed).toHaveLength(passagesOf(before, 'a005') + passagesOf(before, 'a010'));
    expect(change!.added).toHaveLength(passagesOf(after, 'a005') + passagesOf(after, 'b000'));
    expect(change!.added.map((passage) => passage.article.id).sort()).toEqual([
      ...Array(7).fill('a005'),
      ...Array(4).fill('b000'),
    ]);

    // Unchanged articles keep their very passages; the engine answers from the new corpus.
    expect(after.source('a020')).toEqual(before.source('a020'));
    expect(after.stats().passages).toBe(before.stats().passages - 4 - 4 + 7 + 4);
    expect(cites(after.ask('Quixotl bridge'), 'a005')).toBe(true);
    expect(cites(after.ask('Zorblat troops'), 'b000')).toBe(true);
    expect(after.ask('shells fired on day 3', { limit: 50 }).passages.some((p) => p.article.id === 'a010')).toBe(false);
    // The engine made from scratch over the same folder answers the same.
    const fresh = await Engine.load(dir);
    for (const question of ['Quixotl bridge', 'Zorblat troops', 'shells in Sumy', 'how many shells'])
      expect(after.ask(question, { limit: 5 }).passages.map((p) => p.quote)).toEqual(
        fresh.ask(question, { limit: 5 }).passages.map((p) => p.quote),
      );
    expect(after.figures()).toEqual(fresh.figures());

    // A reload with nothing changed analyzes nothing, drops nothing, adds nothing.
    const again = await live.reload();
    expect(again.analyzed).toBe(0);
    expect(library.updates.at(-1)).toEqual({ removed: [], added: [] });
  });

  it('GIVEN a reload under way THEN asks between its slices answer from the old corpus, complete, and after it from the new; the old engine stays as it was', async () => {
    // Enough added passages that the update works in several slices.
    const dir = await corpusOf(30);
    await writeFile(path.join(dir, 'old.md'), article('Old report', 3, 3, 'The Zorblat depot burned.'));
    const live = await LiveEngine.start(dir, { watch: false, log: quiet });
    cleanups.push(() => live.close());
    const before = live.current();

    await unlink(path.join(dir, 'old.md'));
    await writeFile(path.join(dir, 'new.md'), article('New report', 3, 4, 'The Quixotl depot burned.'));
    for (let n = 0; n < 60; n++) await writeFile(path.join(dir, `c${n}.md`), article(`Filler ${n}`, 40, 100 + n));

    const reloading = live.reload();
    let done = false;
    void reloading.then(() => (done = true));
    const seen: ('old' | 'new')[] = [];
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      const engine = live.current();
      const old = engine.ask('Zorblat depot');
      const fresh = engine.ask('Quixotl depot');
      if (engine === before) {
        // Complete and correct: the old article cited, the new one unknown.
        expect(cites(old, 'old')).toBe(true);
        expect(fresh.passages).toHaveLength(0);
        expect(engine.stats().articles).toBe(31);
        seen.push('old');
      } else {
        expect(cites(old, 'old')).toBe(false);
        expect(cites(fresh, 'new')).toBe(true);
        seen.push('new');
      }
    }
    const report = await reloading;
    expect(report.analyzed).toBe(61);
    // Answered throughout: many asks while the reload ran, every one from the old engine, then the new.
    expect(seen.filter((state) => state === 'old').length).toBeGreaterThan(10);
    expect(seen.indexOf('new') === -1 || seen.slice(seen.indexOf('new')).every((state) => state === 'new')).toBe(true);

    const after = live.current();
    expect(cites(after.ask('Quixotl depot'), 'new')).toBe(true);
    expect(after.ask('Zorblat depot').passages.some((p) => p.article.id === 'old')).toBe(false);
    // The engine that served before the reload answers exactly as it did: nothing was changed under it.
    expect(cites(before.ask('Zorblat depot'), 'old')).toBe(true);
    expect(before.ask('Quixotl depot').passages).toHaveLength(0);
    expect(before.stats()).toMatchObject({ articles: 31 });
  });

  it('GIVEN an engine built and then updated WHEN updated again THEN each update touches only its own articles, and ids stay stable', async () => {
    const dir = await corpusOf(12);
    const library = countingLibrary();
    const store = new AnalysisStore(library);
    const first = await Engine.build(await loadCorpus(dir), { store });
    await writeFile(path.join(dir, 'a003.md'), article('Report 3', 5, 3, 'Quixotl.'));
    const second = await Engine.update(first, await loadCorpus(dir), { store });
    expect(store.analyzed).toBe(13);
    await writeFile(path.join(dir, 'a007.md'), article('Report 7', 2, 7));
    const third = await Engine.update(second, await loadCorpus(dir), { store });
    expect(store.analyzed).toBe(14);
    expect(library.updates.map((change) => [change.removed.length, change.added.length])).toEqual([
      [4, 6],
      [4, 2],
    ]);
    // Ids never reused: the second update's passages come after the first's.
    const [one, two] = library.updates;
    expect(Math.min(...two!.added.map((p) => p.id))).toBeGreaterThan(Math.max(...one!.added.map((p) => p.id)));
    expect(third.source('a003')!.passages.map((p) => p.quote)).toEqual(
      second.source('a003')!.passages.map((p) => p.quote),
    );
    expect(cites(third.ask('Quixotl'), 'a003')).toBe(true);
  });

  it('GIVEN a start, an update and a save THEN a restart reads the updated index back instead of building it, and answers the same', async () => {
    const dir = await corpusOf(20);
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'crosscheck-cache-'));
    cleanups.push(() => rm(cacheDir, { recursive: true, force: true }));
    const cacheFile = path.join(cacheDir, 'index.cache');
    const live = await LiveEngine.start(dir, { watch: false, cacheFile, log: quiet });
    await writeFile(path.join(dir, 'a002.md'), article('Report 2', 6, 2, 'The Quixotl bridge fell.'));
    await writeFile(path.join(dir, 'b000.md'), article('Late report', 3, 50));
    await unlink(path.join(dir, 'a011.md'));
    await live.reload();
    await live.saved;
    live.close();
    const updated = live.current();
    expect(await readdir(cacheDir)).toEqual(['index.cache']);

    const { log, lines } = recordingLog();
    const library = countingLibrary();
    const restarted = await LiveEngine.start(dir, { watch: false, cacheFile, log, searchIndex: library });
    cleanups.push(() => restarted.close());
    expect(lines).toContain('index cache used: 20 articles and their index');
    expect(library.builds).toBe(0);
    for (const question of ['Quixotl bridge', 'shells in Sumy', 'how many shells fired', 'Report 2'])
      expect(restarted.current().ask(question, { limit: 5 })).toEqual(updated.ask(question, { limit: 5 }));
    expect(restarted.current().source('a002')).toEqual(updated.source('a002'));
  });
});
