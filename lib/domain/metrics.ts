import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import type { LeadRecord } from './lead';

/** The dealer's zone until opening hours (and their zone) become a setting. */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

/**
 * The calendar day containing `now` in `timeZone`, as [start, end) epoch ms. Computed in the
 * zone rather than as now − 24 h, so a DST day is 23 or 25 hours long, as the dealer lives it.
 */
export function dayBounds(now: number, timeZone: string = DEFAULT_TIME_ZONE): { start: number; end: number } {
  const start = startOfDay(new TZDate(now, timeZone));
  return { start: start.getTime(), end: addDays(start, 1).getTime() };
}

/** Median of the values; the mean of the two middle ones for an even count; null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  if (sorted.length % 2 === 1) return upper;
  const lower = sorted[mid - 1] ?? upper;
  return (lower + upper) / 2;
}

/**
 * Open leads, most urgent first: never-attempted leads by oldest received time, then worked
 * leads by the longest wait since their last attempt. First-version rule: the cadence engine
 * replaces this body (and will need `now`), so callers already pass it.
 */
export function urgencyOrder(leads: readonly LeadRecord[], _now: number): LeadRecord[] {
  return leads
    .filter((lead) => lead.open === 1)
    .sort((a, b) => {
      const aWorked = a.lastAttemptAt !== null;
      const bWorked = b.lastAttemptAt !== null;
      if (aWorked !== bWorked) return aWorked ? 1 : -1;
      const byTime =
        aWorked && bWorked ? (a.lastAttemptAt ?? 0) - (b.lastAttemptAt ?? 0) : a.receivedAt - b.receivedAt;
      // The key as a last resort keeps the order stable between renders.
      return byTime || a.key.localeCompare(b.key);
    });
}

export interface TodayStats {
  leadsSeen: number;
  attemptsLogged: number;
  /** Null when no lead got its first attempt today. */
  medianFirstResponseMs: number | null;
  /** How many first attempts the median is over (always shown with n). */
  firstResponses: number;
}

export function todayStats(input: {
  leads: readonly LeadRecord[];
  /** Effective attempts only: the caller has already removed voided ones. */
  attempts: readonly { at: number }[];
  now: number;
  timeZone?: string;
}): TodayStats {
  const { start, end } = dayBounds(input.now, input.timeZone);
  const isToday = (at: number | null): at is number => at !== null && at >= start && at < end;
  const responses = input.leads
    .filter((lead) => isToday(lead.firstAttemptAt))
    // Wall-clock for now; PRODUCT.md's response time counts business time once that engine exists.
    // A CRM clock ahead of ours could make the difference negative: that is an instant response.
    .map((lead) => Math.max(0, (lead.firstAttemptAt ?? lead.receivedAt) - lead.receivedAt));
  return {
    leadsSeen: input.leads.filter((lead) => isToday(lead.firstSeenAt)).length,
    attemptsLogged: input.attempts.filter((attempt) => isToday(attempt.at)).length,
    medianFirstResponseMs: median(responses),
    firstResponses: responses.length,
  };
}
