import { businessDayAt, type OpeningHours } from './business-time';
import type { StatusActor } from './events';
import type { LeadRecord } from './lead';
import {
  CohortTally,
  factsOf,
  isClosedStatus,
  isExcluded,
  isProperlyWorked,
  median,
  reached,
  responseTimeMs,
  wasClosedTooEarly,
  type CohortFigures,
  type LeadFacts,
  type MetricSettings,
} from './lead-metrics';
import type { LostReason } from './model';
import { monthPacing } from './pacing';
import { floorVerdict, isSmallSample, wilsonInterval, type Interval, type Verdict } from './wilson';

/**
 * The source report: per source (and in total) how the leads received in a period were worked
 * and how they converted, split by whether each lead was properly worked. Every count comes from
 * the metrics kernel's definitions; this module only groups leads and adds the interval, the
 * verdict against the floor and the money.
 *
 * Rules, where the definitions leave room:
 * - Cohort basis: the leads received in the period, and every sale of those leads whenever it
 *   happened. Excluded (duplicate) and backlog leads leave every count and are shown as counts.
 * - Spend of a source: the sum of the monthly spend of every month in which its cohort's leads
 *   came in (whole months, also for a custom range inside a month). One such month without an
 *   entry makes the spend unknown — a partial sum would understate the cost. The total's spend
 *   is unknown when any source's is.
 * - Cost per lead: spend ÷ leads; cost per sale: spend ÷ sold; unknown without spend or sales.
 * - Median attempts before closing: over the leads of the cohort that are closed (sold or lost).
 * - Maturity: the share of the cohort still open (neither sold nor lost).
 */

/** What the report needs of one lead: its facts plus who it belongs to and what happened to it. */
export interface ReportLead extends LeadFacts {
  key: string;
  leadId: string;
  name?: string;
  url?: string;
  source: string;
  /** Who worked it: the rep's name (own data) or the team's member. */
  rep: string;
  soldAt: number | null;
  closedAt: number | null;
  statusActor: StatusActor | null;
}

export function reportLeadOf(
  record: Pick<
    LeadRecord,
    | 'key'
    | 'leadId'
    | 'name'
    | 'url'
    | 'source'
    | 'receivedAt'
    | 'firstAttemptAt'
    | 'attemptCount'
    | 'contactCount'
    | 'status'
    | 'lostReason'
    | 'furthest'
    | 'attemptsBeforeClose'
    | 'contactsBeforeClose'
    | 'phoneAttemptsBeforeClose'
    | 'backlog'
    | 'soldAt'
    | 'closedAt'
    | 'statusActor'
  >,
  rep: string,
): ReportLead {
  return {
    ...factsOf(record),
    key: record.key,
    leadId: record.leadId,
    name: record.name,
    url: record.url,
    source: record.source,
    rep,
    soldAt: record.soldAt,
    closedAt: record.closedAt,
    statusActor: record.statusActor ?? null,
  };
}

/** A rate with everything needed to judge it: n, the count, the 95% interval and the verdict. */
export interface Rate {
  n: number;
  hits: number;
  rate: number | null;
  interval: Interval | null;
  verdict: Verdict;
  /** n under 30: marked, never hidden. */
  small: boolean;
}

export function rateOf(hits: number, n: number, floor: number): Rate {
  const interval = wilsonInterval(hits, n);
  return { n, hits, rate: n > 0 ? hits / n : null, interval, verdict: floorVerdict(interval, floor), small: isSmallSample(n) };
}

export interface Funnel {
  received: number;
  reached: number;
  appointment: number;
  shown: number;
  sold: number;
}

export interface SourceRow extends Funnel {
  /** The source id; '' on the total row. */
  source: string;
  /** n: leads of the cohort (excluded and backlog left out). */
  leads: number;
  excluded: number;
  backlog: number;
  /** Leads of the cohort still open (not sold, not lost), and their share. */
  open: number;
  openShare: number | null;
  /** Leads with at least one conversation (the kernel's contact rate numerator). */
  contacted: number;
  contactRate: number | null;
  firstAttempts: number;
  medianResponseMs: number | null;
  withinSlaShare: number | null;
  medianAttemptsBeforeClose: number | null;
  closedTooEarly: number;
  conversion: Rate;
  /** Leads properly worked, and the rest: each with its own conversion. */
  worked: Rate;
  unworked: Rate;
  /** Sales by who recorded them: the rep in the panel, the CRM's page, an import. */
  salesBy: Record<StatusActor, number>;
  spend: number | null;
  costPerLead: number | null;
  costPerSale: number | null;
}

/** Spend of one source in one 'YYYY-MM' month; null when none was entered. */
export type SpendLookup = (source: string, month: string) => number | null;

export const RESPONSE_BUCKETS = ['le5m', '5to30m', '30to60m', '1to4h', 'over4h', 'never'] as const;
export type ResponseBucket = (typeof RESPONSE_BUCKETS)[number];

const MINUTE = 60_000;

/** The bucket of a response time in business ms (upper bounds inclusive); `never` before a first attempt. */
export function responseBucket(responseMs: number | null): ResponseBucket {
  if (responseMs === null) return 'never';
  if (responseMs <= 5 * MINUTE) return 'le5m';
  if (responseMs <= 30 * MINUTE) return '5to30m';
  if (responseMs <= 60 * MINUTE) return '30to60m';
  if (responseMs <= 240 * MINUTE) return '1to4h';
  return 'over4h';
}

export interface ClosedTooEarlyItem {
  key: string;
  leadId: string;
  name?: string;
  url?: string;
  rep: string;
  source: string;
  attempts: number;
  lostReason: LostReason | null;
  closedAt: number | null;
  closedBy: StatusActor | null;
}

export interface RepFunnel extends Funnel {
  rep: string;
  conversion: Rate;
}

export interface SourceReport {
  rows: SourceRow[];
  total: SourceRow;
  reps: RepFunnel[];
  closedTooEarly: ClosedTooEarlyItem[];
  responseBuckets: Record<ResponseBucket, number>;
}

export interface ReportSettings extends MetricSettings {
  floor: number;
}

/** 'YYYY-MM' of an instant in the dealer's zone. */
export function monthKey(ms: number, hours: OpeningHours): string {
  const day = businessDayAt(ms, hours);
  return `${day.year}-${String(day.month).padStart(2, '0')}`;
}

const DAY_MS = 86_400_000;
const HALF_DAY_MS = DAY_MS / 2;

/**
 * `monthKey` for many instants: a report asks it for every lead, and working out the local day
 * each time was most of the report's cost. Each month met is placed once (its first and last
 * local midnight, from the same calendar as `businessDayAt`), and later instants only compare.
 */
export function monthKeyer(hours: OpeningHours): (ms: number) => string {
  const months: { start: number; end: number; key: string }[] = [];
  let last: { start: number; end: number; key: string } | undefined;
  return (ms) => {
    if (last && ms >= last.start && ms < last.end) return last.key;
    last = months.find((m) => ms >= m.start && ms < m.end);
    if (last) return last.key;
    const day = businessDayAt(ms, hours);
    const daysInMonth = new Date(Date.UTC(day.year, day.month, 0)).getUTCDate();
    // Noon of the first and the last day: a DST shift of an hour or two cannot leave that day.
    const first = businessDayAt(day.start - (day.day - 1) * DAY_MS + HALF_DAY_MS, hours);
    const final = businessDayAt(day.start + (daysInMonth - day.day) * DAY_MS + HALF_DAY_MS, hours);
    last = { start: first.start, end: final.end, key: `${day.year}-${String(day.month).padStart(2, '0')}` };
    months.push(last);
    return last.key;
  };
}

class RowTally {
  private readonly cohort: CohortTally;
  private readonly funnel: Funnel = { received: 0, reached: 0, appointment: 0, shown: 0, sold: 0 };
  private open = 0;
  private contacted = 0;
  private workedLeads = 0;
  private workedSold = 0;
  private readonly closedAttempts: number[] = [];
  private readonly salesBy: Record<StatusActor, number> = { rep: 0, crm: 0, import: 0 };
  readonly months = new Set<string>();

  constructor(
    readonly source: string,
    private readonly settings: ReportSettings,
  ) {
    this.cohort = new CohortTally(settings);
  }

  /**
   * Adds a lead; `month` is its received month, `worked` whether it was properly worked and
   * `response` its response time (null when excluded, backlog or never attempted), worked out
   * once by the caller for every row the lead counts in. `funnelOnly`: the per-rep rows need
   * only the funnel, not the kernel's response figures.
   */
  add(lead: ReportLead, month: string | null, worked: boolean, response: number | null, funnelOnly = false): void {
    if (!funnelOnly) this.cohort.addWithResponse(lead, response);
    if (lead.backlog || isExcluded(lead)) return;
    if (month !== null) this.months.add(month);
    const f = this.funnel;
    f.received += 1;
    if (reached(lead, 'contacted')) f.reached += 1;
    if (reached(lead, 'appointment')) f.appointment += 1;
    if (reached(lead, 'shown')) f.shown += 1;
    const sold = lead.status === 'sold';
    if (sold) {
      f.sold += 1;
      this.salesBy[lead.statusActor ?? 'rep'] += 1;
    }
    if (lead.contacts > 0) this.contacted += 1;
    if (isClosedStatus(lead.status)) this.closedAttempts.push(lead.attemptsBeforeClose);
    else this.open += 1;
    if (worked) {
      this.workedLeads += 1;
      if (sold) this.workedSold += 1;
    }
  }

  row(spend: number | null): SourceRow {
    const figures: CohortFigures = this.cohort.figures();
    const floor = this.settings.floor;
    const n = figures.leads;
    return {
      source: this.source,
      ...this.funnel,
      leads: n,
      excluded: figures.excluded,
      backlog: figures.backlog,
      open: this.open,
      openShare: n > 0 ? this.open / n : null,
      contacted: this.contacted,
      contactRate: figures.contactRate,
      firstAttempts: figures.firstAttempts,
      medianResponseMs: figures.medianResponseMs,
      withinSlaShare: figures.withinSlaShare,
      medianAttemptsBeforeClose: median(this.closedAttempts),
      closedTooEarly: figures.closedTooEarly,
      conversion: rateOf(figures.sold, n, floor),
      worked: rateOf(this.workedSold, this.workedLeads, floor),
      unworked: rateOf(figures.sold - this.workedSold, n - this.workedLeads, floor),
      salesBy: { ...this.salesBy },
      spend,
      costPerLead: spend !== null && n > 0 ? spend / n : null,
      costPerSale: spend !== null && figures.sold > 0 ? spend / figures.sold : null,
    };
  }

  funnelOf(): Funnel {
    return { ...this.funnel };
  }
}

function spendOf(source: string, months: ReadonlySet<string>, lookup: SpendLookup | undefined): number | null {
  if (!lookup || months.size === 0) return null;
  let sum = 0;
  for (const month of months) {
    const amount = lookup(source, month);
    if (amount === null) return null;
    sum += amount;
  }
  return sum;
}

/** The whole report over the leads received in [from, to). Rows are in source-id order. */
export function sourceReport(input: {
  leads: Iterable<ReportLead>;
  from: number;
  to: number;
  settings: ReportSettings;
  spend?: SpendLookup;
}): SourceReport {
  const { settings, from, to } = input;
  const bySource = new Map<string, RowTally>();
  const byRep = new Map<string, RowTally>();
  const total = new RowTally('', settings);
  const buckets = Object.fromEntries(RESPONSE_BUCKETS.map((b) => [b, 0])) as Record<ResponseBucket, number>;
  const closedTooEarly: ClosedTooEarlyItem[] = [];
  const tallyFor = (map: Map<string, RowTally>, key: string) => {
    let tally = map.get(key);
    if (!tally) {
      tally = new RowTally(key, settings);
      map.set(key, tally);
    }
    return tally;
  };
  const monthOf = monthKeyer(settings.hours);
  for (const lead of input.leads) {
    if (lead.receivedAt < from || lead.receivedAt >= to) continue;
    const counted = !lead.backlog && !isExcluded(lead);
    const response = counted ? responseTimeMs(lead, settings.hours) : null;
    const worked = counted && isProperlyWorked(lead, settings, response);
    const month = counted && input.spend ? monthOf(lead.receivedAt) : null;
    tallyFor(bySource, lead.source).add(lead, month, worked, response);
    tallyFor(byRep, lead.rep).add(lead, null, worked, response, true);
    total.add(lead, null, worked, response);
    if (!counted) continue;
    buckets[responseBucket(response)] += 1;
    if (wasClosedTooEarly(lead, settings.closeAfterAttempts)) {
      closedTooEarly.push({
        key: lead.key,
        leadId: lead.leadId,
        name: lead.name,
        url: lead.url,
        rep: lead.rep,
        source: lead.source,
        attempts: lead.attemptsBeforeClose,
        lostReason: lead.lostReason,
        closedAt: lead.closedAt,
        closedBy: lead.statusActor,
      });
    }
  }
  const rows = [...bySource.values()]
    .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0))
    .map((tally) => tally.row(spendOf(tally.source, tally.months, input.spend)));
  const spends = rows.map((r) => r.spend);
  const totalSpend = rows.length > 0 && spends.every((s) => s !== null) ? spends.reduce<number>((sum, s) => sum + (s ?? 0), 0) : null;
  closedTooEarly.sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0) || (a.key < b.key ? -1 : 1));
  const reps = [...byRep.values()]
    .map((tally) => {
      const funnel = tally.funnelOf();
      return { rep: tally.source, ...funnel, conversion: rateOf(funnel.sold, funnel.received, settings.floor) };
    })
    .sort((a, b) => (a.rep < b.rep ? -1 : a.rep > b.rep ? 1 : 0));
  return { rows, total: total.row(totalSpend), reps, closedTooEarly, responseBuckets: buckets };
}

export interface PacingPoint {
  /** 'YYYY-MM-DD' local date of a business day of the month. */
  date: string;
  day: number;
  expected: number;
  /** Sold by that day's close; null for days still to come. */
  actual: number | null;
}

/**
 * Month pacing day by day: for each business day of the month containing `now`, the sales
 * expected by its close (target × elapsed ÷ business days) and the sales made by the end of
 * that day (up to `now` for today).
 */
export function pacingSeries(input: { target: number; soldDates: readonly number[]; now: number; hours: OpeningHours }): PacingPoint[] {
  const { hours, now } = input;
  const today = businessDayAt(now, hours);
  let first = today;
  while (first.day > 1) first = businessDayAt(first.start - 1, hours);
  const points: PacingPoint[] = [];
  for (let d = first; d.month === today.month; d = businessDayAt(d.end, hours)) {
    if (d.open === null || d.close === null) continue;
    const at = d.close;
    const pacing = monthPacing({ target: input.target, soldDates: input.soldDates, now: at, hours });
    // Sold by the end of that day (a sale logged after closing still counts for its day).
    const past = d.start <= now;
    const actual = past ? monthPacing({ target: input.target, soldDates: input.soldDates, now: Math.min(d.end - 1, now), hours }).sold : null;
    points.push({ date: d.date, day: d.day, expected: pacing.expectedByToday, actual });
  }
  return points;
}
