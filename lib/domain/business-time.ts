import { TZDate, tzOffset } from '@date-fns/tz';
import { dutchHolidays, type LiberationDayRule } from './holidays';
import { isValidTimeZone, liberationDayRule, parseTime, WEEKDAYS, type OpeningHours, type Weekday } from './opening-hours';
import { DEFAULT_TIME_ZONE } from './model';

/**
 * Business time: time inside the dealership's opening hours. Lead clocks and SLAs
 * count it, so it must be right across weekends, holidays and DST, and cheap enough to run for
 * thousands of leads every minute.
 *
 * Conventions used by every function here:
 * - An opening interval is half-open, [open, close): open at 09:00:00.000, closed at 18:00.
 * - Hours with no open time never make a function loop or throw: durations are 0,
 *   `addBusinessMs` returns Infinity and `nextOpening` returns null. Searches for the next open
 *   day stop after MAX_CLOSED_DAYS consecutive closed days (about 3 years) for the same reason.
 * - An invalid time zone falls back to Europe/Amsterdam and an unparseable or inverted day is
 *   treated as closed; `validateOpeningHours` is what refuses such input in options.
 * - OpeningHours objects are treated as immutable: derived calendars are memoised per object.
 *   Replace the object to change the hours, never mutate it.
 */

export * from './opening-hours';

// ---------------------------------------------------------------------------------------------
// The calendar: one cached record per local day, so every query is a few map look-ups and
// whole days are skipped in one step. Building a day costs a handful of TZDate constructions
// (~15 µs each), which is why they are memoised rather than recomputed per lead.

const DAY_MS = 86_400_000;
/** About three years: the longest run of closed days a search crosses before giving up. */
export const MAX_CLOSED_DAYS = 1100;
/** A hard ceiling on days walked by one call, so absurd durations still terminate. */
const MAX_WALK_DAYS = 200 * 366;
const MAX_INSTANT = 8.6e15;

interface Day {
  /** Local days since 1970-01-01 in the dealer's zone. */
  num: number;
  /** Local midnight and the next local midnight (23 or 25 h apart on DST days). */
  start: number;
  end: number;
  /** Opening interval; open === close (=== start) on a closed day. */
  open: number;
  close: number;
  date: string;
  year: number;
  month: number;
  day: number;
  weekday: Weekday;
}

class Calendar {
  readonly zone: string;
  readonly anyOpen: boolean;
  private readonly minutes: ([number, number] | null)[];
  private readonly closedDates: Set<string>;
  private readonly holidaysOn: boolean;
  private readonly optionalHolidays: string[];
  private readonly liberationDay: LiberationDayRule;
  private readonly holidayYears = new Map<number, Set<string>>();
  private readonly days = new Map<number, Day>();
  private readonly midnights = new Map<number, number>();
  private readonly offsetGuess: number;

  constructor(hours: OpeningHours) {
    this.zone = isValidTimeZone(hours.timeZone) ? hours.timeZone : DEFAULT_TIME_ZONE;
    this.minutes = WEEKDAYS.map((d) => {
      const h = hours.week[d];
      if (!h) return null;
      const open = parseTime(h.open, 'open');
      const close = parseTime(h.close, 'close');
      return open !== null && close !== null && close > open ? [open, close] : null;
    });
    this.anyOpen = this.minutes.some((m) => m !== null);
    this.closedDates = new Set(hours.closedDates);
    this.holidaysOn = hours.holidays;
    this.optionalHolidays = hours.optionalHolidays ?? [];
    this.liberationDay = liberationDayRule(hours);
    // Any offset of the zone will do: day look-ups correct a guess that is off by a day.
    this.offsetGuess = (tzOffset(this.zone, new Date(Date.UTC(2000, 0, 1))) || 0) * 60_000;
  }

  private midnight(num: number): number {
    const known = this.midnights.get(num);
    if (known !== undefined) return known;
    const d = new Date(num * DAY_MS);
    const ms =
      this.plainMidnight(num) ?? new TZDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), this.zone).getTime();
    this.midnights.set(num, ms);
    return ms;
  }

  /**
   * Local midnight from offset look-ups alone, or null when the zone's offset changes within
   * six hours of it. An offset look-up costs a tenth of a TZDate built from wall-clock fields,
   * and a cold calendar needs one midnight per day it covers; the rare day near a change still
   * goes through TZDate, so both paths place every midnight the same way.
   */
  private plainMidnight(num: number): number | null {
    const wall = num * DAY_MS;
    const offset = tzOffset(this.zone, new Date(wall - this.offsetGuess));
    const candidate = wall - offset * 60_000;
    const around = [candidate, candidate - 6 * 3_600_000, candidate + 6 * 3_600_000];
    return around.every((ms) => tzOffset(this.zone, new Date(ms)) === offset) ? candidate : null;
  }

  private isHoliday(year: number, date: string): boolean {
    if (!this.holidaysOn) return false;
    let set = this.holidayYears.get(year);
    if (!set) {
      set = new Set(dutchHolidays(year, { includeOptional: this.optionalHolidays, liberationDay: this.liberationDay }).map((h) => h.date));
      this.holidayYears.set(year, set);
    }
    return set.has(date);
  }

  dayByNum(num: number): Day {
    const cached = this.days.get(num);
    if (cached) return cached;
    const utc = new Date(num * DAY_MS);
    const year = utc.getUTCFullYear();
    const month = utc.getUTCMonth() + 1;
    const day = utc.getUTCDate();
    const weekday = utc.getUTCDay() as Weekday;
    const date = utc.toISOString().slice(0, 10);
    const start = this.midnight(num);
    const end = this.midnight(num + 1);
    let open = start;
    let close = start;
    const mins = this.minutes[weekday];
    if (mins && !this.closedDates.has(date) && !this.isHoliday(year, date)) {
      // Wall-clock times: on an ordinary 24-hour day 09:00 is midnight + 9 h; on a DST day
      // TZDate places it, so 09:00 stays 09:00 on both sides of the change.
      const at = (m: number) =>
        end - start === DAY_MS
          ? start + m * 60_000
          : new TZDate(year, month - 1, day, Math.floor(m / 60), m % 60, this.zone).getTime();
      open = Math.max(start, at(mins[0]));
      close = Math.min(end, mins[1] >= 1440 ? end : at(mins[1]));
      if (close <= open) close = open = start;
    }
    const record: Day = { num, start, end, open, close, date, year, month, day, weekday };
    this.days.set(num, record);
    return record;
  }

  // Running totals of business ms per local day, so a duration over weeks is two look-ups rather
  // than a walk. Both are counted from a fixed anchor day and only ever appended to, so a total
  // never changes once computed: reads can happen in any order, and a later read that grows the
  // tables cannot invalidate an earlier one (re-basing shared sums did exactly that).
  //   ahead[i]  = business ms in the days [anchor, anchor + i)
  //   behind[i] = business ms in the days [anchor - i, anchor)
  private anchor: number | null = null;
  private readonly ahead: number[] = [0];
  private readonly behind: number[] = [0];

  /** Business ms in the whole local days [fromNum, toNum); 0 when toNum ≤ fromNum. */
  businessMsInDays(fromNum: number, toNum: number): number {
    if (!(toNum > fromNum)) return 0;
    return this.sinceAnchor(toNum) - this.sinceAnchor(fromNum);
  }

  /** Signed business ms from the start of the anchor day to the start of day `num`. */
  private sinceAnchor(num: number): number {
    this.anchor ??= num;
    const anchor = this.anchor;
    if (num >= anchor) {
      const index = num - anchor;
      for (let i = this.ahead.length; i <= index; i++) {
        const d = this.dayByNum(anchor + i - 1);
        this.ahead.push((this.ahead[i - 1] ?? 0) + d.close - d.open);
      }
      return this.ahead[index] ?? 0;
    }
    const index = anchor - num;
    for (let i = this.behind.length; i <= index; i++) {
      const d = this.dayByNum(anchor - i);
      this.behind.push((this.behind[i - 1] ?? 0) + d.close - d.open);
    }
    return -(this.behind[index] ?? 0);
  }

  dayAt(instant: number): Day {
    // Keep look-ups inside the Date range; only absurd inputs ever get near it.
    const ms = Math.min(MAX_INSTANT, Math.max(-MAX_INSTANT, instant));
    let num = Math.floor((ms + this.offsetGuess) / DAY_MS);
    let d = this.dayByNum(num);
    while (ms < d.start) d = this.dayByNum(--num);
    while (ms >= d.end) d = this.dayByNum(++num);
    return d;
  }
}

const calendars = new WeakMap<OpeningHours, Calendar>();
/** Equal hours passed as fresh objects (e.g. re-read from storage) still share one calendar. */
const calendarsBySignature = new Map<string, Calendar>();
const MAX_SIGNATURES = 16;

function calendarFor(hours: OpeningHours): Calendar {
  const known = calendars.get(hours);
  if (known) return known;
  const signature = JSON.stringify([
    hours.timeZone,
    WEEKDAYS.map((d) => hours.week[d]),
    hours.closedDates,
    hours.holidays,
    hours.optionalHolidays ?? [],
    liberationDayRule(hours),
  ]);
  let calendar = calendarsBySignature.get(signature);
  if (!calendar) {
    calendar = new Calendar(hours);
    if (calendarsBySignature.size >= MAX_SIGNATURES) calendarsBySignature.clear();
    calendarsBySignature.set(signature, calendar);
  }
  calendars.set(hours, calendar);
  return calendar;
}

const isOpenDay = (d: Day): boolean => d.close > d.open;

/** True when `ms` falls inside an opening interval. */
export function isOpenAt(ms: number, hours: OpeningHours): boolean {
  if (!Number.isFinite(ms)) return false;
  const cal = calendarFor(hours);
  if (!cal.anyOpen) return false;
  const d = cal.dayAt(ms);
  return ms >= d.open && ms < d.close;
}

/**
 * The first instant at or after `ms` when the dealership is open: `ms` itself when open now.
 * Null when there is no open time within MAX_CLOSED_DAYS.
 */
export function nextOpening(ms: number, hours: OpeningHours): number | null {
  if (!Number.isFinite(ms)) return null;
  const cal = calendarFor(hours);
  if (!cal.anyOpen) return null;
  let d = cal.dayAt(ms);
  if (isOpenDay(d) && ms < d.close) return Math.max(ms, d.open);
  for (let i = 0; i < MAX_CLOSED_DAYS; i++) {
    d = cal.dayByNum(d.num + 1);
    if (isOpenDay(d)) return d.open;
  }
  return null;
}

/**
 * The instant at which `durationMs` of business time has passed since `fromMs`. Counting starts
 * at the next opening when `fromMs` is outside hours, so a zero duration gives the next opening
 * (or `fromMs` when open). A duration that ends exactly at closing returns the closing instant.
 * Negative durations count as zero. Infinity when the hours have no open time left to count
 * (or `durationMs` is Infinity); NaN in, NaN out.
 */
export function addBusinessMs(fromMs: number, durationMs: number, hours: OpeningHours): number {
  if (Number.isNaN(fromMs) || Number.isNaN(durationMs) || fromMs === -Infinity) return NaN;
  if (fromMs === Infinity || durationMs === Infinity) return Infinity;
  const cal = calendarFor(hours);
  if (!cal.anyOpen) return Infinity;
  let remaining = Math.max(0, durationMs);
  let pos = fromMs;
  let d = cal.dayAt(pos);
  let closedRun = 0;
  for (let walked = 0; walked < MAX_WALK_DAYS; walked++) {
    if (isOpenDay(d) && pos < d.close) {
      closedRun = 0;
      const startAt = Math.max(pos, d.open);
      const available = d.close - startAt;
      if (remaining <= available) return startAt + remaining;
      remaining -= available;
    } else if (++closedRun > MAX_CLOSED_DAYS) {
      return Infinity;
    }
    d = cal.dayByNum(d.num + 1);
    pos = d.start;
  }
  return Infinity;
}

/** Business ms between two instants; 0 when `toMs` ≤ `fromMs`. */
export function businessDurationMs(fromMs: number, toMs: number, hours: OpeningHours): number {
  if (!(toMs > fromMs)) return 0;
  const cal = calendarFor(hours);
  if (!cal.anyOpen) return 0;
  if (!Number.isFinite(toMs) || !Number.isFinite(fromMs)) return Infinity;
  const first = cal.dayAt(fromMs);
  // Absurd spans are cut at MAX_WALK_DAYS rather than building centuries of calendar.
  const last = cal.dayAt(Math.min(toMs, first.start + MAX_WALK_DAYS * DAY_MS));
  if (first.num === last.num) return overlap(first, fromMs, toMs);
  return overlap(first, fromMs, toMs) + cal.businessMsInDays(first.num + 1, last.num) + overlap(last, fromMs, toMs);
}

// Module-level rather than a closure: hot paths run per lead per tick, and some toolchains
// (esbuild's keepNames, used by tsx) wrap every closure creation in a naming call.
function overlap(d: Day, fromMs: number, toMs: number): number {
  return Math.max(0, Math.min(toMs, d.close) - Math.max(fromMs, d.open));
}

/** One local day in the dealer's zone, as the pacing and cadence rules need it. */
export interface BusinessDay {
  /** 'YYYY-MM-DD' local date. */
  date: string;
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  weekday: Weekday;
  /** Local midnight and the next one (23 or 25 h apart on DST days). */
  start: number;
  end: number;
  /** The opening interval, null on a closed day (weekday closed, holiday or closed date). */
  open: number | null;
  close: number | null;
}

function toBusinessDay(d: Day): BusinessDay {
  const open = isOpenDay(d);
  return {
    date: d.date,
    year: d.year,
    month: d.month,
    day: d.day,
    weekday: d.weekday,
    start: d.start,
    end: d.end,
    open: open ? d.open : null,
    close: open ? d.close : null,
  };
}

/** The local day containing `ms`. */
export function businessDayAt(ms: number, hours: OpeningHours): BusinessDay {
  return toBusinessDay(calendarFor(hours).dayAt(ms));
}

/** Closing time of the local day containing `ms`; null on a closed day. Allocation-free. */
export function closingTimeOfDay(ms: number, hours: OpeningHours): number | null {
  if (!Number.isFinite(ms)) return null;
  const d = calendarFor(hours).dayAt(ms);
  return isOpenDay(d) ? d.close : null;
}

/**
 * The opening instant of the `days`-th business day after the local day containing `ms`
 * (days ≥ 1; smaller values act like `nextOpening`). Counts calendar days in the dealer's zone,
 * so a call logged on Monday evening still makes "1 business day later" Tuesday. Infinity when
 * no such day exists within the search limits.
 */
export function addBusinessDays(ms: number, days: number, hours: OpeningHours): number {
  if (!Number.isFinite(ms)) return Number.isNaN(ms) ? NaN : Infinity;
  const cal = calendarFor(hours);
  if (!cal.anyOpen) return Infinity;
  if (days < 1) return nextOpening(ms, hours) ?? Infinity;
  let d = cal.dayAt(ms);
  let counted = 0;
  let closedRun = 0;
  for (let walked = 0; walked < MAX_WALK_DAYS; walked++) {
    d = cal.dayByNum(d.num + 1);
    if (isOpenDay(d)) {
      closedRun = 0;
      if (++counted >= days) return d.open;
    } else if (++closedRun > MAX_CLOSED_DAYS) {
      return Infinity;
    }
  }
  return Infinity;
}
