import type { Db } from '../db/connect';
import type { Logger } from '../log';
import type { Principal } from '../store/principal';
import type { RateLimitConfig, RateLimiter } from './rate-limit';

export interface AppDeps {
  db: Db;
  log?: Logger;
  now?: () => number;
  rateLimit?: RateLimitConfig;
  /** Events older than this are refused (default 400 days). */
  retentionMs?: number;
}

/** What every route gets: deps resolved to their defaults. */
export interface Runtime {
  db: Db;
  log: Logger;
  now: () => number;
  retentionMs: number;
  limiter: RateLimiter;
  pairLimiter: RateLimiter;
}

export interface AppEnv {
  Variables: { principal: Principal; tokenKey: string };
}
