import type { Kysely } from 'kysely';
import type { FoldEvent } from '../../lib/domain/lead';
import { foldEventFromStored, currentLeadFactsRow } from '../domain/lead-facts';

// The team report needs, per lead, when it was sold and closed (a sale counts in the month it
// happened; closed too early lists the close moment) and who made the current status (a rep's
// own close versus a CRM or import status). The events hold all of it, so existing rows are
// re-folded from them with the same fold the ingest uses.

type Tables = {
  events: { team_id: string; member_id: string; lead: string; body: string };
  lead_facts: { team_id: string; member_id: string; lead: string; sold_at: number | null; closed_at: number | null; status_actor: string | null };
};

export async function up005ReportFacts(unknownDb: Kysely<unknown>): Promise<void> {
  const db = unknownDb.withTables<Tables>();
  await db.schema.alterTable('lead_facts').addColumn('sold_at', 'bigint').execute();
  await db.schema.alterTable('lead_facts').addColumn('closed_at', 'bigint').execute();
  await db.schema.alterTable('lead_facts').addColumn('status_actor', 'text').execute();

  const rows = await db
    .selectFrom('events')
    .select(['team_id', 'member_id', 'lead', 'body'])
    .orderBy('team_id')
    .orderBy('member_id')
    .orderBy('lead')
    .execute();
  let current: { team: string; member: string; lead: string; events: FoldEvent[] } | null = null;
  const finish = async () => {
    if (!current) return;
    const row = currentLeadFactsRow(current.events);
    // An open lead nobody ever gave a status keeps the nulls the new columns start with.
    if (row && (row.sold_at !== null || row.closed_at !== null || row.status_actor !== null)) {
      await db
        .updateTable('lead_facts')
        .set({ sold_at: row.sold_at, closed_at: row.closed_at, status_actor: row.status_actor })
        .where('team_id', '=', current.team)
        .where('member_id', '=', current.member)
        .where('lead', '=', current.lead)
        .execute();
    }
  };
  for (const r of rows) {
    if (!current || current.team !== r.team_id || current.member !== r.member_id || current.lead !== r.lead) {
      await finish();
      current = { team: r.team_id, member: r.member_id, lead: r.lead, events: [] };
    }
    const event = foldEventFromStored(r.body);
    if (event) current.events.push(event);
  }
  await finish();
}
