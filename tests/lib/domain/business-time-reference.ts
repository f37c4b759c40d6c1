import { TZDate } from '@date-fns/tz';
import type { OpeningHours, Weekday } from '@/lib/domain/business-time';
import { dutchHolidays, type LiberationDayRule } from '@/lib/domain/holidays';

/**
 * A deliberately naive business-time implementation to check the engine against. It shares no
 * code with the engine's calendar and works the other way round: the engine turns wall-clock
 * opening times into instants per local day; this turns instants into wall-clock time (via
 * TZDate) and asks whether the dealership is open then. Only the holiday dates are taken from
 * the holiday module, which has its own tables of cases.
 *
 * Two precisions:
 * - per minute: every whole minute in the span is looked up on its own. Exact for whole-minute
 *   instants, and slow (one TZDate per minute), so only for short spans.
 * - per UTC hour: one offset look-up per hour, and the open part of that hour in arithmetic.
 *   Exact to the millisecond for zones whose offsets are whole hours and change on a whole UTC
 *   hour (Amsterdam and the US zones); the offset look-up checks that and throws otherwise.
 *
 * Opening times inside the local hours 01:00–02:59 are not supported: around a DST change those
 * wall-clock times happen twice or not at all, so "open from 02:30" has no single meaning.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;

const toMinutes = (text: string): number => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));

interface Rules {
  zone: string;
  week: ([number, number] | null)[];
  closedDates: ReadonlySet<string>;
  holidays: boolean;
  optional: string[];
  liberationDay: LiberationDayRule;
}

const rulesCache = new WeakMap<OpeningHours, Rules>();

function rulesOf(hours: OpeningHours): Rules {
  const known = rulesCache.get(hours);
  if (known) return known;
  const days: Weekday[] = [0, 1, 2, 3, 4, 5, 6];
  const rules: Rules = {
    zone: hours.timeZone,
    week: days.map((d) => {
      const h = hours.week[d];
      return h ? [toMinutes(h.open), toMinutes(h.close)] : null;
    }),
    closedDates: new Set(hours.closedDates),
    holidays: hours.holidays,
    // The old opt-in id meant the lustrum rule; an explicit rule wins; absent means lustrum.
    optional: (hours.optionalHolidays ?? []).filter((id) => id !== 'bevrijdingsdag'),
    liberationDay: hours.liberationDay ?? 'lustrum',
  };
  rulesCache.set(hours, rules);
  return rules;
}

const holidayCache = new Map<string, ReadonlySet<string>>();

function isHoliday(rules: Rules, date: string): boolean {
  if (!rules.holidays) return false;
  const year = Number(date.slice(0, 4));
  const key = `${year} ${rules.optional.join(',')} ${rules.liberationDay}`;
  let set = holidayCache.get(key);
  if (!set) {
    const dates = dutchHolidays(year, { includeOptional: rules.optional, liberationDay: 'never' }).map((h) => h.date);
    const may5 = `${year}-05-05`;
    if (rules.liberationDay === 'every-year' || (rules.liberationDay === 'lustrum' && year % 5 === 0)) dates.push(may5);
    set = new Set(dates);
    holidayCache.set(key, set);
  }
  return set.has(date);
}

/** The opening window [open, close) in minutes after local midnight, or null when closed. */
function windowOf(rules: Rules, date: string, weekday: number): [number, number] | null {
  const w = rules.week[weekday] ?? null;
  if (!w || rules.closedDates.has(date) || isHoliday(rules, date)) return null;
  return w;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Whether the dealership is open during the whole minute starting at `ms`, by its wall clock. */
export function openAtMinute(ms: number, hours: OpeningHours): boolean {
  const rules = rulesOf(hours);
  const t = new TZDate(ms, rules.zone);
  const date = `${pad(t.getFullYear(), 4)}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
  const w = windowOf(rules, date, t.getDay());
  const minute = t.getHours() * 60 + t.getMinutes();
  return w !== null && minute >= w[0] && minute < w[1];
}

/** Business ms in [from, to), both whole minutes, one look-up per minute. */
export function durationByMinute(from: number, to: number, hours: OpeningHours): number {
  if (from % MIN !== 0 || to % MIN !== 0) throw new Error('durationByMinute needs whole minutes');
  let total = 0;
  for (let m = from; m < to; m += MIN) if (openAtMinute(m, hours)) total += MIN;
  return total;
}

/** `minutes` business minutes after `from` (a whole minute), or null when not found in `maxMinutes`. */
export function addByMinute(from: number, minutes: number, hours: OpeningHours, maxMinutes: number): number | null {
  let counted = 0;
  for (let m = from, i = 0; i < maxMinutes; m += MIN, i++) {
    if (!openAtMinute(m, hours)) continue;
    if (minutes === 0) return m;
    if (++counted === minutes) return m + MIN;
  }
  return null;
}

const offsetCache = new Map<string, number>();

/** Minutes east of UTC at `ms`. */
function offsetAt(zone: string, ms: number): number {
  const key = `${zone} ${ms}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = -new TZDate(ms, zone).getTimezoneOffset();
    offsetCache.set(key, offset);
  }
  return offset;
}

/** The offset valid for the whole UTC hour starting at `hourStart`; throws if there is none. */
function offsetForHour(zone: string, hourStart: number): number {
  const offset = offsetAt(zone, hourStart);
  if (offset % 60 !== 0) throw new Error(`reference: ${zone} has a non-hour offset at ${new Date(hourStart).toISOString()}`);
  const next = offsetAt(zone, hourStart + HOUR);
  if (next !== offset && offsetAt(zone, hourStart + HOUR - 1) !== offset) {
    throw new Error(`reference: ${zone} changes offset inside the hour at ${new Date(hourStart).toISOString()}`);
  }
  return offset;
}

/** The open part of the UTC hour starting at `hourStart`, as instants [lo, hi); lo ≥ hi when none. */
function openPartOfHour(rules: Rules, hourStart: number): [number, number] {
  const wall = new Date(hourStart + offsetForHour(rules.zone, hourStart) * MIN);
  const date = wall.toISOString().slice(0, 10);
  const w = windowOf(rules, date, wall.getUTCDay());
  if (!w) return [hourStart, hourStart];
  const first = wall.getUTCHours() * 60;
  const lo = Math.max(first, w[0]);
  const hi = Math.min(first + 60, w[1]);
  return [hourStart + (lo - first) * MIN, hourStart + (hi - first) * MIN];
}

/** Business ms in [from, to), exact to the ms, one offset look-up per UTC hour. */
export function durationByHour(from: number, to: number, hours: OpeningHours): number {
  const rules = rulesOf(hours);
  let total = 0;
  for (let h = Math.floor(from / HOUR) * HOUR; h < to; h += HOUR) {
    const [lo, hi] = openPartOfHour(rules, h);
    total += Math.max(0, Math.min(hi, to) - Math.max(lo, from));
  }
  return total;
}

/**
 * The instant at which `durationMs` of business time has passed since `from`, by the engine's
 * documented contract: zero gives the first open instant at or after `from`; a duration that
 * ends exactly at a closing gives that closing. Infinity when not found within `maxHours`.
 */
export function addByHour(from: number, durationMs: number, hours: OpeningHours, maxHours: number): number {
  const rules = rulesOf(hours);
  let remaining = durationMs;
  const firstHour = Math.floor(from / HOUR) * HOUR;
  for (let i = 0, h = firstHour; i < maxHours; i++, h += HOUR) {
    const [lo, hi] = openPartOfHour(rules, h);
    const start = Math.max(lo, from);
    if (start >= hi) continue;
    if (remaining === 0) return start;
    if (remaining <= hi - start) return start + remaining;
    remaining -= hi - start;
  }
  return Infinity;
}

/** The UTC instants in [from, to) at which `zone` changes its offset (found per hour). */
export function offsetChanges(zone: string, from: number, to: number): number[] {
  const changes: number[] = [];
  const DAY = 24 * HOUR;
  for (let d = from; d < to; d += DAY) {
    if (offsetAt(zone, d) === offsetAt(zone, d + DAY)) continue;
    for (let h = d; h < d + DAY; h += HOUR) {
      if (offsetAt(zone, h) !== offsetAt(zone, h + HOUR)) changes.push(h + HOUR);
    }
  }
  return changes;
}
