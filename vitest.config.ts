import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Vitest's default is one worker per core but one: a single worker on a 2-core machine. Much of the
    // suite waits (on sockets, timers, child processes), so a second worker uses that time.
    maxWorkers: Math.max(availableParallelism() - 1, 2),
    // The test files of a worker share the modules they import (discord.js, the engine, the seed index
    // the bot tests build once) instead of importing them again: that was a third of the suite's CPU
    // time. It holds because no test mocks a module, fakes timers or changes a global; keep it so.
    // (Forked workers, vitest's default pool: threads measured no faster.)
    isolate: false,
    // End-to-end tests start processes and local servers; give them room on a 2-core machine.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
