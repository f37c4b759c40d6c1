import type { Kysely } from 'kysely';
import { currentTeamMetricSettings, rebuildTeamRollups } from '../sql/daily-rollups';
import type { Database } from './schema';

// The leaderboard used to read every lead of the period from lead_facts and tally them per
// request. It now adds up per-rep daily roll-ups, kept in the ingest transaction. Existing
// teams get theirs from their lead_facts here, one team at a time, with each team's settings.

export async function up009DailyRollups(unknownDb: Kysely<unknown>): Promise<void> {
  // A type alias (not the interface) so Kysely accepts it as a table map.
  const db = unknownDb.withTables<{ [T in keyof Database]: Database[T] }>();
  await db.schema
    .createTable('daily_rollups')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('day_start', 'bigint', (c) => c.notNull())
    .addColumn('leads', 'integer', (c) => c.notNull())
    .addColumn('within_sla', 'integer', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('contacted', 'integer', (c) => c.notNull())
    .addColumn('appointments', 'integer', (c) => c.notNull())
    .addColumn('too_early', 'integer', (c) => c.notNull())
    .addColumn('sold', 'integer', (c) => c.notNull())
    .addColumn('excluded', 'integer', (c) => c.notNull())
    .addColumn('backlog', 'integer', (c) => c.notNull())
    .addColumn('worked', 'integer', (c) => c.notNull())
    .addColumn('responses', 'text', (c) => c.notNull())
    // A board reads one team's days in a window: the key is that range scan.
    .addPrimaryKeyConstraint('daily_rollups_pk', ['team_id', 'day_start', 'member_id'])
    .execute();
  await db.schema
    .createTable('daily_rollup_settings')
    .addColumn('team_id', 'text', (c) => c.primaryKey())
    .addColumn('settings_key', 'text', (c) => c.notNull())
    .addColumn('built_at', 'bigint', (c) => c.notNull())
    .execute();

  const now = Date.now();
  const teams = await db.selectFrom('teams').select('id').orderBy('id').execute();
  for (const team of teams) {
    const settings = await currentTeamMetricSettings(db, team.id);
    if (settings) await rebuildTeamRollups(db, team.id, settings, now);
  }
}
