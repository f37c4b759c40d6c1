import Dexie from 'dexie';
import { effectiveEvents, type AttemptLogged, type LeadEvent } from '../domain/events';
import type { LeadRecord } from '../domain/lead';
import type { LeadpaceDb } from './schema';

// Read-only helpers for extension pages (popup, options, report). Writes go through writes.ts.

/** Leads that still need work, oldest received first. Reads only the open half of the index. */
export function openLeads(db: LeadpaceDb): Promise<LeadRecord[]> {
  return db.leads.where('[open+receivedAt]').between([1, Dexie.minKey], [1, Dexie.maxKey], true, true).toArray();
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
