import { sql } from 'kysely';
import { z } from 'zod';
import type { CohortFigures, MetricSettings } from '../../lib/domain/lead-metrics';
import { memberRoleSchema } from '../../lib/sync/wire';
import type { Db } from '../db/connect';
import { PREPARED } from '../db/prepared';
import type { DailyRollupsTable } from '../db/schema';
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
  // The settings key comes with the rows (one statement): a board is read far more often than
  // the settings change, and a stale key means a rebuild and a second read.
  const key = rollupSettingsKey(settings);
  let read = await readRollups(db, teamId, from, to);
  if (read.key !== key) {
    await ensureCurrentRollups(db, teamId, settings);
    read = await readRollups(db, teamId, from, to);
  }
  const rows = read.rows;
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

async function readRollups(db: Db, teamId: string, from: number, to: number): Promise<{ key: string | null; rows: DailyRollupsTable[] }> {
  const joined = await db.kysely
    .selectFrom('daily_rollup_settings as s')
    .leftJoin('daily_rollups as r', (join) => join.onRef('r.team_id', '=', 's.team_id').on('r.day_start', '>=', from).on('r.day_start', '<', to))
    .select([
      's.settings_key as key',
      'r.team_id',
      'r.member_id',
      'r.day_start',
      'r.leads',
      'r.within_sla',
      'r.attempts',
      'r.contacted',
      'r.appointments',
      'r.too_early',
      'r.sold',
      'r.excluded',
      'r.backlog',
      'r.worked',
      'r.responses',
    ])
    .where('s.team_id', '=', teamId)
    .modifyEnd(sql.raw(PREPARED))
    .execute();
  const rows: DailyRollupsTable[] = [];
  for (const j of joined) {
    // A team without a day in the window still has its settings row: one row of nulls.
    if (j.team_id === null || j.member_id === null || j.day_start === null || j.responses === null) continue;
    rows.push({
      team_id: j.team_id,
      member_id: j.member_id,
      day_start: j.day_start,
      leads: j.leads ?? 0,
      within_sla: j.within_sla ?? 0,
      attempts: j.attempts ?? 0,
      contacted: j.contacted ?? 0,
      appointments: j.appointments ?? 0,
      too_early: j.too_early ?? 0,
      sold: j.sold ?? 0,
      excluded: j.excluded ?? 0,
      backlog: j.backlog ?? 0,
      worked: j.worked ?? 0,
      responses: j.responses,
    });
  }
  return { key: joined[0]?.key ?? null, rows };
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
    .modifyEnd(sql.raw(PREPARED))
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
