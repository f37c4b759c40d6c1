/**
 * A load test of the team server as reps use it: each simulated rep pushes a small batch every
 * few seconds and then reads the leaderboard (with its ETag, as the extension does), for a
 * bounded time, against the real server in its own process on 127.0.0.1. Reps are spread over
 * dealer teams of TEAM_SIZE, and stay within the per-token caps a real rep stays within.
 */
import type { WireEvent } from '../../lib/sync/wire';
import type { Db } from '../../server/db/connect';
import { seededRandom } from '../../server/testing/random';
import { simulateRep } from '../../server/testing/simulated-rep';
import { addMember, createTeam } from '../../server/sql/tenancy';
import { machineCpuMs, postgresCpuMs, processCpuMs } from './cpu-time';
import { startServer } from './load-server';

const TEAM_SIZE = 20;
const DAY = 86_400_000;
const TEAM_KEY = 'bench-load-key-bench-load-key-bench-load-k';
const PERIODS = ['today', 'week', 'month'] as const;

export interface Latencies {
  count: number;
  p50Ms: number;
  p99Ms: number;
}

export interface LoadResult {
  reps: number;
  seconds: number;
  push: Latencies;
  board: Latencies;
  /** Every request together. */
  all: Latencies;
  errors: number;
  eventsSent: number;
  eventsPerS: number;
  /** Stored events the reps sent, each found exactly once; and rows that should not be there. */
  storedOnce: number;
  missing: number;
  unexpected: number;
  /** CPU the server process and PostgreSQL spent per request (ms), whatever else ran. */
  serverCpuMsPerRequest: number;
  postgresCpuMsPerRequest: number;
  /** Share of the machine's cores busy during the run (all processes, the other helpers too). */
  machineBusyShare: number;
}

function latencies(values: number[]): Latencies {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
  return { count: sorted.length, p50Ms: at(50), p99Ms: at(99) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `reps` simulated reps for `seconds` against a fresh server on `db` (an empty schema).
 * `dataDir` is the server's data folder: for SQLite, the folder of `db`'s file.
 */
export async function runLoad(input: { engine: 'sqlite' | 'postgres'; db: Db; dataDir: string; reps: number; seconds: number; seed: number }): Promise<LoadResult> {
  const { engine, db, reps, seconds } = input;
  const now = Date.now();
  const members: { token: string; teamId: string; events: WireEvent[] }[] = [];
  for (let t = 0; t * TEAM_SIZE < reps; t++) {
    const team = await createTeam(db, { name: `Dealer ${t}`, visibility: 'named' });
    for (let i = 0; i < TEAM_SIZE && t * TEAM_SIZE + i < reps; i++) {
      const added = await addMember(db, { teamId: team.teamId, name: `Rep ${t}.${i}`, role: 'rep' });
      const n = t * TEAM_SIZE + i;
      // About 4.5 events every 3 s is far more than a rep logs; enough of them for the run.
      const target = Math.ceil(seconds * 2) + 50;
      const history = simulateRep({ repId: `load${input.seed}-${n}`, teamKey: TEAM_KEY, random: seededRandom(input.seed + n), targetEvents: target, from: now - 20 * DAY, until: now - 60_000 });
      members.push({ token: added.token, teamId: team.teamId, events: history.wire.slice(0, target) });
    }
  }

  const server = await startServer(engine, db, input.dataDir);
  const base = `http://127.0.0.1:${server.port}`;
  const push: number[] = [];
  const board: number[] = [];
  let errors = 0;
  const firstError: string[] = [];
  const sent = new Map<string, Set<string>>();
  const cpuBefore = { server: processCpuMs(server.pid), postgres: postgresCpuMs(), machine: machineCpuMs() };
  let cpuAfter = cpuBefore;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  try {
    await Promise.all(
      members.map(async (rep, n) => {
        const random = seededRandom(input.seed * 7919 + n);
        const etags = new Map<string, string>();
        const mine = sent.get(rep.teamId) ?? new Set<string>();
        sent.set(rep.teamId, mine);
        let next = 0;
        // Reps do not start in step: each begins somewhere in its first interval.
        await sleep(random() * 3000);
        while (performance.now() < deadline && next < rep.events.length) {
          const size = 1 + Math.floor(random() * 8);
          const batch = rep.events.slice(next, next + size);
          next += batch.length;
          const t0 = performance.now();
          const res = await fetch(`${base}/v1/events`, {
            method: 'POST',
            headers: { authorization: `Bearer ${rep.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ events: batch }),
          });
          const text = await res.text();
          push.push(performance.now() - t0);
          if (res.status === 200) for (const e of batch) mine.add(e.id);
          else {
            errors += 1;
            if (firstError.length < 3) firstError.push(`push ${res.status}: ${text.slice(0, 200)}`);
          }

          const period = PERIODS[Math.floor(random() * PERIODS.length)] ?? 'today';
          const t1 = performance.now();
          const etag = etags.get(period);
          const read = await fetch(`${base}/v1/leaderboard?period=${period}`, {
            headers: { authorization: `Bearer ${rep.token}`, ...(etag ? { 'if-none-match': etag } : {}) },
          });
          await read.arrayBuffer();
          board.push(performance.now() - t1);
          if (read.status === 200) etags.set(period, read.headers.get('etag') ?? '');
          else if (read.status !== 304) {
            errors += 1;
            if (firstError.length < 3) firstError.push(`leaderboard ${read.status}`);
          }
          await sleep(2000 + random() * 2000);
        }
      }),
    );
    cpuAfter = { server: processCpuMs(server.pid), postgres: postgresCpuMs(), machine: machineCpuMs() };
  } finally {
    await server.stop();
  }
  const elapsed = (performance.now() - started) / 1000;
  if (firstError.length > 0) console.log(`  first errors: ${firstError.join(' | ')}`);

  // Every event a 200 acknowledged is stored, once (the key makes a second copy impossible;
  // the count per id shows it), and nothing else is.
  let storedOnce = 0;
  let missing = 0;
  let unexpected = 0;
  let eventsSent = 0;
  for (const [teamId, ids] of sent) {
    eventsSent += ids.size;
    const rows = await db.kysely.selectFrom('events').select('id').where('team_id', '=', teamId).execute();
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.id, (counts.get(row.id) ?? 0) + 1);
    for (const id of ids) {
      if (counts.get(id) === 1) storedOnce += 1;
      else missing += 1;
    }
    for (const id of counts.keys()) if (!ids.has(id)) unexpected += 1;
  }
  return {
    reps,
    seconds: elapsed,
    push: latencies(push),
    board: latencies(board),
    all: latencies([...push, ...board]),
    errors,
    eventsSent,
    eventsPerS: eventsSent / elapsed,
    storedOnce,
    missing,
    unexpected,
    serverCpuMsPerRequest: (cpuAfter.server - cpuBefore.server) / Math.max(1, push.length + board.length),
    postgresCpuMsPerRequest: engine === 'postgres' ? (cpuAfter.postgres - cpuBefore.postgres) / Math.max(1, push.length + board.length) : 0,
    machineBusyShare: (cpuAfter.machine.busy - cpuBefore.machine.busy) / Math.max(1, cpuAfter.machine.total - cpuBefore.machine.total),
  };
}
