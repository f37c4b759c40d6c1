import type { OpeningHours } from './business-time';
import { leadState, type CadenceSettings, type LeadState, type SlaState } from './cadence';
import { responseTimeMs, median, type LeadFacts } from './lead-metrics';
import { dayBounds, type TodayStats } from './metrics';
import { dayRowOf, soldRowOf, receivedRowOf, type SummaryLead } from './popup-summary';

/**
 * What the popup computes from the summary when it reads it: everything that depends on the
 * clock or the settings. Each function gives what its lead-record counterpart in metrics.ts
 * gives (rankOpenLeads, todayStats), over the summary's leads; the tests hold them to that.
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

export interface RankedSummaryLead {
  lead: SummaryLead;
  state: LeadState;
}

const RANK: Record<SlaState, number> = { new: 0, overdue: 1, due: 2, waiting: 3, done: 4 };

// The same order as String.prototype.localeCompare without arguments, at a fraction of its
// cost per comparison (thousands of ties among leads due at one opening time).
const collator = new Intl.Collator();

/** Open leads with their cadence state, most urgent first: rankOpenLeads' order. */
export function rankSummaryLeads(
  leads: readonly SummaryLead[],
  now: number,
  cadence: CadenceSettings,
  hours: OpeningHours,
): RankedSummaryLead[] {
  const ranked: RankedSummaryLead[] = [];
  for (const lead of leads) {
    if (lead.open !== 1) continue;
    ranked.push({ lead, state: leadState({ receivedAt: lead.receivedAt, status: lead.status, attempts: lead.attemptLog }, cadence, hours, now) });
  }
  return ranked.sort((a, b) => {
    const rank = RANK[a.state.state] - RANK[b.state.state];
    if (rank !== 0) return rank;
    let byTime = 0;
    if (a.state.state === 'overdue') byTime = b.state.overdueByMs - a.state.overdueByMs;
    else if (a.state.state === 'due' || a.state.state === 'waiting') byTime = (a.state.dueAt ?? Infinity) - (b.state.dueAt ?? Infinity);
    else if (a.state.state === 'new') byTime = (a.state.overdueAt ?? Infinity) - (b.state.overdueAt ?? Infinity) || a.lead.receivedAt - b.lead.receivedAt;
    else byTime = a.lead.receivedAt - b.lead.receivedAt;
    return byTime || collator.compare(a.lead.key, b.lead.key);
  });
}

/** todayStats over the summary's leads (effective attempts only, as on every lead row). */
export function summaryTodayStats(input: {
  leads: readonly SummaryLead[];
  attempts: readonly { at: number }[];
  now: number;
  timeZone?: string;
  hours: OpeningHours;
}): TodayStats {
  const { hours } = input;
  const { start, end } = dayBounds(input.now, input.timeZone ?? hours.timeZone);
  const isToday = (at: number | null): at is number => at !== null && at >= start && at < end;
  const responses = input.leads
    .filter((lead) => !lead.backlog && isToday(lead.firstAttemptAt))
    .map((lead) => responseTimeMs(lead, hours) ?? 0);
  return {
    leadsSeen: input.leads.filter((lead) => isToday(lead.firstSeenAt)).length,
    attemptsLogged: input.attempts.filter((attempt) => isToday(attempt.at)).length,
    medianFirstResponseMs: median(responses),
    firstResponses: responses.length,
  };
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
