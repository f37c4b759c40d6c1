import type { Kysely } from 'kysely';

// Who changed the team's settings, visibility, retention or adapter overrides, for the
// manager to read; and how long the server keeps a team's events (24 months unless the admin
// sets otherwise). The audit row names the member by id only: names stay in `members`.

export const DEFAULT_RETENTION_MONTHS = 24;

export async function up008Audit(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    // uuidv7: unique on both engines and in time order, so it doubles as the page cursor.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('member_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('changed', 'text', (c) => c.notNull())
    .addColumn('from_value', 'text')
    .addColumn('to_value', 'text')
    .addColumn('version', 'integer')
    .execute();
  await db.schema.createIndex('audit_log_team').on('audit_log').columns(['team_id', 'id']).execute();
  await db.schema
    .alterTable('teams')
    .addColumn('retention_months', 'integer', (c) => c.notNull().defaultTo(DEFAULT_RETENTION_MONTHS))
    .execute();
}
