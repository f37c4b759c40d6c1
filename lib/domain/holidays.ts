/**
 * Dutch public holidays, computed per year so the calendar never runs out (no tables to update).
 * Dates are plain calendar dates ('YYYY-MM-DD'): a holiday is a local day wherever the dealer is.
 */

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
   * Optional holidays are not closed by default: most dealers open on Goede Vrijdag and on
   * Bevrijdingsdag, so the dealer opts in per id.
   */
  optional: boolean;
}

/** Every holiday Leadpace knows, for the options page (the `optional` ones are opt-in). */
export const DUTCH_HOLIDAYS: readonly HolidayDefinition[] = [
  { id: 'nieuwjaarsdag', name: { nl: 'Nieuwjaarsdag', en: "New Year's Day" }, optional: false },
  { id: 'goede-vrijdag', name: { nl: 'Goede Vrijdag', en: 'Good Friday' }, optional: true },
  { id: 'eerste-paasdag', name: { nl: 'Eerste Paasdag', en: 'Easter Sunday' }, optional: false },
  { id: 'tweede-paasdag', name: { nl: 'Tweede Paasdag', en: 'Easter Monday' }, optional: false },
  { id: 'koningsdag', name: { nl: 'Koningsdag', en: "King's Day" }, optional: false },
  // Listed only in lustrum years (2025, 2030, …), the years it is a national day off for many.
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
 * The Dutch holidays of `year`, sorted by date. By default only the official closed set
 * ("algemeen erkende feestdagen" without Bevrijdingsdag); pass ids in `includeOptional`
 * (e.g. 'goede-vrijdag') to add optional ones. Unknown ids are ignored.
 */
export function dutchHolidays(year: number, options: { includeOptional?: readonly string[] } = {}): Holiday[] {
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
  if (year % 5 === 0) candidates.push({ id: 'bevrijdingsdag', date: isoDate(utcDay(year, 5, 5)) });

  const result: Holiday[] = [];
  for (const c of candidates) {
    const def = definitionById.get(c.id);
    if (!def || (def.optional && !wanted.has(c.id))) continue;
    result.push({ date: c.date, id: c.id, name: c.name ?? def.name });
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
