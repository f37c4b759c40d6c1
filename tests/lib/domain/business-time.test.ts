import { TZDate } from '@date-fns/tz';
import {
  addBusinessDays,
  addBusinessMs,
  businessDayAt,
  businessDurationMs,
  DEFAULT_OPENING_HOURS,
  isOpenAt,
  nextOpening,
  openingHoursSchema,
  validateOpeningHours,
  type OpeningHours,
} from '@/lib/domain/business-time';

const ZONE = 'Europe/Amsterdam';
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** An instant given as Amsterdam wall-clock time: 'YYYY-MM-DD HH:mm'. */
const ams = (text: string): number => {
  const [date = '', time = '00:00'] = text.split(' ');
  const [y = 0, mo = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, mi = 0] = time.split(':').map(Number);
  return new TZDate(y, mo - 1, d, h, mi, ZONE).getTime();
};
/** Back to Amsterdam wall-clock text with the UTC offset, so DST mistakes show in failures. */
const wall = (ms: number): string => {
  const t = new TZDate(ms, ZONE);
  const pad = (n: number) => String(n).padStart(2, '0');
  const off = -t.getTimezoneOffset() / 60;
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${pad(t.getHours())}:${pad(t.getMinutes())} +${pad(off)}`;
};

const H = DEFAULT_OPENING_HOURS;
const ALWAYS: OpeningHours = {
  ...H,
  week: { 0: { open: '00:00', close: '24:00' }, 1: { open: '00:00', close: '24:00' }, 2: { open: '00:00', close: '24:00' }, 3: { open: '00:00', close: '24:00' }, 4: { open: '00:00', close: '24:00' }, 5: { open: '00:00', close: '24:00' }, 6: { open: '00:00', close: '24:00' } },
  holidays: false,
};
const NEVER: OpeningHours = { ...H, week: { 0: null, 1: null, 2: null, 3: null, 4: null, 5: null, 6: null } };
const INVERTED: OpeningHours = {
  ...H,
  week: { 0: null, 1: { open: '18:00', close: '09:00' }, 2: { open: '10:00', close: '10:00' }, 3: null, 4: null, 5: null, 6: null },
};

describe('addBusinessMs', () => {
  it.each([
    ['Friday 17:58 + 5 min → Saturday 09:03', '2026-03-06 17:58', 5 * MIN, '2026-03-07 09:03 +01'],
    ['inside hours, same day', '2026-03-10 10:00', 30 * MIN, '2026-03-10 10:30 +01'],
    ['ending exactly at closing stays at closing', '2026-03-10 17:55', 5 * MIN, '2026-03-10 18:00 +01'],
    ['Saturday evening → Monday', '2026-03-07 19:30', 5 * MIN, '2026-03-09 09:05 +01'],
    ['Saturday 16:58 → Saturday closes at 17:00 → Monday', '2026-03-07 16:58', 5 * MIN, '2026-03-09 09:03 +01'],
    ['Sunday → Monday', '2026-03-08 12:00', 10 * MIN, '2026-03-09 09:10 +01'],
    ['before opening starts at opening', '2026-03-10 07:00', 5 * MIN, '2026-03-10 09:05 +01'],
    ['a full business day', '2026-03-10 09:00', 9 * HOUR, '2026-03-10 18:00 +01'],
    ['a day and a minute rolls over', '2026-03-10 09:00', 9 * HOUR + MIN, '2026-03-11 09:01 +01'],
    ['a week: Mon–Fri 45 h + Sat 8 h = 53 h', '2026-03-09 09:00', 53 * HOUR, '2026-03-14 17:00 +01'],
    // Public holidays.
    ['Christmas: Thursday 24 Dec 17:58 → Monday 28 Dec (25th, 26th, Sunday closed)', '2026-12-24 17:58', 5 * MIN, '2026-12-28 09:03 +01'],
    ['Koningsdag 2026 (Monday 27 Apr): Saturday 16:58 → Tuesday', '2026-04-25 16:58', 5 * MIN, '2026-04-28 09:03 +02'],
    ['arriving on Koningsdag itself', '2026-04-27 11:00', 5 * MIN, '2026-04-28 09:05 +02'],
    ['Tweede Kerstdag 2026 (Saturday) itself', '2026-12-26 10:00', 0, '2026-12-28 09:00 +01'],
    ['Hemelvaartsdag 2026 (Thursday 14 May)', '2026-05-13 17:30', HOUR, '2026-05-15 09:30 +02'],
    // DST: 29 March 2026 (+01 → +02) and 25 October 2026 (+02 → +01), both on a closed Sunday.
    ['spring forward: Saturday 16:30 + 1 h → Monday 09:30 summer time', '2026-03-28 16:30', HOUR, '2026-03-30 09:30 +02'],
    ['fall back: Saturday 16:30 + 1 h → Monday 09:30 winter time', '2026-10-24 16:30', HOUR, '2026-10-26 09:30 +01'],
    ['spring forward, several nights', '2026-03-27 17:00', HOUR + 8 * HOUR + 2 * HOUR, '2026-03-30 11:00 +02'],
    // Zero and negative durations.
    ['zero inside hours is the same instant', '2026-03-10 10:00', 0, '2026-03-10 10:00 +01'],
    ['zero outside hours is the next opening', '2026-03-10 18:00', 0, '2026-03-11 09:00 +01'],
    ['negative counts as zero', '2026-03-10 10:00', -HOUR, '2026-03-10 10:00 +01'],
  ])('%s', (_name, from, duration, expected) => {
    expect(wall(addBusinessMs(ams(from), duration, H))).toBe(expected);
  });

  it.each([
    ['spring forward (23 h day)', '2026-03-28 12:00', 24 * HOUR, '2026-03-29 13:00 +02'],
    ['fall back (25 h day)', '2026-10-24 12:00', 24 * HOUR, '2026-10-25 11:00 +01'],
  ])('24/7 hours count real elapsed time across DST: %s', (_name, from, duration, expected) => {
    expect(wall(addBusinessMs(ams(from), duration, ALWAYS))).toBe(expected);
  });

  it('keeps Sunday opening hours on wall-clock time on the DST Sunday itself', () => {
    const sundays: OpeningHours = { ...H, week: { ...H.week, 0: { open: '10:00', close: '16:00' } } };
    expect(wall(addBusinessMs(ams('2026-03-29 09:00'), 6 * HOUR, sundays))).toBe('2026-03-29 16:00 +02');
    expect(wall(addBusinessMs(ams('2026-10-25 09:00'), 6 * HOUR, sundays))).toBe('2026-10-25 16:00 +01');
  });
});

describe('businessDurationMs', () => {
  it.each([
    ['Friday 17:58 → Saturday 09:03', '2026-03-06 17:58', '2026-03-07 09:03', 5 * MIN],
    ['same day', '2026-03-10 10:00', '2026-03-10 12:15', 2 * HOUR + 15 * MIN],
    ['outside hours only', '2026-03-10 18:30', '2026-03-11 08:59', 0],
    ['Saturday evening → Monday 09:05', '2026-03-07 19:00', '2026-03-09 09:05', 5 * MIN],
    ['whole week Monday 00:00 → next Monday 00:00', '2026-03-09 00:00', '2026-03-16 00:00', 53 * HOUR],
    ['week with Koningsdag (Mon 27 Apr 2026)', '2026-04-27 00:00', '2026-05-04 00:00', 44 * HOUR],
    ['Christmas week 2026 (Fri 25 + Sat 26 closed)', '2026-12-21 00:00', '2026-12-28 00:00', 36 * HOUR],
    ['across spring-forward weekend', '2026-03-28 16:00', '2026-03-30 10:00', 2 * HOUR],
    ['across fall-back weekend', '2026-10-24 16:00', '2026-10-26 10:00', 2 * HOUR],
    ['reversed range', '2026-03-10 12:00', '2026-03-10 10:00', 0],
    ['empty range', '2026-03-10 12:00', '2026-03-10 12:00', 0],
  ])('%s', (_name, from, to, expected) => {
    expect(businessDurationMs(ams(from), ams(to), H)).toBe(expected);
  });

  it.each([
    ['spring forward Sunday has 23 hours', '2026-03-29 00:00', '2026-03-30 00:00', 23 * HOUR],
    ['fall back Sunday has 25 hours', '2026-10-25 00:00', '2026-10-26 00:00', 25 * HOUR],
    ['Saturday to Monday over spring forward', '2026-03-28 00:00', '2026-03-30 00:00', 47 * HOUR],
  ])('24/7: %s', (_name, from, to, expected) => {
    expect(businessDurationMs(ams(from), ams(to), ALWAYS)).toBe(expected);
  });

  // Each case gets its own never-used calendar (a unique closed date long ago changes the
  // signature, not the answer), so the first query is the one that builds the running totals.
  let fresh = 0;
  const freshHours = (): OpeningHours => ({ ...H, closedDates: [`1900-01-${String(++fresh).padStart(2, '0')}`] });
  // 2025: 261 weekdays × 9 h + 52 Saturdays × 8 h = 2,765 h, less eight holidays on open days
  // (New Year, Easter Monday, Liberation Day in a lustrum year, Ascension, Whit Monday, both
  // Christmas days: 9 h; King's Day on a Saturday: 8 h) = 2,694 h.
  it.each([
    ['the whole of 2025', '2025-01-01 00:00', '2026-01-01 00:00', 2694 * HOUR],
    ['a year and a day', '2024-12-31 00:00', '2026-01-01 00:00', (2694 + 9) * HOUR],
    // Q1 2025: 64 weekdays less New Year × 9 h + 13 Saturdays × 8 h.
    ['a quarter', '2025-01-01 00:00', '2025-04-01 00:00', (63 * 9 + 13 * 8) * HOUR],
  ])('is right over long spans on a fresh calendar: %s', (_name, from, to, expected) => {
    const hours = freshHours();
    expect(businessDurationMs(ams(from), ams(to), hours)).toBe(expected);
    // Whatever was read first, later reads on the now-warm calendar agree.
    expect(businessDurationMs(ams(from) + DAY, ams(to), hours)).toBe(expected - businessDurationMs(ams(from), ams(from) + DAY, hours));
    expect(businessDurationMs(ams(from), ams(to), hours)).toBe(expected);
  });

  it('gives the same answer whether the short or the long span is asked first', () => {
    const [a, b] = [ams('2025-01-01 00:00'), ams('2026-01-01 00:00')];
    const shortFirst = freshHours();
    const longFirst = freshHours();
    const s1 = businessDurationMs(b - 7 * DAY, b, shortFirst);
    const l1 = businessDurationMs(a, b, shortFirst);
    const l2 = businessDurationMs(a, b, longFirst);
    const s2 = businessDurationMs(b - 7 * DAY, b, longFirst);
    expect([s1, l1]).toEqual([s2, l2]);
    expect(l1).toBe(2694 * HOUR);
  });

  it('is the inverse of addBusinessMs', () => {
    const from = ams('2026-03-06 17:58');
    for (const d of [0, MIN, 5 * MIN, HOUR, 9 * HOUR, 30 * HOUR, 200 * HOUR]) {
      expect(businessDurationMs(from, addBusinessMs(from, d, H), H)).toBe(d);
    }
  });
});

describe('isOpenAt / nextOpening', () => {
  it.each([
    ['2026-03-10 08:59', false, '2026-03-10 09:00 +01'],
    ['2026-03-10 09:00', true, '2026-03-10 09:00 +01'],
    ['2026-03-10 17:59', true, '2026-03-10 17:59 +01'],
    ['2026-03-10 18:00', false, '2026-03-11 09:00 +01'],
    ['2026-03-07 17:00', false, '2026-03-09 09:00 +01'],
    ['2026-03-08 12:00', false, '2026-03-09 09:00 +01'],
    ['2026-12-24 20:00', false, '2026-12-28 09:00 +01'],
    ['2026-04-27 10:00', false, '2026-04-28 09:00 +02'],
    ['2026-03-29 10:00', false, '2026-03-30 09:00 +02'],
  ])('%s open=%s, next opening %s', (at, open, next) => {
    expect(isOpenAt(ams(at), H)).toBe(open);
    expect(wall(nextOpening(ams(at), H) ?? NaN)).toBe(next);
  });

  it('respects closed dates and opt-in optional holidays', () => {
    const custom: OpeningHours = { ...H, closedDates: ['2026-03-10'], optionalHolidays: ['goede-vrijdag'] };
    expect(isOpenAt(ams('2026-03-10 12:00'), custom)).toBe(false);
    expect(isOpenAt(ams('2026-04-03 12:00'), custom)).toBe(false);
    expect(isOpenAt(ams('2026-04-03 12:00'), H)).toBe(true);
    expect(isOpenAt(ams('2026-04-06 12:00'), { ...H, holidays: false })).toBe(true);
  });

  it('follows a configured time zone', () => {
    const ny: OpeningHours = { ...H, timeZone: 'America/New_York', holidays: false };
    expect(isOpenAt(Date.parse('2026-03-10T13:30:00Z'), ny)).toBe(true);
    expect(isOpenAt(Date.parse('2026-03-10T12:30:00Z'), ny)).toBe(false);
  });
});

describe('Liberation Day (5 May)', () => {
  // 5 May 2025 is a Monday in a lustrum year, 5 May 2026 a Tuesday in an ordinary one.
  it.each([
    ['absent: the national rule', {}, '2025-05-05', false],
    ['absent: the national rule', {}, '2026-05-05', true],
    ['lustrum', { liberationDay: 'lustrum' }, '2025-05-05', false],
    ['lustrum', { liberationDay: 'lustrum' }, '2026-05-05', true],
    ['every year', { liberationDay: 'every-year' }, '2025-05-05', false],
    ['every year', { liberationDay: 'every-year' }, '2026-05-05', false],
    ['never', { liberationDay: 'never' }, '2025-05-05', true],
    ['never', { liberationDay: 'never' }, '2026-05-05', true],
    ['the old opt-in id alone reads as lustrum', { optionalHolidays: ['bevrijdingsdag'] }, '2025-05-05', false],
    ['the old opt-in id alone reads as lustrum', { optionalHolidays: ['bevrijdingsdag'] }, '2026-05-05', true],
    ['an explicit rule wins over the old id', { optionalHolidays: ['bevrijdingsdag'], liberationDay: 'never' }, '2025-05-05', true],
    ['no holidays at all', { holidays: false, liberationDay: 'every-year' }, '2026-05-05', true],
  ] as [string, Partial<OpeningHours>, string, boolean][])('%s: %s open at noon → %s', (_name, change, date, open) => {
    expect(isOpenAt(ams(`${date} 12:00`), { ...H, ...change })).toBe(open);
  });

  it.each([
    ['never', 'never', 53 * HOUR],
    ['lustrum (2026 is not one)', 'lustrum', 53 * HOUR],
    ['every year', 'every-year', 44 * HOUR],
  ] as [string, OpeningHours['liberationDay'], number][])('the week of 5 May 2026, %s', (_name, rule, expected) => {
    // Equal hours apart from the rule: the shared-calendar memo must tell them apart.
    expect(businessDurationMs(ams('2026-05-04 00:00'), ams('2026-05-11 00:00'), { ...H, liberationDay: rule })).toBe(expected);
  });

  it('schema: optional, one of the three rules', () => {
    for (const rule of ['every-year', 'lustrum', 'never']) {
      expect(openingHoursSchema.safeParse({ ...H, liberationDay: rule }).success).toBe(true);
    }
    expect(openingHoursSchema.safeParse(H).success).toBe(true);
    expect(openingHoursSchema.safeParse({ ...H, liberationDay: 'sometimes' }).success).toBe(false);
  });
});

describe('addBusinessDays / businessDayAt', () => {
  it.each([
    ['Tuesday + 1', '2026-03-10 15:00', 1, '2026-03-11 09:00 +01'],
    ['Tuesday evening + 1', '2026-03-10 20:00', 1, '2026-03-11 09:00 +01'],
    ['Friday + 2 (Saturday, Monday)', '2026-03-06 12:00', 2, '2026-03-09 09:00 +01'],
    ['Thursday 24 Dec + 1 skips Christmas and Sunday', '2026-12-24 12:00', 1, '2026-12-28 09:00 +01'],
    ['zero acts as next opening', '2026-03-08 12:00', 0, '2026-03-09 09:00 +01'],
  ])('%s', (_name, from, days, expected) => {
    expect(wall(addBusinessDays(ams(from), days, H))).toBe(expected);
  });

  it('describes a local day, 23 hours long on spring forward', () => {
    const day = businessDayAt(ams('2026-03-29 12:00'), H);
    expect(day).toMatchObject({ date: '2026-03-29', weekday: 0, open: null, close: null });
    expect(day.end - day.start).toBe(23 * HOUR);
  });
});

describe('hours with no open time never hang', () => {
  it.each([
    ['every day closed', NEVER],
    ['only inverted or empty days', INVERTED],
  ])('%s', (_name, hours) => {
    const started = performance.now();
    const from = ams('2026-03-10 10:00');
    expect(addBusinessMs(from, 5 * MIN, hours)).toBe(Infinity);
    expect(addBusinessMs(from, 0, hours)).toBe(Infinity);
    expect(nextOpening(from, hours)).toBeNull();
    expect(isOpenAt(from, hours)).toBe(false);
    expect(businessDurationMs(from, from + 1000 * 24 * HOUR, hours)).toBe(0);
    expect(addBusinessDays(from, 3, hours)).toBe(Infinity);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('gives up after about three years of closed dates', () => {
    const closedDates = Array.from({ length: 1200 }, (_, i) =>
      new Date(Date.UTC(2026, 2, 11 + i)).toISOString().slice(0, 10),
    );
    const hours: OpeningHours = { ...H, closedDates };
    expect(nextOpening(ams('2026-03-10 19:00'), hours)).toBeNull();
    expect(addBusinessMs(ams('2026-03-10 19:00'), MIN, hours)).toBe(Infinity);
  });

  it('handles non-finite input without looping', () => {
    expect(businessDurationMs(0, Infinity, H)).toBe(Infinity);
    expect(businessDurationMs(0, Infinity, NEVER)).toBe(0);
    expect(addBusinessMs(0, Infinity, H)).toBe(Infinity);
    expect(nextOpening(NaN, H)).toBeNull();
    expect(isOpenAt(NaN, H)).toBe(false);
  });
});

describe('validateOpeningHours', () => {
  it.each([
    ['defaults', H, []],
    ['24:00 close', ALWAYS, []],
    ['end before start / equal', INVERTED, ['close_not_after_open', 'close_not_after_open', 'no_open_time']],
    ['no open time', NEVER, ['no_open_time']],
    ['invalid zone', { ...H, timeZone: 'Mars/Olympus' }, ['invalid_time_zone']],
    ['bad time strings', { ...H, week: { ...H.week, 1: { open: '9:00', close: '25:00' } } }, ['invalid_time', 'invalid_time']],
    ['24:00 is only a closing time', { ...H, week: { ...H.week, 1: { open: '24:00', close: '24:00' } } }, ['invalid_time']],
    ['impossible closed date', { ...H, closedDates: ['2026-02-30', '2026-3-1'] }, ['invalid_closed_date', 'invalid_closed_date']],
  ] as [string, OpeningHours, string[]][])('%s', (_name, hours, codes) => {
    expect(validateOpeningHours(hours).map((p) => p.code)).toEqual(codes);
  });

  it('names the weekday and field so the message can point at it', () => {
    expect(validateOpeningHours({ ...H, week: { ...H.week, 6: { open: '17:00', close: '09:00' } } })).toEqual([
      { code: 'close_not_after_open', day: 6 },
    ]);
  });

  it('falls back to Amsterdam in the engine when the zone is invalid', () => {
    expect(isOpenAt(ams('2026-03-10 09:30'), { ...H, timeZone: 'Mars/Olympus' })).toBe(true);
  });

  it('schema accepts the defaults and rejects malformed shapes', () => {
    expect(openingHoursSchema.safeParse(H).success).toBe(true);
    expect(openingHoursSchema.safeParse({ ...H, week: { ...H.week, 1: { open: '9', close: '18:00' } } }).success).toBe(false);
    expect(openingHoursSchema.safeParse({ ...H, closedDates: ['tomorrow'] }).success).toBe(false);
  });
});
