import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import { DEFAULT_OPENING_HOURS, type OpeningHours } from './business-time';
import { DEFAULT_CADENCE_SETTINGS, leadState, type CadenceSettings, type LeadState, type SlaState } from './cadence';
import type { LeadRecord } from './lead';
import { median, responseTimeMs } from './lead-metrics';
import { DEFAULT_TIME_ZONE } from './model';

export { DEFAULT_TIME_ZONE };

/**
 * The calendar day containing `now` in `timeZone`, as [start, end) epoch ms. Computed in the
 * zone rather than as now − 24 h, so a DST day is 23 or 25 hours long, as the dealer lives it.
 */
export function dayBounds(now: number, timeZone: string = DEFAULT_TIME_ZONE): { start: number; end: number } {
  const start = startOfDay(new TZDate(now, timeZone));
  return { start: start.getTime(), end: addDays(start, 1).getTime() };
}

// One median for every surface: the kernel's.
export { median };

/** What ranking reads of a lead: a lead record, or a lead of the popup's summary. */
export type RankableLead = Pick<LeadRecord, 'key' | 'open' | 'receivedAt' | 'status' | 'attemptLog'>;

/** What today's figures read of a lead. */
export type TodayLead = Pick<LeadRecord, 'backlog' | 'firstSeenAt' | 'firstAttemptAt' | 'receivedAt'>;

export interface RankedLead<L extends RankableLead = LeadRecord> {
  lead: L;
  state: LeadState;
}

// The same order as String.prototype.localeCompare without arguments, at a fraction of its
// cost per comparison (thousands of ties among leads due at one opening time).
const keyOrder = new Intl.Collator();

// New leads (inside their first-attempt window) above the overdue backlog, as in actionList.
const RANK: Record<SlaState, number> = { new: 0, overdue: 1, due: 2, waiting: 3, done: 4 };

/**
 * The kernel's urgency order of ranked leads (rankOpenLeads, and the popup's ranking from
 * plans). Overdue leads go by due time: business time late only grows with an earlier due time,
 * so that is longest late first (and, equally late, the one due first) without computing it.
 */
export function byUrgency(a: { lead: Pick<RankableLead, 'key' | 'receivedAt'>; state: LeadState }, b: { lead: Pick<RankableLead, 'key' | 'receivedAt'>; state: LeadState }): number {
  const rank = RANK[a.state.state] - RANK[b.state.state];
  if (rank !== 0) return rank;
  let byTime = 0;
  if (a.state.state === 'overdue' || a.state.state === 'due' || a.state.state === 'waiting') byTime = (a.state.dueAt ?? Infinity) - (b.state.dueAt ?? Infinity);
  else if (a.state.state === 'new') byTime = (a.state.overdueAt ?? Infinity) - (b.state.overdueAt ?? Infinity) || a.lead.receivedAt - b.lead.receivedAt;
  else byTime = a.lead.receivedAt - b.lead.receivedAt;
  return byTime || keyOrder.compare(a.lead.key, b.lead.key);
}

function computeState(lead: RankableLead, now: number, cadence: CadenceSettings, hours: OpeningHours): LeadState {
  return leadState({ receivedAt: lead.receivedAt, status: lead.status, attempts: lead.attemptLog ?? [] }, cadence, hours, now);
}

/**
 * Open leads with their cadence state, most urgent first: new (closest to its SLA deadline
 * first), overdue (longest first), due (earliest due first), waiting (soonest next step
 * first), then leads whose cadence is done. The same order as the worker's action list,
 * extended to all open leads so "My leads", "Now" and the notifications never disagree.
 */
export function rankOpenLeads<L extends RankableLead>(
  leads: readonly L[],
  now: number,
  cadence: CadenceSettings = DEFAULT_CADENCE_SETTINGS,
  hours: OpeningHours = DEFAULT_OPENING_HOURS,
): RankedLead<L>[] {
  return leads
    .filter((lead) => lead.open === 1)
    .map((lead) => ({
      lead,
      state: computeState(lead, now, cadence, hours),
    }))
    .sort(byUrgency);
}

/** Open leads, most urgent first (see rankOpenLeads). */
export function urgencyOrder(
  leads: readonly LeadRecord[],
  now: number,
  cadence: CadenceSettings = DEFAULT_CADENCE_SETTINGS,
  hours: OpeningHours = DEFAULT_OPENING_HOURS,
): LeadRecord[] {
  return rankOpenLeads(leads, now, cadence, hours).map((r) => r.lead);
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
  leads: readonly TodayLead[];
  /** Effective attempts only: the caller has already removed voided ones. */
  attempts: readonly { at: number }[];
  now: number;
  timeZone?: string;
  /** Response times count business time (docs/definitions.md "Response time"). */
  hours?: OpeningHours;
}): TodayStats {
  const hours = input.hours ?? DEFAULT_OPENING_HOURS;
  const { start, end } = dayBounds(input.now, input.timeZone ?? hours.timeZone);
  const isToday = (at: number | null): at is number => at !== null && at >= start && at < end;
  const responses = input.leads
    // Backlog was never new work: its response time is no measure of speed to lead.
    .filter((lead) => !lead.backlog && isToday(lead.firstAttemptAt))
    // The kernel's response time: a CRM clock ahead of ours counts as an instant response.
    .map((lead) => responseTimeMs(lead, hours) ?? 0);
  return {
    leadsSeen: input.leads.filter((lead) => isToday(lead.firstSeenAt)).length,
    attemptsLogged: input.attempts.filter((attempt) => isToday(attempt.at)).length,
    medianFirstResponseMs: median(responses),
    firstResponses: responses.length,
  };
}
