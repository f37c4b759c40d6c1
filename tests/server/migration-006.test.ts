import { describe, expect, it } from 'vitest';
import { migrations } from '@/server/db/migrations';
import { teamKeyFingerprint } from '@/lib/sync/team-key';
import { PG_URL } from './harness';
import { migrateWith, migrationsBefore, openEmpty } from './migration-harness';

// Migration 006 on a database as the previous release left it: each team's server-held key
// moves aside for its manager to take over, with the fingerprint the browsers compute.

const before = migrationsBefore('006');
const OLD_KEY = 'Zq3x-old-server-key-0123456789abcdefghijklm';

describe.each([
  ['sqlite', true],
  ['postgres', Boolean(PG_URL)],
] as const)('migration 006 on %s', (engine, enabled) => {
  it.runIf(enabled)("keeps an existing team's key for its manager to take over, with the browsers' fingerprint, and drops the old column", async () => {
    const { db, schema, cleanup } = await openEmpty(engine, 'm006');
    try {
      await migrateWith(db.kysely, before, schema);
      await db.kysely
        .withTables<{ teams: { team_key: string } }>()
        .insertInto('teams')
        .values({ id: 'old-team', group_id: null, name: 'Oud', visibility: 'named', opening_hours: '{}', team_key: OLD_KEY, pseudonym_salt: 's', seq: 0, revision: 0, created_at: 0 })
        .execute();
      await migrateWith(db.kysely, migrations, schema);
      const row = await db.kysely.selectFrom('teams').selectAll().where('id', '=', 'old-team').executeTakeFirstOrThrow();
      expect(row.legacy_team_key).toBe(OLD_KEY);
      expect(row.key_fingerprint).toBe(await teamKeyFingerprint(OLD_KEY));
      expect(row).not.toHaveProperty('team_key');
    } finally {
      await cleanup();
    }
  });
});
