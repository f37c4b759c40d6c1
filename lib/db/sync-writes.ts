import { leadEventSchema, type LeadEvent } from '../domain/events';
import { progressFromEvents, toLeadRecord } from '../domain/lead';
import type { WireEvent } from '../sync/wire';
import type { LeaderboardCacheRow, LeadpaceDb, RestoredEvent, StoredEvent, SyncStateRow } from './schema';

// The team sync's reads and writes. Each is its own short transaction: the caller fetches
// between them, never inside one (a transaction that awaits the network auto-commits early).

export const INITIAL_SYNC_STATE: SyncStateRow = {
  key: 'sync',
  attempt: 0,
  nextAttemptAt: 0,
  retryAfterUntil: 0,
  lastRunAt: null,
  lastSuccessAt: null,
  lastError: null,
  pullCursor: null,
  lastPullAt: null,
};

export async function readSyncState(db: LeadpaceDb): Promise<SyncStateRow> {
  return { ...INITIAL_SYNC_STATE, ...(await db.syncState.get('sync')) };
}

export async function updateSyncState(db: LeadpaceDb, patch: Partial<Omit<SyncStateRow, 'key'>>): Promise<SyncStateRow> {
  return db.transaction('rw', db.syncState, async () => {
    const next: SyncStateRow = { ...(await readSyncState(db)), ...patch, key: 'sync' };
    await db.syncState.put(next);
    return next;
  });
}

/** The oldest pending events (UUIDv7 ids sort by creation time within the `sync` index). */
export function pendingBatch(db: LeadpaceDb, limit: number): Promise<StoredEvent[]> {
  return db.events.where('sync').equals('pending').limit(limit).toArray();
}

export function countPending(db: LeadpaceDb): Promise<number> {
  return db.events.where('sync').equals('pending').count();
}

export function rejectedEvents(db: LeadpaceDb, limit = 50): Promise<StoredEvent[]> {
  return db.events.where('sync').equals('rejected').limit(limit).toArray();
}

export function countRejected(db: LeadpaceDb): Promise<number> {
  return db.events.where('sync').equals('rejected').count();
}

/**
 * Records the server's verdict on a batch in one transaction: rejected events are quarantined
 * with the reason (shown in options, never sent again), the rest are sent (accepted or
 * already there). Only events still pending change, so a verdict can never un-send one.
 */
export async function settleBatch(
  db: LeadpaceDb,
  sentIds: readonly string[],
  rejected: readonly { id: string; reason: string }[],
): Promise<void> {
  if (sentIds.length === 0 && rejected.length === 0) return;
  await db.transaction('rw', db.events, async () => {
    if (sentIds.length > 0) {
      await db.events
        .where(':id')
        .anyOf([...sentIds])
        .and((e) => e.sync === 'pending')
        .modify({ sync: 'sent' });
    }
    for (const r of rejected) {
      await db.events
        .where(':id')
        .equals(r.id)
        .and((e) => e.sync === 'pending')
        .modify({ sync: 'rejected', syncError: r.reason.slice(0, 500) });
    }
  });
}

export async function putLeaderboard(db: LeadpaceDb, row: LeaderboardCacheRow): Promise<void> {
  await db.teamCache.put(row);
}

export async function touchLeaderboard(db: LeadpaceDb, period: LeaderboardCacheRow['period'], fetchedAt: number): Promise<void> {
  await db.teamCache.update(period, { fetchedAt });
}

/** Forgets what belongs to the connection (cached leaderboards, backoff, cursor). */
export async function resetTeamData(db: LeadpaceDb): Promise<void> {
  await db.transaction('rw', db.teamCache, db.syncState, async () => {
    await db.teamCache.clear();
    await db.syncState.put(INITIAL_SYNC_STATE);
  });
}

/**
 * Keeps the pulled events this browser does not have yet (by id: its own pushes come back
 * too). Returns how many were new.
 */
export async function storeRestored(db: LeadpaceDb, events: readonly WireEvent[], teamId: string, pulledAt: number): Promise<number> {
  if (events.length === 0) return 0;
  return db.transaction('rw', db.events, db.restoredEvents, async () => {
    const ids = events.map((e) => e.id);
    const [local, known] = await Promise.all([db.events.bulkGet(ids), db.restoredEvents.bulkGet(ids)]);
    const fresh: RestoredEvent[] = [];
    events.forEach((event, i) => {
      if (local[i] || known[i]) return;
      fresh.push({ id: event.id, lead: event.lead, teamId, event, pulledAt });
    });
    if (fresh.length > 0) await db.restoredEvents.bulkPut(fresh);
    return fresh.length;
  });
}

/** The lead hashes some restored events are waiting for. */
export async function restoredLeadHashes(db: LeadpaceDb, teamId: string): Promise<Set<string>> {
  const hashes = new Set<string>();
  await db.restoredEvents.each((r) => {
    if (r.teamId === teamId) hashes.add(r.lead);
  });
  return hashes;
}

/** Rebuilds a local event from a wire event of the same rep, for a lead we know again. */
export function fromWireEvent(wire: WireEvent, leadKey: string, repId: string): LeadEvent {
  const colon = leadKey.indexOf(':');
  const base = { id: wire.id, v: wire.v, leadKey, at: wire.at, repId };
  switch (wire.type) {
    case 'lead_seen':
      return leadEventSchema.parse({ ...base, type: wire.type, crm: leadKey.slice(0, colon), leadId: leadKey.slice(colon + 1), source: wire.source, receivedAt: wire.receivedAt, backlog: wire.backlog });
    case 'attempt_logged':
      return leadEventSchema.parse({ ...base, type: wire.type, channel: wire.channel, outcome: wire.outcome, scriptId: wire.scriptId, scriptVersion: wire.scriptVersion });
    case 'event_voided':
      return leadEventSchema.parse({ ...base, type: wire.type, voids: wire.voids });
    case 'status_changed':
      return leadEventSchema.parse({ ...base, type: wire.type, status: wire.status, lostReason: wire.lostReason, closedTooEarly: wire.closedTooEarly, actor: wire.actor });
    case 'source_changed':
      return leadEventSchema.parse({ ...base, type: wire.type, from: wire.from, to: wire.to });
  }
}

/**
 * A lead the rep opened again whose hash matches restored events: those events join its
 * local history (already on the server, so `sent`), and the lead projection is rebuilt —
 * attempts, status and the original clock come back. Returns how many events were adopted.
 */
export async function adoptRestored(db: LeadpaceDb, leadKey: string, leadHash: string, teamId: string, repId: string): Promise<number> {
  return db.transaction('rw', [db.events, db.leads, db.restoredEvents], async () => {
    const waiting = (await db.restoredEvents.where('lead').equals(leadHash).toArray()).filter((r) => r.teamId === teamId);
    const existing = await db.leads.get(leadKey);
    if (waiting.length === 0 || !existing) return 0;
    const already = await db.events.bulkGet(waiting.map((r) => r.id));
    const adopted: StoredEvent[] = [];
    waiting.forEach((r, i) => {
      if (!already[i]) adopted.push({ ...fromWireEvent(r.event, leadKey, repId), sync: 'sent' });
    });
    if (adopted.length > 0) await db.events.bulkAdd(adopted);
    await db.restoredEvents.bulkDelete(waiting.map((r) => r.id));
    const progress = progressFromEvents(await db.events.where('leadKey').equals(leadKey).toArray());
    if (progress) {
      const { crm, leadId, url, name, phone, email, vehicle, sourceRaw, missing } = existing;
      const details = { crm, leadId, url, name, phone, email, vehicle, sourceRaw, missing };
      await db.leads.put(toLeadRecord(details, progress, existing.lastSeenAt));
    }
    return adopted.length;
  });
}
