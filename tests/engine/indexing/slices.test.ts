import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureCorpus } from '../../../bench/generate.js';
import { loadCorpus } from '../../../src/corpus/load.js';
import { Engine } from '../../../src/engine/engine.js';
import { AnalysisStore } from '../../../src/engine/indexing/analysisStore.js';

const root = await mkdtemp(path.join(tmpdir(), 'crosscheck-slices-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('building an index in slices', () => {
  it('GIVEN thousands of analyzed passages WHEN the index is rebuilt THEN timers fire between its slices, and the engine equals one built at once', async () => {
    const corpus = await loadCorpus((await ensureCorpus(root, 500)).dir);
    // A reload: the articles are analyzed already, the index is built anew.
    const store = new AnalysisStore();
    const atOnce = await Engine.build(corpus, { store, atOnce: true });
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const sliced = await Engine.build(corpus, { store });
    clearInterval(ticker);
    expect(sliced.stats().passages).toBeGreaterThan(4000);
    expect(turns).toBeGreaterThan(1);
    for (const question of ['how many killed', 'troops sent to Kursk', 'hvor mange er drept']) {
      expect(sliced.ask(question, { limit: 5 })).toEqual(atOnce.ask(question, { limit: 5 }));
    }
  }, 60_000);
});
