import { z } from 'zod';
import { memberRoleSchema } from '../../lib/sync/wire';
import type { Db } from '../db/connect';
import { emptyTotals, type CohortTotals } from '../domain/stats';
import type { RosterMember } from '../domain/visibility';

const cohort = (db: Db, teamId: string, from: number, to: number) =>
  db.kysely
    .selectFrom('lead_aggregates')
    .where('team_id', '=', teamId)
    .where('received_at', '>=', from)
    .where('received_at', '<', to);

/**
 * Per-rep counts and ascending first-response times for leads received in [from, to). One
 * range scan of the covering index on lead_aggregates (a GROUP BY tempts SQLite into walking
 * the primary key over the whole team instead): the leaderboard never touches the events
 * table, which is why it stays fast over millions of events.
 */
export async function cohortSummary(
  db: Db,
  teamId: string,
  from: number,
  to: number,
): Promise<{ totals: Map<string, CohortTotals>; responses: Map<string, number[]> }> {
  const rows = await cohort(db, teamId, from, to)
    .select(['member_id', 'response_ms', 'within_sla', 'attempts', 'contacted', 'appointment', 'closed_too_early', 'sold'])
    .execute();
  const totals = new Map<string, CohortTotals>();
  const responses = new Map<string, number[]>();
  for (const row of rows) {
    let t = totals.get(row.member_id);
    if (!t) {
      t = emptyTotals();
      totals.set(row.member_id, t);
      responses.set(row.member_id, []);
    }
    t.leads += 1;
    t.attempts += row.attempts;
    t.contacted += row.contacted;
    t.appointment += row.appointment;
    t.closedTooEarly += row.closed_too_early;
    t.sold += row.sold;
    if (row.response_ms !== null) {
      responses.get(row.member_id)?.push(row.response_ms);
      if (row.within_sla === 1) t.withinSla += 1;
    }
  }
  for (const list of responses.values()) list.sort((x, y) => x - y);
  return { totals, responses };
}

const rosterRow = z.object({
  id: z.string(),
  name: z.string(),
  role: memberRoleSchema,
  removed_at: z.number().nullable(),
});

export async function teamRoster(db: Db, teamId: string): Promise<RosterMember[]> {
  const rows = await db.kysely
    .selectFrom('members')
    .select(['id', 'name', 'role', 'removed_at'])
    .where('team_id', '=', teamId)
    .execute();
  return rows.map((raw) => {
    const row = rosterRow.parse(raw);
    return { id: row.id, name: row.name, role: row.role, removed: row.removed_at !== null };
  });
}

/** What changes the board: new commits (seq) and roster or setting changes (revision). */
export async function teamVersion(db: Db, teamId: string): Promise<{ seq: number; revision: number; visibility: string } | null> {
  const row = await db.kysely
    .selectFrom('teams')
    .select(['seq', 'revision', 'visibility'])
    .where('id', '=', teamId)
    .executeTakeFirst();
  return row ?? null;
}
