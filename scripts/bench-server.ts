/**
 * Team server benchmarks: prints plain figures, asserts nothing.
 *   npx tsx scripts/bench-server.ts                 SQLite only
 *   TEST_DATABASE_URL=postgres://… npx tsx scripts/bench-server.ts   SQLite and PostgreSQL
 * 1. ingest over real HTTP (server on 127.0.0.1, batches of 500) vs a bare batched insert of
 *    the same rows into the same engine;
 * 2. leaderboard server time for a 50-rep team over 1,000,000 events;
 * 3. a one-event push to a lead with 20,000 stored events vs a fresh lead
 *    (scripts/bench/ingest-history.ts);
 * 4. a load test: 200 reps pushing small batches and reading the board for 60 s
 *    (scripts/bench/load-test.ts), then more reps for a shorter time until p99 passes 100 ms.
 * BENCH_SECTIONS=ingest,leaderboard,history,load picks sections; BENCH_HTTP_EVENTS,
 * BENCH_BOARD_EVENTS, BENCH_LOAD_REPS and BENCH_LOAD_SECONDS shrink them while developing.
 * Every figure is recorded under a stable name (scripts/bench/figures.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import type { WireEvent } from '../lib/sync/wire';
import { createApp } from '../server/app';
import { openDb, type Db } from '../server/db/connect';
import type { LeadFactsTable } from '../server/db/schema';
import { currentLeadFactsRow } from '../server/domain/lead-facts';
import { addMember, createTeam } from '../server/sql/tenancy';
import { benchIngestHistory } from './bench/ingest-history';
import { benchTeamReport } from './bench/team-report';
import { atLeast, atMost, recordFigure } from './bench/figures';
import { startServer } from './bench/load-server';
import { runLoad, type LoadResult } from './bench/load-test';
import { rebuildRollupsOfTeam } from '../server/sql/daily-rollups';

/** The team key lives in the browsers; the simulated reps share this one. */
const BENCH_TEAM_KEY = 'bench-team-key-bench-team-key-bench-team-k';
import { seededRandom } from '../server/testing/random';
import { simulateRep } from '../server/testing/simulated-rep';

const HTTP_EVENTS = Number(process.env.BENCH_HTTP_EVENTS ?? 100_000);
const BOARD_EVENTS = Number(process.env.BENCH_BOARD_EVENTS ?? 1_000_000);
const BOARD_REPS = 50;
const BATCH = 500;
const CONCURRENCY = 4;
/**
 * Events per rep token in the ingest run: under the per-token burst (1,500), so the run
 * measures ingest and not the rate limiter; more reps instead, as a busy site has.
 */
const EVENTS_PER_REP = 1000;
const DAY = 86_400_000;
const LOAD_REPS = Number(process.env.BENCH_LOAD_REPS ?? 200);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const SECTIONS = new Set((process.env.BENCH_SECTIONS ?? 'ingest,leaderboard,history,load').split(','));
const short = (name: 'sqlite' | 'postgres') => (name === 'postgres' ? 'pg' : 'sqlite');

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
    const repCount = Math.ceil(HTTP_EVENTS / EVENTS_PER_REP);
    const reps = await Promise.all(Array.from({ length: repCount }, (_, i) => addMember(db, { teamId: team.teamId, name: `Rep ${i}`, role: 'rep' })));
    const perRep = histories(BENCH_TEAM_KEY, repCount, HTTP_EVENTS, 300, 1);
    const bodies = perRep.map((events) => {
      const list: string[] = [];
      for (let off = 0; off < events.length; off += BATCH) list.push(JSON.stringify({ events: events.slice(off, off + BATCH) }));
      return list;
    });
    const server = await startServer(name, db, dataDir);
    const { port } = server;

    const started = performance.now();
    let next = 0;
    // Round-robin over reps, so the requests in flight are different reps' as on a real site.
    const work: { body: string; token: string }[] = [];
    for (let round = 0; work.length < bodies.reduce((n, l) => n + l.length, 0); round++) {
      for (const [rep, list] of bodies.entries()) {
        const body = list[round];
        if (body !== undefined) work.push({ body, token: reps[rep]?.token ?? '' });
      }
    }
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
    const e = short(name);
    recordFigure(`ingest.${e}.eventsPerS`, httpRate, 'events/s', name === 'postgres' ? atLeast(20_000) : undefined);
    recordFigure(`ingest.${e}.bareEventsPerS`, bareRate, 'events/s');
    recordFigure(`ingest.${e}.ratio`, httpRate / bareRate, 'ratio', atLeast(0.8), 'HTTP ingest ÷ bare batched insert, same engine, same run');
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
    const lead = await addMember(db, { teamId: team.teamId, name: 'Lead', role: 'manager' });

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

    // The loader wrote lead_facts as ingest would; the roll-ups ingest keeps beside them are
    // made here in one go, as migration 009 makes them for an existing database.
    const rollupStarted = performance.now();
    await rebuildRollupsOfTeam(db, team.teamId, now);
    if (db.engine === 'postgres') await sql`VACUUM ANALYZE daily_rollups`.execute(db.kysely);
    else await sql`ANALYZE`.execute(db.kysely);
    console.log(`${name}: daily roll-ups built from the leads in ${((performance.now() - rollupStarted) / 1000).toFixed(1)} s`);

    const app = createApp({ db, rateLimit: { capacity: 1e9, refillPerSecond: 1e9 } });
    const worst = new Map<string, number>();
    for (const [who, token] of [['lead', lead.token], ['rep', members[0]?.token ?? '']] as const) {
      for (const period of ['today', 'week', 'month', 'last-month'] as const) {
        const cold: number[] = [];
        const cached: number[] = [];
        let n = 0;
        for (let run = 0; run < 12; run++) {
          // A new commit (as any push makes) so the figures are computed, not served from
          // the cache of the last commit's; every other run reads that cache.
          if (run % 2 === 0) await db.kysely.updateTable('teams').set((eb) => ({ seq: eb('seq', '+', 1) })).where('id', '=', team.teamId).execute();
          const started = performance.now();
          const res = await app.request(`/v1/leaderboard?period=${period}`, { headers: { authorization: `Bearer ${token}` } });
          const body = (await res.json()) as { team: { leads: number } };
          (run % 2 === 0 ? cold : cached).push(performance.now() - started);
          n = body.team.leads;
        }
        const warmCold = cold.slice(1).sort((a, b) => a - b);
        const median = warmCold[Math.floor(warmCold.length / 2)] ?? 0;
        const max = warmCold.at(-1) ?? 0;
        const cachedMedian = [...cached].sort((a, b) => a - b)[Math.floor(cached.length / 2)] ?? 0;
        console.log(
          `${name}: leaderboard ${period.padEnd(10)} (${who} token, cohort ${fmt(n).padStart(6)} leads)  computed: median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms; same commit again ${cachedMedian.toFixed(1)} ms`,
        );
        worst.set(period, Math.max(worst.get(period) ?? 0, median));
      }
    }
    const e = short(name);
    for (const [period, ms] of worst) {
      const key = period === 'today' ? 'dayMs' : period === 'last-month' ? 'lastMonthMs' : `${period}Ms`;
      recordFigure(`leaderboard.${e}.${key}`, ms, 'ms', atMost(25), 'median of computed (uncached) boards, worse of lead and rep token');
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

async function benchLoad(name: 'sqlite' | 'postgres'): Promise<void> {
  const e = short(name);
  const run = async (reps: number, seconds: number, seed: number): Promise<LoadResult> => {
    const dataDir = mkdtempSync(join(tmpdir(), 'leadpace-bench-load-'));
    // SQLite: the server opens the file in its data folder, so the benchmark opens that one.
    const { db, cleanup } =
      name === 'sqlite' ? await openDb({ engine: 'sqlite', file: join(dataDir, 'leadpace.db') }).then((d) => ({ db: d, cleanup: () => d.close() })) : await openEngine(name);
    try {
      return await runLoad({ engine: name, db, dataDir, reps, seconds, seed });
    } finally {
      await cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  const describe = (r: LoadResult) =>
    `${r.reps} reps, ${r.seconds.toFixed(0)} s: ${fmt(r.eventsPerS)} events/s, push p50 ${r.push.p50Ms.toFixed(1)} / p99 ${r.push.p99Ms.toFixed(1)} ms (${fmt(r.push.count)}), ` +
    `board p50 ${r.board.p50Ms.toFixed(1)} / p99 ${r.board.p99Ms.toFixed(1)} ms (${fmt(r.board.count)}), errors ${r.errors}, ` +
    `stored exactly once ${fmt(r.storedOnce)} of ${fmt(r.eventsSent)} (missing ${r.missing}, unexpected ${r.unexpected}); ` +
    `CPU per request: server ${r.serverCpuMsPerRequest.toFixed(2)} ms${name === 'postgres' ? `, PostgreSQL ${r.postgresCpuMsPerRequest.toFixed(2)} ms` : ''}; machine ${(r.machineBusyShare * 100).toFixed(0)}% busy`;
  const main = await run(LOAD_REPS, LOAD_SECONDS, 1);
  console.log(`${name}: load ${describe(main)}`);
  recordFigure(`load.${e}.p50Ms`, main.all.p50Ms, 'ms');
  recordFigure(`load.${e}.p99Ms`, main.all.p99Ms, 'ms', atMost(100));
  recordFigure(`load.${e}.push.p99Ms`, main.push.p99Ms, 'ms');
  recordFigure(`load.${e}.board.p99Ms`, main.board.p99Ms, 'ms');
  recordFigure(`load.${e}.errors`, main.errors + main.missing + main.unexpected, 'count', atMost(0), 'failed requests, plus acknowledged events not stored exactly once');
  recordFigure(`load.${e}.eventsPerS`, main.eventsPerS, 'events/s');
  recordFigure(`load.${e}.serverCpuMsPerRequest`, main.serverCpuMsPerRequest, 'ms', undefined, 'server process CPU per request, whatever else the machine ran');
  if (name === 'postgres') recordFigure(`load.${e}.postgresCpuMsPerRequest`, main.postgresCpuMsPerRequest, 'ms', undefined, 'every PostgreSQL process, per request');
  recordFigure(`load.${e}.machineBusyShare`, main.machineBusyShare, 'ratio', undefined, 'all cores, all processes, during the main run');

  // How many reps one server holds at p99 ≤ 100 ms: double until it does not, shorter runs.
  let held = main.all.p99Ms <= 100 && main.errors === 0 ? LOAD_REPS : 0;
  for (let reps = LOAD_REPS * 2; held === reps / 2 && reps <= LOAD_REPS * 8; reps *= 2) {
    const r = await run(reps, Math.max(10, LOAD_SECONDS / 3), reps);
    console.log(`${name}: load ${describe(r)}`);
    if (r.all.p99Ms <= 100 && r.errors === 0) held = reps;
  }
  recordFigure(`load.${e}.repsAtP99Under100`, held, 'reps', undefined, `largest tried (${LOAD_REPS}·2^k, up to ${LOAD_REPS * 8}) with every request's p99 ≤ 100 ms`);
  console.log(`${name}: one server held ${held} reps at p99 ≤ 100 ms (of the levels tried)`);
}

for (const engine of engines) {
  if (SECTIONS.has('ingest')) await benchIngest(engine);
  if (SECTIONS.has('leaderboard')) await benchLeaderboard(engine);
  if (SECTIONS.has('history')) await benchHistory(engine);
  if (SECTIONS.has('load')) await benchLoad(engine);
}
