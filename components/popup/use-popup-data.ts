import { useLayoutEffect, useRef, useState } from 'react';
import { onTablesChanged } from '@/lib/db/changes';
import type { LeadRecord } from '@/lib/domain/lead';
import { leadsFirstAttemptedSince, leadsFirstSeenSince, openLeadsInChunks } from '@/lib/db/queries';
import type { LeadpaceDb } from '@/lib/db/schema';

export type PopupData =
  | { ok: true; open: LeadRecord[]; todayLeads: LeadRecord[]; todayAttempts: { at: number }[]; sold: LeadRecord[] }
  | { ok: false; reason: string };

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}

/**
 * Everything the popup shows, in one read transaction so the sections agree with each other.
 * The open leads come in chunks (see openLeadsInChunks), each handed to `onOpenChunk` as soon
 * as it is read; the small "today" reads go first, so they are done by the time the last
 * chunk arrives.
 */
export async function loadPopupData(
  db: LeadpaceDb,
  dayStart: number,
  onOpenChunk?: (leads: LeadRecord[]) => void,
): Promise<PopupData> {
  // A rejected read would leave a blank popup; a database that cannot open must become a
  // visible message instead.
  try {
    return await db.transaction('r', db.leads, db.events, async () => {
      const [seen, attempted, touched, sold, open] = await Promise.all([
        leadsFirstSeenSince(db, dayStart),
        leadsFirstAttemptedSince(db, dayStart),
        // An attempt is logged from the lead's panel, which marks the lead seen: today's
        // attempts are on leads seen today, and their projection already has voids applied.
        // (Reading today's events and each lead's history instead took ~0.5 s at 30,000 events.)
        db.leads.where('lastSeenAt').aboveOrEqual(dayStart).toArray(),
        db.leads.where('status').equals('sold').toArray(),
        // Only the chunk edges depend on the clock, not which leads are read.
        openLeadsInChunks(db, Date.now(), onOpenChunk),
      ]);
      const todayAttempts = touched.flatMap((lead) => (lead.attemptLog ?? []).filter((a) => a.at >= dayStart));
      const byKey = new Map<string, LeadRecord>();
      for (const lead of [...seen, ...attempted]) byKey.set(lead.key, lead);
      return { ok: true as const, open, todayLeads: [...byKey.values()], todayAttempts, sold };
    });
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  }
}

/**
 * Live popup data; undefined while the first read is in flight. Re-read after every committed
 * write to the leads table (from the background or this page), one read at a time: writes
 * during a read queue exactly one more read after it.
 *
 * Not `useLiveQuery`: it records every key a query returns, to re-run only on overlapping
 * writes, and for the popup's ~5,000 rows that bookkeeping alone cost 10–30 ms of the first
 * render, while nearly every lead write (a lead seen today, an attempt) overlaps the popup's
 * reads anyway. A layout effect also starts the read during the first commit instead of after
 * the first paint plus a timer.
 */
export function usePopupData(
  db: LeadpaceDb,
  dayStart: number,
  onOpenChunk?: (leads: LeadRecord[]) => void,
): PopupData | undefined {
  const [data, setData] = useState<PopupData>();
  // The latest callback, without restarting the subscription when it changes.
  const chunkHandler = useRef(onOpenChunk);
  useLayoutEffect(() => {
    chunkHandler.current = onOpenChunk;
  });
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
      void loadPopupData(db, dayStart, (chunk) => chunkHandler.current?.(chunk)).then((next) => {
        reading = false;
        if (!alive) return;
        setData(next);
        if (stale) {
          stale = false;
          read();
        }
      });
    };
    const stop = onTablesChanged(db, ['leads'], read);
    read();
    return () => {
      alive = false;
      stop();
    };
  }, [db, dayStart]);
  return data;
}
