/**
 * Runs answer work one piece per turn of the event loop, first come first served, and lets the
 * acknowledgements of interactions go out before more work.
 *
 * The engine answers synchronously. Two hundred questions arriving together would otherwise be worked
 * out back to back in one turn, and nothing else — no deferral, no reply, no heartbeat — could go out
 * until the last was done. Between two pieces the loop sends what is ready and fires the timers that
 * defer slow replies; while a first response (reply or deferral) is on its way, work waits a little
 * (at most `holdMs`), since a response needs several turns of the loop to leave. Work that awaits
 * (I/O) is not held up: only its synchronous start takes a turn.
 */
export class WorkQueue {
  private readonly jobs: (() => void)[] = [];
  private scheduled = false;
  private urgent = 0;
  private lastEnded = 0;
  /** A moving average of the time from one piece's start to the next one's, in ms, under load. */
  private averageMs = 0;
  private lastStarted = 0;

  constructor(private readonly holdMs = 25) {}

  /** Queues the work; resolves or rejects as the work does. */
  run<T>(work: () => Promise<T> | T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.jobs.push(() => {
        try {
          resolve(work());
        } catch (error) {
          reject(error);
        }
      });
      this.schedule();
    });
  }

  /** A first response on its way: work waits for it (up to `holdMs` after the last piece) so that it leaves first. */
  async acknowledge<T>(response: Promise<T>): Promise<T> {
    this.urgent++;
    try {
      return await response;
    } finally {
      this.urgent--;
    }
  }

  /** About how long work queued now would wait for its turn, in ms. */
  expectedWaitMs(): number {
    return this.jobs.length * this.averageMs;
  }

  /** Pieces waiting for their turn. */
  get length(): number {
    return this.jobs.length;
  }

  private schedule(delayMs = 0): void {
    if (this.scheduled) return;
    this.scheduled = true;
    if (delayMs > 0) setTimeout(() => this.next(), delayMs);
    else setImmediate(() => this.next());
  }

  private next(): void {
    this.scheduled = false;
    const job = this.jobs.shift();
    if (!job) return;
    const now = performance.now();
    if (this.urgent > 0 && now - this.lastEnded < this.holdMs) {
      this.jobs.unshift(job);
      this.schedule(1);
      return;
    }
    // Time per piece, waits included, while pieces follow each other: what the next in line can expect.
    if (this.lastStarted > 0 && now - this.lastStarted < 1000) {
      const interval = now - this.lastStarted;
      this.averageMs = this.averageMs === 0 ? interval : this.averageMs * 0.8 + interval * 0.2;
    }
    this.lastStarted = now;
    job();
    this.lastEnded = performance.now();
    if (this.averageMs === 0) this.averageMs = this.lastEnded - now;
    if (this.jobs.length > 0) this.schedule();
  }
}
