import Dexie from 'dexie';
import { effectiveEvents, type AttemptLogged, type LeadEvent } from '../domain/events';
import type { LeadRecord } from '../domain/lead';
import type { LeadpaceDb } from './schema';

// Read-only helpers for extension pages (popup, options, report). Writes go through writes.ts.

/** Leads that still need work, oldest received first. Reads only the open half of the index. */
export function openLeads(db: LeadpaceDb): Promise<LeadRecord[]> {
  return db.leads.where('[open+receivedAt]').between([1, Dexie.minKey], [1, Dexie.maxKey], true, true).toArray();
}

const DAY_MS = 86_400_000;

/**
 * Where `openLeadsInChunks` cuts the receivedAt axis: days before `now`, oldest first. Four
 * weekly chunks and two short recent ones: open leads are mostly recent, and similar sizes
 * keep the reads and the work on them overlapping.
 */
export const OPEN_LEAD_CHUNK_DAYS: readonly number[] = [28, 21, 14, 7, 3];

/**
 * Consecutive receivedAt ranges covering every key, in order: [−∞, e₁), [e₁, e₂), …, [eₙ, +∞].
 * `days` must be descending; the result does not depend on the data, only on `now`.
 */
export function receivedAtChunks(
  now: number,
  days: readonly number[] = OPEN_LEAD_CHUNK_DAYS,
): Array<{ from: number; to: number; toIncluded: boolean }> {
  const edges = days.map((d) => now - d * DAY_MS);
  const bounds = [-Infinity, ...edges];
  return bounds.map((from, i) => {
    const to = edges[i];
    return to === undefined ? { from, to: Infinity, toIncluded: true } : { from, to, toIncluded: false };
  });
}

/**
 * The same leads in the same order as `openLeads`, read as one request per receivedAt chunk
 * in one read transaction: each chunk reaches `onChunk` as soon as it is read, so work on it
 * overlaps with reading the next (the database reads about 3,500 leads in 40–100 ms, and
 * turning them into objects and ranking them takes as long again on the page).
 */
export function openLeadsInChunks(
  db: LeadpaceDb,
  now: number,
  onChunk?: (leads: LeadRecord[]) => void,
): Promise<LeadRecord[]> {
  return db.transaction('r', db.leads, () =>
    Promise.all(
      receivedAtChunks(now).map(({ from, to, toIncluded }) =>
        db.leads
          .where('[open+receivedAt]')
          // The outer ends are openLeads' own (Dexie.minKey is −∞).
          .between([1, from], [1, to === Infinity ? Dexie.maxKey : to], true, toIncluded)
          .toArray()
          .then((chunk) => {
            onChunk?.(chunk);
            return chunk;
          }),
      ),
    ).then((chunks) => chunks.flat()),
  );
}

/** Leads Leadpace first saw at or after `since` (open or closed). */
export function leadsFirstSeenSince(db: LeadpaceDb, since: number): Promise<LeadRecord[]> {
  return db.leads.where('firstSeenAt').aboveOrEqual(since).toArray();
}

/** Leads whose first attempt in effect was at or after `since` (for response times). */
export function leadsFirstAttemptedSince(db: LeadpaceDb, since: number): Promise<LeadRecord[]> {
  return db.leads.where('firstAttemptAt').aboveOrEqual(since).toArray();
}

/**
 * Attempts made at or after `since` that are still in effect, oldest first. The voids are
 * resolved over each concerned lead's whole history, not just the window: a void is matched by
 * id, so one recorded with a skewed clock before `since` must still cancel its attempt.
 */
export function attemptsSince(db: LeadpaceDb, since: number): Promise<AttemptLogged[]> {
  return db.transaction('r', db.events, async () => {
    const recent = await db.events.where('at').aboveOrEqual(since).toArray();
    const keys = [...new Set(recent.filter((e) => e.type === 'attempt_logged').map((e) => e.leadKey))];
    if (keys.length === 0) return [];
    const history = await db.events.where('leadKey').anyOf(keys).toArray();
    return effectiveEvents<LeadEvent>(history).filter(
      (e): e is AttemptLogged => e.type === 'attempt_logged' && e.at >= since,
    );
  });
}
