import { ApiError } from './errors';

export interface RateLimitConfig {
  /** Requests allowed in a burst. */
  capacity: number;
  /** Sustained requests per second. */
  refillPerSecond: number;
}

/** Per known token. */
export const DEFAULT_RATE_LIMIT: RateLimitConfig = { capacity: 60, refillPerSecond: 10 };

/**
 * Events one token may push, per token: a minute's worth in a burst (three full batches, so a
 * rep back from a day offline catches up at once) and then 25 a second. Requests are limited
 * above; this bounds the rows and folding one token can cost the server.
 */
export const DEFAULT_EVENT_RATE_LIMIT: RateLimitConfig = { capacity: 1500, refillPerSecond: 25 };

/**
 * Stored events a token may have folded again, per token: a push that cannot carry a lead's
 * fold forward (a late event, a correction of a stored one) costs the lead's history. A rep's
 * real leads have tens of events; this keeps one token from making the server fold its
 * biggest leads over and over.
 */
export const DEFAULT_REFOLD_RATE_LIMIT: RateLimitConfig = { capacity: 20_000, refillPerSecond: 20_000 / 60 };

/**
 * The limits for callers the server cannot yet tie to a member. Each has its own bucket so
 * one kind of abuse never locks out another kind of caller.
 */
export interface AbuseLimits {
  /** Requests with a well-formed but unknown token, per caller address. */
  unknownToken: RateLimitConfig;
  /** Pairing attempts per caller address. */
  pairPerAddress: RateLimitConfig;
  /** Attempts at one pairing code, from anywhere. */
  pairPerCode: RateLimitConfig;
  /** Failed pairing attempts over the whole server: what bounds guessing from many addresses. */
  pairFailures: RateLimitConfig;
}

export const DEFAULT_ABUSE_LIMITS: AbuseLimits = {
  unknownToken: { capacity: 20, refillPerSecond: 0.5 },
  pairPerAddress: { capacity: 10, refillPerSecond: 0.2 },
  pairPerCode: { capacity: 5, refillPerSecond: 5 / (15 * 60) },
  pairFailures: { capacity: 100, refillPerSecond: 1 },
};

interface Bucket {
  tokens: number;
  updated: number;
}

/**
 * In-memory token buckets, one per key (a token's hash, a caller's address, a code's hash).
 * Enough for one server process; a fleet behind a load balancer would need a shared store.
 * At most `maxKeys` buckets are kept, least recently used dropped first, so a flood of new
 * keys costs constant work per request and bounded memory.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly config: RateLimitConfig,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {}

  private refilled(key: string, now: number): Bucket {
    const { capacity, refillPerSecond } = this.config;
    const bucket = this.buckets.get(key);
    if (!bucket) return { tokens: capacity, updated: now };
    return { tokens: Math.min(capacity, bucket.tokens + ((now - bucket.updated) / 1000) * refillPerSecond), updated: now };
  }

  private secondsFor(bucket: Bucket, cost = 1): number {
    return Math.max(1, Math.ceil((cost - bucket.tokens) / this.config.refillPerSecond));
  }

  /**
   * Takes `cost` tokens (one request, or a push's events); returns 0 when allowed, else the
   * seconds to wait (for Retry-After). A cost above the capacity is taken as the capacity, so
   * the wait is always one a client can keep.
   */
  take(key: string, cost = 1): number {
    const now = this.now();
    const bucket = this.refilled(key, now);
    const need = Math.min(cost, this.config.capacity);
    const allowed = bucket.tokens >= need;
    if (allowed) bucket.tokens -= need;
    // Re-inserting moves the key to the end: Map order is then least recently used first.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
    return allowed ? 0 : this.secondsFor(bucket, need);
  }

  /** The wait `take` would answer, without taking anything or remembering the key. */
  wait(key: string): number {
    const bucket = this.refilled(key, this.now());
    return bucket.tokens >= 1 ? 0 : this.secondsFor(bucket);
  }

  get size(): number {
    return this.buckets.size;
  }
}

/** The 429 every limit answers with: the wait in the message and in `Retry-After`. */
export function tooManyRequests(wait: number, what: string): ApiError {
  return new ApiError(429, 'rate_limited', `${what}; retry in ${wait} s.`, { 'Retry-After': String(wait) });
}
