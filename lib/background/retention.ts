import type { LeadpaceDb } from '../db/schema';
import { clearExpiredDetails, type RetentionOutcome } from '../db/retention-writes';
import { retentionRunDue } from '../domain/retention';
import { readLastRetentionRun, readRetentionDays, recordRetentionRun } from '@/lib/storage/retention-item';

export interface RetentionDeps {
  db: () => LeadpaceDb;
  now: () => number | Promise<number>;
  log: (message: string) => void;
}

let running: Promise<RetentionOutcome | null> | null = null;

/**
 * The daily removal of expired customer details, asked every minute by the worker's alarm.
 * The last completed run is kept in storage.local: a worker stopped mid-run finds no record and
 * runs again (each batch is idempotent), and a restarted worker does not run twice a day.
 * Resolves to null when no run was due or one is still going. Never throws.
 */
export function runRetentionIfDue(deps: RetentionDeps): Promise<RetentionOutcome | null> {
  running ??= (async () => {
    try {
      const at = await deps.now();
      if (!retentionRunDue(await readLastRetentionRun(), at)) return null;
      const outcome = await clearExpiredDetails(deps.db(), at, await readRetentionDays());
      await recordRetentionRun(at);
      if (outcome.cleared > 0) deps.log(`retention removed the details of ${outcome.cleared} lead(s)`);
      return outcome;
    } catch (e) {
      deps.log(`retention failed: ${String(e)}`);
      return null;
    } finally {
      running = null;
    }
  })();
  return running;
}
