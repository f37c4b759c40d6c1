import { TZDate } from '@date-fns/tz';
import { z } from 'zod/mini';
import { LIBERATION_DAY_RULES, type LiberationDayRule, DEFAULT_LIBERATION_DAY } from './holidays';
import { DEFAULT_TIME_ZONE } from './model';

// The dealer's opening hours as stored and edited: their shape, defaults and the checks Options
// runs before saving. Business time itself (./business-time.ts) reads them.

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

export interface DayHours {
  /** 'HH:mm', 24-hour local wall-clock time. */
  open: string;
  /** 'HH:mm'; '24:00' means until midnight. */
  close: string;
}

export interface OpeningHours {
  /** IANA zone (or a fixed offset such as '+01:00'). */
  timeZone: string;
  /** 0 = Sunday … 6 = Saturday; null = closed that weekday. */
  week: Record<Weekday, DayHours | null>;
  /** Extra closed days, 'YYYY-MM-DD' in the dealer's zone. */
  closedDates: string[];
  /** Closed on the official Dutch public holidays. */
  holidays: boolean;
  /** Optional holiday ids (e.g. 'goede-vrijdag') also closed when `holidays`. */
  optionalHolidays?: string[];
  /**
   * When 5 May is closed (only when `holidays`); absent means the national rule, 'lustrum'.
   * Optional so settings stored before it existed stay valid.
   */
  liberationDay?: LiberationDayRule;
}

const TIME_RE = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const CLOSE_RE = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DATE_RE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

// zod/mini: the popup reads these on its first screen, and classic zod would double its script.
const dayHoursSchema = z.object({
  open: z.string().check(z.regex(TIME_RE, 'HH:mm')),
  close: z.string().check(z.regex(CLOSE_RE, 'HH:mm')),
});

/** Shape and formats only; the semantic checks (open before close, …) are validateOpeningHours. */
export const openingHoursSchema = z.object({
  timeZone: z.string().check(z.minLength(1), z.maxLength(100)),
  week: z.object({
    0: z.nullable(dayHoursSchema),
    1: z.nullable(dayHoursSchema),
    2: z.nullable(dayHoursSchema),
    3: z.nullable(dayHoursSchema),
    4: z.nullable(dayHoursSchema),
    5: z.nullable(dayHoursSchema),
    6: z.nullable(dayHoursSchema),
  }),
  closedDates: z.array(z.string().check(z.regex(DATE_RE, 'YYYY-MM-DD'))).check(z.maxLength(2000)),
  holidays: z.boolean(),
  optionalHolidays: z.optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(20))),
  liberationDay: z.optional(z.enum(LIBERATION_DAY_RULES)),
}) satisfies z.ZodMiniType<OpeningHours>;

export const DEFAULT_OPENING_HOURS: OpeningHours = {
  timeZone: DEFAULT_TIME_ZONE,
  week: {
    0: null,
    1: { open: '09:00', close: '18:00' },
    2: { open: '09:00', close: '18:00' },
    3: { open: '09:00', close: '18:00' },
    4: { open: '09:00', close: '18:00' },
    5: { open: '09:00', close: '18:00' },
    6: { open: '09:00', close: '17:00' },
  },
  closedDates: [],
  holidays: true,
};

/** The Liberation Day rule `hours` mean, the default filled in. */
export function liberationDayRule(hours: OpeningHours): LiberationDayRule {
  return hours.liberationDay ?? DEFAULT_LIBERATION_DAY;
}

export type OpeningHoursProblem =
  | { code: 'invalid_time_zone'; value: string }
  | { code: 'invalid_time'; day: Weekday; field: 'open' | 'close'; value: string }
  | { code: 'close_not_after_open'; day: Weekday }
  | { code: 'no_open_time' }
  | { code: 'invalid_closed_date'; value: string };
export type OpeningHoursProblemCode = OpeningHoursProblem['code'];

/** Zone names already checked: every new calendar asks, and the answer never changes. */
const zoneValidity = new Map<string, boolean>();
const MAX_ZONES = 64;

export function isValidTimeZone(timeZone: string): boolean {
  const known = zoneValidity.get(timeZone);
  if (known !== undefined) return known;
  let valid: boolean;
  // The same constructor the engine uses decides, so "valid" means "the engine can use it".
  try {
    valid = timeZone.length > 0 && !Number.isNaN(new TZDate(2000, 0, 1, timeZone).getTime());
  } catch {
    valid = false;
  }
  if (zoneValidity.size >= MAX_ZONES) zoneValidity.clear();
  zoneValidity.set(timeZone, valid);
  return valid;
}

function isRealDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const ms = Date.parse(value);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

/** Minutes after midnight, or null when the string is not a valid time for that field. */
export function parseTime(value: unknown, field: 'open' | 'close'): number | null {
  if (typeof value !== 'string' || !(field === 'open' ? TIME_RE : CLOSE_RE).test(value)) return null;
  return Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));
}

/**
 * Everything wrong with `hours`, for the options page (codes map to i18n messages). An empty
 * list means the engine will use the hours as given.
 */
export function validateOpeningHours(hours: OpeningHours): OpeningHoursProblem[] {
  const problems: OpeningHoursProblem[] = [];
  if (!isValidTimeZone(hours.timeZone)) problems.push({ code: 'invalid_time_zone', value: hours.timeZone });
  let anyOpen = false;
  for (const day of WEEKDAYS) {
    const h = hours.week[day];
    if (!h) continue;
    const open = parseTime(h.open, 'open');
    const close = parseTime(h.close, 'close');
    if (open === null) problems.push({ code: 'invalid_time', day, field: 'open', value: String(h.open) });
    if (close === null) problems.push({ code: 'invalid_time', day, field: 'close', value: String(h.close) });
    if (open === null || close === null) continue;
    if (close <= open) problems.push({ code: 'close_not_after_open', day });
    else anyOpen = true;
  }
  if (!anyOpen) problems.push({ code: 'no_open_time' });
  for (const value of hours.closedDates) {
    if (!isRealDate(value)) problems.push({ code: 'invalid_closed_date', value });
  }
  return problems;
}

/**
 * Opening hours that are well-formed and make sense (no inverted days, some open time); each
 * problem's code is the issue's message, for the options page and the server to put in words.
 */
export const validOpeningHoursSchema = openingHoursSchema.check(
  z.superRefine((hours, ctx) => {
    for (const problem of validateOpeningHours(hours)) {
      ctx.addIssue({ code: 'custom', message: problem.code, path: 'day' in problem ? ['week', problem.day] : [] });
    }
  }),
);
