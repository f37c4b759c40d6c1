import { describe, expect, it } from 'vitest';
import { periodBounds, type LeaderboardPeriod } from '@/lib/domain/periods';

const T = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;
const AMS = 'Europe/Amsterdam';
const NY = 'America/New_York';

// Instants are written with the zone's offset at that moment, so each row reads as the
// dealer's wall clock: Amsterdam is +01:00 in winter and +02:00 from the last Sunday of March
// to the last Sunday of October; New York −05:00 / −04:00 from the second Sunday of March to
// the first Sunday of November.
const cases: { name: string; period: LeaderboardPeriod; now: string; zone: string; from: string; to: string; hours?: number }[] = [
  // today
  { name: 'an ordinary day', period: 'today', now: '2026-03-10T12:00:00+01:00', zone: AMS, from: '2026-03-10T00:00:00+01:00', to: '2026-03-11T00:00:00+01:00', hours: 24 },
  { name: 'one minute before local midnight', period: 'today', now: '2026-03-10T23:59:00+01:00', zone: AMS, from: '2026-03-10T00:00:00+01:00', to: '2026-03-11T00:00:00+01:00' },
  { name: 'local midnight, still the day before in UTC', period: 'today', now: '2026-03-11T00:00:00+01:00', zone: AMS, from: '2026-03-11T00:00:00+01:00', to: '2026-03-12T00:00:00+01:00' },
  { name: 'the spring DST day is 23 hours', period: 'today', now: '2026-03-29T12:00:00+02:00', zone: AMS, from: '2026-03-29T00:00:00+01:00', to: '2026-03-30T00:00:00+02:00', hours: 23 },
  { name: 'the spring DST day, before the change', period: 'today', now: '2026-03-29T01:30:00+01:00', zone: AMS, from: '2026-03-29T00:00:00+01:00', to: '2026-03-30T00:00:00+02:00' },
  { name: 'the autumn DST day is 25 hours', period: 'today', now: '2026-10-25T12:00:00+01:00', zone: AMS, from: '2026-10-25T00:00:00+02:00', to: '2026-10-26T00:00:00+01:00', hours: 25 },
  { name: 'the autumn DST day, inside the repeated hour', period: 'today', now: '2026-10-25T02:30:00+01:00', zone: AMS, from: '2026-10-25T00:00:00+02:00', to: '2026-10-26T00:00:00+01:00' },
  { name: 'New York, spring DST day', period: 'today', now: '2026-03-08T12:00:00-04:00', zone: NY, from: '2026-03-08T00:00:00-05:00', to: '2026-03-09T00:00:00-04:00', hours: 23 },
  { name: 'New York, autumn DST day', period: 'today', now: '2026-11-01T12:00:00-05:00', zone: NY, from: '2026-11-01T00:00:00-04:00', to: '2026-11-02T00:00:00-05:00', hours: 25 },
  { name: 'New York evening, already tomorrow in UTC', period: 'today', now: '2026-01-14T22:00:00-05:00', zone: NY, from: '2026-01-14T00:00:00-05:00', to: '2026-01-15T00:00:00-05:00' },
  // week (Monday to Monday)
  { name: 'a Wednesday: from Monday', period: 'week', now: '2026-03-11T12:00:00+01:00', zone: AMS, from: '2026-03-09T00:00:00+01:00', to: '2026-03-16T00:00:00+01:00', hours: 168 },
  { name: 'Monday at midnight starts its own week', period: 'week', now: '2026-03-09T00:00:00+01:00', zone: AMS, from: '2026-03-09T00:00:00+01:00', to: '2026-03-16T00:00:00+01:00' },
  { name: 'Sunday belongs to the week that began the Monday before', period: 'week', now: '2026-03-15T23:59:00+01:00', zone: AMS, from: '2026-03-09T00:00:00+01:00', to: '2026-03-16T00:00:00+01:00' },
  { name: 'the week with the spring DST change is 167 hours', period: 'week', now: '2026-03-25T12:00:00+01:00', zone: AMS, from: '2026-03-23T00:00:00+01:00', to: '2026-03-30T00:00:00+02:00', hours: 167 },
  { name: 'the week with the autumn DST change is 169 hours', period: 'week', now: '2026-10-25T18:00:00+01:00', zone: AMS, from: '2026-10-19T00:00:00+02:00', to: '2026-10-26T00:00:00+01:00', hours: 169 },
  { name: 'a week across the year boundary', period: 'week', now: '2026-01-01T10:00:00+01:00', zone: AMS, from: '2025-12-29T00:00:00+01:00', to: '2026-01-05T00:00:00+01:00' },
  { name: 'New York Sunday of the DST change: the week from Monday', period: 'week', now: '2026-03-08T20:00:00-04:00', zone: NY, from: '2026-03-02T00:00:00-05:00', to: '2026-03-09T00:00:00-04:00', hours: 167 },
  // month
  { name: 'March, with the spring DST change', period: 'month', now: '2026-03-10T12:00:00+01:00', zone: AMS, from: '2026-03-01T00:00:00+01:00', to: '2026-04-01T00:00:00+02:00', hours: 31 * 24 - 1 },
  { name: 'October, with the autumn DST change', period: 'month', now: '2026-10-31T23:59:00+01:00', zone: AMS, from: '2026-10-01T00:00:00+02:00', to: '2026-11-01T00:00:00+01:00', hours: 31 * 24 + 1 },
  { name: 'the last minute of a month', period: 'month', now: '2026-04-30T23:59:00+02:00', zone: AMS, from: '2026-04-01T00:00:00+02:00', to: '2026-05-01T00:00:00+02:00' },
  { name: 'the first minute of a month, still the month before in UTC', period: 'month', now: '2026-05-01T00:00:00+02:00', zone: AMS, from: '2026-05-01T00:00:00+02:00', to: '2026-06-01T00:00:00+02:00' },
  { name: 'February in a leap year', period: 'month', now: '2028-02-29T12:00:00+01:00', zone: AMS, from: '2028-02-01T00:00:00+01:00', to: '2028-03-01T00:00:00+01:00', hours: 29 * 24 },
  { name: 'December, up to the new year', period: 'month', now: '2026-12-31T23:00:00+01:00', zone: AMS, from: '2026-12-01T00:00:00+01:00', to: '2027-01-01T00:00:00+01:00' },
  { name: 'New York, New Year’s Eve evening (already January in UTC)', period: 'month', now: '2026-12-31T21:00:00-05:00', zone: NY, from: '2026-12-01T00:00:00-05:00', to: '2027-01-01T00:00:00-05:00' },
  { name: 'New York, March with its DST change', period: 'month', now: '2026-03-20T09:00:00-04:00', zone: NY, from: '2026-03-01T00:00:00-05:00', to: '2026-04-01T00:00:00-04:00' },
  { name: 'a half-hour zone', period: 'month', now: '2026-03-01T03:00:00+05:30', zone: 'Asia/Kolkata', from: '2026-03-01T00:00:00+05:30', to: '2026-04-01T00:00:00+05:30' },
  // last month
  { name: 'last month from mid-March: February', period: 'last-month', now: '2026-03-15T12:00:00+01:00', zone: AMS, from: '2026-02-01T00:00:00+01:00', to: '2026-03-01T00:00:00+01:00' },
  { name: 'last month from the 31st: a shorter month, not a clamped date', period: 'last-month', now: '2026-03-31T12:00:00+02:00', zone: AMS, from: '2026-02-01T00:00:00+01:00', to: '2026-03-01T00:00:00+01:00' },
  { name: 'last month across the year boundary', period: 'last-month', now: '2026-01-02T09:00:00+01:00', zone: AMS, from: '2025-12-01T00:00:00+01:00', to: '2026-01-01T00:00:00+01:00' },
  { name: 'last month is October, with the autumn DST change', period: 'last-month', now: '2026-11-01T00:30:00+01:00', zone: AMS, from: '2026-10-01T00:00:00+02:00', to: '2026-11-01T00:00:00+01:00', hours: 31 * 24 + 1 },
  { name: 'New York, last month on the 1st at 20:00 (the 2nd in UTC)', period: 'last-month', now: '2026-04-01T20:00:00-04:00', zone: NY, from: '2026-03-01T00:00:00-05:00', to: '2026-04-01T00:00:00-04:00' },
];

describe('periodBounds', () => {
  it.each(cases)('$period: $name ($zone)', ({ period, now, zone, from, to, hours }) => {
    const bounds = periodBounds(period, T(now), zone);
    expect(bounds).toEqual({ from: T(from), to: T(to) });
    if (hours !== undefined) expect((bounds.to - bounds.from) / HOUR).toBe(hours);
  });

  it.each(cases.filter((c) => c.period !== 'last-month'))('$period contains now: $name', ({ period, now, zone }) => {
    const { from, to } = periodBounds(period, T(now), zone);
    expect(from).toBeLessThanOrEqual(T(now));
    expect(T(now)).toBeLessThan(to);
  });

  it('last month ends where this month begins', () => {
    for (const c of cases) {
      expect(periodBounds('last-month', T(c.now), c.zone).to).toBe(periodBounds('month', T(c.now), c.zone).from);
    }
  });
});
