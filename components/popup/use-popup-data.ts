import { useLayoutEffect, useState } from 'react';
import { onTablesChanged } from '@/lib/db/changes';
import { readPopupSummary, SUMMARY_TABLE } from '@/lib/db/summary';
import type { LeadpaceDb } from '@/lib/db/schema';
import { todayAndSales } from '@/lib/domain/popup-summary-read';
import type { SummaryLead } from '@/lib/domain/popup-summary';

export type PopupData =
  | { ok: true; open: SummaryLead[]; todayLeads: SummaryLead[]; todayAttempts: { at: number }[]; soldDates: number[] }
  | { ok: false; reason: string };

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}

/**
 * Everything the popup shows, from the summary the background keeps with every write: a few
 * dozen rows (the open leads, the days since `dayStart`, the sales of the month), read in one
 * transaction so the sections agree with each other. Reading the lead records themselves took
 * 200–600 ms at 5,000 leads.
 */
export async function loadPopupData(db: LeadpaceDb, dayStart: number): Promise<PopupData> {
  // A rejected read would leave a blank popup; a database that cannot open must become a
  // visible message instead.
  try {
    const summary = await readPopupSummary(db, dayStart);
    return { ok: true, open: summary.open, ...todayAndSales(summary.day, summary.sold, dayStart) };
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  }
}

/**
 * Live popup data; undefined while the first read is in flight. Re-read after every committed
 * write to the leads table (from the background or this page; the summary changes with it),
 * one read at a time: writes during a read queue exactly one more read after it.
 *
 * Not `useLiveQuery`: the summary is written below Dexie's change tracking (see summary.ts),
 * and nearly every lead write changes the rows the popup reads anyway. A layout effect also
 * starts the read during the first commit instead of after the first paint plus a timer.
 */
export function usePopupData(db: LeadpaceDb, dayStart: number): PopupData | undefined {
  const [data, setData] = useState<PopupData>();
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
      void loadPopupData(db, dayStart).then((next) => {
        reading = false;
        if (!alive) return;
        setData(next);
        if (stale) {
          stale = false;
          read();
        }
      });
    };
    const stop = onTablesChanged(db, ['leads', SUMMARY_TABLE], read);
    read();
    return () => {
      alive = false;
      stop();
    };
  }, [db, dayStart]);
  return data;
}
