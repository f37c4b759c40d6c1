/**
 * Dutch public holidays, computed per year so the calendar never runs out (no tables to update).
 * Dates are plain calendar dates ('YYYY-MM-DD'): a holiday is a local day wherever the dealer is.
 *
 * Liberation Day (Bevrijdingsdag, 5 May) is a national holiday every year, but the national rule
 * makes it a day off only in lustrum years (2025, 2030, …); many collective agreements follow
 * that, some give it every year, and plenty of dealers simply stay open. So it has its own rule,
 * `LiberationDayRule`: 'lustrum' (the default), 'every-year' or 'never'. Older settings could
 * only opt in with the optional id 'bevrijdingsdag', which meant closed in lustrum years: that is
 * what the default gives, so they read the same, and an explicit rule always wins over the id.
 * Older settings without the id were open on 5 May; they now follow the national rule like a
 * new install, until the dealer picks 'never'.
 */

export const LIBERATION_DAY_RULES = ['every-year', 'lustrum', 'never'] as const;
export type LiberationDayRule = (typeof LIBERATION_DAY_RULES)[number];
/** The national rule: closed on 5 May in years divisible by five. */
export const DEFAULT_LIBERATION_DAY: LiberationDayRule = 'lustrum';

/** Whether 5 May of `year` is a day off under `rule`. */
export function liberationDayOff(year: number, rule: LiberationDayRule): boolean {
  if (rule === 'every-year') return true;
  if (rule === 'lustrum') return year % 5 === 0;
  return false;
}

export interface Holiday {
  date: string;
  id: HolidayId;
  name: { nl: string; en: string };
}

export const HOLIDAY_IDS = [
  'nieuwjaarsdag',
  'goede-vrijdag',
  'eerste-paasdag',
  'tweede-paasdag',
  'koningsdag',
  'bevrijdingsdag',
  'hemelvaartsdag',
  'eerste-pinksterdag',
  'tweede-pinksterdag',
  'eerste-kerstdag',
  'tweede-kerstdag',
] as const;
export type HolidayId = (typeof HOLIDAY_IDS)[number];

export interface HolidayDefinition {
  id: HolidayId;
  name: { nl: string; en: string };
  /**
   * Not closed every year as a matter of course: most dealers open on Goede Vrijdag, so it is
   * opt-in per id; Bevrijdingsdag follows its own rule (see the top of this file).
   */
  optional: boolean;
}

/** Every holiday Leadpace knows, for the options page. */
export const DUTCH_HOLIDAYS: readonly HolidayDefinition[] = [
  { id: 'nieuwjaarsdag', name: { nl: 'Nieuwjaarsdag', en: "New Year's Day" }, optional: false },
  { id: 'goede-vrijdag', name: { nl: 'Goede Vrijdag', en: 'Good Friday' }, optional: true },
  { id: 'eerste-paasdag', name: { nl: 'Eerste Paasdag', en: 'Easter Sunday' }, optional: false },
  { id: 'tweede-paasdag', name: { nl: 'Tweede Paasdag', en: 'Easter Monday' }, optional: false },
  { id: 'koningsdag', name: { nl: 'Koningsdag', en: "King's Day" }, optional: false },
  // Listed as its LiberationDayRule says (lustrum years only by default).
  { id: 'bevrijdingsdag', name: { nl: 'Bevrijdingsdag', en: 'Liberation Day' }, optional: true },
  { id: 'hemelvaartsdag', name: { nl: 'Hemelvaartsdag', en: 'Ascension Day' }, optional: false },
  { id: 'eerste-pinksterdag', name: { nl: 'Eerste Pinksterdag', en: 'Whit Sunday' }, optional: false },
  { id: 'tweede-pinksterdag', name: { nl: 'Tweede Pinksterdag', en: 'Whit Monday' }, optional: false },
  { id: 'eerste-kerstdag', name: { nl: 'Eerste Kerstdag', en: 'Christmas Day' }, optional: false },
  { id: 'tweede-kerstdag', name: { nl: 'Tweede Kerstdag', en: 'Boxing Day' }, optional: false },
];

const DAY_MS = 86_400_000;

/** Calendar arithmetic in UTC: holidays are dates, never instants, so no zone can shift them. */
function utcDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day);
}

function isoDate(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}

/** Easter Sunday (Gregorian), anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(utcDay(year, month, day));
}

function kingsDay(year: number): { date: string; nl: string; en: string } {
  // Koninginnedag (30 April) until 2013; since 2014 Koningsdag on 27 April. Both move one day
  // earlier when they fall on a Sunday.
  const [day, nl, en] = year >= 2014 ? [27, 'Koningsdag', "King's Day"] : [30, 'Koninginnedag', "Queen's Day"];
  const ms = utcDay(year, 4, day);
  const sunday = new Date(ms).getUTCDay() === 0;
  return { date: isoDate(sunday ? ms - DAY_MS : ms), nl, en };
}

const definitionById = new Map(DUTCH_HOLIDAYS.map((h) => [h.id, h]));

/**
 * The Dutch holidays of `year`, sorted by date: the official closed set ("algemeen erkende
 * feestdagen"), Bevrijdingsdag as `liberationDay` says (default: lustrum years), and the optional
 * ids in `includeOptional` (e.g. 'goede-vrijdag'). Unknown ids are ignored; the old id
 * 'bevrijdingsdag' asks for what the default already gives.
 */
export function dutchHolidays(
  year: number,
  options: { includeOptional?: readonly string[]; liberationDay?: LiberationDayRule } = {},
): Holiday[] {
  if (!Number.isInteger(year)) return [];
  const wanted = new Set(options.includeOptional ?? []);
  const easter = Date.parse(easterSunday(year));
  const fromEaster = (days: number) => isoDate(easter + days * DAY_MS);
  const king = kingsDay(year);

  const candidates: { id: HolidayId; date: string; name?: { nl: string; en: string } }[] = [
    { id: 'nieuwjaarsdag', date: isoDate(utcDay(year, 1, 1)) },
    { id: 'goede-vrijdag', date: fromEaster(-2) },
    { id: 'eerste-paasdag', date: fromEaster(0) },
    { id: 'tweede-paasdag', date: fromEaster(1) },
    { id: 'koningsdag', date: king.date, name: { nl: king.nl, en: king.en } },
    { id: 'hemelvaartsdag', date: fromEaster(39) },
    { id: 'eerste-pinksterdag', date: fromEaster(49) },
    { id: 'tweede-pinksterdag', date: fromEaster(50) },
    { id: 'eerste-kerstdag', date: isoDate(utcDay(year, 12, 25)) },
    { id: 'tweede-kerstdag', date: isoDate(utcDay(year, 12, 26)) },
  ];
  if (liberationDayOff(year, options.liberationDay ?? DEFAULT_LIBERATION_DAY)) {
    candidates.push({ id: 'bevrijdingsdag', date: isoDate(utcDay(year, 5, 5)) });
  }

  const result: Holiday[] = [];
  for (const c of candidates) {
    const def = definitionById.get(c.id);
    if (!def || (def.optional && c.id !== 'bevrijdingsdag' && !wanted.has(c.id))) continue;
    result.push({ date: c.date, id: c.id, name: c.name ?? def.name });
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
