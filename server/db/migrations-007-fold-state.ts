import type { Kysely } from 'kysely';
import { foldEventFromStored } from '../domain/lead-facts';
import { foldStateOfHistory } from '../domain/lead-fold-state';
import type { FoldEvent } from '../../lib/domain/lead';

// A push used to fold every stored event of each lead it touched. lead_facts now keeps each
// lead's resumable fold and event counts, so a push folds only its own events. Existing rows
// get theirs from the stored events, one lead at a time in key order; a lead whose state is
// missing or unreadable is simply folded in full at its next push, so a row this misses is
// slower once, never wrong.

type Tables = {
  events: { team_id: string; member_id: string; lead: string; body: string; stored_at: number };
  lead_facts: { team_id: string; member_id: string; lead: string; fold_state: string | null };
};

export async function up007FoldState(unknownDb: Kysely<unknown>): Promise<void> {
  const db = unknownDb.withTables<Tables>();
  await db.schema.alterTable('lead_facts').addColumn('fold_state', 'text').execute();

  const now = Date.now();
  const rows = await db
    .selectFrom('events')
    .innerJoin('lead_facts', (join) =>
      join
        .onRef('lead_facts.team_id', '=', 'events.team_id')
        .onRef('lead_facts.member_id', '=', 'events.member_id')
        .onRef('lead_facts.lead', '=', 'events.lead'),
    )
    .select(['events.team_id', 'events.member_id', 'events.lead', 'events.body', 'events.stored_at'])
    .orderBy('events.team_id')
    .orderBy('events.member_id')
    .orderBy('events.lead')
    .execute();
  let current: { team: string; member: string; lead: string; history: { event: FoldEvent | null; storedAt: number }[] } | null = null;
  const finish = async () => {
    if (!current) return;
    const state = foldStateOfHistory(current.history, now);
    await db
      .updateTable('lead_facts')
      .set({ fold_state: JSON.stringify(state) })
      .where('team_id', '=', current.team)
      .where('member_id', '=', current.member)
      .where('lead', '=', current.lead)
      .execute();
  };
  for (const r of rows) {
    if (!current || current.team !== r.team_id || current.member !== r.member_id || current.lead !== r.lead) {
      await finish();
      current = { team: r.team_id, member: r.member_id, lead: r.lead, history: [] };
    }
    current.history.push({ event: foldEventFromStored(r.body), storedAt: Number(r.stored_at) });
  }
  await finish();
}
