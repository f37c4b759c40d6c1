import type { Kysely } from 'kysely';

// A team's fixes of built-in CRM adapters, as data: one row per team and CRM holding the
// current fix (null once withdrawn, so the version keeps counting and members' ETags change).

export async function up010AdapterOverrides(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('adapter_overrides')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('crm', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('adapter_overrides_pk', ['team_id', 'crm'])
    .execute();
}
