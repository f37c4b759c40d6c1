import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { createApp } from '@/server/app';
import { openDb, type Db } from '@/server/db/connect';
import { legacyKeyFingerprint } from '@/server/db/migrations-006-client-team-key';
import type { RateLimitConfig } from '@/server/http/rate-limit';
import { addMember, createTeam } from '@/server/sql/tenancy';
import type { MemberRole, Visibility, WireEvent } from '@/lib/sync/wire';

/** A real database for one engine, fresh for the run, removed afterwards. */
export interface EngineFixture {
  name: 'sqlite' | 'postgres';
  /** `file` is the SQLite database file, for tests that read its bytes. */
  open(): Promise<{ db: Db; cleanup(): Promise<void>; file?: string }>;
}

export const PG_URL = process.env.TEST_DATABASE_URL;

export const sqliteEngine: EngineFixture = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'leadpace-test-'));
    const file = join(dir, 'leadpace.db');
    const db = await openDb({ engine: 'sqlite', file });
    return {
      db,
      file,
      async cleanup() {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

export const postgresEngine: EngineFixture = {
  name: 'postgres',
  async open() {
    if (!PG_URL) throw new Error('TEST_DATABASE_URL not set');
    // A schema per run: parallel runs and earlier leftovers never see each other's rows.
    const schema = `lp_test_${uuidv7().replace(/-/g, '').slice(-16)}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const db = await openDb({ engine: 'postgres', url: PG_URL, schema, poolSize: 8 });
    return {
      db,
      async cleanup() {
        await db.close();
        const drop = new pg.Client({ connectionString: PG_URL });
        await drop.connect();
        await drop.query(`DROP SCHEMA ${schema} CASCADE`);
        await drop.end();
      },
    };
  },
};

/** Wednesday 18 March 2026, 10:00 in Amsterdam (UTC+1): a working day mid-month. */
export const NOW = Date.UTC(2026, 2, 18, 9, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export interface Clock {
  now: number;
}

export const GENEROUS_LIMIT: RateLimitConfig = { capacity: 100_000, refillPerSecond: 100_000 };

export function makeApp(db: Db, clock: Clock, rateLimit: RateLimitConfig = GENEROUS_LIMIT) {
  // The suites share one app and a frozen clock: only the limit tests use the real ones.
  const abuseLimits = { unknownToken: GENEROUS_LIMIT, pairPerAddress: GENEROUS_LIMIT, pairPerCode: GENEROUS_LIMIT, pairFailures: GENEROUS_LIMIT };
  const ingestLimits = { perLeadPerDay: Number.POSITIVE_INFINITY };
  return createApp({ db, now: () => clock.now, rateLimit, abuseLimits, eventRateLimit: GENEROUS_LIMIT, refoldRateLimit: GENEROUS_LIMIT, ingestLimits });
}
export type App = ReturnType<typeof makeApp>;

export interface TeamFixture {
  teamId: string;
  teamKey: string;
  members: Record<string, { memberId: string; token: string; name: string; role: MemberRole }>;
}

export async function seedTeam(
  db: Db,
  input: { name?: string; visibility?: Visibility; members: { key: string; name: string; role: MemberRole }[] },
): Promise<TeamFixture> {
  // The key is the browser's; the server only ever sees its fingerprint.
  const teamKey = randomBytes(32).toString('base64url');
  const team = await createTeam(db, { name: input.name ?? 'Site', visibility: input.visibility ?? 'named', keyFingerprint: legacyKeyFingerprint(teamKey) });
  const members: TeamFixture['members'] = {};
  for (const m of input.members) {
    const added = await addMember(db, { teamId: team.teamId, name: m.name, role: m.role });
    members[m.key] = { ...added, name: m.name, role: m.role };
  }
  return { teamId: team.teamId, teamKey, members };
}

export function authed(token: string, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } };
}

export async function push(app: App, token: string, events: readonly unknown[]): Promise<Response> {
  return app.request('/v1/events', authed(token, { method: 'POST', body: JSON.stringify({ events }) }));
}

export async function pullAll(app: App, token: string, limit = 1000): Promise<WireEvent[]> {
  const all: WireEvent[] = [];
  let after: string | null = null;
  do {
    const query: string = after === null ? `?limit=${limit}` : `?after=${after}&limit=${limit}`;
    const res = await app.request(`/v1/events${query}`, authed(token));
    if (res.status !== 200) throw new Error(`pull failed: ${res.status}`);
    const page = (await res.json()) as { events: WireEvent[]; next: string | null };
    all.push(...page.events);
    after = page.next;
  } while (after !== null);
  return all;
}

/** Every row of every table as text, for the privacy assertions. */
export async function dumpAllTables(db: Db): Promise<string> {
  const tables = ['groups', 'teams', 'members', 'tokens', 'pairing_codes', 'events', 'lead_facts', 'team_settings', 'team_settings_history'] as const;
  const parts: string[] = [];
  for (const table of tables) {
    const { rows } = await sql`SELECT * FROM ${sql.table(table)}`.execute(db.kysely);
    parts.push(JSON.stringify(rows));
  }
  return parts.join('\n');
}

/** What every shared suite gets from the engine-specific describe block. */
export interface SuiteEnv {
  engine: EngineFixture['name'];
  db: Db;
  clock: Clock;
  app: App;
}
export type EnvRef = () => SuiteEnv;

export async function storedEventIds(db: Db, teamId: string): Promise<string[]> {
  const rows = await db.kysely.selectFrom('events').select('id').where('team_id', '=', teamId).execute();
  return rows.map((r) => r.id);
}

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
