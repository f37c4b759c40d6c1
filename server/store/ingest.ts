import { wireEventSchema, type WireEvent } from '../../lib/sync/wire';
import type { Db } from '../db/connect';
import type { LeadAggregatesTable } from '../db/schema';
import { foldLead, type FoldContext } from '../domain/lead-fold';

export interface IngestResult {
  accepted: number;
  duplicates: number;
}

/**
 * Stores one rep's already-validated events and refreshes the aggregates of every lead they
 * touch, all in one transaction (DESIGN.md "Team sync"):
 * - the team row's `seq` is bumped first; in PostgreSQL that row lock serialises a team's
 *   ingests, so sequence order is commit order and a pull cursor never skips a late commit;
 * - `ON CONFLICT (id) DO NOTHING` makes retries idempotent; an event keeps its first seq;
 * - each touched lead is re-folded from all of the rep's stored events for it, so events that
 *   arrive out of order or void earlier ones still give the same aggregate as a local fold.
 */
export async function ingestEvents(
  db: Db,
  input: { teamId: string; memberId: string; events: readonly WireEvent[]; fold: FoldContext; now: number },
): Promise<IngestResult> {
  const { teamId, memberId, events, now } = input;
  if (events.length === 0) return { accepted: 0, duplicates: 0 };

  return db.kysely.transaction().execute(async (trx) => {
    const bumped = await trx
      .updateTable('teams')
      .set((eb) => ({ seq: eb('seq', '+', events.length) }))
      .where('id', '=', teamId)
      .returning('seq')
      .executeTakeFirstOrThrow();
    const base = bumped.seq - events.length;

    const inserted = await trx
      .insertInto('events')
      .values(
        events.map((e, i) => ({
          id: e.id,
          team_id: teamId,
          member_id: memberId,
          seq: base + i + 1,
          lead: e.lead,
          type: e.type,
          at: e.at,
          body: JSON.stringify(e),
          stored_at: now,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();

    const insertedIds = new Set(inserted.map((row) => row.id));
    const leads = [...new Set(events.filter((e) => insertedIds.has(e.id)).map((e) => e.lead))];
    if (leads.length > 0) {
      const stored = await trx
        .selectFrom('events')
        .select(['lead', 'body'])
        .where('team_id', '=', teamId)
        .where('member_id', '=', memberId)
        .where('lead', 'in', leads)
        .execute();
      const byLead = new Map<string, WireEvent[]>();
      for (const row of stored) {
        const list = byLead.get(row.lead) ?? [];
        list.push(wireEventSchema.parse(JSON.parse(row.body)));
        byLead.set(row.lead, list);
      }
      const rows: LeadAggregatesTable[] = [];
      for (const [lead, list] of byLead) {
        const agg = foldLead(list, input.fold);
        rows.push({
          team_id: teamId,
          member_id: memberId,
          lead,
          received_at: agg.receivedAt,
          first_attempt_at: agg.firstAttemptAt,
          response_ms: agg.responseMs,
          within_sla: agg.withinSla === null ? null : Number(agg.withinSla),
          attempts: agg.attempts,
          contacted: Number(agg.contacted),
          appointment: Number(agg.appointment),
          closed_too_early: Number(agg.closedTooEarly),
          sold: Number(agg.sold),
          status: agg.status,
          updated_at: now,
        });
      }
      await trx
        .insertInto('lead_aggregates')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['team_id', 'member_id', 'lead']).doUpdateSet((eb) => ({
            received_at: eb.ref('excluded.received_at'),
            first_attempt_at: eb.ref('excluded.first_attempt_at'),
            response_ms: eb.ref('excluded.response_ms'),
            within_sla: eb.ref('excluded.within_sla'),
            attempts: eb.ref('excluded.attempts'),
            contacted: eb.ref('excluded.contacted'),
            appointment: eb.ref('excluded.appointment'),
            closed_too_early: eb.ref('excluded.closed_too_early'),
            sold: eb.ref('excluded.sold'),
            status: eb.ref('excluded.status'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
    return { accepted: insertedIds.size, duplicates: events.length - insertedIds.size };
  });
}
