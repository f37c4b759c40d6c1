import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, type Kysely, type Migration } from 'kysely';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { connect, type Db } from '../../server/db/connect';
import { migrations } from '../../server/db/migrations';
import type { Database } from '../../server/db/schema';
import { teamKeyFingerprint } from '../../lib/sync/team-key';
import { PG_URL } from './harness';

// Migration 006 on a database as the previous release left it: each team's server-held key
// moves aside for its manager to take over, with the fingerprint the browsers compute.

const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '006'));
const OLD_KEY = 'Zq3x-old-server-key-0123456789abcdefghijklm';

async function migrateWith(kysely: Kysely<Database>, all: Record<string, Migration>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db: kysely, provider: { getMigrations: () => Promise.resolve(all) }, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

async function open(engine: 'sqlite' | 'postgres'): Promise<{ db: Db; schema?: string; cleanup(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'leadpace-m006-'));
    const db = connect({ engine: 'sqlite', file: join(dir, 'leadpace.db') });
    return {
      db,
      cleanup: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `lp_m006_${uuidv7().replace(/-/g, '').slice(-16)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = connect({ engine: 'postgres', url: PG_URL ?? '', schema, poolSize: 2 });
  return {
    db,
    schema,
    cleanup: async () => {
      await db.close();
      const drop = new pg.Client({ connectionString: PG_URL });
      await drop.connect();
      await drop.query(`DROP SCHEMA ${schema} CASCADE`);
      await drop.end();
    },
  };
}

describe.each([
  ['sqlite', true],
  ['postgres', Boolean(PG_URL)],
] as const)('migration 006 on %s', (engine, enabled) => {
  it.runIf(enabled)("keeps an existing team's key for its manager to take over, with the browsers' fingerprint, and drops the old column", async () => {
    const { db, schema, cleanup } = await open(engine);
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
