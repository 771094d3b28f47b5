import { afterEach, describe, expect, it } from 'vitest';
import { estimateHeap, heapAdvice } from '../../src/engine/heapEstimate.js';
import { LiveEngine, type ReloadLog } from '../../src/engine/live.js';
import { SEED_CORPUS } from '../helpers.js';

function recordingLog() {
  const warnings: string[] = [];
  const log: ReloadLog = { info() {}, warn: (_o, m) => warnings.push(m), error() {} };
  return { log, warnings };
}

const raiseTo = (line: string) => Number(/NODE_OPTIONS=--max-old-space-size=(\d+)\b/.exec(line)?.[1]);

describe('the heap a corpus needs, told before building', () => {
  const started: LiveEngine[] = [];
  afterEach(() => {
    for (const live of started.splice(0)) live.close();
  });

  it('GIVEN a heap limit smaller than the corpus needs WHEN the engine starts THEN one line says how to raise it, with a number that covers the need, and the corpus is still served', async () => {
    const { log, warnings } = recordingLog();
    const live = await LiveEngine.start(SEED_CORPUS, { watch: false, log, heapLimitBytes: 1024 * 1024 });
    started.push(live);
    const advice = warnings.filter((line) => line.includes('--max-old-space-size'));
    expect(advice).toHaveLength(1);
    expect(advice[0]).toMatch(/more than the 1 MB this process may use/);
    const needed = Number(/needs about (\d+) MB/.exec(advice[0]!)?.[1]);
    expect(raiseTo(advice[0]!)).toBeGreaterThan(needed);
    expect(raiseTo(advice[0]!) % 256).toBe(0);
    expect(live.current().ask('how many killed').passages.length).toBeGreaterThan(0);
  });

  it('GIVEN the heap of this process WHEN the engine starts over a small corpus THEN nothing is said', async () => {
    const { log, warnings } = recordingLog();
    started.push(await LiveEngine.start(SEED_CORPUS, { watch: false, log }));
    expect(warnings.filter((line) => line.includes('--max-old-space-size'))).toEqual([]);
  });

  it('GIVEN an archive of 400,000 articles (468 million characters) and the default 4 GB heap THEN it does not fit, and the line asks for more than the estimate; 100,000 articles fit', () => {
    const limit = 4144 * 1024 * 1024;
    const estimate = estimateHeap({ articles: 400_000, characters: 468_000_000 }, limit);
    expect(estimate).toMatchObject({ articles: 400_000, passages: 4_000_000, limitMB: 4144, fits: false });
    expect(raiseTo(heapAdvice(estimate))).toBe(estimate.suggestedMB);
    expect(estimate.suggestedMB).toBeGreaterThan(estimate.neededMB);
    expect(estimateHeap({ articles: 100_000, characters: 111_223_337 }, limit).fits).toBe(true);
  });
});
