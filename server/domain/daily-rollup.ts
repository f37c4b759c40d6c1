import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import { openingHoursSchema } from '../../lib/domain/business-time';
import {
  isExcluded,
  isProperlyWorked,
  median,
  percentile,
  reached,
  responseTimeMs,
  wasClosedTooEarly,
  type CohortFigures,
  type LeadFacts,
  type MetricSettings,
} from '../../lib/domain/lead-metrics';
import { z } from 'zod';

/**
 * One rep's leads received on one day of the team's zone, tallied with the team's metric
 * settings: everything the leaderboard needs to add whole days together, so a month reads
 * about thirty rows per rep instead of every lead. Response times are kept as values, not a
 * summary, because the median and p90 of a month are not functions of daily medians.
 *
 * A roll-up is a projection of lead_facts under one set of settings; when the settings change
 * the team's roll-ups are rebuilt, so no verdict outlives the settings that made it.
 */
export interface DayTally {
  leads: number;
  within: number;
  attempts: number;
  contacted: number;
  appointments: number;
  tooEarly: number;
  sold: number;
  excluded: number;
  backlog: number;
  worked: number;
  /** Response times (business ms) of the day's leads that had a first attempt, ascending. */
  responses: number[];
}

export const emptyDayTally = (): DayTally => ({
  leads: 0,
  within: 0,
  attempts: 0,
  contacted: 0,
  appointments: 0,
  tooEarly: 0,
  sold: 0,
  excluded: 0,
  backlog: 0,
  worked: 0,
  responses: [],
});

/** The same rules as the kernel's CohortTally, per lead, into a day's tally. */
export function addLeadToDay(day: DayTally, lead: LeadFacts, settings: MetricSettings): void {
  if (lead.backlog) {
    day.backlog += 1;
    return;
  }
  if (isExcluded(lead)) {
    day.excluded += 1;
    return;
  }
  const response = responseTimeMs(lead, settings.hours);
  day.leads += 1;
  if (response !== null) {
    day.responses.push(response);
    if (response <= settings.firstAttemptSlaMs) day.within += 1;
  }
  day.attempts += lead.attempts;
  if (lead.contacts > 0) day.contacted += 1;
  if (reached(lead, 'appointment')) day.appointments += 1;
  if (wasClosedTooEarly(lead, settings.closeAfterAttempts)) day.tooEarly += 1;
  if (lead.status === 'sold') day.sold += 1;
  if (isProperlyWorked(lead, settings, response)) day.worked += 1;
}

export const isEmptyDay = (day: DayTally): boolean => day.leads + day.excluded + day.backlog === 0;

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** The figures of several days together; equal to the kernel's figures over their leads. */
export function figuresOfDays(days: Iterable<DayTally>): CohortFigures {
  const sum = emptyDayTally();
  const responses: number[] = [];
  for (const d of days) {
    sum.leads += d.leads;
    sum.within += d.within;
    sum.attempts += d.attempts;
    sum.contacted += d.contacted;
    sum.appointments += d.appointments;
    sum.tooEarly += d.tooEarly;
    sum.sold += d.sold;
    sum.excluded += d.excluded;
    sum.backlog += d.backlog;
    sum.worked += d.worked;
    for (const r of d.responses) responses.push(r);
  }
  responses.sort((a, b) => a - b);
  return {
    leads: sum.leads,
    firstAttempts: responses.length,
    medianResponseMs: median(responses),
    p90ResponseMs: percentile(responses, 90),
    withinSlaShare: ratio(sum.within, responses.length),
    attemptsPerLead: ratio(sum.attempts, sum.leads),
    contactRate: ratio(sum.contacted, sum.leads),
    appointmentRate: ratio(sum.appointments, sum.leads),
    closedTooEarly: sum.tooEarly,
    sold: sum.sold,
    conversion: ratio(sum.sold, sum.leads),
    excluded: sum.excluded,
    backlog: sum.backlog,
    properlyWorked: sum.worked,
  };
}

// Ingest and rebuilds ask for the day of every lead they tally, and a zone conversion costs
// tens of microseconds. So the zone's day starts around each UTC day are worked out once and
// kept: from the start of the local day holding the UTC day's first instant, one local day
// after another (each 23 to 25 hours) until past the UTC day's end. Any instant of that UTC
// day then falls in one of them.
const DAY_MS = 86_400_000;
const aroundUtcDay = new Map<string, Map<number, number[]>>();
const MAX_DAYS_PER_ZONE = 20_000;

const rawDayStart = (at: number, timeZone: string): number => startOfDay(new TZDate(at, timeZone)).getTime();
// From the start of the day, not its midnight: where a DST change skips midnight (Havana) the
// day starts at 01:00 and the next one at 00:00 again.
const rawNextDayStart = (dayStart: number, timeZone: string): number => startOfDay(addDays(new TZDate(dayStart, timeZone), 1)).getTime();

function dayStartsAround(at: number, timeZone: string): number[] {
  const utcDay = Math.floor(at / DAY_MS);
  let zone = aroundUtcDay.get(timeZone);
  if (!zone) aroundUtcDay.set(timeZone, (zone = new Map()));
  const kept = zone.get(utcDay);
  if (kept) return kept;
  const starts = [rawDayStart(utcDay * DAY_MS, timeZone)];
  for (let last = starts[0] ?? 0; last < (utcDay + 1) * DAY_MS; ) {
    last = rawNextDayStart(last, timeZone);
    starts.push(last);
  }
  if (zone.size >= MAX_DAYS_PER_ZONE) zone.clear();
  zone.set(utcDay, starts);
  return starts;
}

/** Start (epoch ms) of the team-zone day `at` falls on: a DST day is 23 or 25 hours. */
export function dayStartIn(at: number, timeZone: string): number {
  const starts = dayStartsAround(at, timeZone);
  for (let i = starts.length - 1; i >= 0; i--) {
    const start = starts[i];
    if (start !== undefined && start <= at) return start;
  }
  return rawDayStart(at, timeZone);
}

/** Start of the team-zone day after the one starting at `dayStart`. */
export function nextDayStartIn(dayStart: number, timeZone: string): number {
  const starts = dayStartsAround(dayStart, timeZone);
  const i = starts.indexOf(dayStart);
  const next = i >= 0 ? starts[i + 1] : undefined;
  return next ?? rawNextDayStart(dayStart, timeZone);
}

/**
 * The settings a team's roll-ups were computed with, as stored beside them: a stable string,
 * so "are these roll-ups current?" is one comparison, and parseable back for the next ingest.
 */
export const rollupSettingsKey = (settings: MetricSettings): string =>
  JSON.stringify({ hours: settings.hours, firstAttemptSlaMs: settings.firstAttemptSlaMs, closeAfterAttempts: settings.closeAfterAttempts });

const rollupSettingsSchema = z.object({
  hours: openingHoursSchema,
  firstAttemptSlaMs: z.number(),
  closeAfterAttempts: z.number(),
});

// The business-time engine memoises calendars per OpeningHours object: one object per key.
const parsedKeys = new Map<string, MetricSettings | null>();

/** The settings of a stored key; null when it is unreadable (the roll-ups are then rebuilt). */
export function settingsOfRollupKey(key: string): MetricSettings | null {
  const cached = parsedKeys.get(key);
  if (cached !== undefined) return cached;
  let settings: MetricSettings | null = null;
  try {
    const parsed = rollupSettingsSchema.safeParse(JSON.parse(key));
    if (parsed.success) settings = parsed.data;
  } catch {
    settings = null;
  }
  if (parsedKeys.size > 10_000) parsedKeys.clear();
  parsedKeys.set(key, settings);
  return settings;
}

const responsesSchema = z.array(z.number());

export class CorruptRollupError extends Error {
  constructor() {
    super('daily_rollups row has an invalid responses column');
    this.name = 'CorruptRollupError';
  }
}

/** A stored row's response list; a corrupt one fails loudly rather than showing wrong figures. */
export function responsesFromColumn(text: string): number[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CorruptRollupError();
  }
  const parsed = responsesSchema.safeParse(raw);
  if (!parsed.success) throw new CorruptRollupError();
  return parsed.data;
}
