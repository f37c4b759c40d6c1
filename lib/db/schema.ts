import Dexie, { type EntityTable } from 'dexie';
import type { LeadEvent } from '../domain/events';
import { progressFromEvents, toLeadRecord, type LeadRecord } from '../domain/lead';
import type { PlanRow } from '../domain/popup-plan';
import type { SummaryRow } from '../domain/popup-summary';
import { rebuildSummary, summaryMiddleware } from './summary';
import type { LeaderboardPeriod, LeaderboardResponse, WireEvent } from '../sync/wire';

/** Outbox state of an event: the team sync (later) pushes `pending` ones. */
export type SyncState = 'pending' | 'sent' | 'rejected';

export type StoredEvent = LeadEvent & { sync: SyncState; syncError?: string };

/** The rep's own note on a lead: customer data, never an event, never synced. */
export interface LeadNote {
  leadKey: string;
  text: string;
  updatedAt: number;
}

export type LeadpaceDb = Dexie & {
  events: EntityTable<StoredEvent, 'id'>;
  leads: EntityTable<LeadRecord, 'key'>;
  notes: EntityTable<LeadNote, 'leadKey'>;
  syncState: EntityTable<SyncStateRow, 'key'>;
  teamCache: EntityTable<LeaderboardCacheRow, 'period'>;
  restoredEvents: EntityTable<RestoredEvent, 'id'>;
  /**
   * The popup summary: a projection of `leads` kept in the same transactions (summary.ts), and
   * the background's plan row for the popup's ranking (popup-plan.ts).
   */
  summary: EntityTable<SummaryRow | PlanRow, 'id'>;
};

/** The team sync's persisted state: the worker may stop between any two steps. */
export interface SyncStateRow {
  key: 'sync';
  /** Consecutive failed pushes: the exponent of the backoff. */
  attempt: number;
  /** Epoch ms before which an automatic run does not push (backoff with jitter). */
  nextAttemptAt: number;
  /** Epoch ms the server asked us to wait until (`Retry-After`); even "sync now" waits. */
  retryAfterUntil: number;
  lastRunAt: number | null;
  lastSuccessAt: number | null;
  lastError: string | null;
  /** The restore cursor (`GET /v1/events?after=`): the last non-null `next`. */
  pullCursor: string | null;
  lastPullAt: number | null;
}

/** The last leaderboard the server sent per period, shown at once (offline too) with "as of". */
export interface LeaderboardCacheRow {
  period: LeaderboardPeriod;
  /** Who fetched it: a cache from another member or team is never shown. */
  memberId: string;
  teamId: string;
  fetchedAt: number;
  etag: string | null;
  data: LeaderboardResponse;
}

/**
 * One of the rep's own events pulled from the server that no local lead matches yet (the
 * server knows only the lead's hash). It joins its lead's local history once the rep opens
 * that lead in the CRM again and the hash of its key matches.
 */
export interface RestoredEvent {
  id: string;
  lead: string;
  teamId: string;
  event: WireEvent;
  pulledAt: number;
}

export const DB_NAME = 'leadpace';

/**
 * Every shipped version stays here unchanged; a change is a new version with an upgrade
 * (docs/architecture.md). v1: append-only events with an outbox index, the leads projection, local notes.
 */
export function openLeadpaceDb(name: string = DB_NAME): LeadpaceDb {
  const db = new Dexie(name) as LeadpaceDb;
  db.version(1).stores({
    events: '&id, leadKey, at, type, sync',
    leads: '&key, [open+receivedAt], status, source, firstSeenAt, lastSeenAt, receivedAt, firstAttemptAt',
    notes: '&leadKey',
  });
  // v2 (team sync): outbox backoff state, the cached leaderboard, and own events pulled back
  // from the server that no local lead has claimed yet. Only new tables: v1 data is untouched.
  db.version(2).stores({
    syncState: '&key',
    teamCache: '&period',
    restoredEvents: '&id, lead',
  });
  // v3 (metrics kernel): lead records carry the facts every figure is derived from (the effort
  // before the last close, the furthest stage, backlog) instead of a stored closed-too-early
  // verdict. Same tables and indexes; every lead is re-folded from its own events.
  db.version(3)
    .stores({})
    .upgrade(async (tx) => {
      const byLead = new Map<string, LeadEvent[]>();
      await tx
        .table<StoredEvent, string>('events')
        .each((event) => {
          const list = byLead.get(event.leadKey);
          if (list) list.push(event);
          else byLead.set(event.leadKey, [event]);
        });
      await tx
        .table<LeadRecord & { closedTooEarly?: unknown }, string>('leads')
        .toCollection()
        .modify((lead, ref) => {
          const progress = progressFromEvents(byLead.get(lead.key) ?? []);
          if (!progress) return;
          const { crm, leadId, url, name, phone, email, vehicle, sourceRaw, missing } = lead;
          ref.value = toLeadRecord({ crm, leadId, url, name, phone, email, vehicle, sourceRaw, missing }, progress, lead.lastSeenAt);
        });
    });
  // v4 (popup summary): the popup and the rep's own board read a few dozen summary rows instead
  // of thousands of lead records and events. Built here from the leads; kept from then on by
  // the summary middleware in every transaction that writes a lead.
  db.version(4)
    .stores({ summary: '&id' })
    .upgrade((tx) => rebuildSummary(tx.table<LeadRecord, string>('leads'), tx.table<SummaryRow, string>('summary')));
  db.use(summaryMiddleware);
  return db;
}

let shared: LeadpaceDb | undefined;

/** The one database of this extension origin (background, popup, options, report). */
export function leadpaceDb(): LeadpaceDb {
  shared ??= openLeadpaceDb();
  return shared;
}
