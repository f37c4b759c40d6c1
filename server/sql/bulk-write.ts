import { sql, type Transaction } from 'kysely';
import type { Engine, Database, EventsTable } from '../db/schema';

// A batch of 500 events as one multi-row VALUES list is 4,500 bound parameters that
// PostgreSQL parses and plans on every push (and Kysely compiles first). As one array per
// column through unnest() it is nine parameters and the same plan every time. SQLite binds
// parameters natively inside its one write transaction, so the plain multi-row insert stays.

/** Inserts events, skipping ids the team already has; answers the ids actually inserted. */
export async function insertEvents(trx: Transaction<Database>, engine: Engine, rows: readonly EventsTable[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  if (engine === 'postgres') {
    const result = await sql<{ id: string }>`
      insert into events (id, team_id, member_id, seq, lead, type, at, body, stored_at)
      select * from unnest(
        ${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.team_id)}::text[], ${rows.map((r) => r.member_id)}::text[],
        ${rows.map((r) => r.seq)}::bigint[], ${rows.map((r) => r.lead)}::text[], ${rows.map((r) => r.type)}::text[],
        ${rows.map((r) => r.at)}::bigint[], ${rows.map((r) => r.body)}::text[], ${rows.map((r) => r.stored_at)}::bigint[])
      on conflict (team_id, id) do nothing
      returning id`.execute(trx);
    return new Set(result.rows.map((r) => r.id));
  }
  const inserted = await trx
    .insertInto('events')
    .values([...rows])
    .onConflict((oc) => oc.columns(['team_id', 'id']).doNothing())
    .returning('id')
    .execute();
  return new Set(inserted.map((r) => r.id));
}
