import { sql, type Kysely } from 'kysely';

// Event identity becomes per team: the primary key moves from (id) to (team_id, id), so an id
// another team used is neither refused as a duplicate (an oracle across teams) nor a
// collision. Ids are stored in their canonical lower-case form, the form the wire schema now
// gives them, so a replay in capitals is the same event. Neither engine can change a primary
// key in place on both, so the table is rebuilt: create, copy, drop, rename.
//
// The copy also drops `scriptId` values that are not slugs (the wire used to accept any text
// there, so a stored one may be customer data) and lower-cases `id` and `voids` in the body.
// The rules are spelled out here, not imported, because a shipped migration must not change.

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
const PAGE = 1000;

interface EventRow {
  id: string;
  team_id: string;
  member_id: string;
  seq: number;
  lead: string;
  type: string;
  at: number;
  body: string;
  stored_at: number;
}

type Tables = { events: EventRow; events_v4: EventRow };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The stored body with the canonical ids and without a script id that is not a slug. */
export function hardenedBody(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  if (!isRecord(parsed)) return body;
  const out: Record<string, unknown> = { ...parsed };
  if (typeof out.id === 'string') out.id = out.id.toLowerCase();
  if (typeof out.voids === 'string') out.voids = out.voids.toLowerCase();
  if ('scriptId' in out && (typeof out.scriptId !== 'string' || !SLUG.test(out.scriptId))) {
    delete out.scriptId;
    delete out.scriptVersion;
  }
  return JSON.stringify(out);
}

export async function up004Hardening(unknownDb: Kysely<unknown>): Promise<void> {
  const db = unknownDb.withTables<Tables>();
  await db.schema
    .createTable('events_v4')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('lead', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('stored_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('events_team_id_pk', ['team_id', 'id'])
    .execute();

  // One statement copies every row with its id lower-cased, in commit order, so of two ids
  // that only differed in case the first keeps its place and later copies are dropped.
  await sql`
    INSERT INTO events_v4 (id, team_id, member_id, seq, lead, type, at, body, stored_at)
    SELECT lower(id), team_id, member_id, seq, lead, type, at, body, stored_at FROM events
    WHERE true ORDER BY team_id, seq
    ON CONFLICT (team_id, id) DO NOTHING`.execute(db);

  // Bodies need a rewrite only where they hold a capital (the wire has none but in ids and
  // free-text script ids) or a script id: everything else is already canonical.
  let after: { team: string; id: string } | null = null;
  for (;;) {
    let query = db
      .selectFrom('events_v4')
      .select(['team_id', 'id', 'body'])
      .where((eb) => eb.or([eb('body', '<>', eb.fn<string>('lower', ['body'])), eb('body', 'like', '%"scriptId"%')]))
      .orderBy('team_id')
      .orderBy('id')
      .limit(PAGE);
    if (after) {
      const { team, id } = after;
      query = query.where((eb) => eb.or([eb('team_id', '>', team), eb.and([eb('team_id', '=', team), eb('id', '>', id)])]));
    }
    const rows = await query.execute();
    for (const row of rows) {
      const body = hardenedBody(row.body);
      if (body !== row.body) await db.updateTable('events_v4').set({ body }).where('team_id', '=', row.team_id).where('id', '=', row.id).execute();
    }
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) break;
    after = { team: last.team_id, id: last.id };
  }

  await db.schema.dropTable('events').execute();
  await sql`ALTER TABLE events_v4 RENAME TO events`.execute(db);
  await db.schema.createIndex('events_member_lead').on('events').columns(['team_id', 'member_id', 'lead']).execute();
  await db.schema.createIndex('events_member_seq').on('events').columns(['team_id', 'member_id', 'seq']).execute();
}
