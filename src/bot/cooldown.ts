/** A per-user cooldown: each user waits between questions, without slowing anyone else down. */
export class Cooldown {
  private readonly lastUse = new Map<string, number>();

  constructor(
    private readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a turn for the user: 0 if they may go now (and their clock restarts), else the seconds left to wait. */
  take(userId: string): number {
    if (this.seconds <= 0) return 0;
    const at = this.now();
    const last = this.lastUse.get(userId);
    if (last !== undefined && at - last < this.seconds * 1000) return (this.seconds * 1000 - (at - last)) / 1000;
    this.lastUse.set(userId, at);
    // Forget users whose cooldown is long over, so the map cannot grow without bound.
    if (this.lastUse.size > 10_000) {
      for (const [user, time] of this.lastUse) if (at - time >= this.seconds * 1000) this.lastUse.delete(user);
    }
    return 0;
  }
}
