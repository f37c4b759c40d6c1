import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { changeStatus, logAttempt, recordLeadSeen, undoAttempt } from '@/lib/db/writes';
import { CHANNELS, DEFAULT_SOURCES, LOST_REASONS, OUTCOMES, type LeadStatus } from '@/lib/domain/model';
import type { LeadEvent } from '@/lib/domain/events';
import { refreshLeaderboard, type SyncDeps, type SyncOutcome } from '@/lib/sync/client';
import { connect, type TeamConnection } from '@/lib/sync/connection';
import type { FetchLike } from '@/lib/sync/http';
import { ownStats } from '@/lib/sync/local-stats';
import { leaderboardStatsSchema, pushResponseSchema, type LeaderboardPeriod } from '@/lib/sync/wire';
import { pick, seededRandom } from '@/server/testing/random';
import type { Db } from '@/server/db/connect';
import { makeApp, seedTeam, sqliteEngine, storedEventIds, type App, type TeamFixture } from '@/tests/server/harness';

/*
 * Issue 5's fault test, driven through the extension's REAL sync code (lib/sync/client.ts,
 * to-wire, hash, http, restore, lib/db/sync-writes) against the real server app in process
 * on a temp SQLite file:
 *
 *  - 3 reps, each with its own Dexie database filled through lib/db/writes.ts (lead seen,
 *    re-sightings, attempts, undos, status changes): 10,000 events together;
 *  - every request goes through a fetch that fails 30% of the time (seeded per rep): a 500
 *    that never reached the server, a timeout that never reached it, a timeout after the
 *    server committed, and a connection dropped after the server committed;
 *  - each rep's service worker is killed in the middle of a push (the server commits, the
 *    worker never sees the answer) and restarted from what is persisted only: a fresh module
 *    graph, the Dexie database reopened by name, the connection re-read from "storage.local";
 *  - time only moves through the injected clock, to the backoff time the client persisted
 *    (what the retry alarm would do), never by sleeping.
 *
 * Then: the server holds every event exactly once, no browser has anything pending or
 * rejected, and the leaderboard a lead token gets equals ownStats() over the same events.
 */

const NOW = Date.UTC(2026, 2, 18, 9, 0); // Wed 18 March 2026, 10:00 in Amsterdam
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SERVER_URL = 'http://team.local';
const TOTAL = 10_000;
const FAILURE_RATE = 0.3;
/** Short so the timeouts cost milliseconds; the client's own cap is 20 s. */
const TIMEOUT_MS = 25;
/** Smaller than the default 500 so the 10,000 events take many requests, hence many faults. */
const BATCH_SIZE = 100;
/** A rep's worker is killed on this push request (counting from 1). */
const KILL_ON_PUSH = [4, 7, 11] as const;
const MAX_RUNS_PER_REP = 600;

let server: { db: Db; cleanup(): Promise<void> };
let app: App;
let team: TeamFixture;
const clock = { now: NOW };
/** The wall clock every browser and the server share; only ever moves forward. */
const advanceTo = (at: number) => {
  clock.now = Math.max(clock.now, at);
};
const dbNames: string[] = [];

beforeAll(async () => {
  server = await sqliteEngine.open();
  app = makeApp(server.db, clock);
  team = await seedTeam(server.db, {
    visibility: 'named',
    members: [
      { key: 'r0', name: 'Rep Zero', role: 'rep' },
      { key: 'r1', name: 'Rep One', role: 'rep' },
      { key: 'r2', name: 'Rep Two', role: 'rep' },
      { key: 'lead', name: 'Team Lead', role: 'manager' },
    ],
  });
});
afterAll(async () => {
  for (const name of dbNames.splice(0)) {
    const db = openLeadpaceDb(name);
    await db.delete();
  }
  await server.cleanup();
});

/** The network without faults: the app in process. */
const appFetch: FetchLike = (url, init) => Promise.resolve(app.fetch(new Request(url, init)));

// ---------------------------------------------------------------------------------------------
// The faulty network

interface FaultStats {
  calls: number;
  pushes: number;
  http500: number;
  timeoutLost: number;
  timeoutAfterCommit: number;
  droppedAfterCommit: number;
  /** `duplicates` in the push answers the client did receive: resends of committed batches. */
  duplicatesAnswered: number;
}

const emptyStats = (): FaultStats => ({
  calls: 0,
  pushes: 0,
  http500: 0,
  timeoutLost: 0,
  timeoutAfterCommit: 0,
  droppedAfterCommit: 0,
  duplicatesAnswered: 0,
});

/** Rejects once the client's AbortController fires, never otherwise: a server that does not answer. */
function untilAborted(signal: AbortSignal | null | undefined): Promise<never> {
  if (!signal) throw new Error('the client sent a request without an AbortSignal: it could hang forever');
  return new Promise<never>((_, reject) => {
    const fail = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

interface FaultyNetwork {
  fetch: FetchLike;
  stats: FaultStats;
  /** Resolves when the worker was killed (on push number `killOnPush`). */
  killed: Promise<void>;
}

/**
 * `rate` of the requests fail, a quarter each: a 500 that never reached the server, a timeout
 * that never reached it, a timeout after the server committed, and a connection dropped
 * after it committed. On push number `killOnPush` the server commits and the worker dies
 * before the answer arrives: that fetch never settles, so nothing after it ever runs.
 */
function faultyNetwork(inner: FetchLike, random: () => number, rate: number, killOnPush: number): FaultyNetwork {
  const stats = emptyStats();
  let kill: () => void = () => undefined;
  const killed = new Promise<void>((resolve) => {
    kill = resolve;
  });
  const fetch: FetchLike = async (url, init) => {
    stats.calls += 1;
    const isPush = init.method === 'POST';
    if (isPush) {
      stats.pushes += 1;
      if (stats.pushes === killOnPush) {
        await inner(url, init);
        kill();
        return new Promise<Response>(() => undefined);
      }
    }
    if (random() >= rate) {
      const response = await inner(url, init);
      if (isPush && response.ok) {
        const verdict = pushResponseSchema.safeParse(await response.clone().json());
        if (verdict.success) stats.duplicatesAnswered += verdict.data.duplicates;
      }
      return response;
    }
    const kind = random();
    if (kind < 0.25) {
      stats.http500 += 1;
      return new Response(JSON.stringify({ error: 'internal', message: 'injected failure' }), {
        status: 500,
        headers: { 'content-type': 'application/json' },
      });
    }
    if (kind < 0.5) {
      stats.timeoutLost += 1;
      return untilAborted(init.signal);
    }
    if (kind < 0.75) {
      stats.timeoutAfterCommit += 1;
      await inner(url, init);
      return untilAborted(init.signal);
    }
    stats.droppedAfterCommit += 1;
    await inner(url, init);
    throw new TypeError('fetch failed: connection reset after the server committed');
  };
  return { fetch, stats, killed };
}

// ---------------------------------------------------------------------------------------------
// The reps' local histories, written through lib/db/writes.ts

const STATUSES_TO_SET: readonly LeadStatus[] = ['contacted', 'appointment', 'shown', 'sold', 'lost', 'lost'];
/** Amsterdam is UTC+1 until 29 March. */
const ams = (month: number, day: number, hour = 0) => Date.UTC(2026, month - 1, day, hour - 1);

/**
 * Writes exactly `target` events for one rep: every operation below appends exactly one event
 * (a first sighting, a re-sighting that learns the CRM time or a new source, an attempt, an
 * undo, a status change), so the budget is met to the event.
 */
async function fillRep(db: LeadpaceDb, repKey: string, random: () => number, target: number): Promise<void> {
  let written = 0;
  const step = async (write: (at: number) => Promise<unknown>, at: number): Promise<boolean> => {
    if (written >= target) return false;
    // Never later than an hour before the server's clock: nothing is "in the future".
    await write(Math.min(at, NOW - HOUR));
    written += 1;
    return true;
  };
  const actor = (at: number) => ({ repId: `local-${repKey}`, now: at });
  for (let n = 1; written < target; n += 1) {
    const leadId = `${repKey}-${n}`;
    const key = `demo:${leadId}`;
    const snap = (extra: { receivedAt?: number; source?: string }) => ({
      crm: 'demo',
      leadId,
      url: `http://leadpace-demo.localhost/leads/${leadId}`,
      name: `Customer ${leadId}`,
      phone: '+31612345678',
      missing: [],
      ...(extra.source ? { source: extra.source } : {}),
      ...(extra.receivedAt !== undefined ? { receivedAt: new Date(extra.receivedAt).toISOString() } : {}),
    });
    // ~6% of the leads arrived last month: outside the 'month' cohort, inside 'last-month'.
    const received =
      random() < 0.06 ? ams(2, 16) + Math.floor(random() * 10 * DAY) : ams(3, 2) + Math.floor(random() * 13 * DAY);
    const crmShowsTime = random() < 0.85;
    let t = received + Math.floor(random() * (random() < 0.7 ? 4 * MINUTE : 3 * HOUR));
    await step((at) => recordLeadSeen(db, snap({ receivedAt: crmShowsTime ? received : undefined, source: pick(random, DEFAULT_SOURCES) }), actor(at)), t);
    if (!crmShowsTime && random() < 0.4) {
      t += Math.floor(random() * HOUR);
      await step((at) => recordLeadSeen(db, snap({ receivedAt: received }), actor(at)), t);
    }
    if (random() < 0.1) {
      t += Math.floor(random() * HOUR);
      const current = (await db.leads.get(key))?.source;
      const recoded = pick(random, DEFAULT_SOURCES.filter((s) => s !== current));
      await step((at) => recordLeadSeen(db, snap({ source: recoded }), actor(at)), t);
    }
    const attempts = Math.floor(random() * 6);
    for (let a = 0; a < attempts; a += 1) {
      t += a === 0 ? Math.floor(random() * 2 * HOUR) : Math.floor(random() * 12 * HOUR);
      const channel = pick(random, CHANNELS);
      const outcome = pick(random, OUTCOMES);
      const script = random() < 0.3 ? { scriptId: 'intro', scriptVersion: 1 + Math.floor(random() * 3) } : {};
      if (!(await step((at) => logAttempt(db, key, { channel, outcome, ...script }, actor(at)), t))) break;
      if (random() < 0.08) {
        const events = await db.events.where('leadKey').equals(key).toArray();
        const last = events.filter((e) => e.type === 'attempt_logged').sort((x, y) => (x.id < y.id ? -1 : 1)).at(-1);
        if (last) {
          t += MINUTE;
          await step((at) => undoAttempt(db, key, last.id, actor(at)), t);
        }
      }
    }
    if (random() < 0.4) {
      t += Math.floor(random() * DAY);
      const status = pick(random, STATUSES_TO_SET);
      const lostReason = status === 'lost' ? pick(random, LOST_REASONS) : undefined;
      await step((at) => changeStatus(db, key, { status, ...(lostReason ? { lostReason } : {}) }, actor(at)), t);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// A rep's browser and its (killable) service worker

interface RepBrowser {
  key: string;
  memberId: string;
  dbName: string;
  /** What the extension keeps in storage.local: the connection as a structured clone. */
  storageLocal: { teamConnection: unknown };
  network: FaultyNetwork;
  jitter: () => number;
}

type SyncStateReader = (db: LeadpaceDb) => Promise<{ nextAttemptAt: number; retryAfterUntil: number }>;

interface Worker {
  db: LeadpaceDb;
  deps: SyncDeps;
  runSync: (deps: SyncDeps) => Promise<SyncOutcome>;
  readSyncState: SyncStateReader;
}

/**
 * A (re)started worker: a fresh module graph (no in-memory state of the old one survives,
 * not even the hash module's key cache), the database reopened by name, and the connection
 * read back from storage through the extension's own zod parse.
 */
async function startWorker(rep: RepBrowser): Promise<Worker> {
  vi.resetModules();
  const client = await import('@/lib/sync/client');
  const schema = await import('@/lib/db/schema');
  const syncWrites = await import('@/lib/db/sync-writes');
  const { parseConnection } = await import('@/lib/sync/connection');
  const db = schema.openLeadpaceDb(rep.dbName);
  const deps: SyncDeps = {
    db,
    fetch: rep.network.fetch,
    now: () => clock.now,
    random: rep.jitter,
    connection: () => Promise.resolve(parseConnection(structuredClone(rep.storageLocal.teamConnection))),
    repId: () => Promise.resolve(`local-${rep.key}`),
    timeoutMs: TIMEOUT_MS,
    batchSize: BATCH_SIZE,
  };
  return { db, deps, runSync: client.runSync, readSyncState: syncWrites.readSyncState };
}

interface RepLog {
  runs: number;
  restarts: number;
  retrying: number;
  waiting: number;
  ok: number;
}

/**
 * What the worker's alarms would do: run, and after a failure wait until the persisted
 * backoff time before the next run. The worker dies once (mid-push) and is restarted.
 */
async function syncUntilDone(rep: RepBrowser): Promise<RepLog> {
  const log: RepLog = { runs: 0, restarts: 0, retrying: 0, waiting: 0, ok: 0 };
  let worker = await startWorker(rep);
  let alive = true;
  const died = rep.network.killed.then(() => 'killed' as const);
  for (; log.runs < MAX_RUNS_PER_REP; log.runs += 1) {
    const callsBefore = rep.network.stats.calls;
    const run = worker.runSync(worker.deps);
    const outcome = alive ? await Promise.race([run, died]) : await run;
    if (outcome === 'killed') {
      // The worker is gone mid-run; its pending fetch never settles, so nothing after it runs.
      // The browser closes its database connection; the next start sees only what persisted.
      alive = false;
      worker.db.close();
      log.restarts += 1;
      worker = await startWorker(rep);
      continue;
    }
    switch (outcome.status) {
      case 'ok':
        log.ok += 1;
        if (!outcome.more && (await worker.db.events.where('sync').equals('pending').count()) === 0) {
          worker.db.close();
          return log;
        }
        continue;
      case 'retrying': {
        // No sleeping and no advancing here: the next run (an alarm, a write) must find the
        // backoff in Dexie and wait by itself.
        log.retrying += 1;
        const state = await worker.readSyncState(worker.db);
        expect(state.nextAttemptAt).toBe(outcome.nextAttemptAt);
        continue;
      }
      case 'waiting':
        // The backoff held: no request went out. The retry alarm fires at the persisted time.
        log.waiting += 1;
        expect(rep.network.stats.calls).toBe(callsBefore);
        expect(outcome.nextAttemptAt).toBe((await worker.readSyncState(worker.db)).nextAttemptAt);
        advanceTo(outcome.nextAttemptAt);
        continue;
      default:
        throw new Error(`rep ${rep.key}: unexpected sync outcome ${JSON.stringify(outcome)}`);
    }
  }
  throw new Error(`rep ${rep.key}: still not synced after ${MAX_RUNS_PER_REP} runs`);
}

// ---------------------------------------------------------------------------------------------

describe('sync under faults (real client, real server)', () => {
  it(
    '10,000 events from 3 reps, 30% failed requests, a worker killed mid-push: stored exactly once, board equals local numbers',
    async () => {
      const started = performance.now();
      const reps: RepBrowser[] = [];
      for (const [i, key] of ['r0', 'r1', 'r2'].entries()) {
        const member = team.members[key];
        if (!member) throw new Error(`no member ${key}`);
        const dbName = 'fault-' + crypto.randomUUID();
        dbNames.push(dbName);
        const connection = await connect({ fetch: appFetch, now: () => clock.now }, { serverUrl: SERVER_URL, secret: `${member.token}#${team.teamKey}` });
        const killOnPush = KILL_ON_PUSH[i] ?? 5;
        reps.push({
          key,
          memberId: member.memberId,
          dbName,
          storageLocal: { teamConnection: structuredClone(connection) },
          network: faultyNetwork(appFetch, seededRandom(1000 + i), FAILURE_RATE, killOnPush),
          jitter: seededRandom(2000 + i),
        });
      }

      // The reps' pages write their history (sync starts only afterwards, so the numbers are final).
      const targets = [3334, 3333, 3333];
      await Promise.all(
        reps.map(async (rep, i) => {
          const db = openLeadpaceDb(rep.dbName);
          await fillRep(db, rep.key, seededRandom(100 + i), targets[i] ?? 0);
          db.close();
        }),
      );
      const filled = performance.now();

      const logs = await Promise.all(reps.map((rep) => syncUntilDone(rep)));
      const synced = performance.now();

      // Every fault kind happened, at about the configured rate, and the kill happened.
      const stats = reps.map((r) => r.network.stats);
      const sum = (f: (s: FaultStats) => number) => stats.reduce((n, s) => n + f(s), 0);
      const failed = sum((s) => s.http500 + s.timeoutLost + s.timeoutAfterCommit + s.droppedAfterCommit);
      expect(sum((s) => s.http500)).toBeGreaterThan(0);
      expect(sum((s) => s.timeoutLost)).toBeGreaterThan(0);
      expect(sum((s) => s.timeoutAfterCommit)).toBeGreaterThan(0);
      expect(sum((s) => s.droppedAfterCommit)).toBeGreaterThan(0);
      expect(failed / sum((s) => s.calls)).toBeGreaterThan(0.2);
      expect(failed / sum((s) => s.calls)).toBeLessThan(0.4);
      // Batches the server had committed were sent again and answered as duplicates.
      expect(sum((s) => s.duplicatesAnswered)).toBeGreaterThan(0);
      for (const log of logs) {
        expect(log.restarts).toBe(1);
        expect(log.retrying).toBeGreaterThan(0);
        expect(log.waiting).toBeGreaterThan(0);
      }

      // Each browser: every event sent, nothing pending or quarantined, nothing restored twice.
      const localEvents = new Map<string, LeadEvent[]>();
      for (const rep of reps) {
        const db = openLeadpaceDb(rep.dbName);
        const events = await db.events.toArray();
        expect(events.filter((e) => e.sync === 'pending')).toEqual([]);
        expect(events.filter((e) => e.sync === 'rejected')).toEqual([]);
        // The pull brought back only own events this browser already has.
        expect(await db.restoredEvents.count()).toBe(0);
        localEvents.set(rep.memberId, events);
        db.close();
      }
      const allLocal = [...localEvents.values()].flat();
      expect(allLocal).toHaveLength(TOTAL);

      // The server: every event exactly once, each under the rep who wrote it.
      const stored = await storedEventIds(server.db, team.teamId);
      expect(stored).toHaveLength(TOTAL);
      expect(new Set(stored).size).toBe(TOTAL);
      expect(new Set(stored)).toEqual(new Set(allLocal.map((e) => e.id)));
      for (const rep of reps) {
        const rows = await server.db.kysely.selectFrom('events').select('id').where('member_id', '=', rep.memberId).execute();
        expect(new Set(rows.map((r) => r.id))).toEqual(new Set((localEvents.get(rep.memberId) ?? []).map((e) => e.id)));
      }

      // The leaderboard a lead reads (through the extension's own refresh) equals ownStats().
      const lead = team.members.lead;
      if (!lead) throw new Error('no lead');
      const leadConnection: TeamConnection = await connect({ fetch: appFetch, now: () => clock.now }, { serverUrl: SERVER_URL, secret: `${lead.token}#${team.teamKey}` });
      const leadDb = openLeadpaceDb('fault-lead-' + crypto.randomUUID());
      dbNames.push(leadDb.name);
      const hours = leadConnection.me.openingHours;
      for (const period of ['month', 'last-month'] satisfies LeaderboardPeriod[]) {
        expect(await refreshLeaderboard({ db: leadDb, fetch: appFetch, now: () => clock.now }, leadConnection, period)).toBe('fresh');
        const board = (await leadDb.teamCache.get(period))?.data;
        if (!board) throw new Error(`no ${period} board cached`);
        const window = { from: board.from, to: board.to, hours };
        for (const rep of reps) {
          const row = board.rows.find((r) => r.memberId === rep.memberId);
          expect(row, `${period} row of ${rep.key}`).toBeDefined();
          expect(leaderboardStatsSchema.parse(row), `${period} numbers of ${rep.key}`).toEqual(ownStats({ events: localEvents.get(rep.memberId) ?? [], ...window }));
        }
        expect(board.team, `${period} team numbers`).toEqual(ownStats({ events: allLocal, ...window }));
        // The comparison discriminates: the three reps' numbers differ from each other.
        expect(new Set(board.rows.filter((r) => r.leads > 0).map((r) => JSON.stringify(leaderboardStatsSchema.parse(r)))).size).toBe(3);
      }
      const month = (await leadDb.teamCache.get('month'))?.data;
      expect(month?.team.leads).toBeGreaterThan(1000);
      expect(month?.from).toBe(ams(3, 1));
      leadDb.close();

      console.info(
        `fault test: fill ${Math.round(filled - started)} ms, sync ${Math.round(synced - filled)} ms; ` +
          `${sum((s) => s.calls)} requests, ${failed} failed (500 ${sum((s) => s.http500)}, timeout ${sum((s) => s.timeoutLost)}, ` +
          `timeout after commit ${sum((s) => s.timeoutAfterCommit)}, dropped after commit ${sum((s) => s.droppedAfterCommit)}), ` +
          `${sum((s) => s.duplicatesAnswered)} duplicates answered; runs ${logs.map((l) => l.runs).join('/')}; ` +
          `clock advanced ${Math.round((clock.now - NOW) / MINUTE)} min`,
      );
    },
    120_000,
  );
});
