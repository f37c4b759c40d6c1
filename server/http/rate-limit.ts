export interface RateLimitConfig {
  /** Requests allowed in a burst. */
  capacity: number;
  /** Sustained requests per second. */
  refillPerSecond: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { capacity: 60, refillPerSecond: 10 };

/**
 * In-memory token buckets, one per key (a token's hash, or the pairing endpoint's caller).
 * Enough for one server process; a fleet behind a load balancer would need a shared store.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updated: number }>();

  constructor(
    private readonly config: RateLimitConfig,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token; returns 0 when allowed, else the seconds to wait (for Retry-After). */
  take(key: string): number {
    const now = this.now();
    const { capacity, refillPerSecond } = this.config;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, updated: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.updated) / 1000) * refillPerSecond);
    bucket.updated = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 100_000) this.prune(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond));
  }

  /** Full buckets carry no state worth keeping; dropping them bounds memory. */
  private prune(now: number): void {
    const { capacity, refillPerSecond } = this.config;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.updated) / 1000) * refillPerSecond >= capacity) this.buckets.delete(key);
    }
  }
}
