import type { Kysely } from 'kysely';
import { foldEventFromStored } from '../domain/lead-facts';
import { foldStateOfHistory } from '../domain/lead-fold-state';

// A push used to fold every stored event of each lead it touched. lead_facts now keeps each
// lead's resumable fold and event counts, so a push folds only its own events. Existing rows
// get theirs from the stored events, one lead at a time in key order; a lead whose state is
// missing or unreadable is simply folded in full at its next push, so a row this misses is
// slower once, never wrong.

const PAGE = 1000;

type Tables = {
  events: { team_id: string; member_id: string; lead: string; body: string; stored_at: number };
  lead_facts: { team_id: string; member_id: string; lead: string; fold_state: string | null };
};

export async function up007FoldState(unknownDb: Kysely<unknown>): Promise<void> {
  const db = unknownDb.withTables<Tables>();
  await db.schema.alterTable('lead_facts').addColumn('fold_state', 'text').execute();

  // One lead at a time through the (team, member, lead) index, pages of lead_facts keys in key
  // order: memory stays that of one lead's events however big the database is.
  const now = Date.now();
  let after: { team: string; member: string; lead: string } | null = null;
  for (;;) {
    let page = db.selectFrom('lead_facts').select(['team_id', 'member_id', 'lead']).orderBy('team_id').orderBy('member_id').orderBy('lead').limit(PAGE);
    if (after) {
      const { team, member, lead } = after;
      page = page.where((eb) =>
        eb.or([
          eb('team_id', '>', team),
          eb.and([eb('team_id', '=', team), eb('member_id', '>', member)]),
          eb.and([eb('team_id', '=', team), eb('member_id', '=', member), eb('lead', '>', lead)]),
        ]),
      );
    }
    const keys = await page.execute();
    for (const key of keys) {
      const rows = await db
        .selectFrom('events')
        .select(['body', 'stored_at'])
        .where('team_id', '=', key.team_id)
        .where('member_id', '=', key.member_id)
        .where('lead', '=', key.lead)
        .execute();
      const history = rows.map((r) => ({ event: foldEventFromStored(r.body), storedAt: Number(r.stored_at) }));
      await db
        .updateTable('lead_facts')
        .set({ fold_state: JSON.stringify(foldStateOfHistory(history, now)) })
        .where('team_id', '=', key.team_id)
        .where('member_id', '=', key.member_id)
        .where('lead', '=', key.lead)
        .execute();
    }
    const last = keys.at(-1);
    if (!last || keys.length < PAGE) break;
    after = { team: last.team_id, member: last.member_id, lead: last.lead };
  }
}
