import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations';
import { preparingPool } from './prepared';
import type { Database, Engine } from './schema';

export type DbConfig = (
  | { engine: 'sqlite'; file: string }
  /** `schema` isolates a test run in its own PostgreSQL schema. */
  | { engine: 'postgres'; url: string; schema?: string; poolSize?: number }
) & {
  /** Sees every statement with its duration (the ingest profile groups them). */
  log?: (event: LogEvent) => void;
};

export interface Db {
  engine: Engine;
  kysely: Kysely<Database>;
  /**
   * The SQLite handle under `kysely`, for the ingest's prepared statements (Kysely prepares
   * every statement again, which for a batch's rows costs more than running them). Only used
   * inside a Kysely transaction, which holds the one connection.
   */
  sqlite?: SQLite.Database;
  /** The PostgreSQL schema the tables live in, when not the default. */
  schema?: string;
  close(): Promise<void>;
}

const PG_INT8 = 20;

// pg returns BIGINT as strings (it cannot know the values fit a double); every BIGINT here is
// epoch ms or a counter, well inside 2^53, so numbers keep both engines' rows identical.
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === PG_INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

export function connect(config: DbConfig): Db {
  if (config.engine === 'sqlite') {
    if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
    const database = new SQLite(config.file);
    // WAL lets the CLI and backups read while the server writes; NORMAL sync is durable across
    // process crashes (only an OS crash can lose the last commits).
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database }), ...(config.log ? { log: config.log } : {}) });
    return { engine: 'sqlite', kysely, sqlite: database, close: () => kysely.destroy() };
  }
  if (config.schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(config.schema)) throw new Error(`invalid schema name ${config.schema}`);
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    types: pgTypes,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }), ...(config.log ? { log: config.log } : {}) });
  return { engine: 'postgres', kysely, schema: config.schema, close: () => kysely.destroy() };
}

export async function migrate(db: Db): Promise<void> {
  // Kysely looks for its bookkeeping table across all schemas unless told which one: an
  // explicit schema keeps parallel test schemas from seeing each other's migrations.
  // For PostgreSQL that is the connection's current schema (search_path may point elsewhere
  // than `public`, e.g. via `?options=-c search_path=…` in DATABASE_URL).
  const schema =
    db.schema ??
    (db.engine === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely)).rows[0]?.schema
      : undefined);
  const migrator = new Migrator({
    db: db.kysely,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

export async function openDb(config: DbConfig): Promise<Db> {
  const db = connect(config);
  await migrate(db);
  return db;
}
