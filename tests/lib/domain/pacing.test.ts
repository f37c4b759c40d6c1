import { TZDate } from '@date-fns/tz';
import { DEFAULT_OPENING_HOURS as H, type OpeningHours } from '@/lib/domain/business-time';
import { monthPacing, pacingCheckpoint } from '@/lib/domain/pacing';

const ZONE = 'Europe/Amsterdam';
/** An instant given as Amsterdam wall-clock time: 'YYYY-MM-DD HH:mm'. */
const ams = (text: string): number => {
  const [date = '', time = '00:00'] = text.split(' ');
  const [y = 0, mo = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, mi = 0] = time.split(':').map(Number);
  return new TZDate(y, mo - 1, d, h, mi, ZONE).getTime();
};
/** `count` sales on the 2nd of the month of `now`, all before it. */
const salesEarly = (month: string, count: number) => Array.from({ length: count }, () => ams(`${month}-02 10:00`));
const round = (n: number) => Math.round(n * 1000) / 1000;

describe('monthPacing', () => {
  // March 2026: Mon–Sat open, 5 Sundays, no holidays → 26 business days.
  it.each([
    ['Sunday the 1st, before any business day', '2026-03-01 12:00', 26, 0, 0, 0, 0, false],
    ['start: 1st business day before opening', '2026-03-02 08:00', 26, 0, 0, 0, 0, false],
    ['start: half of the first day', '2026-03-02 13:30', 26, 0, 0.5, 0.5, 0, false],
    ['start: one sale by noon projects one day, not half a day', '2026-03-02 13:30', 26, 1, 0.5, 0.5, 26, false],
    ['middle: the 10th at 13:30, 5 sold', '2026-03-10 13:30', 26, 5, 7.5, 7.5, 17.333, true],
    ['middle: the 10th at 13:30, 7 sold (less than one whole sale short)', '2026-03-10 13:30', 26, 7, 7.5, 7.5, 24.267, false],
    ['end: the 31st after closing, 20 sold', '2026-03-31 18:00', 26, 20, 26, 26, 20, true],
    ['end: target met', '2026-03-31 18:00', 26, 26, 26, 26, 26, false],
    ['end: ahead', '2026-03-31 12:00', 13, 15, 25 + 1 / 3, (13 * (25 + 1 / 3)) / 26, 15.395, false],
  ])('%s', (_name, now, target, soldCount, elapsed, expected, projection, behind) => {
    const result = monthPacing({ target, soldDates: salesEarly('2026-03', soldCount), now: ams(now), hours: H });
    expect({ ...result, elapsedBusinessDays: round(result.elapsedBusinessDays), expectedByToday: round(result.expectedByToday), projection: round(result.projection) }).toEqual({
      sold: soldCount,
      expectedByToday: round(expected),
      projection: round(projection),
      elapsedBusinessDays: round(elapsed),
      businessDaysInMonth: 26,
      behind,
    });
  });

  // April 2026: 4 Sundays; Tweede Paasdag (Mon 6) and Koningsdag (Mon 27) closed → 24.
  // May 2026: 5 Sundays; Hemelvaartsdag (Thu 14) and Tweede Pinksterdag (Mon 25) closed → 24.
  it.each([
    ['April, holidays closed', '2026-04-07 09:00', H, 24, 4],
    ['April with Goede Vrijdag opted in', '2026-04-07 09:00', { ...H, optionalHolidays: ['goede-vrijdag'] }, 23, 3],
    ['April, holidays not closed', '2026-04-07 09:00', { ...H, holidays: false }, 26, 5],
    ['April, end of month', '2026-04-30 18:00', H, 24, 24],
    ['May (Hemelvaart, Pinksteren), middle', '2026-05-15 09:00', H, 24, 11],
    ['May with an extra closed date', '2026-05-15 09:00', { ...H, closedDates: ['2026-05-04'] }, 23, 10],
  ] as [string, string, OpeningHours, number, number][])('%s', (_name, now, hours, total, elapsed) => {
    const result = monthPacing({ target: 12, soldDates: [], now: ams(now), hours });
    expect(result.businessDaysInMonth).toBe(total);
    expect(result.elapsedBusinessDays).toBeCloseTo(elapsed, 9);
    expect(result.expectedByToday).toBeCloseTo((12 * elapsed) / total, 9);
  });

  it('counts only this month’s sales up to now, by the dealer’s local month', () => {
    const soldDates = [
      ams('2026-03-31 23:30'), // last month in Amsterdam
      ams('2026-04-01 00:30'), // April in Amsterdam, still 31 March in UTC
      ams('2026-04-01 11:00'),
      ams('2026-04-01 15:00'), // after now
    ];
    expect(monthPacing({ target: 10, soldDates, now: ams('2026-04-01 12:00'), hours: H }).sold).toBe(2);
  });

  it('survives a target of 0 and hours with no open time', () => {
    expect(monthPacing({ target: 0, soldDates: [], now: ams('2026-03-10 12:00'), hours: H })).toMatchObject({
      expectedByToday: 0,
      behind: false,
    });
    const never: OpeningHours = { ...H, week: { 0: null, 1: null, 2: null, 3: null, 4: null, 5: null, 6: null } };
    expect(monthPacing({ target: 10, soldDates: [ams('2026-03-02 10:00')], now: ams('2026-03-10 12:00'), hours: never })).toEqual({
      sold: 1,
      expectedByToday: 0,
      projection: 1,
      elapsedBusinessDays: 0,
      businessDaysInMonth: 0,
      behind: false,
    });
  });
});

describe('pacingCheckpoint', () => {
  it.each([
    ['2026-03-01 10:00', null], // Sunday the 1st: closed
    ['2026-03-02 07:00', 'start'], // first business day, even before opening
    ['2026-03-03 10:00', null],
    ['2026-03-10 10:00', 'day10'],
    ['2026-03-20 10:00', 'day20'],
    ['2026-01-01 10:00', null], // Nieuwjaarsdag
    ['2026-01-02 10:00', 'start'],
    ['2026-04-01 10:00', 'start'],
    ['2026-04-20 10:00', 'day20'],
    ['2026-05-10 10:00', null], // the 10th is a Sunday …
    ['2026-05-11 10:00', 'day10'], // … so the checkpoint moves to Monday
    ['2026-12-20 10:00', null],
    ['2026-12-21 10:00', 'day20'],
  ])('%s → %s', (now, expected) => {
    expect(pacingCheckpoint(ams(now), H)).toBe(expected);
  });
});
