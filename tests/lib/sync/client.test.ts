import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { readSyncState } from '@/lib/db/sync-writes';
import { backoffDelay, refreshLeaderboard, runSync, type RunExclusive, type SyncDeps } from '@/lib/sync/client';
import type { FetchLike } from '@/lib/sync/http';
import { pushRequestSchema, wireEventSchema, type LeaderboardResponse, type WireEvent } from '@/lib/sync/wire';
import { connection, json, pendingEvents, SERVER, syncCounts } from './fixtures';

const NOW = Date.UTC(2026, 2, 18, 10);
const BASE = 1_000;
const MAX = 60_000;

interface Call {
  method: string;
  url: string;
  events: WireEvent[];
  headers: Headers;
}

let db: LeadpaceDb;
let calls: Call[];
let clock: { now: number };

beforeEach(() => {
  db = openLeadpaceDb('sync-' + crypto.randomUUID());
  calls = [];
  clock = { now: NOW };
});
afterEach(async () => {
  db.close();
  await db.delete();
});

type Handler = (call: Call, init: RequestInit) => Response | Promise<Response>;

/** A fake server: records every request, answers pulls with an empty page unless told otherwise. */
function fakeFetch(onPush: Handler, onPull: Handler = () => json(200, { events: [], next: null })): FetchLike {
  return async (url, init) => {
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const events = body === undefined ? [] : pushRequestSchema.parse(body).events;
    const call: Call = { method, url, events, headers: new Headers(init.headers) };
    calls.push(call);
    return method === 'POST' ? onPush(call, init) : onPull(call, init);
  };
}

const acceptAll: Handler = (call) => json(200, { accepted: call.events.length, duplicates: 0, rejected: [] });

function deps(fetch: FetchLike, overrides: Partial<SyncDeps> = {}): SyncDeps {
  return {
    db,
    fetch,
    now: () => clock.now,
    random: () => 0.5,
    connection: () => Promise.resolve(connection()),
    repId: () => Promise.resolve('rep-local'),
    baseDelayMs: BASE,
    maxDelayMs: MAX,
    ...overrides,
  };
}

const pushes = () => calls.filter((c) => c.method === 'POST');

describe('push: batches', () => {
  it('sends 1,203 pending events in batches of ≤ 500, oldest first, and marks them sent', async () => {
    const events = pendingEvents(1203);
    await db.events.bulkAdd(events);
    const outcome = await runSync(deps(fakeFetch(acceptAll)));
    expect(outcome).toMatchObject({ status: 'ok', sent: 1203, duplicates: 0, rejected: 0 });
    expect(pushes().map((c) => c.events.length)).toEqual([500, 500, 203]);
    expect(pushes()[0]?.events[0]?.id).toBe(events[0]?.id);
    expect(pushes()[0]?.headers.get('authorization')).toBe('Bearer lp_testtoken123');
    expect(pushes()[0]?.url).toBe(`${SERVER}/v1/events`);
    for (const e of pushes().flatMap((c) => c.events)) expect(wireEventSchema.safeParse(e).success).toBe(true);
    expect(await syncCounts(db)).toEqual({ pending: 0, sent: 1203, rejected: 0 });
    const state = await readSyncState(db);
    expect(state).toMatchObject({ attempt: 0, nextAttemptAt: 0, lastSuccessAt: NOW, lastError: null });
  });

  it('never sends the lead key, rep id or CRM record id', async () => {
    await db.events.bulkAdd(pendingEvents(6));
    await runSync(deps(fakeFetch(acceptAll)));
    const body = JSON.stringify(pushes().flatMap((c) => c.events));
    for (const secret of ['demo:L-', 'rep-local', 'L-0', 'L-1', 'leadKey', 'repId']) expect(body).not.toContain(secret);
  });

  it('counts duplicates as sent (a retried batch that did arrive)', async () => {
    await db.events.bulkAdd(pendingEvents(10));
    const outcome = await runSync(deps(fakeFetch(() => json(200, { accepted: 4, duplicates: 6, rejected: [] }))));
    expect(outcome).toMatchObject({ status: 'ok', sent: 4, duplicates: 6 });
    expect(await syncCounts(db)).toEqual({ pending: 0, sent: 10, rejected: 0 });
  });

  it('does nothing without a connection', async () => {
    await db.events.bulkAdd(pendingEvents(3));
    const outcome = await runSync(deps(fakeFetch(acceptAll), { connection: () => Promise.resolve(null) }));
    expect(outcome).toEqual({ status: 'disconnected' });
    expect(calls).toHaveLength(0);
  });

  it('a lead token pushes nothing (the server would refuse it)', async () => {
    await db.events.bulkAdd(pendingEvents(3));
    const outcome = await runSync(deps(fakeFetch(acceptAll), { connection: () => Promise.resolve(connection({ role: 'manager' })) }));
    expect(outcome).toMatchObject({ status: 'ok', sent: 0 });
    expect(calls).toHaveLength(0);
    expect(await syncCounts(db)).toMatchObject({ pending: 3 });
  });

  it('stops after its batch budget and says there is more', async () => {
    await db.events.bulkAdd(pendingEvents(30));
    const outcome = await runSync(deps(fakeFetch(acceptAll), { batchSize: 10, maxBatches: 2 }));
    expect(outcome).toMatchObject({ status: 'ok', sent: 20, more: true });
    expect(await syncCounts(db)).toMatchObject({ pending: 10, sent: 20 });
  });
});

describe('push: rejections are quarantined, never retried', () => {
  it('marks the rejected events with the server reason and the rest sent', async () => {
    const events = pendingEvents(5);
    await db.events.bulkAdd(events);
    const bad = events[2]?.id ?? '';
    const reason = 'too_old: at is older than the retention window';
    await runSync(deps(fakeFetch(() => json(200, { accepted: 4, duplicates: 0, rejected: [{ id: bad, reason }] }))));
    expect(await syncCounts(db)).toEqual({ pending: 0, sent: 4, rejected: 1 });
    expect(await db.events.get(bad)).toMatchObject({ sync: 'rejected', syncError: reason });
    // A second run has nothing to send: the quarantined event is not retried.
    await runSync(deps(fakeFetch(acceptAll)));
    expect(pushes()).toHaveLength(1);
  });

  it('422 all_rejected quarantines every event with its reason', async () => {
    const events = pendingEvents(3);
    await db.events.bulkAdd(events);
    const rejected = events.map((e) => ({ id: e.id, reason: 'in_future: more than 24 h ahead' }));
    const outcome = await runSync(
      deps(fakeFetch(() => json(422, { error: 'all_rejected', message: 'Nothing usable.', accepted: 0, duplicates: 0, rejected }))),
    );
    expect(outcome).toMatchObject({ status: 'ok', rejected: 3 });
    expect(await syncCounts(db)).toEqual({ pending: 0, sent: 0, rejected: 3 });
    expect((await db.events.toArray()).every((e) => e.syncError === 'in_future: more than 24 h ahead')).toBe(true);
  });

  it('a 400 for the whole batch quarantines that batch with the reason, not the next one', async () => {
    await db.events.bulkAdd(pendingEvents(4));
    let n = 0;
    const outcome = await runSync(
      deps(
        fakeFetch((call) => (++n === 1 ? json(400, { error: 'invalid_body', message: 'events: expected array' }) : acceptAll(call, {}))),
        { batchSize: 2 },
      ),
    );
    expect(outcome).toMatchObject({ status: 'ok', rejected: 2, sent: 2 });
    const rejected = await db.events.where('sync').equals('rejected').toArray();
    expect(rejected.map((e) => e.syncError)).toEqual(['invalid_body: events: expected array', 'invalid_body: events: expected array']);
  });

  it('413 splits the batch instead of quarantining good events', async () => {
    await db.events.bulkAdd(pendingEvents(8));
    await runSync(deps(fakeFetch((call) => (call.events.length > 2 ? json(413, { error: 'body_too_large', message: 'too big' }) : acceptAll(call, {})))));
    expect(pushes().map((c) => c.events.length)).toEqual([8, 4, 2, 2, 2, 2]);
    expect(await syncCounts(db)).toEqual({ pending: 0, sent: 8, rejected: 0 });
  });

  it('quarantines locally, without a request, an event that would leak a customer field', async () => {
    const [event] = pendingEvents(1);
    if (!event) throw new Error('fixture');
    await db.events.add({ ...event, ...{ name: 'Jan Jansen' } });
    await runSync(deps(fakeFetch(acceptAll)));
    expect(pushes()).toHaveLength(0);
    expect((await db.events.get(event.id))?.syncError).toMatch(/^local: .*name/);
  });

  it('401 keeps the events pending and backs off (not the events’ fault)', async () => {
    await db.events.bulkAdd(pendingEvents(3));
    const outcome = await runSync(deps(fakeFetch(() => json(401, { error: 'invalid_token', message: 'Unknown token.' }))));
    expect(outcome).toMatchObject({ status: 'blocked', error: 'invalid_token: Unknown token.' });
    expect(await syncCounts(db)).toMatchObject({ pending: 3, rejected: 0 });
    expect((await readSyncState(db)).attempt).toBe(1);
  });
});

describe('backoff: exponential, full jitter, persisted', () => {
  it('backoffDelay draws uniformly below a doubling cap', () => {
    expect(backoffDelay(1, () => 0.999, 1000, 60_000)).toBe(999);
    expect(backoffDelay(2, () => 0.999, 1000, 60_000)).toBe(1998);
    expect(backoffDelay(4, () => 0.5, 1000, 60_000)).toBe(4000);
    expect(backoffDelay(20, () => 0.999, 1000, 60_000)).toBe(59_940);
    expect(backoffDelay(3, () => 0, 1000, 60_000)).toBe(0);
  });

  it.each([
    ['a 500', () => json(500, { error: 'internal', message: 'Internal server error.' }), 'internal'],
    ['a 503 with an HTML page', () => new Response('<html>down</html>', { status: 503 }), 'http_503'],
    ['a 408', () => json(408, { error: 'timeout', message: 'Request timeout.' }), 'timeout'],
    ['a network error', () => Promise.reject(new TypeError('Failed to fetch')), 'network'],
  ])('%s: retried later, the schedule survives a worker restart', async (_name, answer, code) => {
    await db.events.bulkAdd(pendingEvents(3));
    const randoms = [0.5, 0.75, 0.25];
    let r = 0;
    const failing = fakeFetch(answer as Handler);
    const random = () => randoms[r++ % randoms.length] ?? 0;
    const first = await runSync(deps(failing, { random }));
    expect(first).toMatchObject({ status: 'retrying', nextAttemptAt: NOW + 500 });
    expect((first as { error: string }).error.startsWith(code)).toBe(true);
    // The "restarted worker" reads the persisted state: attempt 1, next try at now + 500 ms.
    expect(await readSyncState(db)).toMatchObject({ attempt: 1, nextAttemptAt: NOW + 500 });
    expect(await runSync(deps(failing, { random }))).toEqual({ status: 'waiting', nextAttemptAt: NOW + 500 });
    expect(pushes()).toHaveLength(1);

    clock.now = NOW + 500;
    const second = await runSync(deps(failing, { random }));
    // Attempt 2: cap 2 × base, jitter 0.75.
    expect(second).toMatchObject({ status: 'retrying', nextAttemptAt: NOW + 500 + 1500 });
    expect((await readSyncState(db)).attempt).toBe(2);

    clock.now = NOW + 2000;
    const third = await runSync(deps(fakeFetch(acceptAll), { random }));
    expect(third).toMatchObject({ status: 'ok', sent: 3 });
    expect(await readSyncState(db)).toMatchObject({ attempt: 0, nextAttemptAt: 0, lastError: null, lastSuccessAt: NOW + 2000 });
    expect(await syncCounts(db)).toMatchObject({ pending: 0, sent: 3 });
  });

  it('honours Retry-After (seconds), even for "sync now"', async () => {
    await db.events.bulkAdd(pendingEvents(3));
    const limited = fakeFetch(() => json(429, { error: 'rate_limited', message: 'Slow down.' }, { 'retry-after': '120' }));
    const outcome = await runSync(deps(limited, { random: () => 0 }));
    expect(outcome).toMatchObject({ status: 'retrying', nextAttemptAt: NOW + 120_000 });
    expect(await readSyncState(db)).toMatchObject({ retryAfterUntil: NOW + 120_000 });
    clock.now = NOW + 60_000;
    expect(await runSync(deps(limited), { force: true })).toEqual({ status: 'waiting', nextAttemptAt: NOW + 120_000 });
    expect(pushes()).toHaveLength(1);
    clock.now = NOW + 120_000;
    expect(await runSync(deps(fakeFetch(acceptAll)))).toMatchObject({ status: 'ok', sent: 3 });
  });

  it('honours Retry-After as an HTTP date', async () => {
    await db.events.bulkAdd(pendingEvents(1));
    const date = new Date(NOW + 90_000).toUTCString();
    const outcome = await runSync(deps(fakeFetch(() => json(503, { error: 'unavailable', message: 'x' }, { 'retry-after': date })), { random: () => 0 }));
    expect(outcome).toMatchObject({ status: 'retrying', nextAttemptAt: NOW + 90_000 });
  });

  it('"sync now" skips our own backoff', async () => {
    await db.events.bulkAdd(pendingEvents(3));
    await runSync(deps(fakeFetch(() => json(500, { error: 'internal', message: 'x' }))));
    expect(await runSync(deps(fakeFetch(acceptAll)))).toMatchObject({ status: 'waiting' });
    expect(await runSync(deps(fakeFetch(acceptAll)), { force: true })).toMatchObject({ status: 'ok', sent: 3 });
  });

  it('times out a fetch that never answers (AbortController) and retries later', async () => {
    await db.events.bulkAdd(pendingEvents(3));
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const started = Date.now();
    const outcome = await runSync(deps(hanging, { timeoutMs: 50 }));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(outcome).toMatchObject({ status: 'retrying', error: expect.stringMatching(/^timeout: /) as unknown });
    expect(await syncCounts(db)).toMatchObject({ pending: 3 });
  });

  it('gives every fetch an abort signal (the 20 s cap applies to any asked timeout)', async () => {
    await db.events.bulkAdd(pendingEvents(1));
    let signal: AbortSignal | undefined;
    const capture: FetchLike = (_url, init) => {
      signal = init.signal ?? undefined;
      return Promise.resolve(acceptAll({ method: 'POST', url: '', events: [], headers: new Headers() }, init));
    };
    await runSync(deps(capture, { timeoutMs: 10 * 60_000 }));
    expect(signal).toBeDefined();
  });
});

describe('serialised runs', () => {
  it('two runs under one lock never push the same batch twice', async () => {
    await db.events.bulkAdd(pendingEvents(6));
    let tail = Promise.resolve();
    const lock: RunExclusive = (run) => {
      const result = tail.then(run);
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    };
    const slow: FetchLike = fakeFetch(async (call) => {
      await new Promise((r) => setTimeout(r, 20));
      return acceptAll(call, {});
    });
    const [a, b] = await Promise.all([runSync(deps(slow, { lock })), runSync(deps(slow, { lock }))]);
    expect(a).toMatchObject({ status: 'ok', sent: 6 });
    expect(b).toMatchObject({ status: 'ok', sent: 0 });
    expect(pushes()).toHaveLength(1);
  });
});

describe('leaderboard cache', () => {
  const board: LeaderboardResponse = {
    period: 'month',
    from: 0,
    to: 1,
    timeZone: 'Europe/Amsterdam',
    visibility: 'named',
    slaMs: 300_000,
    team: { leads: 1, firstAttempts: 1, medianResponseMs: 60_000, p90ResponseMs: 60_000, withinSlaShare: 1, attemptsPerLead: 2, contactRate: 0, appointmentRate: 0, closedTooEarly: 0, sold: 0, conversion: 0, excluded: 0, backlog: 0, properlyWorked: 0 },
    rows: [],
  };

  it('stores the answer with its ETag, then sends If-None-Match and keeps the snapshot on 304', async () => {
    const seen: (string | null)[] = [];
    const fetch: FetchLike = (_url, init) => {
      const tag = new Headers(init.headers).get('if-none-match');
      seen.push(tag);
      return Promise.resolve(tag === '"v1"' ? new Response(null, { status: 304 }) : json(200, board, { etag: '"v1"' }));
    };
    const d = { db, fetch, now: () => clock.now };
    expect(await refreshLeaderboard(d, connection(), 'month')).toBe('fresh');
    clock.now += 60_000;
    expect(await refreshLeaderboard(d, connection(), 'month')).toBe('not-modified');
    expect(seen).toEqual([null, '"v1"']);
    expect(await db.teamCache.get('month')).toMatchObject({ etag: '"v1"', fetchedAt: NOW + 60_000, memberId: 'm-1', data: board });
  });

  it('refuses an answer that does not match the schema', async () => {
    const fetch: FetchLike = () => Promise.resolve(json(200, { rows: 'nope' }));
    await expect(refreshLeaderboard({ db, fetch, now: () => clock.now }, connection(), 'week')).rejects.toThrow(/unexpected answer/);
    expect(await db.teamCache.get('week')).toBeUndefined();
  });
});
