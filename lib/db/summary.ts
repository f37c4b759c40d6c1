import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import type { LeadRecord } from '../domain/lead';
import { isPlanRow, PLAN_ROW_ID, type PlanRow } from '../domain/popup-plan';
import { applyLeadChanges, buildSummaryRows, decodeRow, rowsTouched, type LeadChange, type SummaryLead, type SummaryRow } from '../domain/popup-summary';
import { firstDayRow, firstSoldRow, receivedRows } from '../domain/popup-summary-read';
import type { LeadpaceDb } from './schema';
import type { PopupSummaryRows } from './summary-direct';

/**
 * Keeps the popup summary (lib/domain/popup-summary.ts) in step with the leads table, below
 * every write path: any read-write transaction on `leads` also takes the summary's store, and
 * each change to a lead row rewrites the summary rows that lead is in, in that same
 * transaction. So an import, a sync adoption, a retention run or a test writing rows directly
 * all keep it, and a crash never leaves the two disagreeing.
 */

export const SUMMARY_TABLE = 'summary';
const LEADS = 'leads';

const isLeadRecord = (value: unknown): value is LeadRecord =>
  typeof value === 'object' && value !== null && 'key' in value && typeof value.key === 'string';

const isSummaryRow = (value: unknown): value is SummaryRow =>
  typeof value === 'object' && value !== null && 'id' in value && 'keys' in value && Array.isArray(value.keys) && 'attemptAt' in value;

// One summary update at a time per transaction: two writes in one transaction (a Promise.all
// of puts) would otherwise both read a row before either wrote it back.
const queues = new WeakMap<DBCoreTransaction, Promise<unknown>>();

function serially<T>(trans: DBCoreTransaction, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(trans) ?? Promise.resolve();
  const next = previous.then(work, work);
  queues.set(trans, next);
  return next;
}

async function keysOf(leads: DBCoreTable, req: DBCoreMutateRequest): Promise<string[]> {
  switch (req.type) {
    case 'add':
    case 'put':
      return req.values.filter(isLeadRecord).map((v) => v.key);
    case 'delete':
      return req.keys.filter((k): k is string => typeof k === 'string');
    case 'deleteRange': {
      const found = await leads.query({ trans: req.trans, values: false, query: { index: leads.schema.primaryKey, range: req.range } });
      return found.result.filter((k): k is string => typeof k === 'string');
    }
  }
}

async function readLeads(leads: DBCoreTable, trans: DBCoreTransaction, keys: readonly string[]): Promise<Map<string, LeadRecord>> {
  const rows = keys.length === 0 ? [] : await leads.getMany({ trans, keys: [...keys] });
  const byKey = new Map<string, LeadRecord>();
  for (const row of rows) if (isLeadRecord(row)) byKey.set(row.key, row);
  return byKey;
}

/** Writes the summary rows for a batch of lead changes, within `trans`. */
async function keepSummary(summary: DBCoreTable, trans: DBCoreTransaction, changes: readonly LeadChange[]): Promise<void> {
  const ids = [...rowsTouched(changes)];
  if (ids.length === 0) return;
  const stored = await summary.getMany({ trans, keys: ids });
  const current = new Map<string, SummaryLead[]>();
  stored.forEach((row) => {
    if (isSummaryRow(row)) current.set(row.id, decodeRow(row));
  });
  const { put, remove } = applyLeadChanges(current, changes);
  // The background's plans were made from the leads before this write: the popup ranks without
  // them until the background has made new ones (summary-plan.ts).
  remove.push(PLAN_ROW_ID);
  if (put.length > 0) await summary.mutate({ type: 'put', trans, values: put });
  if (remove.length > 0) await summary.mutate({ type: 'delete', trans, keys: remove });
}

function inScope(trans: DBCoreTransaction, store: string): boolean {
  return !(trans instanceof IDBTransaction) || trans.objectStoreNames.contains(store);
}

export const summaryMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'popup-summary',
  // Right above IndexedDB, below Dexie's own layers: its reads and writes then need none of
  // Dexie's per-call context, which an await inside a middleware would lose. Its summary writes
  // are not seen by liveQuery; readers follow the leads table's changes instead.
  level: -2,
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        // The summary's store joins every write to the leads (only where the schema has it:
        // an upgrade from before it runs with the older schema).
        const withSummary =
          mode === 'readwrite' && stores.includes(LEADS) && !stores.includes(SUMMARY_TABLE) && down.schema.tables.some((t) => t.name === SUMMARY_TABLE)
            ? [...stores, SUMMARY_TABLE]
            : stores;
        return down.transaction(withSummary, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== LEADS) return table;
        return {
          ...table,
          mutate(req) {
            // An upgrade from before the summary writes leads while its store does not exist
            // yet; the upgrade that adds the store builds it whole.
            if (!inScope(req.trans, SUMMARY_TABLE)) return table.mutate(req);
            const summary = down.table(SUMMARY_TABLE);
            return serially(req.trans, async () => {
              const keys = [...new Set(await keysOf(table, req))];
              const before = await readLeads(table, req.trans, keys);
              const response = await table.mutate(req);
              const after = await readLeads(table, req.trans, keys);
              await keepSummary(
                summary,
                req.trans,
                keys.map((key) => ({ key, before: before.get(key), after: after.get(key) })),
              );
              return response;
            });
          },
        };
      },
    };
  },
};

/** Rebuilds the whole summary from the leads table (the upgrade that introduces it). */
export async function rebuildSummary(leads: Dexie.Table<LeadRecord, string>, summary: Dexie.Table<SummaryRow | PlanRow, string>): Promise<void> {
  const rows = buildSummaryRows(await leads.toArray());
  await summary.clear();
  await summary.bulkPut(rows);
}

/** The leads of stored summary rows (other rows, such as the plan row, left out). */
export const decodeAll = (rows: readonly unknown[]): SummaryLead[] => rows.filter(isSummaryRow).flatMap(decodeRow);

/**
 * The background's plan row, the leads of the `day:` and `sold:` rows the day from `dayStart`
 * needs, and the summary's open leads when asked for or when there is no plan row (see
 * readSummaryDirect, which reads the same).
 */
export async function readPopupSummary(db: LeadpaceDb, dayStart: number, withOpen = false): Promise<PopupSummaryRows> {
  return db.transaction('r', db.summary, async () => {
    const [planned, day, sold] = await Promise.all([
      db.summary.get(PLAN_ROW_ID),
      db.summary.where('id').between(firstDayRow(dayStart), 'day:\uffff', true, true).toArray(),
      db.summary.where('id').between(firstSoldRow(dayStart), 'sold:\uffff', true, true).toArray(),
    ]);
    const plan = isPlanRow(planned) ? planned : null;
    const open = withOpen || !plan ? decodeAll(await db.summary.where('id').startsWith('open:').toArray()) : null;
    return { plan, open, day: decodeAll(day), sold: decodeAll(sold) };
  });
}

/** The leads received in [from, to), from the summary's `rcv:` rows (the rep's own board). */
export async function readReceivedLeads(db: LeadpaceDb, from: number, to: number): Promise<SummaryLead[]> {
  const { first, last } = receivedRows(from, to);
  const rows = await db.transaction('r', db.summary, () => db.summary.where('id').between(first, last, true, true).toArray());
  return decodeAll(rows).filter((lead) => lead.receivedAt >= from && lead.receivedAt < to);
}
