import type { OpeningHours } from '../domain/business-time';
import type { CadenceSettings } from '../domain/cadence';
import { buildPlanRow, isPlanRow, planFingerprint, PLAN_ROW_ID } from '../domain/popup-plan';
import { decodeAll } from './summary';
import type { LeadpaceDb } from './schema';

/**
 * Writes the popup's plan row (popup-plan.ts) from the summary's open leads, unless a current
 * one for these settings is there. One transaction: a lead write, which deletes the row, comes
 * wholly before or after it, so a plan row never describes other leads than the summary's.
 * Returns whether it wrote one.
 */
export async function keepPlan(db: LeadpaceDb, cadence: CadenceSettings, hours: OpeningHours): Promise<boolean> {
  const fingerprint = planFingerprint(cadence, hours);
  const isCurrent = (row: unknown) => isPlanRow(row) && row.fingerprint === fingerprint;
  // The minute tick asks every time: a current row costs one read, not a write lock on the summary.
  if (isCurrent(await db.summary.get(PLAN_ROW_ID))) return false;
  return db.transaction('rw', db.summary, async () => {
    if (isCurrent(await db.summary.get(PLAN_ROW_ID))) return false;
    const open = decodeAll(await db.summary.where('id').startsWith('open:').toArray());
    await db.summary.put(buildPlanRow(open, cadence, hours));
    return true;
  });
}
