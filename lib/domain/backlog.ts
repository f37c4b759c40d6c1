import { TZDate } from '@date-fns/tz';
import { dayBounds } from './metrics';

/**
 * Backlog: leads that were in the CRM before Leadpace went live there. They are real leads and
 * shown as they are (age, overdue), but nobody could have worked them with Leadpace in time, so
 * they are not new work: not nudged one by one, not in the badge until a rep works one, and
 * kept out of every figure (the metrics kernel leaves out any lead whose first sight says so).
 */

/** The default go-live: the start of the dealer's day on which the CRM was first enabled. */
export function defaultGoLive(enabledAt: number, timeZone: string): number {
  return dayBounds(enabledAt, timeZone).start;
}

/**
 * Whether a lead first recorded now is backlog: received (the CRM's time, else now — the clock
 * starts at first sight) before its CRM's go-live. Without a go-live nothing is backlog.
 */
export function isBacklog(receivedAt: number | null, now: number, goLiveAt: number | null): boolean {
  if (goLiveAt === null) return false;
  return (receivedAt ?? now) < goLiveAt;
}

/**
 * Whether a lead belongs in the badge, the notifications and the Now list: open, and not backlog
 * nobody has touched yet. Once a rep logs an attempt on a backlog lead it is work like any other
 * (its figures still leave it out).
 */
export function needsNudging(lead: { open: 0 | 1; backlog?: boolean; attemptCount: number }): boolean {
  return lead.open === 1 && !(lead.backlog === true && lead.attemptCount === 0);
}

/** Splits ranked open leads into the ones to work now and the untouched backlog, order kept. */
export function splitBacklog<T extends { lead: { open: 0 | 1; backlog?: boolean; attemptCount: number } }>(
  ranked: readonly T[],
): { active: T[]; backlog: T[] } {
  const active: T[] = [];
  const backlog: T[] = [];
  for (const item of ranked) (needsNudging(item.lead) ? active : backlog).push(item);
  return { active, backlog };
}

/**
 * The go-live to record for a CRM already enabled before go-live existed: the start of the day
 * of the first lead Leadpace saw there (so those leads stay the new work they were), else today.
 */
export function goLiveForExisting(earliestFirstSeenAt: number | null, now: number, timeZone: string): number {
  return defaultGoLive(earliestFirstSeenAt ?? now, timeZone);
}

/** A go-live as the date input shows it: the dealer's calendar day, `yyyy-MM-dd`. */
export function goLiveDate(goLiveAt: number, timeZone: string): string {
  // By hand rather than date-fns' format: this module is on the popup's first screen, and format
  // brings its token parser and a default locale along.
  const day = new TZDate(goLiveAt, timeZone);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(day.getFullYear(), 4)}-${pad(day.getMonth() + 1, 2)}-${pad(day.getDate(), 2)}`;
}

/** The go-live for a date the dealer picked: the start of that day in the dealer's zone; null if not a date. */
export function goLiveFromDate(date: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = new TZDate(y, m - 1, d, timeZone);
  // new Date(2026, 1, 30) rolls over to March: such a date was never a real one.
  if (day.getFullYear() !== y || day.getMonth() !== m - 1 || day.getDate() !== d) return null;
  return dayBounds(day.getTime(), timeZone).start;
}
