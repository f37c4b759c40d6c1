import { isPlanRow, PLAN_ROW_ID, type PlanRow } from '../domain/popup-plan';
import { decodeRow, type SummaryLead, type SummaryRow } from '../domain/popup-summary';
import { firstDayRow, firstSoldRow } from '../domain/popup-summary-read';

/**
 * The popup's first read of the summary with plain IndexedDB, so its first screen needs neither
 * Dexie's code (a third of the popup's scripts) nor Dexie's open (it reads the schema of every
 * table). Only reads: the background and Dexie own the database, its schema and its upgrades.
 * Same rows and ranges as readPopupSummary in summary.ts.
 */

/** The database Dexie opens (DB_NAME in schema.ts; a test keeps the two equal). */
export const SUMMARY_DB_NAME = 'leadpace';
const STORE = 'summary';

export interface PopupSummaryRows {
  /** The background's plans of the open leads (popup-plan.ts); null when it has none yet. */
  plan: PlanRow | null;
  /** The open leads themselves: read when asked for or when there is no plan row. */
  open: SummaryLead[] | null;
  day: SummaryLead[];
  sold: SummaryLead[];
}

const isSummaryRow = (value: unknown): value is SummaryRow =>
  typeof value === 'object' &&
  value !== null &&
  'id' in value &&
  typeof value.id === 'string' &&
  'keys' in value &&
  Array.isArray(value.keys) &&
  'attemptAt' in value;


const decodeAll = (rows: readonly unknown[]): SummaryLead[] => rows.filter(isSummaryRow).flatMap(decodeRow);

/**
 * Opens the existing database at its current version, or resolves null when there is none yet
 * (the upgrade a plain open would start is aborted: creating the database is Dexie's job).
 */
function openExisting(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    let creating = false;
    request.onupgradeneeded = () => {
      creating = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const db = request.result;
      // Never hold up the background's next schema upgrade.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => {
      if (creating) resolve(null);
      else reject(request.error ?? new Error(`cannot open ${name}`));
    };
  });
}

function getOne(store: IDBObjectStore, key: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = store.get(key);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('summary read failed'));
  });
}

function getAll(store: IDBObjectStore, range: IDBKeyRange): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const request = store.getAll(range);
    request.onsuccess = () => resolve(Array.isArray(request.result) ? request.result : []);
    request.onerror = () => reject(request.error ?? new Error('summary read failed'));
  });
}

/**
 * The plan row, the `day:` and `sold:` rows the day from `dayStart` needs and, when asked for
 * or when there is no plan row, the open leads, in one read-only transaction; null when the
 * database or its summary store does not exist yet (the caller then reads through Dexie, which
 * creates and upgrades it).
 */
export async function readSummaryDirect(dayStart: number, name: string = SUMMARY_DB_NAME, withOpen = false): Promise<PopupSummaryRows | null> {
  const db = await openExisting(name);
  if (!db) return null;
  try {
    if (!db.objectStoreNames.contains(STORE)) return null;
    const store = db.transaction(STORE, 'readonly').objectStore(STORE);
    const [planned, day, sold] = await Promise.all([
      getOne(store, PLAN_ROW_ID),
      getAll(store, IDBKeyRange.bound(firstDayRow(dayStart), 'day:\uffff')),
      getAll(store, IDBKeyRange.bound(firstSoldRow(dayStart), 'sold:\uffff')),
    ]);
    const plan = isPlanRow(planned) ? planned : null;
    // Still the same transaction: its requests were all made before it could commit.
    const open = withOpen || !plan ? decodeAll(await getAll(store, IDBKeyRange.bound('open:', 'open:\uffff'))) : null;
    return { plan, open, day: decodeAll(day), sold: decodeAll(sold) };
  } finally {
    db.close();
  }
}
