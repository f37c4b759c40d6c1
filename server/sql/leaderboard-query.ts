import { z } from 'zod';
import type { CohortFigures, MetricSettings } from '../../lib/domain/lead-metrics';
import { memberRoleSchema } from '../../lib/sync/wire';
import type { Db } from '../db/connect';
import { figuresOfDays, rollupSettingsKey, type DayTally } from '../domain/daily-rollup';
import { rebuildTeamRollups, rollupSettings, tallyOfRow } from './daily-rollups';

/** The lead_facts columns the metrics kernel reads (the covering index's). */
export { FACT_COLUMNS } from './daily-rollups';
import type { RosterMember } from '../domain/visibility';

/**
 * Per-rep and team figures for leads received in [from, to), with the team's settings of this
 * moment: the sum of each rep's daily roll-ups (about thirty rows per rep for a month), so the
 * leaderboard reads neither the events nor the leads. Roll-ups made with other settings (an
 * SLA or opening hours changed since) are rebuilt from lead_facts first, once.
 */
export async function cohortFiguresByMember(
  db: Db,
  teamId: string,
  from: number,
  to: number,
  settings: MetricSettings,
): Promise<{ members: Map<string, CohortFigures>; team: CohortFigures }> {
  await ensureCurrentRollups(db, teamId, settings);
  const rows = await db.kysely
    .selectFrom('daily_rollups')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('day_start', '>=', from)
    .where('day_start', '<', to)
    .execute();
  const byMember = new Map<string, DayTally[]>();
  const all: DayTally[] = [];
  for (const row of rows) {
    const tally = tallyOfRow(row);
    all.push(tally);
    const list = byMember.get(row.member_id);
    if (list) list.push(tally);
    else byMember.set(row.member_id, [tally]);
  }
  const members = new Map<string, CohortFigures>();
  for (const [memberId, days] of byMember) members.set(memberId, figuresOfDays(days));
  return { members, team: figuresOfDays(all) };
}

async function ensureCurrentRollups(db: Db, teamId: string, settings: MetricSettings): Promise<void> {
  const key = rollupSettingsKey(settings);
  if ((await rollupSettings(db.kysely, teamId))?.key === key) return;
  await db.kysely.transaction().execute(async (trx) => {
    // Ingest holds the team row while it writes facts and roll-ups; so does the rebuild.
    if (db.engine === 'postgres') await trx.selectFrom('teams').select('id').where('id', '=', teamId).forUpdate().execute();
    if ((await rollupSettings(trx, teamId))?.key === key) return;
    await rebuildTeamRollups(trx, teamId, settings, Date.now());
  });
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
