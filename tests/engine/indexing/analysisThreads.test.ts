import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureCorpus, questions } from '../../../bench/generate.js';
import { loadCorpus } from '../../../src/corpus/load.js';
import { Engine } from '../../../src/engine/engine.js';
import { AnalysisStore } from '../../../src/engine/indexing/analysisStore.js';
import { THREADS_FROM_ARTICLES } from '../../../src/engine/indexing/analysisThreads.js';

const root = await mkdtemp(path.join(tmpdir(), 'crosscheck-workers-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('analysis on worker threads', () => {
  it('GIVEN a corpus large enough for threads THEN the engine answers exactly as one built on the main thread', async () => {
    const generated = await ensureCorpus(root, THREADS_FROM_ARTICLES + 50);
    const corpus = await loadCorpus(generated.dir);
    const store = new AnalysisStore();
    const threaded = await Engine.build(corpus, { store });
    expect(store.workerProblem).toBeNull();
    const inPlace = await Engine.build(corpus, { atOnce: true });
    expect(threaded.stats().passages).toBe(inPlace.stats().passages);
    for (const question of [...questions(40), 'how many killed', 'hvor mange er drept']) {
      expect(threaded.ask(question, { limit: 5 }), question).toEqual(inPlace.ask(question, { limit: 5 }));
    }
    expect(threaded.figures()).toEqual(inPlace.figures());
  }, 120_000);
});
