/**
 * At most `max` submissions per address in a sliding window (in memory, per process), for
 * forms anyone may send without signing in. Simple and replaceable: a shared limiter for
 * unauthenticated routes can take its place.
 */
export class SubmissionThrottle {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max = 5,
    private readonly windowMs = 60 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a submission; returns the seconds to wait when the address is over its limit. */
  take(key: string): number | null {
    const t = this.now();
    const recent = (this.hits.get(key) ?? []).filter((x) => x > t - this.windowMs);
    if (recent.length >= this.max) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil(((recent[0] as number) + this.windowMs - t) / 1000));
    }
    recent.push(t);
    this.hits.set(key, recent);
    // Forget quiet addresses so the map does not grow without bound.
    if (this.hits.size > 10_000)
      for (const [k, v] of this.hits)
        if (v.every((x) => x <= t - this.windowMs)) this.hits.delete(k);
    return null;
  }
}
