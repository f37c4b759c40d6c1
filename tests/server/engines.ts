import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { sql } from 'kysely';
import type { Db } from '@/server/db/connect';
import { NOW, PG_URL, makeApp, postgresEngine, sqliteEngine, type Clock, type EnvRef, type SuiteEnv } from './harness';

/**
 * `body` once per engine: a real SQLite file always, and PostgreSQL (a fresh schema) when
 * TEST_DATABASE_URL is set. The same shape as server.test.ts, for test files of their own.
 */
export function onEveryEngine(title: string, body: (env: EnvRef & { file: () => string | null }) => void): void {
  for (const [fixture, enabled] of [
    [sqliteEngine, true],
    [postgresEngine, Boolean(PG_URL)],
  ] as const) {
    describe.runIf(enabled)(`${title} on ${fixture.name}`, () => {
      const clock: Clock = { now: NOW };
      let env: SuiteEnv | undefined;
      let file: string | null = null;
      let cleanup: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const opened = await fixture.open();
        env = { engine: fixture.name, db: opened.db, clock, app: makeApp(opened.db, clock) };
        file = opened.file ?? null;
        cleanup = opened.cleanup;
      }, 30_000);
      afterAll(async () => {
        await cleanup?.();
      });
      beforeEach(() => {
        clock.now = NOW;
      });
      const ref = Object.assign(
        (): SuiteEnv => {
          if (!env) throw new Error('database not open');
          return env;
        },
        { file: () => file },
      );
      body(ref);
    });
  }
}

/**
 * Every row of every table the database has, found from its catalogue (not a fixed list), so
 * a table added later is scanned too.
 */
export async function dumpEveryTable(db: Db): Promise<{ tables: string[]; text: string }> {
  const names =
    db.engine === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db.kysely)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db.kysely);
  const tables = names.rows.map((r) => r.name).sort();
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db.kysely);
    parts.push(`${table}: ${JSON.stringify(rows.rows)}`);
  }
  return { tables, text: parts.join('\n') };
}
