import { businessDayAt, type BusinessDay, type OpeningHours } from './business-time';

/**
 * Month pacing (docs/definitions.md): expected sales by today = target × elapsed business days ÷ business
 * days in the month; projection = sold ÷ elapsed × total.
 *
 * Rules chosen here:
 * - A business day is a local day (dealer's zone) with opening hours, not a holiday or closed
 *   date — the same calendar as the lead clocks.
 * - Elapsed counts today as the fraction of today's opening hours that has passed (0 before
 *   opening, 1 after closing), so "expected by today" grows through the day instead of jumping
 *   at midnight.
 * - The projection never extrapolates from less than one business day (elapsed is floored at 1
 *   for it), so one sale at 09:30 on the 1st does not project the month at hundreds.
 * - Behind means at least one whole sale short: sold < ⌊expected⌋. Sales are whole cars, and
 *   this keeps the first days of a month from nagging over a fraction of a sale.
 */

export interface MonthPacing {
  /** Sales in the current local month up to `now`. */
  sold: number;
  expectedByToday: number;
  projection: number;
  elapsedBusinessDays: number;
  businessDaysInMonth: number;
  behind: boolean;
}

/** The local days of the month containing `now`, in order. */
function daysOfMonth(now: number, hours: OpeningHours): BusinessDay[] {
  const today = businessDayAt(now, hours);
  let first = today;
  while (first.day > 1) first = businessDayAt(first.start - 1, hours);
  const days: BusinessDay[] = [];
  for (let d = first; d.month === today.month; d = businessDayAt(d.end, hours)) days.push(d);
  return days;
}

const isBusinessDay = (d: BusinessDay): d is BusinessDay & { open: number; close: number } =>
  d.open !== null && d.close !== null && d.close > d.open;

export function monthPacing(input: {
  target: number;
  soldDates: readonly number[];
  now: number;
  hours: OpeningHours;
}): MonthPacing {
  const { now, hours } = input;
  const target = Math.max(0, input.target);
  const days = daysOfMonth(now, hours);
  const monthStart = days[0]?.start ?? now;
  let total = 0;
  let elapsed = 0;
  for (const d of days) {
    if (!isBusinessDay(d)) continue;
    total += 1;
    if (now >= d.close) elapsed += 1;
    else if (now > d.open) elapsed += (now - d.open) / (d.close - d.open);
  }
  const sold = input.soldDates.filter((at) => at >= monthStart && at <= now).length;
  const expectedByToday = total > 0 ? (target * elapsed) / total : 0;
  const projection = total > 0 ? (sold / Math.max(elapsed, 1)) * total : sold;
  return {
    sold,
    expectedByToday,
    projection,
    elapsedBusinessDays: elapsed,
    businessDaysInMonth: total,
    behind: sold < Math.floor(expectedByToday),
  };
}

export type PacingCheckpoint = 'start' | 'day10' | 'day20';

type OpenDay = BusinessDay & { open: number; close: number };

/**
 * The month's checkpoint days: 'start' is its first business day, 'day10' and 'day20' the first
 * business day on or after the 10th and the 20th (a closed 10th moves to the next business
 * day, never back). A checkpoint is missing when no business day is left for it; when two fall
 * on one day (a month that opens on the 12th) the earlier checkpoint keeps it.
 */
export function checkpointDays(now: number, hours: OpeningHours): Partial<Record<PacingCheckpoint, OpenDay>> {
  const days = daysOfMonth(now, hours);
  const firstFrom = (dayOfMonth: number) => days.find((d): d is OpenDay => d.day >= dayOfMonth && isBusinessDay(d));
  const result: Partial<Record<PacingCheckpoint, OpenDay>> = {};
  const start = firstFrom(1);
  const day10 = firstFrom(10);
  const day20 = firstFrom(20);
  if (start) result.start = start;
  if (day10 && day10.day !== start?.day) result.day10 = day10;
  if (day20 && day20.day !== day10?.day && day20.day !== start?.day) result.day20 = day20;
  return result;
}

/** Which pacing checkpoint today is (see checkpointDays); null on any other day and on closed days. */
export function pacingCheckpoint(now: number, hours: OpeningHours): PacingCheckpoint | null {
  const today = businessDayAt(now, hours).day;
  const days = checkpointDays(now, hours);
  for (const checkpoint of ['start', 'day10', 'day20'] as const) if (days[checkpoint]?.day === today) return checkpoint;
  return null;
}
