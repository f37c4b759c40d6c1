import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { LeadpaceDb } from '@/lib/db/schema';
import type { PopupSummaryRows } from '@/lib/db/summary-direct';
import type { PlanRow } from '@/lib/domain/popup-plan';
import { todayAndSales } from '@/lib/domain/popup-summary-read';
import type { SummaryLead } from '@/lib/domain/popup-summary';

export type PopupData =
  | {
      ok: true;
      /** The background's plans of the open leads; null before it has made them. */
      plan: PlanRow | null;
      /** The open leads, when read (asked for, or no plan row). */
      open: SummaryLead[] | null;
      todayLeads: SummaryLead[];
      todayAttempts: { at: number }[];
      soldDates: number[];
    }
  | { ok: false; reason: string };

/**
 * The database, or how to load it: the popup's first screen does not wait for Dexie's code (see
 * readSummaryDirect), the rest of the popup loads it once that screen is there.
 */
export type PopupDbSource = LeadpaceDb | (() => Promise<LeadpaceDb>);

export const databaseOf = (db: PopupDbSource): Promise<LeadpaceDb> => (typeof db === 'function' ? db() : Promise.resolve(db));

/** A read of the summary that needs no Dexie; null when it cannot answer (no database yet). */
export type DirectSummaryRead = (dayStart: number, withOpen: boolean) => Promise<PopupSummaryRows | null>;

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}

/**
 * Everything the popup shows, from the summary the background keeps with every write: a few
 * dozen rows (the plans of the open leads, the days since `dayStart`, the sales of the month),
 * read in one transaction so the sections agree with each other. Reading the lead records
 * themselves took 200–600 ms at 5,000 leads. `withOpen` also reads the open leads, for a popup
 * whose settings the plans were not made with.
 */
export async function loadPopupData(db: PopupDbSource, dayStart: number, direct?: DirectSummaryRead, withOpen = false): Promise<PopupData> {
  // A rejected read would leave a blank popup; a database that cannot open must become a
  // visible message instead (Dexie's reason: the direct read only ever falls back to it).
  try {
    const summary = (await direct?.(dayStart, withOpen).catch(() => null)) ?? (await readThroughDexie(db, dayStart, withOpen));
    return { ok: true, plan: summary.plan, open: summary.open, ...todayAndSales(summary.day, summary.sold, dayStart) };
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  }
}

async function readThroughDexie(db: PopupDbSource, dayStart: number, withOpen: boolean): Promise<PopupSummaryRows> {
  const [database, { readPopupSummary }] = await Promise.all([databaseOf(db), import('@/lib/db/summary')]);
  return readPopupSummary(database, dayStart, withOpen);
}

/**
 * Live popup data; undefined while the first read is in flight. Re-read after every committed
 * write to the leads table (from the background or this page; the summary changes with it),
 * one read at a time: writes during a read queue exactly one more read after it.
 *
 * Not `useLiveQuery`: the summary is written below Dexie's change tracking (see summary.ts),
 * and nearly every lead write changes the rows the popup reads anyway. A layout effect also
 * starts the direct read during the first commit instead of after the first paint plus a timer.
 */
export function usePopupData(db: PopupDbSource, dayStart: number, direct?: DirectSummaryRead, withOpen = false): PopupData | undefined {
  const [data, setData] = useState<PopupData>();
  const reader = useRef<(() => void) | null>(null);
  useLayoutEffect(() => {
    let alive = true;
    let reading = false;
    let stale = false;
    const read = () => {
      if (reading) {
        stale = true;
        return;
      }
      reading = true;
      void loadPopupData(db, dayStart, direct, withOpen).then((next) => {
        reading = false;
        if (!alive) return;
        setData(next);
        if (stale) {
          stale = false;
          read();
        }
      });
    };
    reader.current = read;
    // withOpen turns on after a first read, whose subscription stays: read again at once.
    if (direct || withOpen) read();
    return () => {
      alive = false;
      reader.current = null;
    };
  }, [db, dayStart, direct, withOpen]);
  // Dexie's change events come with Dexie's code: with a direct read, loaded once the first
  // screen is there (passive effects run after its paint), then one more read for a write
  // between the two. Without one, the first read waits for the subscription instead.
  const subscribe = data !== undefined || direct === undefined;
  useEffect(() => {
    if (!subscribe) return;
    let alive = true;
    let stop = () => {};
    const read = () => reader.current?.();
    void Promise.all([databaseOf(db), import('@/lib/db/changes'), import('@/lib/db/summary')])
      .then(([database, { onTablesChanged }, { SUMMARY_TABLE }]) => {
        if (!alive) return;
        stop = onTablesChanged(database, ['leads', SUMMARY_TABLE], read);
        read();
      })
      // Dexie's code or database is not there: the read says why on screen.
      .catch(() => alive && read());
    return () => {
      alive = false;
      stop();
    };
  }, [subscribe, db, dayStart, direct]);
  return data;
}
