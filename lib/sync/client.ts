import type { LeadpaceDb, StoredEvent } from '../db/schema';
import {
  pendingBatch,
  putLeaderboard,
  readSyncState,
  settleBatch,
  touchLeaderboard,
  updateSyncState,
} from '../db/sync-writes';
import type { TeamConnection } from './connection';
import { hashLeadKeys } from './hash';
import { encryptLeadRef } from './team-key';
import { bearer, requestJson, TeamApiError, type FetchLike, type RequestOptions } from './http';
import { adoptKnownLeads, pullOwnEvents } from './restore';
import { NotSyncableError, toWireEvent } from './to-wire';
import {
  leaderboardResponseSchema,
  MAX_EVENTS_PER_PUSH,
  pushResponseSchema,
  type LeaderboardPeriod,
  type PushResponse,
  type WireEvent,
} from './wire';

/** Runs `run` while holding the one sync lock of this extension (all its pages and worker). */
export type RunExclusive = <T>(run: () => Promise<T>) => Promise<T>;

export const SYNC_LOCK = 'leadpace-sync';

/**
 * `navigator.locks` serialises runs across the worker and every extension page, so a "sync
 * now" click and an alarm never push the same batch twice at once.
 */
export const navigatorLock: RunExclusive = (run) => {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return run();
  return new Promise((resolve, reject) => {
    locks.request(SYNC_LOCK, () => run().then(resolve, reject)).catch(reject);
  });
};

export interface SyncDeps {
  db: LeadpaceDb;
  fetch: FetchLike;
  now: () => number;
  /** [0, 1): the jitter. */
  random: () => number;
  connection: () => Promise<TeamConnection | null>;
  /** The local rep id given to events adopted from the server. */
  repId: () => Promise<string>;
  lock?: RunExclusive;
  timeoutMs?: number;
  batchSize?: number;
  /** Backoff: the first retry waits up to this long, doubling per failure up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Batches per run: a run stays short enough for a worker that may be stopped. */
  maxBatches?: number;
  maxPullPages?: number;
}

export const DEFAULT_BASE_DELAY_MS = 15_000;
export const DEFAULT_MAX_DELAY_MS = 60 * 60_000;

export type SyncOutcome =
  | { status: 'disconnected' }
  | { status: 'waiting'; nextAttemptAt: number }
  | { status: 'ok'; sent: number; duplicates: number; rejected: number; pulled: number; adopted: number; more: boolean }
  | { status: 'retrying'; error: string; nextAttemptAt: number }
  | { status: 'blocked'; error: string; nextAttemptAt: number };

/**
 * Full jitter (a uniform wait in [0, cap]) spreads the retries of every rep of a dealership
 * that lost the server at the same moment; the cap doubles per consecutive failure.
 */
export function backoffDelay(attempt: number, random: () => number, baseMs = DEFAULT_BASE_DELAY_MS, maxMs = DEFAULT_MAX_DELAY_MS): number {
  const cap = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.floor(random() * cap);
}

const options = (deps: SyncDeps): RequestOptions => ({ fetch: deps.fetch, now: deps.now, timeoutMs: deps.timeoutMs });

/** Codes that say "this batch is wrong", as opposed to "you are not allowed" (token, role). */
const BATCH_ERRORS = new Set(['invalid_json', 'invalid_body', 'empty_batch', 'body_too_large', 'too_many_events', 'all_rejected']);

async function postBatch(deps: SyncDeps, connection: TeamConnection, events: readonly WireEvent[]): Promise<PushResponse> {
  const init: RequestInit = {
    method: 'POST',
    headers: { ...bearer(connection.token), 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  };
  try {
    const { body } = await requestJson(options(deps), `${connection.serverUrl}/v1/events`, init, pushResponseSchema);
    if (!body) throw new TeamApiError('bad_response', 'empty answer to a push', 304, true);
    return body;
  } catch (error) {
    // 422 all_rejected carries the same verdict as a 200: every event with its reason.
    if (error instanceof TeamApiError && error.status === 422) {
      const verdict = pushResponseSchema.safeParse(error.body);
      if (verdict.success) return verdict.data;
    }
    throw error;
  }
}

interface PushTotals {
  sent: number;
  duplicates: number;
  rejected: number;
  more: boolean;
}

/**
 * The sealed lead key for the events a manager may want to open the lead from: the first
 * sighting and status changes (a close too early is one). Other events go without, which keeps
 * the stored rows small; one reference per lead per batch is enough.
 */
const carriesRef = (event: StoredEvent): boolean => event.type === 'lead_seen' || event.type === 'status_changed';

async function leadRefs(teamKey: string, batch: readonly StoredEvent[]): Promise<Map<string, string>> {
  const keys = new Set(batch.filter(carriesRef).map((e) => e.leadKey));
  const refs = new Map<string, string>();
  for (const key of keys) {
    const ref = await encryptLeadRef(teamKey, key);
    if (ref) refs.set(key, ref);
  }
  return refs;
}

/** Pushes pending events in batches until none are left (or the run's batch budget is spent). */
export async function pushPending(deps: SyncDeps, connection: TeamConnection): Promise<PushTotals> {
  const totals: PushTotals = { sent: 0, duplicates: 0, rejected: 0, more: false };
  let size = Math.min(deps.batchSize ?? MAX_EVENTS_PER_PUSH, MAX_EVENTS_PER_PUSH);
  const maxBatches = deps.maxBatches ?? 40;
  for (let made = 0; ; made += 1) {
    if (made >= maxBatches) {
      totals.more = true;
      break;
    }
    const batch = await pendingBatch(deps.db, size);
    if (batch.length === 0) break;
    const hashes = await hashLeadKeys(connection.teamKey, batch.map((e) => e.leadKey));
    const refs = await leadRefs(connection.teamKey, batch);
    const wire: WireEvent[] = [];
    const rejected: { id: string; reason: string }[] = [];
    for (const event of batch) {
      try {
        wire.push(toWireEvent(event, hashes.get(event.leadKey) ?? '', carriesRef(event) ? refs.get(event.leadKey) : undefined));
      } catch (error) {
        if (!(error instanceof NotSyncableError)) throw error;
        rejected.push({ id: event.id, reason: error.message });
      }
    }
    if (wire.length === 0) {
      await settleBatch(deps.db, [], rejected);
      totals.rejected += rejected.length;
      continue;
    }
    let verdict: PushResponse;
    try {
      verdict = await postBatch(deps, connection, wire);
    } catch (error) {
      if (!(error instanceof TeamApiError) || error.retryable || error.status === null || !BATCH_ERRORS.has(error.code)) throw error;
      if ((error.code === 'body_too_large' || error.code === 'too_many_events') && wire.length > 1) {
        // The events are fine; only the request was too big. Split rather than quarantine.
        size = Math.ceil(wire.length / 2);
        made -= 1;
        continue;
      }
      // The server refused the batch as a whole: quarantine it with the server's reason so it
      // is shown and never retried forever.
      const reason = `${error.code}: ${error.message}`;
      await settleBatch(deps.db, [], [...rejected, ...wire.map((e) => ({ id: e.id, reason }))]);
      totals.rejected += rejected.length + wire.length;
      continue;
    }
    const refused = new Map<string, string>();
    for (const r of verdict.rejected) if (r.id !== null) refused.set(r.id, r.reason);
    const sentIds = wire.filter((e) => !refused.has(e.id)).map((e) => e.id);
    const serverRejected = wire.filter((e) => refused.has(e.id)).map((e) => ({ id: e.id, reason: refused.get(e.id) ?? '' }));
    await settleBatch(deps.db, sentIds, [...rejected, ...serverRejected]);
    totals.sent += verdict.accepted;
    totals.duplicates += verdict.duplicates;
    totals.rejected += rejected.length + serverRejected.length;
  }
  return totals;
}

/**
 * One sync run: push the outbox, pull the rep's own events back (restore), and let reopened
 * leads adopt their restored history. Serialised by the lock; the backoff state lives in
 * Dexie, so a worker stopped mid-run resumes with the same schedule.
 */
export async function runSync(deps: SyncDeps, { force = false }: { force?: boolean } = {}): Promise<SyncOutcome> {
  const lock = deps.lock ?? navigatorLock;
  return lock(async () => {
    const connection = await deps.connection();
    if (!connection) return { status: 'disconnected' as const };
    const state = await readSyncState(deps.db);
    const started = deps.now();
    // "Sync now" skips our own backoff but never a wait the server asked for.
    const notBefore = force ? state.retryAfterUntil : Math.max(state.nextAttemptAt, state.retryAfterUntil);
    if (notBefore > started) return { status: 'waiting' as const, nextAttemptAt: notBefore };
    await updateSyncState(deps.db, { lastRunAt: started });
    try {
      // A lead token reads the team; only reps push and have own events to pull.
      const pushed = connection.me.role === 'rep' ? await pushPending(deps, connection) : { sent: 0, duplicates: 0, rejected: 0, more: false };
      const pulled = connection.me.role === 'rep' ? await pullOwnEvents(deps, connection) : 0;
      const adopted = await adoptKnownLeads(deps, connection);
      await updateSyncState(deps.db, { attempt: 0, nextAttemptAt: 0, retryAfterUntil: 0, lastSuccessAt: deps.now(), lastError: null });
      return { status: 'ok' as const, ...pushed, pulled, adopted };
    } catch (error) {
      if (!(error instanceof TeamApiError)) {
        await updateSyncState(deps.db, { lastError: error instanceof Error ? error.message : String(error) });
        throw error;
      }
      const attempt = state.attempt + 1;
      const at = deps.now();
      const wait = Math.max(backoffDelay(attempt, deps.random, deps.baseDelayMs, deps.maxDelayMs), error.retryAfterMs);
      const message = `${error.code}: ${error.message}`;
      await updateSyncState(deps.db, {
        attempt,
        nextAttemptAt: at + wait,
        retryAfterUntil: error.retryAfterMs > 0 ? at + error.retryAfterMs : 0,
        lastError: message,
      });
      return { status: error.retryable ? ('retrying' as const) : ('blocked' as const), error: message, nextAttemptAt: at + wait };
    }
  });
}

export type LeaderboardRefresh = 'fresh' | 'not-modified';

/** Fetches one period's leaderboard (ETag-aware) into the cache the popup shows. */
export async function refreshLeaderboard(
  deps: Pick<SyncDeps, 'db' | 'fetch' | 'now' | 'timeoutMs'>,
  connection: TeamConnection,
  period: LeaderboardPeriod,
): Promise<LeaderboardRefresh> {
  const cached = await deps.db.teamCache.get(period);
  const mine = cached && cached.memberId === connection.me.memberId && cached.teamId === connection.me.teamId ? cached : undefined;
  const headers: Record<string, string> = { ...bearer(connection.token) };
  if (mine?.etag) headers['if-none-match'] = mine.etag;
  const { status, body, headers: answer } = await requestJson(
    { fetch: deps.fetch, now: deps.now, timeoutMs: deps.timeoutMs },
    `${connection.serverUrl}/v1/leaderboard?period=${period}`,
    { method: 'GET', headers },
    leaderboardResponseSchema,
  );
  const fetchedAt = deps.now();
  if (status === 304 && mine) {
    await touchLeaderboard(deps.db, period, fetchedAt);
    return 'not-modified';
  }
  if (!body) throw new TeamApiError('bad_response', 'the server sent no leaderboard', status, true);
  await putLeaderboard(deps.db, {
    period,
    memberId: connection.me.memberId,
    teamId: connection.me.teamId,
    fetchedAt,
    etag: answer.get('etag'),
    data: body,
  });
  return 'fresh';
}
