import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, type Kysely, type Migration } from 'kysely';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { connect, type Db } from '@/server/db/connect';
import { migrations } from '@/server/db/migrations';
import type { Database } from '@/server/db/schema';
import { PG_URL } from './harness';

// What a migration test needs: an empty database on either engine, and the migrations up to
// (but not including) the one under test, as the previous release left them.

/** The migrations a release before `name` shipped. */
export const migrationsBefore = (name: string): Record<string, Migration> =>
  Object.fromEntries(Object.entries(migrations).filter(([key]) => key < name));

export async function migrateWith(kysely: Kysely<Database>, all: Record<string, Migration>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db: kysely, provider: { getMigrations: () => Promise.resolve(all) }, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

export async function openEmpty(engine: 'sqlite' | 'postgres', label: string): Promise<{ db: Db; schema?: string; cleanup(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `leadpace-${label}-`));
    const db = connect({ engine: 'sqlite', file: join(dir, 'leadpace.db') });
    return {
      db,
      cleanup: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `lp_${label}_${uuidv7().replace(/-/g, '').slice(-16)}`;
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
