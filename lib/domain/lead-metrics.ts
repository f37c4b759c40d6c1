import { businessDurationMs, type OpeningHours } from './business-time';
import type { LeadProgress } from './lead';
import { CLOSED_STATUSES, type LeadStatus, type LostReason } from './model';

/**
 * The metrics kernel: every figure about leads — in the panel, the popup, the worker, the
 * report and on the team server — comes from these functions, computed from a lead's effective
 * (non-voided) events and the settings in force when the figure is read. Nothing here is ever
 * stored as a verdict, so an undo or a changed setting changes every figure at once.
 *
 * Rules, where the definitions leave room:
 * - Response time: business time from received to the first attempt in effect. An attempt
 *   before the received time (a CRM clock ahead of the rep's) is an instant response, 0.
 * - Within SLA: response time ≤ the first-attempt SLA; unknown (null) before a first attempt.
 * - Contact: the lead had at least one attempt whose outcome was a conversation.
 * - Closed too early: the lead's current status is `lost`, judged on the effort made before
 *   its last close —
 *   · reason `duplicate`: never (a duplicate is not a lead, it is excluded instead);
 *   · reason `wrong_number` after at least one attempt on the number (call, WhatsApp, SMS):
 *     never — the number itself was tried and is wrong;
 *   · otherwise: fewer attempts than the threshold and no conversation.
 *   A close made in the CRM is judged by exactly the same rule as one made in the panel.
 * - Properly worked: first attempt within SLA, and a conversation or at least the threshold of
 *   attempts before closing (while open: so far).
 * - Excluded: lost as `duplicate`. Excluded leads leave every cohort count and rate and are
 *   shown as a count of their own, never silently dropped.
 * - Backlog: received before the CRM's go-live. Backlog leads leave every figure the same way
 *   (nobody could have worked them with Leadpace in time) and are counted separately.
 * - Conversion: sold ÷ leads of the cohort (received in the period, excluded and backlog
 *   leads left out), whenever the sale happened.
 * - Median: the mean of the two middle values for an even count. p90: nearest rank, so it is
 *   always a real lead's value.
 */

/** The settings every figure depends on (the team's when connected, else the rep's own). */
export interface MetricSettings {
  hours: OpeningHours;
  firstAttemptSlaMs: number;
  /** The closed-too-early threshold: attempts after which a lead may be closed without contact. */
  closeAfterAttempts: number;
}

/** What the kernel needs of one lead: a lead record, a lead's progress or a server row. */
export interface LeadFacts {
  receivedAt: number;
  firstAttemptAt: number | null;
  attempts: number;
  contacts: number;
  status: LeadStatus;
  lostReason: LostReason | null;
  /** The furthest stage ever reached (appointment, shown…), also after a later loss. */
  furthest: LeadStatus;
  attemptsBeforeClose: number;
  contactsBeforeClose: number;
  phoneAttemptsBeforeClose: number;
  backlog: boolean;
}

/** The facts of a folded lead (LeadProgress, and the LeadRecord that extends it). */
export function factsOf(
  p: Pick<
    LeadProgress,
    | 'receivedAt'
    | 'firstAttemptAt'
    | 'contactCount'
    | 'status'
    | 'lostReason'
    | 'furthest'
    | 'attemptsBeforeClose'
    | 'contactsBeforeClose'
    | 'phoneAttemptsBeforeClose'
    | 'backlog'
  > & { attemptCount: number },
): LeadFacts {
  return {
    receivedAt: p.receivedAt,
    firstAttemptAt: p.firstAttemptAt,
    attempts: p.attemptCount,
    contacts: p.contactCount,
    status: p.status,
    lostReason: p.lostReason ?? null,
    furthest: p.furthest,
    attemptsBeforeClose: p.attemptsBeforeClose,
    contactsBeforeClose: p.contactsBeforeClose,
    phoneAttemptsBeforeClose: p.phoneAttemptsBeforeClose,
    backlog: p.backlog,
  };
}

/** Business ms from received to the first attempt; null before the first attempt. */
export function responseTimeMs(lead: Pick<LeadFacts, 'receivedAt' | 'firstAttemptAt'>, hours: OpeningHours): number | null {
  if (lead.firstAttemptAt === null) return null;
  return lead.firstAttemptAt > lead.receivedAt ? businessDurationMs(lead.receivedAt, lead.firstAttemptAt, hours) : 0;
}

export function isWithinSla(responseMs: number | null, firstAttemptSlaMs: number): boolean | null {
  return responseMs === null ? null : responseMs <= firstAttemptSlaMs;
}

export const isExcluded = (lead: { status: LeadStatus; lostReason?: LostReason | null }): boolean =>
  lead.status === 'lost' && lead.lostReason === 'duplicate';

/**
 * Whether closing as lost with this effort counts as closed too early (rules above). Used for
 * the warning before a close (the effort so far) and for the verdict on a closed lead.
 */
export function closeIsTooEarly(
  effort: { attempts: number; contacts: number; phoneAttempts: number },
  lostReason: LostReason | null | undefined,
  threshold: number,
): boolean {
  if (lostReason === 'duplicate') return false;
  if (lostReason === 'wrong_number' && effort.phoneAttempts > 0) return false;
  return effort.contacts === 0 && effort.attempts < threshold;
}

/** The verdict on a lead as it stands: only a lead that is lost now was closed too early. */
export function wasClosedTooEarly(
  lead: Pick<LeadFacts, 'status' | 'attemptsBeforeClose' | 'contactsBeforeClose' | 'phoneAttemptsBeforeClose'> & {
    lostReason?: LostReason | null;
  },
  threshold: number,
): boolean {
  if (lead.status !== 'lost') return false;
  return closeIsTooEarly(
    { attempts: lead.attemptsBeforeClose, contacts: lead.contactsBeforeClose, phoneAttempts: lead.phoneAttemptsBeforeClose },
    lead.lostReason,
    threshold,
  );
}

export function isProperlyWorked(
  lead: LeadFacts,
  settings: MetricSettings,
  responseMs: number | null = responseTimeMs(lead, settings.hours),
): boolean {
  if (isWithinSla(responseMs, settings.firstAttemptSlaMs) !== true) return false;
  return lead.contactsBeforeClose > 0 || lead.attemptsBeforeClose >= settings.closeAfterAttempts;
}

const STAGE: Record<LeadStatus, number> = { open: 0, contacted: 1, appointment: 2, shown: 3, sold: 4, lost: -1 };
/** The lead reached `stage` at some point (a later loss does not undo an appointment). */
export const reached = (lead: Pick<LeadFacts, 'furthest'>, stage: LeadStatus): boolean => STAGE[lead.furthest] >= STAGE[stage];

export const isClosedStatus = (status: LeadStatus): boolean => CLOSED_STATUSES.includes(status);

/** Median of the values (mean of the two middle ones for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = isSorted(values) ? values : [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[mid - 1] ?? upper) + upper) / 2;
}

/** Nearest-rank percentile: an actual observed value, so "p90 = 7 min" is a real lead. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = isSorted(values) ? values : [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

function isSorted(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if ((values[i - 1] ?? 0) > (values[i] ?? 0)) return false;
  return true;
}

/** One rep's (or a team's) figures over a cohort of leads. */
export interface CohortFigures {
  /** n: leads of the cohort (excluded and backlog leads left out); rates are over n unless noted. */
  leads: number;
  /** How many of them got a first attempt (n of the response-time figures). */
  firstAttempts: number;
  medianResponseMs: number | null;
  p90ResponseMs: number | null;
  /** Share of first attempts within the SLA. */
  withinSlaShare: number | null;
  attemptsPerLead: number | null;
  contactRate: number | null;
  appointmentRate: number | null;
  closedTooEarly: number;
  sold: number;
  conversion: number | null;
  /** Leads lost as duplicates: not leads, shown as a count. */
  excluded: number;
  /** Leads from before the go-live: not new work, shown as a count. */
  backlog: number;
  /** Leads worked properly (first attempt within SLA, and a contact or enough attempts). */
  properlyWorked: number;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Running counts for one cohort; `add` every lead, then `figures()`. */
export class CohortTally {
  private leads = 0;
  private within = 0;
  private attempts = 0;
  private contacted = 0;
  private appointments = 0;
  private tooEarly = 0;
  private sold = 0;
  private excluded = 0;
  private backlog = 0;
  private worked = 0;
  private readonly responses: number[] = [];

  constructor(private readonly settings: MetricSettings) {}

  add(lead: LeadFacts): void {
    this.addWithResponse(lead, lead.backlog || isExcluded(lead) ? null : responseTimeMs(lead, this.settings.hours));
  }

  /**
   * `add` for a caller that tallies the same lead more than once (a rep and the team) and
   * computed its response time with the same hours already.
   */
  addWithResponse(lead: LeadFacts, response: number | null): void {
    if (lead.backlog) {
      this.backlog += 1;
      return;
    }
    if (isExcluded(lead)) {
      this.excluded += 1;
      return;
    }
    const s = this.settings;
    this.leads += 1;
    if (response !== null) {
      this.responses.push(response);
      if (response <= s.firstAttemptSlaMs) this.within += 1;
    }
    this.attempts += lead.attempts;
    if (lead.contacts > 0) this.contacted += 1;
    if (reached(lead, 'appointment')) this.appointments += 1;
    if (wasClosedTooEarly(lead, s.closeAfterAttempts)) this.tooEarly += 1;
    if (lead.status === 'sold') this.sold += 1;
    if (isProperlyWorked(lead, s, response)) this.worked += 1;
  }

  figures(): CohortFigures {
    const sorted = [...this.responses].sort((a, b) => a - b);
    return {
      leads: this.leads,
      firstAttempts: sorted.length,
      medianResponseMs: median(sorted),
      p90ResponseMs: percentile(sorted, 90),
      withinSlaShare: ratio(this.within, sorted.length),
      attemptsPerLead: ratio(this.attempts, this.leads),
      contactRate: ratio(this.contacted, this.leads),
      appointmentRate: ratio(this.appointments, this.leads),
      closedTooEarly: this.tooEarly,
      sold: this.sold,
      conversion: ratio(this.sold, this.leads),
      excluded: this.excluded,
      backlog: this.backlog,
      properlyWorked: this.worked,
    };
  }
}

/** The figures of the leads received in [from, to). */
export function cohortFigures(leads: Iterable<LeadFacts>, settings: MetricSettings, from = -Infinity, to = Infinity): CohortFigures {
  const tally = new CohortTally(settings);
  for (const lead of leads) if (lead.receivedAt >= from && lead.receivedAt < to) tally.add(lead);
  return tally.figures();
}
