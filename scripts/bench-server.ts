/**
 * Team server benchmarks: prints plain figures, asserts nothing.
 *   npx tsx scripts/bench-server.ts                 SQLite only
 *   TEST_DATABASE_URL=postgres://… npx tsx scripts/bench-server.ts   SQLite and PostgreSQL
 * 1. ingest over real HTTP (server on 127.0.0.1, batches of 500) vs a bare batched insert of
 *    the same rows into the same engine;
 * 2. leaderboard server time for a 50-rep team over 1,000,000 events;
 * 3. a one-event push to a lead with 20,000 stored events vs a fresh lead
 *    (scripts/bench/ingest-history.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { sql } from 'kysely';
import type { WireEvent } from '../lib/sync/wire';
import { createApp } from '../server/app';
import { openDb, type Db } from '../server/db/connect';
import type { LeadFactsTable } from '../server/db/schema';
import { currentLeadFactsRow } from '../server/domain/lead-facts';
import { addMember, createTeam } from '../server/store/tenancy';
import { benchIngestHistory } from './bench/ingest-history';
import { benchTeamReport } from './bench/team-report';

/** The team key lives in the browsers; the simulated reps share this one. */
const BENCH_TEAM_KEY = 'bench-team-key-bench-team-key-bench-team-k';
import { seededRandom } from '../server/testing/random';
import { simulateRep } from '../server/testing/simulated-rep';

const HTTP_EVENTS = Number(process.env.BENCH_HTTP_EVENTS ?? 100_000);
const BOARD_EVENTS = Number(process.env.BENCH_BOARD_EVENTS ?? 1_000_000);
const BOARD_REPS = 50;
const BATCH = 500;
const CONCURRENCY = 4;
const REPS = 8;
const DAY = 86_400_000;

const now = Date.now();
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function openEngine(name: 'sqlite' | 'postgres'): Promise<{ db: Db; cleanup(): Promise<void> }> {
  if (name === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'leadpace-bench-'));
    const db = await openDb({ engine: 'sqlite', file: join(dir, 'leadpace.db') });
    return { db, cleanup: async () => (await db.close(), rmSync(dir, { recursive: true, force: true })) };
  }
  const url = process.env.TEST_DATABASE_URL ?? '';
  const schema = `lp_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = await openDb({ engine: 'postgres', url, schema, poolSize: 8 });
  return {
    db,
    cleanup: async () => {
      await db.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/** Realistic histories (about 5 events per lead) for `reps` reps over the last `days` days. */
function histories(teamKey: string, reps: number, total: number, days: number, seed: number): WireEvent[][] {
  return Array.from({ length: reps }, (_, i) => {
    const target = Math.ceil(total / reps);
    return simulateRep({ repId: `r${i}`, teamKey, random: seededRandom(seed + i), targetEvents: target, from: now - days * DAY, until: now - DAY }).wire.slice(0, target);
  });
}

/** The real server in its own process (as deployed): the load generator gets the other core. */
async function startServer(name: 'sqlite' | 'postgres', db: Db, dataDir: string): Promise<{ port: number; stop(): Promise<void> }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', LEADPACE_DATA: dataDir };
  delete env.DATABASE_URL;
  if (name === 'postgres') {
    const url = new URL(process.env.TEST_DATABASE_URL ?? '');
    url.searchParams.set('options', `-c search_path=${db.schema ?? 'public'}`);
    env.DATABASE_URL = url.toString();
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, cwd: join(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.includes('"listening"'));
      if (line) {
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve((JSON.parse(line) as { port: number }).port);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function benchIngest(name: 'sqlite' | 'postgres'): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'leadpace-bench-http-'));
  const { db, cleanup } = name === 'sqlite'
    ? await (async () => {
        const sqliteDb = await openDb({ engine: 'sqlite', file: join(dataDir, 'leadpace.db') });
        return { db: sqliteDb, cleanup: async () => { await sqliteDb.close(); } };
      })()
    : await openEngine(name);
  try {
    const team = await createTeam(db, { name: 'Bench', visibility: 'named' });
    const reps = await Promise.all(Array.from({ length: REPS }, (_, i) => addMember(db, { teamId: team.teamId, name: `Rep ${i}`, role: 'rep' })));
    const perRep = histories(BENCH_TEAM_KEY, REPS, HTTP_EVENTS, 300, 1);
    const bodies = perRep.map((events) => {
      const list: string[] = [];
      for (let off = 0; off < events.length; off += BATCH) list.push(JSON.stringify({ events: events.slice(off, off + BATCH) }));
      return list;
    });
    const server = await startServer(name, db, dataDir);
    const { port } = server;

    const started = performance.now();
    let next = 0;
    const work = bodies.flatMap((list, rep) => list.map((body) => ({ body, token: reps[rep]?.token ?? '' })));
    // CONCURRENCY requests in flight, like several reps syncing at once.
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let item = work[next++]; item; item = work[next++]) {
          const res = await fetch(`http://127.0.0.1:${port}/v1/events`, {
            method: 'POST',
            headers: { authorization: `Bearer ${item.token}`, 'content-type': 'application/json' },
            body: item.body,
          });
          if (res.status !== 200) throw new Error(`push failed ${res.status}: ${await res.text()}`);
          await res.arrayBuffer();
        }
      }),
    );
    const httpSeconds = (performance.now() - started) / 1000;
    const sent = perRep.reduce((n, e) => n + e.length, 0);
    await server.stop();

    // The same number of rows, inserted directly in batches of 500, one transaction each.
    const bare = histories(BENCH_TEAM_KEY, 1, sent, 300, 99)[0] ?? [];
    const bareStarted = performance.now();
    for (let off = 0; off < bare.length; off += BATCH) {
      const batch = bare.slice(off, off + BATCH);
      await db.kysely.transaction().execute((trx) =>
        trx
          .insertInto('events')
          .values(batch.map((e, i) => ({ id: e.id, team_id: team.teamId, member_id: 'bare', seq: 1e9 + off + i, lead: e.lead, type: e.type, at: e.at, body: JSON.stringify(e), stored_at: now })))
          .onConflict((oc) => oc.columns(['team_id', 'id']).doNothing())
          .execute(),
      );
    }
    const bareSeconds = (performance.now() - bareStarted) / 1000;
    const httpRate = sent / httpSeconds;
    const bareRate = bare.length / bareSeconds;
    console.log(`${name}: ingest over HTTP       ${fmt(httpRate)} events/s (${fmt(sent)} events, batches of ${BATCH}, ${CONCURRENCY} requests in flight, server in its own process, ${httpSeconds.toFixed(1)} s)`);
    console.log(`${name}: bare batched insert    ${fmt(bareRate)} events/s (${fmt(bare.length)} rows) → HTTP ingest is ${((httpRate / bareRate) * 100).toFixed(0)}% of it`);
  } finally {
    await cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchLeaderboard(name: 'sqlite' | 'postgres'): Promise<void> {
  const { db, cleanup } = await openEngine(name);
  try {
    const team = await createTeam(db, { name: 'Big team', visibility: 'pseudonymous' });
    const members = [];
    for (let i = 0; i < BOARD_REPS; i++) members.push(await addMember(db, { teamId: team.teamId, name: `Rep ${i}`, role: 'rep' }));
    const lead = await addMember(db, { teamId: team.teamId, name: 'Lead', role: 'lead' });

    // Loading a million events through HTTP would take most of the time budget; the rows are
    // written as ingest would write them (events + the same per-lead fold), only faster.
    const loadStarted = performance.now();
    let events = 0;
    let leads = 0;
    let seq = 0;
    const perRep = Math.ceil(BOARD_EVENTS / BOARD_REPS);
    for (const [i, member] of members.entries()) {
      const history = simulateRep({ repId: `b${i}`, teamKey: BENCH_TEAM_KEY, random: seededRandom(1000 + i), targetEvents: perRep, from: now - 395 * DAY, until: now });
      const wire = history.wire.slice(0, perRep).filter((e) => e.at <= now + DAY);
      const byLead = new Map<string, WireEvent[]>();
      for (const e of wire) byLead.set(e.lead, [...(byLead.get(e.lead) ?? []), e]);
      const aggregates: LeadFactsTable[] = [];
      for (const [leadHash, list] of byLead) {
        const facts = currentLeadFactsRow(list);
        if (facts) aggregates.push({ team_id: team.teamId, member_id: member.memberId, lead: leadHash, ...facts, fold_state: null, updated_at: now });
      }
      await db.kysely.transaction().execute(async (trx) => {
        for (let off = 0; off < wire.length; off += 1000) {
          await trx.insertInto('events').values(
            wire.slice(off, off + 1000).map((e) => ({ id: e.id, team_id: team.teamId, member_id: member.memberId, seq: ++seq, lead: e.lead, type: e.type, at: e.at, body: JSON.stringify(e), stored_at: now })),
          ).execute();
        }
        for (let off = 0; off < aggregates.length; off += 1000) await trx.insertInto('lead_facts').values(aggregates.slice(off, off + 1000)).execute();
      });
      events += wire.length;
      leads += aggregates.length;
    }
    // Fresh statistics and visibility map, as autovacuum would give a long-running server.
    if (db.engine === 'postgres') await sql`VACUUM ANALYZE lead_facts`.execute(db.kysely);
    else await sql`ANALYZE`.execute(db.kysely);
    console.log(`${name}: loaded ${fmt(events)} events / ${fmt(leads)} leads for ${BOARD_REPS} reps in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);

    const app = createApp({ db, rateLimit: { capacity: 1e9, refillPerSecond: 1e9 } });
    for (const [who, token] of [['lead', lead.token], ['rep', members[0]?.token ?? '']] as const) {
      for (const period of ['today', 'week', 'month', 'last-month'] as const) {
        const times: number[] = [];
        let n = 0;
        for (let run = 0; run < 12; run++) {
          const started = performance.now();
          const res = await app.request(`/v1/leaderboard?period=${period}`, { headers: { authorization: `Bearer ${token}` } });
          const body = (await res.json()) as { team: { leads: number } };
          times.push(performance.now() - started);
          n = body.team.leads;
        }
        const warm = times.slice(2).sort((a, b) => a - b);
        const median = warm[Math.floor(warm.length / 2)] ?? 0;
        const worst = warm.at(-1) ?? 0;
        // The first request computes the figures; later ones for the same commits share them.
        const first = times[0] ?? 0;
        console.log(`${name}: leaderboard ${period.padEnd(10)} (${who} token, cohort ${fmt(n).padStart(6)} leads)  first ${first.toFixed(1)} ms, then median ${median.toFixed(1)} ms, max ${worst.toFixed(1)} ms`);
      }
    }
    const etagRes = await app.request('/v1/leaderboard?period=month', { headers: { authorization: `Bearer ${lead.token}` } });
    const etag = etagRes.headers.get('etag') ?? '';
    const started = performance.now();
    const cached = await app.request('/v1/leaderboard?period=month', { headers: { authorization: `Bearer ${lead.token}`, 'if-none-match': etag } });
    console.log(`${name}: leaderboard revalidation (304: ${cached.status === 304}) ${(performance.now() - started).toFixed(1)} ms`);
    await benchTeamReport({ name, db, app, teamId: team.teamId, tokens: { lead: lead.token, rep: members[0]?.token ?? '' }, now });
  } finally {
    await cleanup();
  }
}

const engines: ('sqlite' | 'postgres')[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
if (!process.env.TEST_DATABASE_URL) console.log('PostgreSQL benchmarks skipped: TEST_DATABASE_URL not set');
async function benchHistory(name: 'sqlite' | 'postgres'): Promise<void> {
  const { db, cleanup } = await openEngine(name);
  try {
    await benchIngestHistory(name, db);
  } finally {
    await cleanup();
  }
}

for (const engine of engines) {
  await benchIngest(engine);
  await benchLeaderboard(engine);
  await benchHistory(engine);
}
