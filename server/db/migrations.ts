import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { up002LeadFacts } from './migrations-002-lead-facts';
import { up003TeamSettings } from './migrations-003-team-settings';
import { up004Hardening } from './migrations-004-hardening';
import { up005ReportFacts } from './migrations-005-report-facts';
import { up006ClientTeamKey } from './migrations-006-client-team-key';
import { up007FoldState } from './migrations-007-fold-state';
import { up008Audit } from './migrations-008-audit';
import { up009DailyRollups } from './migrations-009-daily-rollups';
import { up010AdapterOverrides } from './migrations-010-adapter-overrides';
import { up011ManagerRole } from './migrations-011-manager-role';

// Migrations live in code (not files on disk) so the server runs from any working directory and
// under tsx without a build step. Never edit a shipped migration: add the next one.

async function up001(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.references('groups.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('opening_hours', 'text', (c) => c.notNull())
    .addColumn('team_key', 'text', (c) => c.notNull())
    .addColumn('pseudonym_salt', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('removed_at', 'bigint')
    .execute();
  await db.schema.createIndex('members_team').on('members').column('team_id').execute();

  await db.schema
    .createTable('tokens')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tokens_member').on('tokens').column('member_id').execute();

  await db.schema
    .createTable('pairing_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('lead', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('stored_at', 'bigint', (c) => c.notNull())
    .execute();
  // Re-folding a lead after ingest reads all of one rep's events for that lead.
  await db.schema
    .createIndex('events_member_lead')
    .on('events')
    .columns(['team_id', 'member_id', 'lead'])
    .execute();
  // The restore pull walks one rep's events in commit order.
  await db.schema
    .createIndex('events_member_seq')
    .on('events')
    .columns(['team_id', 'member_id', 'seq'])
    .execute();

  await db.schema
    .createTable('lead_aggregates')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('lead', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint')
    .addColumn('first_attempt_at', 'bigint')
    .addColumn('response_ms', 'bigint')
    .addColumn('within_sla', 'integer')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('contacted', 'integer', (c) => c.notNull())
    .addColumn('appointment', 'integer', (c) => c.notNull())
    .addColumn('closed_too_early', 'integer', (c) => c.notNull())
    .addColumn('sold', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('lead_aggregates_pk', ['team_id', 'member_id', 'lead'])
    .execute();
  // Covering index: the leaderboard reads only these columns for one team's cohort window,
  // so neither engine has to touch the table rows.
  await db.schema
    .createIndex('lead_aggregates_cohort')
    .on('lead_aggregates')
    .columns([
      'team_id',
      'received_at',
      'member_id',
      'response_ms',
      'within_sla',
      'attempts',
      'contacted',
      'appointment',
      'closed_too_early',
      'sold',
    ])
    .execute();
}

export const migrations: Record<string, Migration> = {
  '001_initial': { up: up001 },
  '002_lead_facts': { up: up002LeadFacts },
  '003_team_settings': { up: up003TeamSettings },
  '004_event_identity_per_team': { up: up004Hardening },
  '005_report_facts': { up: up005ReportFacts },
  '006_client_team_key': { up: up006ClientTeamKey },
  '007_fold_state': { up: up007FoldState },
  '008_audit_retention': { up: up008Audit },
  '009_daily_rollups': { up: up009DailyRollups },
  '010_adapter_overrides': { up: up010AdapterOverrides },
  '011_manager_role': { up: up011ManagerRole },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
