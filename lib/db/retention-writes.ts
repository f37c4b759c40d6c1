import type { LeadRecord } from '../domain/lead';
import { detailsDue, detailsRemovalOf, retentionCutoff, strippedLeadUrl, type DetailsRemoval } from '../domain/retention';
import type { LeadpaceDb } from './schema';

/** Leads per transaction: a batch never holds the database long enough to stall the panel. */
export const RETENTION_BATCH = 200;

export interface RetentionOutcome {
  /** Leads whose details were removed in this run. */
  cleared: number;
  /** Leads looked at (seen before the cutoff). */
  checked: number;
}

/** A lead row without its customer details; its figures and key stay as they were. */
export function withoutDetails(lead: LeadRecord, removal: DetailsRemoval): LeadRecord & DetailsRemoval {
  const kept: LeadRecord & DetailsRemoval = { ...lead, url: strippedLeadUrl(lead.url), ...removal };
  delete kept.name;
  delete kept.phone;
  delete kept.email;
  delete kept.vehicle;
  delete kept.sourceRaw;
  return kept;
}

/** The latest event time per lead among `keys` (one index walk per lead). */
async function lastEventTimes(db: LeadpaceDb, keys: readonly string[]): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  for (const key of keys) {
    const events = await db.events.where('leadKey').equals(key).toArray();
    for (const event of events) times.set(key, Math.max(times.get(key) ?? 0, event.at));
  }
  return times;
}

/**
 * Removes the customer details (name, phone, e-mail, vehicle, the CRM's source text, the page
 * address's query, the note) of every lead untouched for more than `days` days. Events are
 * never touched. Each batch is one transaction that re-reads and re-decides its leads, so a
 * lead seen or worked meanwhile keeps its details, and a run cut short simply continues later.
 */
export async function clearExpiredDetails(
  db: LeadpaceDb,
  now: number,
  days: number,
  batchSize: number = RETENTION_BATCH,
): Promise<RetentionOutcome> {
  // Only a lead last seen before the cutoff can be due; lastSeenAt is indexed.
  const candidates = (await db.leads.where('lastSeenAt').below(retentionCutoff(now, days)).primaryKeys()).map(String);
  const outcome: RetentionOutcome = { cleared: 0, checked: candidates.length };
  for (let start = 0; start < candidates.length; start += batchSize) {
    const keys = candidates.slice(start, start + batchSize);
    outcome.cleared += await db.transaction('rw', db.leads, db.events, db.notes, async () => {
      // Leads cleared on an earlier day stay below the cutoff: skip them before reading events.
      const leads = (await db.leads.bulkGet(keys)).filter((lead): lead is LeadRecord => lead !== undefined && detailsRemovalOf(lead) === null);
      const live = leads.map((lead) => lead.key);
      const [notes, lastEvents] = await Promise.all([db.notes.bulkGet(live), lastEventTimes(db, live)]);
      const cleared: LeadRecord[] = [];
      const dropNotes: string[] = [];
      leads.forEach((lead, i) => {
        const note = notes[i];
        const facts = {
          lastSeenAt: lead.lastSeenAt,
          lastEventAt: lastEvents.get(lead.key) ?? null,
          noteUpdatedAt: note?.updatedAt ?? null,
          removed: false,
        };
        if (!detailsDue(facts, now, days)) return;
        cleared.push(withoutDetails(lead, { detailsRemovedAt: now, detailsRemovedAfterDays: days }));
        if (note) dropNotes.push(lead.key);
      });
      await db.leads.bulkPut(cleared);
      await db.notes.bulkDelete(dropNotes);
      return cleared.length;
    });
  }
  return outcome;
}
