import { v7 as uuidv7 } from 'uuid';
import { EVENT_SCHEMA_VERSION, leadEventSchema } from '../domain/events';
import { progressFromEvents, toLeadRecord } from '../domain/lead';
import type { LeadpaceDb, StoredEvent } from './schema';

/** One sale from a CRM/DMS export: the lead it belongs to and when it was sold. */
export interface ImportedSale {
  leadKey: string;
  soldAt: number;
}

export interface SalesImportOutcome {
  /** Leads marked sold by this import. */
  sold: number;
  /** Leads that were sold already (by anyone, or by an earlier import): left alone. */
  alreadySold: number;
  /** Keys this browser does not know (removed since the dry run): left alone. */
  unknown: number;
}

/**
 * Marks leads sold from an export, one `status_changed` event with actor `import` per lead, at
 * the deal's own sold time so pacing and the cohort count the sale when it happened. A lead
 * already sold, or already sold by an import, gets nothing: the same file twice changes
 * nothing. One transaction: the import happens whole or not at all.
 */
export async function importSales(db: LeadpaceDb, sales: readonly ImportedSale[], actor: { repId: string }): Promise<SalesImportOutcome> {
  const outcome: SalesImportOutcome = { sold: 0, alreadySold: 0, unknown: 0 };
  return db.transaction('rw', db.events, db.leads, async () => {
    for (const sale of sales) {
      const record = await db.leads.get(sale.leadKey);
      const events = await db.events.where('leadKey').equals(sale.leadKey).toArray();
      const progress = progressFromEvents(events);
      if (!record || !progress) {
        outcome.unknown += 1;
        continue;
      }
      const imported = events.some((e) => e.type === 'status_changed' && e.actor === 'import' && e.status === 'sold');
      if (progress.status === 'sold' || imported) {
        outcome.alreadySold += 1;
        continue;
      }
      const event: StoredEvent = {
        ...leadEventSchema.parse({
          type: 'status_changed',
          status: 'sold',
          actor: 'import',
          id: uuidv7(),
          v: EVENT_SCHEMA_VERSION,
          leadKey: sale.leadKey,
          at: sale.soldAt,
          repId: actor.repId,
        }),
        sync: 'pending',
      };
      await db.events.add(event);
      const next = progressFromEvents([...events, event]);
      if (!next) continue;
      const { crm, leadId, url, name, phone, email, vehicle, sourceRaw, missing } = record;
      await db.leads.put(toLeadRecord({ crm, leadId, url, name, phone, email, vehicle, sourceRaw, missing }, next, record.lastSeenAt));
      outcome.sold += 1;
    }
    return outcome;
  });
}
