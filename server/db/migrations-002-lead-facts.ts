import { sql, type Kysely } from 'kysely';
import type { FoldEvent } from '../../lib/domain/lead';
import { foldEventFromStored, leadFactsRow } from '../domain/lead-facts';

// lead_aggregates stored verdicts (response time, within SLA, closed too early) computed with
// fixed settings at ingest: a changed SLA or threshold, or a team's own hours, left them stale.
// lead_facts stores only what the events say (times, counts, status, the effort before the
// close); every verdict is computed at read time with the team's settings. Existing data is
// re-folded from the events, which are the truth.

type Tables = {
  events: { team_id: string; member_id: string; lead: string; body: string };
  lead_facts: Record<string, unknown>;
};

export async function up002LeadFacts(unknownDb: Kysely<unknown>): Promise<void> {
  const db = unknownDb.withTables<Tables>();
  await db.schema
    .createTable('lead_facts')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('lead', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint')
    .addColumn('first_attempt_at', 'bigint')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('contacts', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lost_reason', 'text')
    .addColumn('furthest', 'text', (c) => c.notNull())
    .addColumn('attempts_before_close', 'integer', (c) => c.notNull())
    .addColumn('contacts_before_close', 'integer', (c) => c.notNull())
    .addColumn('phone_attempts_before_close', 'integer', (c) => c.notNull())
    .addColumn('backlog', 'integer', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('lead_facts_pk', ['team_id', 'member_id', 'lead'])
    .execute();
  // Covering index: a leaderboard or report window reads only these columns for one team's
  // cohort, so neither engine touches the table rows.
  await db.schema
    .createIndex('lead_facts_cohort')
    .on('lead_facts')
    .columns([
      'team_id',
      'received_at',
      'member_id',
      'first_attempt_at',
      'attempts',
      'contacts',
      'status',
      'lost_reason',
      'furthest',
      'attempts_before_close',
      'contacts_before_close',
      'phone_attempts_before_close',
      'backlog',
    ])
    .execute();

  // Re-fold every (team, rep, lead) from its events, one lead at a time in index order.
  const rows = await db
    .selectFrom('events')
    .select(['team_id', 'member_id', 'lead', 'body'])
    .orderBy('team_id')
    .orderBy('member_id')
    .orderBy('lead')
    .execute();
  const now = Date.now();
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await db.insertInto('lead_facts').values(batch).execute();
    batch = [];
  };
  let current: { team: string; member: string; lead: string; events: FoldEvent[] } | null = null;
  const finish = async () => {
    if (!current) return;
    const row = leadFactsRow(current.events);
    if (row) batch.push({ team_id: current.team, member_id: current.member, lead: current.lead, ...row, updated_at: now });
    if (batch.length >= 500) await flush();
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
  await flush();

  await sql`DROP TABLE lead_aggregates`.execute(db);
}
