import { describe, expect, it } from 'vitest';
import { RateLimit } from '../../src/bot/rateLimit.js';

describe('RateLimit', () => {
  it('GIVEN 3 per 1000 ms THEN the fourth waits for the oldest to leave the window, per user', () => {
    let now = 0;
    const limit = new RateLimit(3, 1000, () => now);
    expect([limit.take('a'), limit.take('a')]).toEqual([0, 0]);
    now = 400;
    expect(limit.take('a')).toBe(0);
    expect(limit.take('a')).toBe(600);
    expect(limit.take('b')).toBe(0);
    now = 1000;
    expect(limit.take('a')).toBe(0);
    expect(limit.take('a', 2)).toBe(400);
    expect(limit.take('a', 4)).toBe(Number.POSITIVE_INFINITY);
    expect(limit.take('a', 0)).toBe(0);
  });
});
