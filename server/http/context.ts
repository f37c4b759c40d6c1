import type { Db } from '../db/connect';
import type { Logger } from '../log';
import type { IngestLimits } from '../sql/ingest';
import type { Principal } from '../sql/principal';
import type { TrustedProxies } from './client-address';
import type { AbuseLimits, RateLimitConfig, RateLimiter } from './rate-limit';

export interface AppDeps {
  db: Db;
  log?: Logger;
  now?: () => number;
  rateLimit?: RateLimitConfig;
  /** Overrides of the limits for unknown tokens and pairing (tests use small ones). */
  abuseLimits?: Partial<AbuseLimits>;
  /** Proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed; none by default. */
  trustedProxies?: readonly string[];
  /** Events older than this are refused (default 400 days). */
  retentionMs?: number;
  /** Events per token (a bucket of events rather than of requests). */
  eventRateLimit?: RateLimitConfig;
  /** Stored events folded again per token (a late event costs its lead's history). */
  refoldRateLimit?: RateLimitConfig;
  /** Per-lead event limits of the ingest (tests use small ones). */
  ingestLimits?: Partial<IngestLimits>;
}

/** What every route gets: deps resolved to their defaults. */
export interface Runtime {
  db: Db;
  log: Logger;
  now: () => number;
  retentionMs: number;
  /** Per known token. */
  limiter: RateLimiter;
  /** Per caller address, for well-formed tokens that match no member. */
  unknownTokenLimiter: RateLimiter;
  pairLimiter: RateLimiter;
  pairCodeLimiter: RateLimiter;
  pairFailureLimiter: RateLimiter;
  /** Events per known token. */
  eventLimiter: RateLimiter;
  /** Stored events folded again, per known token. */
  refoldLimiter: RateLimiter;
  ingestLimits: IngestLimits;
  trustedProxies: TrustedProxies;
}

export interface AppEnv {
  Variables: { principal: Principal; tokenKey: string };
}
