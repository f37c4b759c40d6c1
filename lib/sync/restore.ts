import { adoptRestored, readSyncState, restoredLeadHashes, storeRestored, updateSyncState } from '../db/sync-writes';
import type { SyncDeps } from './client';
import type { TeamConnection } from './connection';
import { hashLeadKeys } from './hash';
import { bearer, requestJson, TeamApiError } from './http';
import { eventsPageSchema } from './wire';

/*
 * Restore: what a wiped (or second) browser can get back from the team server.
 *
 * The server holds the rep's own events with the lead as a keyed hash only — no CRM id, no
 * name, no phone, no note — and nothing can turn a hash back into a CRM record. So restore is
 * in two steps:
 *  1. Pull: every own event the browser does not have is kept in `restoredEvents`, keyed by
 *     its lead hash. From then on the rep's own numbers (leads, response times, attempts,
 *     outcomes, sales) count them, and the server's leaderboard already did.
 *  2. Adopt: when the rep opens a lead in the CRM again, its key `crm:recordId` hashes to the
 *     same value; the waiting events then join that lead's local history, and the panel and
 *     popup show its attempts, status and original clock again.
 * What does not come back: customer names, phone numbers, e-mail, vehicles and notes (they
 * never left the browser), and a list of leads the rep has not opened again.
 */

/** Pulls the rep's own events after the saved cursor, page by page, resumable at any point. */
export async function pullOwnEvents(deps: SyncDeps, connection: TeamConnection): Promise<number> {
  const maxPages = deps.maxPullPages ?? 40;
  let cursor = (await readSyncState(deps.db)).pullCursor;
  let stored = 0;
  for (let page = 0; page < maxPages; page += 1) {
    const query = cursor === null ? '?limit=500' : `?after=${encodeURIComponent(cursor)}&limit=500`;
    const { body } = await requestJson(
      { fetch: deps.fetch, now: deps.now, timeoutMs: deps.timeoutMs },
      `${connection.serverUrl}/v1/events${query}`,
      { method: 'GET', headers: bearer(connection.token) },
      eventsPageSchema,
    );
    if (!body) throw new TeamApiError('bad_response', 'the server sent no events page', 304, true);
    stored += await storeRestored(deps.db, body.events, connection.me.teamId, deps.now());
    // The cursor is saved after each page's events are stored, so a stop in between re-pulls
    // at most one page (stored idempotently by id).
    if (body.next !== null) cursor = body.next;
    await updateSyncState(deps.db, { pullCursor: cursor, lastPullAt: deps.now() });
    if (body.next === null || body.events.length === 0) break;
  }
  return stored;
}

/** Lets every local lead whose hash has restored events waiting take them into its history. */
export async function adoptKnownLeads(deps: Pick<SyncDeps, 'db' | 'repId'>, connection: TeamConnection): Promise<number> {
  const waiting = await restoredLeadHashes(deps.db, connection.me.teamId);
  if (waiting.size === 0) return 0;
  const keys = (await deps.db.leads.toCollection().primaryKeys()).map(String);
  const hashes = await hashLeadKeys(connection.teamKey, keys);
  const repId = await deps.repId();
  let adopted = 0;
  for (const [leadKey, hash] of hashes) {
    if (waiting.has(hash)) adopted += await adoptRestored(deps.db, leadKey, hash, connection.me.teamId, repId);
  }
  return adopted;
}
