/**
 * Where a push's time goes: the ingest benchmark's batches (500 events, realistic histories)
 * pushed in-process through the app, one at a time, with every SQL statement timed through
 * Kysely's log hook and grouped by its shape; what is left of the request is JavaScript
 * (parsing, validation, the fold, the roll-up tallies). To see
 * which functions that JavaScript is: PROFILE_OUT=file.cpuprofile writes a CPU profile of the
 * pushes alone (open it in Chrome DevTools).
 *   npx tsx scripts/bench/ingest-profile.ts                        SQLite
 *   TEST_DATABASE_URL=postgres://… npx tsx scripts/bench/ingest-profile.ts pg
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogEvent } from 'kysely';
import pg from 'pg';
import { sql } from 'kysely';
import { createApp } from '../../server/app';
import { openDb, type Db } from '../../server/db/connect';
import { addMember, createTeam } from '../../server/sql/tenancy';
import { seededRandom } from '../../server/testing/random';
import { simulateRep } from '../../server/testing/simulated-rep';
import { processCpuMs } from './cpu-time';

const EVENTS = Number(process.env.BENCH_HTTP_EVENTS ?? 30_000);
const PER_REP = 1000;
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
const DAY = 86_400_000;
const POOL_SIZE = 4;
const KEY = 'bench-team-key-bench-team-key-bench-team-k';

const post = (session: Session, method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));

const byShape = new Map<string, { n: number; ms: number }>();
let recording = false;
function onLog(event: LogEvent): void {
  if (!recording) return;
  const shape = event.query.sql.replace(/\s+/g, ' ').replace(/\(\$?\d*(, \$?\d+|, \?)*\)/g, '(…)').replace(/\?(, \?)+/g, '…').slice(0, 110);
  const entry = byShape.get(shape) ?? { n: 0, ms: 0 };
  entry.n += 1;
  entry.ms += event.queryDurationMillis;
  byShape.set(shape, entry);
}

async function open(engine: 'sqlite' | 'postgres'): Promise<{ db: Db; done(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'leadpace-profile-'));
    const db = await openDb({ engine, file: join(dir, 'p.db'), log: onLog });
    return { db, done: async () => (await db.close(), rmSync(dir, { recursive: true, force: true })) };
  }
  const url = process.env.TEST_DATABASE_URL ?? '';
  const schema = `lp_profile_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = await openDb({ engine, url, schema, poolSize: POOL_SIZE, log: onLog });
  return {
    db,
    done: async () => {
      await db.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/** The pid of every pooled connection's backend: as many queries at once as the pool holds. */
async function backendPids(db: Db): Promise<number[]> {
  const pids = await Promise.all(
    Array.from({ length: POOL_SIZE }, async () => (await sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.05)`.execute(db.kysely)).rows[0]?.pid ?? 0),
  );
  return [...new Set(pids)].filter((pid) => pid > 0);
}

const engine = process.argv[2] === 'pg' ? 'postgres' : 'sqlite';
const { db, done } = await open(engine);
try {
  const now = Date.now();
  const team = await createTeam(db, { name: 'Profile', visibility: 'named' });
  const reps = Math.ceil(EVENTS / PER_REP);
  const work: { token: string; body: string }[] = [];
  const perRep = [];
  for (let i = 0; i < reps; i++) {
    const member = await addMember(db, { teamId: team.teamId, name: `Rep ${i}`, role: 'rep' });
    const wire = simulateRep({ repId: `r${i}`, teamKey: KEY, random: seededRandom(1 + i), targetEvents: PER_REP, from: now - 300 * DAY, until: now - DAY }).wire.slice(0, PER_REP);
    perRep.push({ token: member.token, wire });
  }
  for (let off = 0; off < PER_REP; off += BATCH) {
    for (const rep of perRep) if (off < rep.wire.length) work.push({ token: rep.token, body: JSON.stringify({ events: rep.wire.slice(off, off + BATCH) }) });
  }
  // Wall time on a shared machine says as much about the neighbours as about a push: the CPU
  // this process and the pool's own PostgreSQL backends spent is what a change moves.
  const backends = engine === 'postgres' ? await backendPids(db) : [];
  const cpuOf = () => ({ server: process.cpuUsage(), postgres: backends.reduce((n, pid) => n + processCpuMs(pid), 0) });
  const unlimited = { capacity: 1e9, refillPerSecond: 1e9 };
  const app = createApp({ db, rateLimit: unlimited, eventRateLimit: unlimited });
  const profiler = process.env.PROFILE_OUT ? new Session() : null;
  if (profiler) {
    profiler.connect();
    await post(profiler, 'Profiler.enable');
    await post(profiler, 'Profiler.setSamplingInterval', { interval: 200 });
    await post(profiler, 'Profiler.start');
  }
  recording = true;
  const cpuBefore = cpuOf();
  const started = performance.now();
  let events = 0;
  for (const item of work) {
    const res = await app.request('/v1/events', { method: 'POST', headers: { authorization: `Bearer ${item.token}`, 'content-type': 'application/json' }, body: item.body });
    const out = (await res.json()) as { accepted: number };
    if (res.status !== 200) throw new Error(`push ${res.status} ${JSON.stringify(out)}`);
    events += out.accepted;
  }
  const totalMs = performance.now() - started;
  const cpuSpent = process.cpuUsage(cpuBefore.server);
  const postgresCpuMs = cpuOf().postgres - cpuBefore.postgres;
  recording = false;
  if (profiler && process.env.PROFILE_OUT) {
    const { profile } = (await post(profiler, 'Profiler.stop')) as { profile: unknown };
    writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
    profiler.disconnect();
  }
  const perBatch = (ms: number) => (ms / work.length).toFixed(2);
  let sqlMs = 0;
  const lines = [...byShape].sort((a, b) => b[1].ms - a[1].ms);
  console.log(`${engine}: ${work.length} pushes of ≤${BATCH}, ${events} events, ${(events / (totalMs / 1000)).toFixed(0)} events/s serial, ${perBatch(totalMs)} ms per push`);
  for (const [shape, { n, ms }] of lines) {
    sqlMs += ms;
    console.log(`  ${perBatch(ms).padStart(7)} ms/push  ${(n / work.length).toFixed(1).padStart(5)}×  ${shape}`);
  }
  console.log(`  ${perBatch(sqlMs).padStart(7)} ms/push in SQL (incl. driver), ${perBatch(totalMs - sqlMs)} ms/push outside`);
  const serverCpuMs = (cpuSpent.user + cpuSpent.system) / 1000;
  console.log(`  CPU per push: this process ${perBatch(serverCpuMs)} ms${engine === 'postgres' ? `, its PostgreSQL backends ${perBatch(postgresCpuMs)} ms` : ''}`);
} finally {
  await done();
}
