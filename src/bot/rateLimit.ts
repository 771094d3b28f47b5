/**
 * A per-user rate limit over a sliding window: at most `max` uses in any `windowMs`. Adding
 * articles fetches what is pasted and writes to the corpus, so one member cannot flood it.
 */
export class RateLimit {
  private readonly uses = new Map<string, number[]>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Takes `count` uses for the user: 0 if they fit (and are counted), else the milliseconds until
   * they would. A count over `max` never fits (Infinity).
   */
  take(userId: string, count = 1): number {
    if (count > this.max) return Number.POSITIVE_INFINITY;
    const at = this.now();
    const recent = (this.uses.get(userId) ?? []).filter((time) => at - time < this.windowMs);
    if (recent.length + count > this.max) {
      // The oldest uses that must expire before `count` more fit.
      const freeing = recent[recent.length + count - this.max - 1]!;
      this.uses.set(userId, recent);
      return freeing + this.windowMs - at;
    }
    for (let i = 0; i < count; i++) recent.push(at);
    this.uses.set(userId, recent);
    if (this.uses.size > 10_000) {
      for (const [user, times] of this.uses)
        if (times.every((time) => at - time >= this.windowMs)) this.uses.delete(user);
    }
    return 0;
  }
}
