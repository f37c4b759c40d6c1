import type { HoldMode } from './ingest-io';

/**
 * Thrown inside a push's transaction to undo it and run it again with the team to itself:
 * the push has to make the team's roll-ups, or another rep stored one of its ids meanwhile.
 */
export class RetryPush extends Error {
  constructor(why: string) {
    super(`push tried again with the team held: ${why}`);
  }
}

/** PostgreSQL's deadlock_detected: the transaction was rolled back and may simply run again. */
const DEADLOCK = '40P01';

const isDeadlock = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === DEADLOCK;

/**
 * Runs a push with the team shared, and once more with it held (where nothing else of the
 * team runs, so neither reason to retry can recur) when the first attempt asked for that or
 * lost a deadlock (a rebuild and a retention purge do not take locks in the push's order).
 */
export async function withPushRetries<T>(run: (mode: HoldMode) => Promise<T>): Promise<T> {
  try {
    return await run('shared');
  } catch (error) {
    if (!(error instanceof RetryPush) && !isDeadlock(error)) throw error;
    return run('exclusive');
  }
}
