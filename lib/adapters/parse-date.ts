import { TZDate } from '@date-fns/tz';
import { addDays, addMonths } from 'date-fns';
import { DEFAULT_TIME_ZONE } from '../domain/model';

export interface ParseCrmDateOptions {
  /** Reference for relative texts ("2 uur geleden", "gisteren 14:05"). */
  now: Date;
  /** The dealer's zone: CRMs print wall-clock times without an offset. */
  timeZone?: string;
}

/**
 * The zone CRM pages are read in when a caller does not name one: the dealer's zone from the
 * settings (opening hours), set by the content script at start and on change. Adapters keep
 * their simple `(doc, url)` contract; a US dealer who sets America/Chicago gets Chicago times.
 */
let readingTimeZone: string = DEFAULT_TIME_ZONE;

export function setCrmReadingTimeZone(timeZone: string): void {
  try {
    // An unknown zone keeps the previous one rather than breaking every date on the page.
    new Intl.DateTimeFormat('en', { timeZone }).format(0);
    readingTimeZone = timeZone;
  } catch {
    // keep the previous zone
  }
}

export function crmReadingTimeZone(): string {
  return readingTimeZone;
}

// Longer texts are never a date; capping keeps the regexes cheap on hostile pages.
const MAX_INPUT = 120;

const MONTHS: Readonly<Record<string, number>> = {
  // nl
  januari: 1, februari: 2, maart: 3, mrt: 3, april: 4, mei: 5, juni: 6, juli: 7, augustus: 8,
  september: 9, oktober: 10, okt: 10, november: 11, december: 12,
  // en
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, oct: 10, october: 10, nov: 11, dec: 12,
  // de
  januar: 1, jänner: 1, februar: 2, märz: 3, maerz: 3, mai: 5, dezember: 12, dez: 12,
  // fr
  janvier: 1, janv: 1, février: 2, fevrier: 2, févr: 2, fevr: 2, mars: 3, avril: 4, avr: 4,
  juin: 6, juillet: 7, juil: 7, août: 8, aout: 8, septembre: 9, octobre: 10, novembre: 11,
  décembre: 12, decembre: 12, déc: 12,
};

const WEEKDAY =
  '(?:ma|di|wo|do|vr|za|zo|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|' +
  'mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|' +
  'saturday|sunday|mo|mi|fr|sa|so|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|' +
  'lun|mar|mer|jeu|ven|sam|dim|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)';
const WEEKDAY_PREFIX = new RegExp(`^${WEEKDAY}\\.?,?\\s+`);

// "14:05", "14.05", "14:05:33", "2:05 PM", "2 pm", "14u05", optionally followed by "uur"/"Uhr"/"h".
const TIME = '(\\d{1,2})(?:[:.u](\\d{2})(?::(\\d{2}))?)?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?(?:\\s*(?:uhr|uur|u|h))?';
// What may sit between a date and its time: "26-11-2026 14:05", "26-11-2026, 14:05",
// "gisteren om 14:05", "yesterday at 2:05 PM", "hier à 14:05", "gestern um 14:05".
const JOINER = '(?:\\s*,\\s*|\\s+-\\s+|\\s+(?:om|at|um|à|a)\\s+|\\s+)';

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/;
const NUMERIC_RE = new RegExp(
  `^(\\d{1,2})([-./])(\\d{1,2})\\2(\\d{4}|\\d{2})(?:${JOINER}${TIME})?$`,
);
const YEAR_FIRST_RE = new RegExp(`^(\\d{4})([/.])(\\d{1,2})\\2(\\d{1,2})(?:${JOINER}${TIME})?$`);
// "26 nov 2026 14:05", "26 november", "26. November 2026", "26 nov. 2026, 14:05"
const DAY_MONTH_RE = new RegExp(
  `^(\\d{1,2})\\.?\\s+([a-zà-ÿ]{3,10})\\.?(?:\\s+(\\d{4}))?(?:${JOINER}${TIME})?$`,
);
// "nov 26, 2026 2:05 PM", "November 26 2026", "Nov 26"
const MONTH_DAY_RE = new RegExp(
  `^([a-zà-ÿ]{3,10})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?:${JOINER}${TIME})?$`,
);

const JUST_NOW = new Set([
  'just now', 'now', 'right now', 'a moment ago', 'moments ago', 'a few seconds ago',
  'seconds ago', 'zojuist', 'net', 'nu', 'zonet', 'zo net', 'net nu', 'enkele seconden geleden',
  'een paar seconden geleden', 'gerade eben', 'soeben', 'jetzt', "à l'instant", 'a l’instant',
  "a l'instant", 'maintenant',
]);

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';
const UNITS: Readonly<Record<string, Unit>> = {
  s: 'second', sec: 'second', secs: 'second', second: 'second', seconds: 'second',
  seconde: 'second', seconden: 'second', sekunde: 'second', sekunden: 'second',
  m: 'minute', min: 'minute', mins: 'minute', minute: 'minute', minutes: 'minute',
  minuut: 'minute', minuten: 'minute',
  h: 'hour', u: 'hour', hr: 'hour', hrs: 'hour', hour: 'hour', hours: 'hour', uur: 'hour',
  uren: 'hour', stunde: 'hour', stunden: 'hour', heure: 'hour', heures: 'hour',
  d: 'day', day: 'day', days: 'day', dag: 'day', dagen: 'day', tag: 'day', tagen: 'day',
  jour: 'day', jours: 'day',
  w: 'week', wk: 'week', wks: 'week', week: 'week', weeks: 'week', weken: 'week',
  woche: 'week', wochen: 'week', semaine: 'week', semaines: 'week',
  mo: 'month', month: 'month', months: 'month', maand: 'month', maanden: 'month',
  monat: 'month', monaten: 'month', mois: 'month',
  y: 'year', yr: 'year', yrs: 'year', year: 'year', years: 'year', jaar: 'year', jaren: 'year',
  jahr: 'year', jahren: 'year', an: 'year', ans: 'year',
};
const ONE = new Set(['a', 'an', 'een', 'één', 'ein', 'eine', 'einer', 'einem', 'un', 'une']);
const UNIT_MS: Partial<Record<Unit, number>> = { second: 1_000, minute: 60_000, hour: 3_600_000 };

const RELATIVE_RE = /^(\d{1,4}|[a-zéè]{1,5})\s*([a-z]{1,9})\.?\s+(?:geleden|ago)$/;
const RELATIVE_PREFIX_RE = /^(?:vor|il y a)\s+(\d{1,4}|[a-zéè]{1,5})\s*([a-z]{1,9})\.?$/;
// "2 days ago at 9:12 AM", "3 dagen geleden om 14:05", "vor 2 Tagen um 14:05": a day count
// with the wall-clock time of that day, as activity feeds print older entries.
const RELATIVE_AT_RE = new RegExp(
  `^(\\d{1,4}|[a-zéè]{1,5})\\s*([a-z]{1,9})\\.?\\s+(?:geleden|ago)${JOINER}${TIME}$`,
);
const RELATIVE_PREFIX_AT_RE = new RegExp(
  `^(?:vor|il y a)\\s+(\\d{1,4}|[a-zéè]{1,5})\\s*([a-z]{1,9})\\.?${JOINER}${TIME}$`,
);

/**
 * Zone abbreviations CRMs print after a time. US tenants show their own zone ("9:12 AM EST");
 * the named ones are fixed offsets, the generic US ones ("ET") follow daylight saving. "CST"
 * is read as US Central: a CRM for Chinese dealers is not among those read here.
 */
const ZONE_ABBREVIATIONS: Readonly<Record<string, { zone: string; monthFirst: boolean }>> = {
  est: { zone: '-05:00', monthFirst: true },
  edt: { zone: '-04:00', monthFirst: true },
  cst: { zone: '-06:00', monthFirst: true },
  cdt: { zone: '-05:00', monthFirst: true },
  mst: { zone: '-07:00', monthFirst: true },
  mdt: { zone: '-06:00', monthFirst: true },
  pst: { zone: '-08:00', monthFirst: true },
  pdt: { zone: '-07:00', monthFirst: true },
  et: { zone: 'America/New_York', monthFirst: true },
  ct: { zone: 'America/Chicago', monthFirst: true },
  mt: { zone: 'America/Denver', monthFirst: true },
  pt: { zone: 'America/Los_Angeles', monthFirst: true },
  cet: { zone: '+01:00', monthFirst: false },
  cest: { zone: '+02:00', monthFirst: false },
  mez: { zone: '+01:00', monthFirst: false },
  mesz: { zone: '+02:00', monthFirst: false },
  gmt: { zone: '+00:00', monthFirst: false },
  utc: { zone: '+00:00', monthFirst: false },
  z: { zone: '+00:00', monthFirst: false },
};
// After a time only ("…14:05 cet", "…9:12 am (est)", "…14:05 gmt+1"), so a month or word that
// happens to spell an abbreviation is never taken for one.
const ZONE_SUFFIX_RE = new RegExp(
  `(\\d|[ap]\\.?m\\.?)\\s*\\(?(${Object.keys(ZONE_ABBREVIATIONS).join('|')}|(?:gmt|utc)([+-])(\\d{1,2})(?::?(\\d{2}))?)\\)?$`,
);

interface ZoneSuffix {
  rest: string;
  zone: string;
  monthFirst: boolean;
}

function zoneSuffix(s: string): ZoneSuffix | null {
  const m = ZONE_SUFFIX_RE.exec(s);
  if (!m || m[2] === undefined) return null;
  const rest = s.slice(0, m.index + (m[1] ?? '').length).trim();
  const named = ZONE_ABBREVIATIONS[m[2]];
  if (named) return { rest, ...named };
  const hours = Number(m[4]);
  const minutes = m[5] === undefined ? 0 : Number(m[5]);
  if (hours > 14 || minutes > 59) return null;
  const zone = `${m[3] ?? '+'}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  return { rest, zone, monthFirst: false };
}

const DAY_WORDS: Readonly<Record<string, number>> = {
  vandaag: 0, today: 0, heute: 0, "aujourd'hui": 0, 'aujourd’hui': 0,
  gisteren: -1, yesterday: -1, gestern: -1, hier: -1,
  eergisteren: -2, vorgestern: -2, 'avant-hier': -2,
};
const DAY_WORD_RE = new RegExp(
  `^(${Object.keys(DAY_WORDS).join('|')})(?:${JOINER}${TIME})?$`,
);

/**
 * Reads a CRM's created/received time. Wall-clock texts are read in the dealer's zone, relative
 * texts against `now`. Returns null rather than guessing when the text is not clearly a date.
 */
export function parseCrmDate(text: string, options: ParseCrmDateOptions): Date | null {
  try {
    return parse(text, options);
  } catch {
    return null;
  }
}

function parse(text: string, { now, timeZone = readingTimeZone }: ParseCrmDateOptions): Date | null {
  if (typeof text !== 'string' || text.length > MAX_INPUT * 4) return null;
  const s = text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  if (s.length === 0 || s.length > MAX_INPUT) return null;
  if (!Number.isFinite(now.getTime())) return null;

  const iso = ISO_RE.exec(s);
  if (iso) return fromIso(iso, timeZone);

  if (JUST_NOW.has(s)) return new Date(now.getTime());

  const rel = RELATIVE_RE.exec(s) ?? RELATIVE_PREFIX_RE.exec(s);
  if (rel) return fromRelative(rel[1] ?? '', rel[2] ?? '', now, timeZone);

  // A printed zone wins over the dealer's: the page says which clock it shows.
  const suffix = zoneSuffix(s);
  if (suffix) return parseWallClock(suffix.rest, now, suffix.zone, suffix.monthFirst);
  return parseWallClock(s, now, timeZone, false);
}

function parseWallClock(s: string, now: Date, timeZone: string, monthFirst: boolean): Date | null {
  const relAt = RELATIVE_AT_RE.exec(s) ?? RELATIVE_PREFIX_AT_RE.exec(s);
  if (relAt) return fromRelativeAt(relAt[1] ?? '', relAt[2] ?? '', relAt.slice(3, 7), now, timeZone);

  const dayWord = DAY_WORD_RE.exec(s);
  if (dayWord) {
    const offset = DAY_WORDS[dayWord[1] ?? ''];
    if (offset === undefined) return null;
    const time = readTime(dayWord.slice(2, 6));
    if (!time) return null;
    const today = new TZDate(now.getTime(), timeZone);
    const day = addDays(new TZDate(today.getFullYear(), today.getMonth(), today.getDate(), timeZone), offset);
    return wallClock(day.getFullYear(), day.getMonth() + 1, day.getDate(), time, timeZone);
  }

  const absolute = parseAbsolute(s, now, timeZone, monthFirst);
  if (absolute) return absolute;
  // Weekday names collide with month abbreviations ("mar"), so strip one only as a retry.
  const withoutWeekday = s.replace(WEEKDAY_PREFIX, '');
  return withoutWeekday === s ? null : parseAbsolute(withoutWeekday, now, timeZone, monthFirst);
}

function parseAbsolute(s: string, now: Date, timeZone: string, usZone: boolean): Date | null {
  const numeric = NUMERIC_RE.exec(s);
  if (numeric) {
    const a = Number(numeric[1]);
    const sep = numeric[2];
    const b = Number(numeric[3]);
    const year = fullYear(numeric[4] ?? '');
    const time = readTime(numeric.slice(5, 9));
    if (!time || year === null) return null;
    let day = a;
    let month = b;
    if (sep === '/') {
      // A slash is ambiguous: with AM/PM or a US zone assume the US order, otherwise the
      // European one, and flip only when the assumed order is impossible.
      const monthFirst = time.meridiem || usZone ? a <= 12 : b > 12;
      if (monthFirst) {
        day = b;
        month = a;
      }
    }
    return wallClock(year, month, day, time, timeZone);
  }

  const yearFirst = YEAR_FIRST_RE.exec(s);
  if (yearFirst) {
    const time = readTime(yearFirst.slice(5, 9));
    if (!time) return null;
    return wallClock(Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4]), time, timeZone);
  }

  const dayMonth = DAY_MONTH_RE.exec(s);
  if (dayMonth) {
    return fromNamedMonth(dayMonth[1], dayMonth[2], dayMonth[3], dayMonth.slice(4, 8), now, timeZone);
  }
  const monthDay = MONTH_DAY_RE.exec(s);
  if (monthDay) {
    return fromNamedMonth(monthDay[2], monthDay[1], monthDay[3], monthDay.slice(4, 8), now, timeZone);
  }
  return null;
}

interface WallTime {
  hours: number;
  minutes: number;
  seconds: number;
  ms: number;
  meridiem: boolean;
}

function readTime(parts: (string | undefined)[]): WallTime | null {
  const [h, m, sec, meridiem] = parts;
  if (h === undefined) return { hours: 0, minutes: 0, seconds: 0, ms: 0, meridiem: false };
  let hours = Number(h);
  const minutes = m === undefined ? 0 : Number(m);
  const seconds = sec === undefined ? 0 : Number(sec);
  if (minutes > 59 || seconds > 59) return null;
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    const pm = meridiem.startsWith('p');
    hours = (hours % 12) + (pm ? 12 : 0);
  } else if (m === undefined || hours > 23) {
    // A bare number after a date ("26-11-2026 14") is more likely garbage than an hour.
    return null;
  }
  return { hours, minutes, seconds, ms: 0, meridiem: Boolean(meridiem) };
}

function fullYear(raw: string): number | null {
  if (raw.length === 4) return Number(raw);
  if (raw.length === 2) return 2000 + Number(raw);
  return null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function wallClock(
  year: number,
  month: number,
  day: number,
  time: WallTime,
  timeZone: string,
): Date | null {
  if (year < 1970 || year > 2200 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  const zoned = new TZDate(year, month - 1, day, time.hours, time.minutes, time.seconds, time.ms, timeZone);
  const ms = zoned.getTime();
  return Number.isFinite(ms) ? new Date(ms) : null;
}

function fromIso(m: RegExpExecArray, timeZone: string): Date | null {
  const [, y, mo, d, h, mi, sec, frac, offset] = m;
  const time: WallTime = {
    hours: h === undefined ? 0 : Number(h),
    minutes: mi === undefined ? 0 : Number(mi),
    seconds: sec === undefined ? 0 : Number(sec),
    ms: frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000),
    meridiem: false,
  };
  if (time.hours > 23 || time.minutes > 59 || time.seconds > 59) return null;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (offset === undefined) return wallClock(year, month, day, time, timeZone);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  let offsetMinutes = 0;
  if (offset !== 'z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 18 || om > 59) return null;
    offsetMinutes = sign * (oh * 60 + om);
  }
  const utc = Date.UTC(year, month - 1, day, time.hours, time.minutes, time.seconds, time.ms);
  return new Date(utc - offsetMinutes * 60_000);
}

function fromRelative(amountRaw: string, unitRaw: string, now: Date, timeZone: string): Date | null {
  const amount = ONE.has(amountRaw) ? 1 : /^\d+$/.test(amountRaw) ? Number(amountRaw) : NaN;
  const unit = UNITS[unitRaw];
  if (!Number.isFinite(amount) || unit === undefined) return null;
  const ms = UNIT_MS[unit];
  if (ms !== undefined) return new Date(now.getTime() - amount * ms);
  // Days and longer follow the calendar in the dealer's zone, so "1 dag geleden" keeps the
  // wall-clock time across a DST change.
  const zonedNow = new TZDate(now.getTime(), timeZone);
  let result: Date;
  if (unit === 'day') result = addDays(zonedNow, -amount);
  else if (unit === 'week') result = addDays(zonedNow, -7 * amount);
  else if (unit === 'month') result = addMonths(zonedNow, -amount);
  else result = addMonths(zonedNow, -12 * amount);
  const t = result.getTime();
  return Number.isFinite(t) ? new Date(t) : null;
}

function fromRelativeAt(
  amountRaw: string,
  unitRaw: string,
  timeParts: (string | undefined)[],
  now: Date,
  timeZone: string,
): Date | null {
  const amount = ONE.has(amountRaw) ? 1 : /^\d+$/.test(amountRaw) ? Number(amountRaw) : NaN;
  const unit = UNITS[unitRaw];
  // Only whole days carry a time of day; "2 hours ago at 9:12" is not a date.
  if (!Number.isFinite(amount) || (unit !== 'day' && unit !== 'week')) return null;
  const time = readTime(timeParts);
  if (!time || timeParts[0] === undefined) return null;
  const today = new TZDate(now.getTime(), timeZone);
  const day = addDays(new TZDate(today.getFullYear(), today.getMonth(), today.getDate(), timeZone), -(unit === 'week' ? 7 : 1) * amount);
  return wallClock(day.getFullYear(), day.getMonth() + 1, day.getDate(), time, timeZone);
}

function fromNamedMonth(
  dayRaw: string | undefined,
  monthRaw: string | undefined,
  yearRaw: string | undefined,
  timeParts: (string | undefined)[],
  now: Date,
  timeZone: string,
): Date | null {
  const month = MONTHS[monthRaw ?? ''];
  if (month === undefined || dayRaw === undefined) return null;
  const time = readTime(timeParts);
  if (!time) return null;
  const day = Number(dayRaw);
  if (yearRaw !== undefined) return wallClock(Number(yearRaw), month, day, time, timeZone);
  // Lists often drop the current year; a lead is never from the future, so a date more than a
  // day ahead belongs to last year.
  const zonedNow = new TZDate(now.getTime(), timeZone);
  const thisYear = wallClock(zonedNow.getFullYear(), month, day, time, timeZone);
  if (thisYear && thisYear.getTime() - now.getTime() > 86_400_000) {
    return wallClock(zonedNow.getFullYear() - 1, month, day, time, timeZone);
  }
  return thisYear;
}
