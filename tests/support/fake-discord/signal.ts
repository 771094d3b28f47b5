/**
 * Tiny "wait until something happens" primitive with timeouts. Every waiter owns its timer
 * and clears it when settled, so nothing keeps the vitest worker alive.
 */
interface Waiter<T> {
  predicate: (value: T) => boolean;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class Signal<T> {
  private readonly waiters = new Set<Waiter<T>>();

  /**
   * Resolves with the first value passed to `emit` that matches `predicate`.
   * `describe` is evaluated on timeout so failures explain what *did* happen.
   */
  wait(predicate: (value: T) => boolean, timeoutMs: number, describe: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`fake-discord: timed out after ${timeoutMs}ms waiting for ${describe()}`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  emit(value: T): void {
    for (const waiter of [...this.waiters]) {
      let matches = false;
      try {
        matches = waiter.predicate(value);
      } catch (error) {
        // A throwing predicate is a test bug; surface it instead of hanging until the timeout.
        this.settle(waiter);
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      if (matches) {
        this.settle(waiter);
        waiter.resolve(value);
      }
    }
  }

  rejectAll(error: Error): void {
    for (const waiter of [...this.waiters]) {
      this.settle(waiter);
      waiter.reject(error);
    }
  }

  private settle(waiter: Waiter<T>): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
  }
}
