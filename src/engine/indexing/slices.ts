/**
 * Long work written as a generator that yields between slices: run to the end at once, or slice by
 * slice with the event loop let through between them, so that a bot rebuilding a large index still
 * answers (and first-responds within Discord's 3 seconds) meanwhile.
 */
export function runToEnd<T>(work: Generator<void, T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

export async function runInSlices<T>(work: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
