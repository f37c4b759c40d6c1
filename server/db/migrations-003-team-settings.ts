import type { Kysely } from 'kysely';
import { initialTeamSettingsJson } from '../domain/team-settings';

// The team's settings as one versioned JSON document, plus every saved version (who, when,
// what) as the audit trail a manager can read. Existing teams start at version 1: their
// opening hours and the defaults for everything else.

type Tables = {
  teams: { id: string; opening_hours: string; created_at: number };
  team_settings: { team_id: string; version: number; settings: string; updated_at: number };
  team_settings_history: {
    team_id: string;
    version: number;
    settings: string;
    updated_by: string;
    member_id: string | null;
    updated_at: number;
  };
};

export async function up003TeamSettings(unknownDb: Kysely<unknown>): Promise<void> {
  const db = unknownDb.withTables<Tables>();
  await db.schema
    .createTable('team_settings')
    .addColumn('team_id', 'text', (c) => c.primaryKey().references('teams.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('team_settings_history')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_settings_history_pk', ['team_id', 'version'])
    .execute();

  const teams = await db.selectFrom('teams').select(['id', 'opening_hours', 'created_at']).execute();
  for (const team of teams) {
    const json = initialTeamSettingsJson(team.opening_hours);
    await db.insertInto('team_settings').values({ team_id: team.id, version: 1, settings: json, updated_at: 0 }).execute();
    await db
      .insertInto('team_settings_history')
      .values({ team_id: team.id, version: 1, settings: json, updated_by: '', member_id: null, updated_at: 0 })
      .execute();
  }
}
