import type { OpeningHours } from './business-time';
import type { CadenceSettings, LeadState } from './cadence';
import type { LeadFacts } from './lead-metrics';
import { rankOpenLeads, todayStats, type RankedLead, type TodayStats } from './metrics';
import { dayRowOf, soldRowOf, receivedRowOf, type SummaryLead } from './popup-summary';

/**
 * What the popup computes from the summary when it reads it: everything that depends on the
 * clock or the settings. Ranking and today's figures are the kernel's own
 * (metrics.ts), which read the same fields of a summary lead as of a lead record.
 */

/** What a popup row shows of a lead: a summary lead, and a lead record too. */
export type PopupLead = Pick<SummaryLead, 'key' | 'source' | 'receivedAt' | 'receivedAtKnown' | 'attemptCount' | 'status' | 'open' | 'backlog'> & {
  name?: string | null;
};

/** A lead with its cadence state, most urgent first (see rankSummaryLeads). */
export interface RankedPopupLead {
  lead: PopupLead;
  state: LeadState;
}

export type RankedSummaryLead = RankedLead<SummaryLead>;

/** Open leads with their cadence state, most urgent first: the kernel's rankOpenLeads. */
export function rankSummaryLeads(leads: readonly SummaryLead[], now: number, cadence: CadenceSettings, hours: OpeningHours): RankedSummaryLead[] {
  return rankOpenLeads(leads, now, cadence, hours);
}

/** The kernel's todayStats over the summary's leads (effective attempts only, as on every lead row). */
export function summaryTodayStats(input: {
  leads: readonly SummaryLead[];
  attempts: readonly { at: number }[];
  now: number;
  timeZone?: string;
  hours: OpeningHours;
}): TodayStats {
  return todayStats(input);
}

const DAY_MS = 86_400_000;

/**
 * The first `day:` row id a reader of the day starting at `dayStart` needs. One UTC day
 * earlier than the day of `dayStart` itself, so that a caller whose day starts in another zone
 * than the one it filters by still finds every lead.
 */
export const firstDayRow = (dayStart: number): string => dayRowOf(dayStart - DAY_MS);

/** The first `sold:` row that can hold a sale of the month containing `day`, in any zone. */
export const firstSoldRow = (day: number): string => soldRowOf(day - 32 * DAY_MS);

/** The `rcv:` row ids covering [from, to): every UTC day touched, one day either side. */
export function receivedRows(from: number, to: number): { first: string; last: string } {
  return { first: receivedRowOf(from - DAY_MS), last: receivedRowOf(to + DAY_MS) };
}

/**
 * What the popup reads of its day and month from the leads of the `day:` and `sold:` rows,
 * exactly as it did from the lead rows: the leads first seen or first attempted since
 * `dayStart`, the attempts since then of the leads seen since then, and every sale.
 */
export function todayAndSales(
  dayLeads: readonly SummaryLead[],
  soldLeads: readonly SummaryLead[],
  dayStart: number,
): { todayLeads: SummaryLead[]; todayAttempts: { at: number }[]; soldDates: number[] } {
  const byKey = new Map<string, SummaryLead>();
  for (const lead of dayLeads) byKey.set(lead.key, lead);
  const unique = [...byKey.values()];
  const todayLeads = unique.filter(
    (lead) => lead.firstSeenAt >= dayStart || (lead.firstAttemptAt !== null && lead.firstAttemptAt >= dayStart),
  );
  const todayAttempts = unique.filter((lead) => lead.lastSeenAt >= dayStart).flatMap((lead) => lead.attemptLog.filter((a) => a.at >= dayStart));
  const sold = new Map<string, number>();
  for (const lead of soldLeads) if (lead.status === 'sold' && lead.soldAt !== null) sold.set(lead.key, lead.soldAt);
  return { todayLeads, todayAttempts, soldDates: [...sold.values()] };
}

/** The metric kernel's facts of a summary lead (factsOf for a lead row). */
export function summaryFacts(lead: SummaryLead): LeadFacts {
  return {
    receivedAt: lead.receivedAt,
    firstAttemptAt: lead.firstAttemptAt,
    attempts: lead.attemptCount,
    contacts: lead.contactCount,
    status: lead.status,
    lostReason: lead.lostReason,
    furthest: lead.furthest,
    attemptsBeforeClose: lead.attemptsBeforeClose,
    contactsBeforeClose: lead.contactsBeforeClose,
    phoneAttemptsBeforeClose: lead.phoneAttemptsBeforeClose,
    backlog: lead.backlog,
  };
}
