import { z } from 'zod';
import { CohortTally, responseTimeMs, type CohortFigures, type MetricSettings } from '../../lib/domain/lead-metrics';
import { memberRoleSchema } from '../../lib/sync/wire';
import type { Db } from '../db/connect';
import { factsFromRow } from '../domain/lead-facts';
import type { RosterMember } from '../domain/visibility';

/** The lead_facts columns the metrics kernel reads (the covering index's). */
export const FACT_COLUMNS = [
  'member_id',
  'received_at',
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
] as const;

/**
 * Per-rep and team figures for leads received in [from, to), computed by the metrics kernel
 * with the team's settings of this moment. One range scan of the covering index on
 * lead_facts: the leaderboard never touches the events table, which is why it stays fast
 * over millions of events.
 */
export async function cohortFiguresByMember(
  db: Db,
  teamId: string,
  from: number,
  to: number,
  settings: MetricSettings,
): Promise<{ members: Map<string, CohortFigures>; team: CohortFigures }> {
  const rows = await db.kysely
    .selectFrom('lead_facts')
    .select(FACT_COLUMNS)
    .where('team_id', '=', teamId)
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .execute();
  const tallies = new Map<string, CohortTally>();
  const team = new CohortTally(settings);
  for (const row of rows) {
    const facts = factsFromRow(row);
    let tally = tallies.get(row.member_id);
    if (!tally) {
      tally = new CohortTally(settings);
      tallies.set(row.member_id, tally);
    }
    const response = responseTimeMs(facts, settings.hours);
    tally.addWithResponse(facts, response);
    team.addWithResponse(facts, response);
  }
  const members = new Map<string, CohortFigures>();
  for (const [memberId, tally] of tallies) members.set(memberId, tally.figures());
  return { members, team: team.figures() };
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
