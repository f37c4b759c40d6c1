import { readSummaryDirect, type PopupSummaryRows } from './summary-direct';

export type DirectRead = (dayStart: number, withOpen: boolean) => Promise<PopupSummaryRows | null>;

/**
 * The popup's first summary read, started when its script runs rather than in React's first
 * commit, so the database opens and reads while React sets itself up. Returns the reader to give
 * the popup: its first call for the same day takes the read under way, every later call reads
 * again (a write in between is caught by the read after the subscription, see usePopupData).
 */
export function startDirectRead(dayStart: number, read: DirectRead = (day, withOpen) => readSummaryDirect(day, undefined, withOpen)): DirectRead {
  let started: Promise<PopupSummaryRows | null> | null = read(dayStart, false);
  // Nobody may take it (another day by then): its failure must not go unhandled.
  started.catch(() => undefined);
  return (day, withOpen) => {
    const early = started;
    started = null;
    return early && day === dayStart && !withOpen ? early : read(day, withOpen);
  };
}
