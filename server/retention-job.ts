import type { Db } from './db/connect';
import type { Logger } from './log';
import { rebuildRollupsOfTeam } from './sql/daily-rollups';
import { purgeExpired } from './sql/retention';

const DAY_MS = 24 * 60 * 60_000;

/**
 * Applies every team's retention at start and then once a day. The timer is unref'd so it
 * never keeps a stopping server alive; a failed run is logged and retried the next day.
 */
export function startRetentionJob(db: Db, log: Logger, intervalMs = DAY_MS, now: () => number = Date.now): () => void {
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = purgeExpired(db, now())
      .then(async (results) => {
        // The board's daily roll-ups follow the deleted leads.
        for (const r of results) if (r.leads > 0) await rebuildRollupsOfTeam(db, r.teamId, now());
        const leads = results.reduce((sum, r) => sum + r.leads, 0);
        const events = results.reduce((sum, r) => sum + r.events, 0);
        log.info('retention applied', { teams: results.length, leads, events });
      })
      .catch((error: unknown) => {
        log.error('retention failed', { error: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  run();
  return () => clearInterval(timer);
}
