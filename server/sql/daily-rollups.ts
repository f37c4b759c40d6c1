import type { Kysely } from 'kysely';
import type { MetricSettings } from '../../lib/domain/lead-metrics';
import type { Db } from '../db/connect';
import type { Database, DailyRollupsTable } from '../db/schema';
import {
  addLeadToDay,
  dayStartIn,
  emptyDayTally,
  isEmptyDay,
  nextDayStartIn,
  responsesFromColumn,
  rollupSettingsKey,
  settingsOfRollupKey,
  type DayTally,
} from '../domain/daily-rollup';
import { factsFromRow } from '../domain/lead-facts';
import { initialTeamSettingsJson } from '../domain/team-settings';
import { metricSettingsFromJson } from '../domain/team-hours';
import type { TeamSettingsTables } from './team-settings';

// The daily roll-ups are kept in the same transaction as the lead_facts they are made from
// (ingest, retention, purge), so a committed board never disagrees with the facts. They are
// rebuilt from lead_facts whenever the team's metric settings differ from the ones they were
// made with: a changed SLA or opening hours changes every figure at once, as before.

type RollupDb = Kysely<Database>;

/** The lead_facts columns a day's tally reads (those of the covering cohort index). */
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

/** Rows per insert: 14 columns stay far below both engines' bound-parameter limits. */
const CHUNK = 500;

/** The team's metric settings as of now (the same JSON a request's principal carries). */
export async function currentTeamMetricSettings(db: RollupDb, teamId: string): Promise<MetricSettings | null> {
  const row = await db
    .withTables<TeamSettingsTables>()
    .selectFrom('teams')
    .leftJoin('team_settings', 'team_settings.team_id', 'teams.id')
    .select(['teams.opening_hours as openingHours', 'team_settings.settings as settingsJson'])
    .where('teams.id', '=', teamId)
    .executeTakeFirst();
  if (!row) return null;
  return metricSettingsFromJson(row.settingsJson ?? initialTeamSettingsJson(row.openingHours));
}

/** The settings the team's roll-ups were made with; null when there are none (or unreadable). */
export async function rollupSettings(db: RollupDb, teamId: string): Promise<{ key: string; settings: MetricSettings } | null> {
  const row = await db.selectFrom('daily_rollup_settings').select('settings_key').where('team_id', '=', teamId).executeTakeFirst();
  if (!row) return null;
  const settings = settingsOfRollupKey(row.settings_key);
  return settings ? { key: row.settings_key, settings } : null;
}

function tallyRow(teamId: string, memberId: string, dayStart: number, t: DayTally): DailyRollupsTable {
  return {
    team_id: teamId,
    member_id: memberId,
    day_start: dayStart,
    leads: t.leads,
    within_sla: t.within,
    attempts: t.attempts,
    contacted: t.contacted,
    appointments: t.appointments,
    too_early: t.tooEarly,
    sold: t.sold,
    excluded: t.excluded,
    backlog: t.backlog,
    worked: t.worked,
    responses: JSON.stringify(t.responses.sort((a, b) => a - b)),
  };
}

async function insertRows(db: RollupDb, rows: readonly DailyRollupsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('daily_rollups')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(['team_id', 'day_start', 'member_id']).doUpdateSet((eb) => ({
          leads: eb.ref('excluded.leads'),
          within_sla: eb.ref('excluded.within_sla'),
          attempts: eb.ref('excluded.attempts'),
          contacted: eb.ref('excluded.contacted'),
          appointments: eb.ref('excluded.appointments'),
          too_early: eb.ref('excluded.too_early'),
          sold: eb.ref('excluded.sold'),
          excluded: eb.ref('excluded.excluded'),
          backlog: eb.ref('excluded.backlog'),
          worked: eb.ref('excluded.worked'),
          responses: eb.ref('excluded.responses'),
        })),
      )
      .execute();
  }
}

/** Tallies fact rows into (member, day) tallies; `keep` limits which days are wanted. */
function tallyFacts(
  rows: readonly Record<(typeof FACT_COLUMNS)[number], unknown>[],
  settings: MetricSettings,
  keep?: (day: number) => boolean,
): Map<string, Map<number, DayTally>> {
  const byMember = new Map<string, Map<number, DayTally>>();
  const zone = settings.hours.timeZone;
  for (const row of rows) {
    const facts = factsFromRow(row);
    const day = dayStartIn(facts.receivedAt, zone);
    if (keep && !keep(day)) continue;
    const memberId = String(row.member_id);
    let days = byMember.get(memberId);
    if (!days) byMember.set(memberId, (days = new Map()));
    let tally = days.get(day);
    if (!tally) days.set(day, (tally = emptyDayTally()));
    addLeadToDay(tally, facts, settings);
  }
  return byMember;
}

/**
 * Makes a team's roll-ups again from its lead_facts with `settings`, and records the settings.
 * Run inside the caller's transaction (which in PostgreSQL holds the team row).
 */
export async function rebuildTeamRollups(db: RollupDb, teamId: string, settings: MetricSettings, now: number): Promise<void> {
  await db.deleteFrom('daily_rollups').where('team_id', '=', teamId).execute();
  const facts = await db.selectFrom('lead_facts').select(FACT_COLUMNS).where('team_id', '=', teamId).where('received_at', 'is not', null).execute();
  const rows: DailyRollupsTable[] = [];
  for (const [memberId, days] of tallyFacts(facts, settings)) {
    for (const [day, tally] of days) rows.push(tallyRow(teamId, memberId, day, tally));
  }
  await insertRows(db, rows);
  const key = rollupSettingsKey(settings);
  await db
    .insertInto('daily_rollup_settings')
    .values({ team_id: teamId, settings_key: key, built_at: now })
    .onConflict((oc) => oc.column('team_id').doUpdateSet({ settings_key: key, built_at: now }))
    .execute();
}

/** Longest run of days read with one range query; beyond it, days are read apart. */
const MAX_RANGE_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * The ranges of the cohort index that hold the given days (team-zone day starts): nearby
 * days share one; far-apart ones (a late event for an old lead) get their own, so one old
 * lead never reads the rep's whole history.
 */
export function rangesOfDays(days: ReadonlySet<number>, settings: MetricSettings): { from: number; to: number }[] {
  const zone = settings.hours.timeZone;
  const ranges: { from: number; to: number }[] = [];
  for (const day of [...days].sort((a, b) => a - b)) {
    const end = nextDayStartIn(day, zone);
    const last = ranges.at(-1);
    if (last && day - last.from <= MAX_RANGE_DAYS * DAY_MS) last.to = end;
    else ranges.push({ from: day, to: end });
  }
  return ranges;
}

/**
 * One rep's roll-ups of the given days made again from that rep's fact rows of those days
 * (as they are after the write): the rows to write, and the days left without a lead.
 */
export function rollupsOfDays(
  teamId: string,
  memberId: string,
  days: ReadonlySet<number>,
  facts: readonly Record<(typeof FACT_COLUMNS)[number], unknown>[],
  settings: MetricSettings,
): { rows: DailyRollupsTable[]; emptied: number[] } {
  const found = tallyFacts(facts, settings, (day) => days.has(day)).get(memberId) ?? new Map<number, DayTally>();
  const rows: DailyRollupsTable[] = [];
  const emptied: number[] = [];
  for (const day of [...days].sort((a, b) => a - b)) {
    const tally = found.get(day);
    if (tally && !isEmptyDay(tally)) rows.push(tallyRow(teamId, memberId, day, tally));
    else emptied.push(day);
  }
  return { rows, emptied };
}

/**
 * The settings to keep a team's roll-ups with inside a write transaction: the ones they were
 * made with, or (none yet, or unreadable) the team's current ones after a rebuild, which for a
 * team without facts is one delete and one insert.
 */
export async function rollupSettingsForWrite(db: RollupDb, teamId: string, now: number): Promise<MetricSettings | null> {
  const kept = await rollupSettings(db, teamId);
  if (kept) return kept.settings;
  const current = await currentTeamMetricSettings(db, teamId);
  if (!current) return null;
  await rebuildTeamRollups(db, teamId, current, now);
  return current;
}

/** The team-zone day a fact row's received_at falls on, for the days a change touches. */
export const rollupDayOf = (receivedAt: number | null, settings: MetricSettings): number | null =>
  receivedAt === null ? null : dayStartIn(receivedAt, settings.hours.timeZone);

/** One rep's stored day, as read for a board. */
export function tallyOfRow(row: Omit<DailyRollupsTable, 'team_id' | 'member_id' | 'day_start'>): DayTally {
  return {
    leads: Number(row.leads),
    within: Number(row.within_sla),
    attempts: Number(row.attempts),
    contacted: Number(row.contacted),
    appointments: Number(row.appointments),
    tooEarly: Number(row.too_early),
    sold: Number(row.sold),
    excluded: Number(row.excluded),
    backlog: Number(row.backlog),
    worked: Number(row.worked),
    responses: responsesFromColumn(row.responses),
  };
}

/**
 * Makes a team's roll-ups again after its lead_facts lost rows (retention, a member's purge),
 * holding the team row as ingest does, so the board stops counting deleted leads.
 */
export async function rebuildRollupsOfTeam(db: Db, teamId: string, now: number): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    if (db.engine === 'postgres') await trx.selectFrom('teams').select('id').where('id', '=', teamId).forUpdate().execute();
    const settings = await currentTeamMetricSettings(trx, teamId);
    if (settings) await rebuildTeamRollups(trx, teamId, settings, now);
  });
}
