import type { FoldEvent } from '../../lib/domain/lead';
import type { WireEvent } from '../../lib/sync/wire';
import type { Db } from '../db/connect';
import type { LeadFactsTable } from '../db/schema';
import { currentLeadFactsRow, foldEventFromStored } from '../domain/lead-facts';

export interface IngestResult {
  accepted: number;
  duplicates: number;
  /** Events refused here (a lead over its event limit), with the reason. */
  rejected: { id: string; reason: string }[];
}

/**
 * Most events one rep may store for one lead. A real lead has tens; without a ceiling one token
 * could grow a lead until every push touching it (each re-folds the lead's history) slows the
 * whole server. With it, a push costs at most this many events of folding per lead it touches.
 */
export const MAX_EVENTS_PER_LEAD = 1000;

/**
 * Stores one rep's already-validated events and refreshes the aggregates of every lead they
 * touch, all in one transaction (docs/architecture.md "Team server"):
 * - the team row's `seq` is bumped first; in PostgreSQL that row lock serialises a team's
 *   ingests, so sequence order is commit order and a pull cursor never skips a late commit;
 * - `ON CONFLICT (team_id, id) DO NOTHING` makes retries idempotent (ids are per team, so another
 *   team's id is neither an oracle nor a collision); an event keeps its first seq;
 * - each touched lead is re-folded from all of the rep's stored events for it with the same
 *   fold the extension uses, so events that arrive out of order or void earlier ones still
 *   give the same facts as a local fold. Only facts are stored; verdicts are read-time.
 */
export async function ingestEvents(
  db: Db,
  input: { teamId: string; memberId: string; events: readonly WireEvent[]; now: number },
): Promise<IngestResult> {
  const { teamId, memberId, now } = input;
  if (input.events.length === 0) return { accepted: 0, duplicates: 0, rejected: [] };

  return db.kysely.transaction().execute(async (trx) => {
    // Per-lead ceiling: counted from the (team, member, lead) index, before anything is written.
    const batchLeads = [...new Set(input.events.map((e) => e.lead))];
    const counts = await trx
      .selectFrom('events')
      .select((eb) => ['lead', eb.fn.countAll<number>().as('n')])
      .where('team_id', '=', teamId)
      .where('member_id', '=', memberId)
      .where('lead', 'in', batchLeads)
      .groupBy('lead')
      .execute();
    const stored = new Map(counts.map((row) => [row.lead, Number(row.n)]));
    const rejected: IngestResult['rejected'] = [];
    const events = input.events.filter((e) => {
      const n = stored.get(e.lead) ?? 0;
      if (n >= MAX_EVENTS_PER_LEAD) {
        rejected.push({ id: e.id, reason: `lead_event_limit: a lead takes at most ${MAX_EVENTS_PER_LEAD} events per rep` });
        return false;
      }
      stored.set(e.lead, n + 1);
      return true;
    });
    if (events.length === 0) return { accepted: 0, duplicates: 0, rejected };

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
      .onConflict((oc) => oc.columns(['team_id', 'id']).doNothing())
      .returning('id')
      .execute();

    const insertedIds = new Set(inserted.map((row) => row.id));
    const leads = [...new Set(events.filter((e) => insertedIds.has(e.id)).map((e) => e.lead))];
    if (leads.length > 0) {
      const history = await trx
        .selectFrom('events')
        .select(['lead', 'body'])
        .where('team_id', '=', teamId)
        .where('member_id', '=', memberId)
        .where('lead', 'in', leads)
        .execute();
      const byLead = new Map<string, FoldEvent[]>();
      for (const row of history) {
        const event = foldEventFromStored(row.body);
        if (!event) continue;
        const list = byLead.get(row.lead);
        if (list) list.push(event);
        else byLead.set(row.lead, [event]);
      }
      const rows: LeadFactsTable[] = [];
      const withoutSeen: string[] = [];
      for (const lead of leads) {
        const facts = currentLeadFactsRow(byLead.get(lead) ?? []);
        if (facts) rows.push({ team_id: teamId, member_id: memberId, lead, ...facts, updated_at: now });
        else withoutSeen.push(lead);
      }
      if (rows.length > 0) {
        await trx
          .insertInto('lead_facts')
          .values(rows)
          .onConflict((oc) =>
            oc.columns(['team_id', 'member_id', 'lead']).doUpdateSet((eb) => ({
              received_at: eb.ref('excluded.received_at'),
              first_attempt_at: eb.ref('excluded.first_attempt_at'),
              attempts: eb.ref('excluded.attempts'),
              contacts: eb.ref('excluded.contacts'),
              status: eb.ref('excluded.status'),
              lost_reason: eb.ref('excluded.lost_reason'),
              furthest: eb.ref('excluded.furthest'),
              attempts_before_close: eb.ref('excluded.attempts_before_close'),
              contacts_before_close: eb.ref('excluded.contacts_before_close'),
              phone_attempts_before_close: eb.ref('excluded.phone_attempts_before_close'),
              backlog: eb.ref('excluded.backlog'),
              source: eb.ref('excluded.source'),
              sold_at: eb.ref('excluded.sold_at'),
              closed_at: eb.ref('excluded.closed_at'),
              status_actor: eb.ref('excluded.status_actor'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute();
      }
      // A lead whose lead_seen is not (or no longer) in effect belongs to no cohort.
      if (withoutSeen.length > 0) {
        await trx
          .deleteFrom('lead_facts')
          .where('team_id', '=', teamId)
          .where('member_id', '=', memberId)
          .where('lead', 'in', withoutSeen)
          .execute();
      }
    }
    return { accepted: insertedIds.size, duplicates: events.length - insertedIds.size, rejected };
  });
}
