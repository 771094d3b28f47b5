import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureCorpus } from '../../bench/generate.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { AnalysisCache } from '../../src/engine/analysisCache.js';
import { Engine } from '../../src/engine/engine.js';

const root = await mkdtemp(path.join(tmpdir(), 'crosscheck-slices-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('building an index in slices', () => {
  it('GIVEN thousands of analyzed passages WHEN the index is rebuilt THEN timers fire between its slices, and the engine equals one built at once', async () => {
    const corpus = await loadCorpus((await ensureCorpus(root, 500)).dir);
    // A reload: the articles are analyzed already, the index is built anew.
    const cache = new AnalysisCache();
    const atOnce = Engine.fromCorpus(corpus, cache);
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const sliced = await Engine.build(corpus, cache);
    clearInterval(ticker);
    expect(sliced.index.size).toBeGreaterThan(4000);
    expect(turns).toBeGreaterThan(1);
    for (const question of ['how many killed', 'troops sent to Kursk', 'hvor mange er drept']) {
      expect(sliced.ask(question, { limit: 5 })).toEqual(atOnce.ask(question, { limit: 5 }));
    }
  }, 60_000);
});
