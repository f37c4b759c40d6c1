import Dexie, { type EntityTable } from 'dexie';
import type { LeadEvent } from '../domain/events';
import type { LeadRecord } from '../domain/lead';

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
};

export const DB_NAME = 'leadpace';

/**
 * Every shipped version stays here unchanged; a change is a new version with an upgrade
 * (DESIGN.md). v1: append-only events with an outbox index, the leads projection, local notes.
 */
export function openLeadpaceDb(name: string = DB_NAME): LeadpaceDb {
  const db = new Dexie(name) as LeadpaceDb;
  db.version(1).stores({
    events: '&id, leadKey, at, type, sync',
    leads: '&key, [open+receivedAt], status, source, firstSeenAt, lastSeenAt, receivedAt, firstAttemptAt',
    notes: '&leadKey',
  });
  return db;
}

let shared: LeadpaceDb | undefined;

/** The one database of this extension origin (background, popup, options, report). */
export function leadpaceDb(): LeadpaceDb {
  shared ??= openLeadpaceDb();
  return shared;
}
