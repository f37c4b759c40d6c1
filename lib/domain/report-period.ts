import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, startOfMonth, startOfQuarter } from 'date-fns';

/** The report's periods; `custom` is any inclusive range of local dates. */
export const REPORT_PERIODS = ['this-month', 'last-month', 'this-quarter', 'last-12-months', 'custom'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

/** A cohort window: leads received in [from, to), plus the inclusive local dates it shows. */
export interface ReportRange {
  from: number;
  to: number;
  /** 'YYYY-MM-DD', local, inclusive: what the address bar and the basis sentence say. */
  firstDate: string;
  lastDate: string;
}

const DATE_RE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** 'YYYY-MM-DD' of an instant in the dealer's zone. */
export function localDate(ms: number, timeZone: string): string {
  const d = new TZDate(ms, timeZone);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Local midnight of a 'YYYY-MM-DD' date in the zone; null for anything that is not a real date. */
export function startOfLocalDate(date: string, timeZone: string): number | null {
  const match = DATE_RE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = new TZDate(year, month - 1, day, timeZone);
  // 31 Feb rolls over into March: not a date anyone meant.
  if (start.getDate() !== day || start.getMonth() !== month - 1) return null;
  return start.getTime();
}

/** The range of the inclusive local dates `firstDate`…`lastDate`; null when either is no date or they are reversed. */
export function rangeFromDates(firstDate: string, lastDate: string, timeZone: string): ReportRange | null {
  const from = startOfLocalDate(firstDate, timeZone);
  const last = startOfLocalDate(lastDate, timeZone);
  if (from === null || last === null || last < from) return null;
  // The day after, in the zone: a DST day is 23 or 25 hours.
  const to = addDays(new TZDate(last, timeZone), 1).getTime();
  return { from, to, firstDate, lastDate };
}

const toRange = (from: TZDate, to: TZDate, timeZone: string): ReportRange => ({
  from: from.getTime(),
  to: to.getTime(),
  firstDate: localDate(from.getTime(), timeZone),
  lastDate: localDate(to.getTime() - 1, timeZone),
});

/** The window of a named period around `now`, as the dealer's calendar has it. */
export function reportPeriodRange(period: Exclude<ReportPeriod, 'custom'>, now: number, timeZone: string): ReportRange {
  const local = new TZDate(now, timeZone);
  const month = startOfMonth(local);
  switch (period) {
    case 'this-month':
      return toRange(month, addMonths(month, 1), timeZone);
    case 'last-month':
      return toRange(addMonths(month, -1), month, timeZone);
    case 'this-quarter': {
      const quarter = startOfQuarter(local);
      return toRange(quarter, addMonths(quarter, 3), timeZone);
    }
    case 'last-12-months':
      // The current month and the eleven before it: twelve whole cohorts.
      return toRange(addMonths(month, -11), addMonths(month, 1), timeZone);
  }
}

/** Which named period a range is, so the address `?from=&to=` selects the right button. */
export function periodOfRange(range: Pick<ReportRange, 'firstDate' | 'lastDate'>, now: number, timeZone: string): ReportPeriod {
  for (const period of REPORT_PERIODS) {
    if (period === 'custom') continue;
    const named = reportPeriodRange(period, now, timeZone);
    if (named.firstDate === range.firstDate && named.lastDate === range.lastDate) return period;
  }
  return 'custom';
}

/** 'YYYY-MM' months a range touches, oldest first. */
export function monthsOf(range: Pick<ReportRange, 'from' | 'to'>, timeZone: string): string[] {
  const months: string[] = [];
  for (let m = startOfMonth(new TZDate(range.from, timeZone)); m.getTime() < range.to; m = addMonths(m, 1)) {
    months.push(localDate(m.getTime(), timeZone).slice(0, 7));
  }
  return months;
}
