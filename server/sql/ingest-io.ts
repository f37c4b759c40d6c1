import type { Transaction } from 'kysely';
import type { Db } from '../db/connect';
import type { DailyRollupsTable, Database, EventsTable, LeadFactsTable } from '../db/schema';
import type { FACT_COLUMNS } from './daily-rollups';
import { postgresIngestIo } from './ingest-io-postgres';
import { sqliteIngestIo } from './ingest-io-sqlite';

/**
 * Every statement a push runs, each once per batch whatever the batch holds: the ingest's
 * logic (server/sql/ingest.ts) stays one piece and each engine runs the shape it is fastest
 * with. PostgreSQL gets one array per column through unnest(), so a statement has a handful of
 * parameters and one plan for any batch; SQLite, in-process and without round trips, runs
 * prepared statements row by row inside the transaction, prepared once per database.
 */
export interface IngestIo {
  /**
   * Holds the rep's rows for the rest of the transaction and answers the settings key the
   * team's roll-ups were made with. `shared`: PostgreSQL locks the member row and takes only a
   * key-share lock on the team row, so other reps of the team push at the same time while a
   * roll-up rebuild (which takes the team row for update) waits for them; `exclusive`: the
   * team row for update, for the rare push that has to make the team's roll-ups. (SQLite has
   * one writer at a time either way.)
   */
  holdTeam(teamId: string, memberId: string, mode: HoldMode): Promise<{ rollupKey: string | null }>;
  /**
   * Which of `ids` the team has stored, and each lead's stored row; for a lead without a fold
   * state, its stored event counts too (all, and those stored since `dayStart`), which the
   * caps need. One read.
   */
  read(teamId: string, memberId: string, ids: readonly string[], leads: readonly string[], dayStart: number): Promise<{ known: Set<string>; leads: LeadRow[] }>;
  /** Counts of leads whose stored state did not parse (rare: a hand edit, a future version). */
  counts(teamId: string, memberId: string, leads: readonly string[], dayStart: number): Promise<Map<string, { total: number; today: number }>>;
  /** `lead id` of the given ids the rep has stored. */
  storedTargets(teamId: string, memberId: string, ids: readonly string[]): Promise<Set<string>>;
  /**
   * Gives the events the next numbers of the team's commit sequence, in order, and inserts
   * them, skipping ids the team has; answers the ids inserted. The bump locks the team row
   * until commit (commit order is sequence order), so it is the push's last statement.
   */
  appendEvents(teamId: string, rows: readonly Omit<EventsTable, 'seq'>[]): Promise<Set<string>>;
  history(teamId: string, memberId: string, leads: readonly string[]): Promise<{ lead: string; body: string; stored_at: number }[]>;
  deleteFacts(teamId: string, memberId: string, leads: readonly string[]): Promise<void>;
  /**
   * Upserts the rows and answers the rep's fact rows received in any of the [from, to)
   * ranges, each as it was before or after this write (the caller puts the written ones in).
   */
  writeFacts(teamId: string, memberId: string, rows: readonly LeadFactsTable[], ranges: readonly { from: number; to: number }[]): Promise<FactRow[]>;
  /** Writes one rep's day rows and deletes the days that no longer have a lead. */
  writeRollups(teamId: string, memberId: string, rows: readonly DailyRollupsTable[], emptied: readonly number[]): Promise<void>;
}

export type HoldMode = 'shared' | 'exclusive';

export interface LeadRow {
  lead: string;
  /** Absent when the lead has no row. */
  stored: { foldState: string | null; receivedAt: number | null } | null;
  /** Present when the row has no fold state (or there is no row). */
  counts: { total: number; today: number } | null;
}

export type FactRow = Record<(typeof FACT_COLUMNS)[number] | 'lead', unknown>;

export function ingestIo(db: Db, trx: Transaction<Database>): IngestIo {
  if (db.engine === 'postgres') return postgresIngestIo(trx);
  if (!db.sqlite) throw new Error('the SQLite ingest needs the database handle connect() opened');
  return sqliteIngestIo(db.sqlite);
}
