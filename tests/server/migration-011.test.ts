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
import { memberRoleSchema } from '../../lib/sync/wire';
import { findPrincipal } from '../../server/sql/principal';
import { addMember, createTeam } from '../../server/sql/tenancy';
import { PG_URL } from './harness';

// Migration 011 on a database as the previous release left it: managers stored as 'lead' become
// 'manager', and their tokens keep working.

const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '011'));

async function migrateWith(kysely: Kysely<Database>, all: Record<string, Migration>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db: kysely, provider: { getMigrations: () => Promise.resolve(all) }, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

async function open(engine: 'sqlite' | 'postgres'): Promise<{ db: Db; schema?: string; cleanup(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'leadpace-m011-'));
    const db = connect({ engine: 'sqlite', file: join(dir, 'leadpace.db') });
    return {
      db,
      cleanup: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `lp_m011_${uuidv7().replace(/-/g, '').slice(-16)}`;
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
] as const)('migration 011 on %s', (engine, enabled) => {
  it.runIf(enabled)("renames stored 'lead' roles to 'manager' and keeps their tokens", async () => {
    const { db, schema, cleanup } = await open(engine);
    try {
      await migrateWith(db.kysely, before, schema);
      const team = await createTeam(db, { name: 'Autohuis Noord', visibility: 'named' });
      const manager = await addMember(db, { teamId: team.teamId, name: 'Lotte', role: 'manager' });
      const rep = await addMember(db, { teamId: team.teamId, name: 'Anna', role: 'rep' });
      // As the previous release stored its managers.
      await db.kysely.updateTable('members').set({ role: 'lead' }).where('id', '=', manager.memberId).execute();
      await migrateWith(db.kysely, migrations, schema);
      const roles = await db.kysely.selectFrom('members').select(['id', 'role']).orderBy('name').execute();
      expect(roles).toEqual([
        { id: rep.memberId, role: 'rep' },
        { id: manager.memberId, role: 'manager' },
      ]);
      expect(await findPrincipal(db, manager.token)).toMatchObject({ memberId: manager.memberId, role: 'manager' });
    } finally {
      await cleanup();
    }
  });
});

describe('the wire during the rename', () => {
  it.each([
    ['lead', 'manager'],
    ['manager', 'manager'],
    ['rep', 'rep'],
  ])("reads the role '%s' as '%s'", (raw, role) => {
    expect(memberRoleSchema.parse(raw)).toBe(role);
  });

  it('refuses any other role', () => {
    expect(memberRoleSchema.safeParse('admin').success).toBe(false);
  });
});
