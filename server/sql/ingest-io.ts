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
   * Holds the team for the rest of the transaction (PostgreSQL locks the team row; SQLite has
   * one writer at a time) and answers the settings key its roll-ups were made with.
   */
  holdTeam(teamId: string): Promise<{ rollupKey: string | null }>;
  knownIds(teamId: string, ids: readonly string[]): Promise<Set<string>>;
  /**
   * Each lead's stored row; for a lead without a fold state, its stored event counts too
   * (all, and those stored since `dayStart`), which the caps need.
   */
  leads(teamId: string, memberId: string, leads: readonly string[], dayStart: number): Promise<LeadRow[]>;
  /** Counts of leads whose stored state did not parse (rare: a hand edit, a future version). */
  counts(teamId: string, memberId: string, leads: readonly string[], dayStart: number): Promise<Map<string, { total: number; today: number }>>;
  /** `lead id` of the given ids the rep has stored. */
  storedTargets(teamId: string, memberId: string, ids: readonly string[]): Promise<Set<string>>;
  /** Adds `n` to the team's commit sequence and answers the new value. */
  bumpSeq(teamId: string, n: number): Promise<number>;
  /** Inserts events, skipping ids the team has; answers the ids inserted. */
  insertEvents(rows: readonly EventsTable[]): Promise<Set<string>>;
  history(teamId: string, memberId: string, leads: readonly string[]): Promise<{ lead: string; body: string; stored_at: number }[]>;
  upsertFacts(rows: readonly LeadFactsTable[]): Promise<void>;
  deleteFacts(teamId: string, memberId: string, leads: readonly string[]): Promise<void>;
  /** One rep's fact rows received in any of the [from, to) ranges. */
  factsIn(teamId: string, memberId: string, ranges: readonly { from: number; to: number }[]): Promise<FactRow[]>;
  upsertRollups(rows: readonly DailyRollupsTable[]): Promise<void>;
  deleteRollups(teamId: string, memberId: string, days: readonly number[]): Promise<void>;
}

export interface LeadRow {
  lead: string;
  /** Absent when the lead has no row. */
  stored: { foldState: string | null; receivedAt: number | null } | null;
  /** Present when the row has no fold state (or there is no row). */
  counts: { total: number; today: number } | null;
}

export type FactRow = Record<(typeof FACT_COLUMNS)[number], unknown>;

export function ingestIo(db: Db, trx: Transaction<Database>): IngestIo {
  if (db.engine === 'postgres') return postgresIngestIo(trx);
  if (!db.sqlite) throw new Error('the SQLite ingest needs the database handle connect() opened');
  return sqliteIngestIo(db.sqlite);
}
