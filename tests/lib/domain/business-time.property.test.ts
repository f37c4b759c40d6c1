import fc from 'fast-check';
import {
  addBusinessDays,
  addBusinessMs,
  businessDurationMs,
  isOpenAt,
  nextOpening,
  type DayHours,
  type OpeningHours,
} from '@/lib/domain/business-time';
import { LIBERATION_DAY_RULES } from '@/lib/domain/holidays';
import {
  addByHour,
  addByMinute,
  durationByHour,
  durationByMinute,
  offsetChanges,
} from './business-time-reference';

/**
 * Properties of business time over random opening hours and random instants, checked against an
 * independent reference (business-time-reference.ts). Every property that asks a first question
 * does so on a calendar nothing has used yet, because that is where order-dependent caching
 * goes wrong: a popup that just opened, a worker that just woke, a server that just started.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const TWO_YEARS = 731 * DAY;
const T0 = Date.UTC(2023, 0, 1);
const T1 = Date.UTC(2029, 0, 1);
/** Generous, for a loaded machine: the properties take one to two seconds each. */
const SLOW = 30_000;

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

// A calendar is memoised per hours object and per signature; an extra closed date long before
// any instant tested changes the signature and nothing else, so the copy starts cold.
let freshCount = 0;
function fresh(hours: OpeningHours): OpeningHours {
  freshCount += 1;
  return { ...hours, closedDates: [...hours.closedDates, isoDate(Date.UTC(1900, 0, 1) + freshCount * DAY)] };
}

// Opening and closing times anywhere in the day except 01:00–02:59, which a DST change makes
// happen twice or not at all (see the reference).
const wallMinute = fc.integer({ min: 0, max: 1440 }).filter((m) => m < 60 || m >= 180);
const dayHours: fc.Arbitrary<DayHours> = fc
  .tuple(wallMinute, wallMinute)
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => ({ open: hhmm(Math.min(a, b)), close: hhmm(Math.max(a, b)) }));
const maybeDay = fc.option(dayHours, { nil: null, freq: 3 });
const date = fc.integer({ min: T0 / DAY, max: T1 / DAY }).map((n) => isoDate(n * DAY));

function hoursIn(zone: string): fc.Arbitrary<OpeningHours> {
  return fc
    .record({
      week: fc.tuple(maybeDay, maybeDay, maybeDay, maybeDay, maybeDay, maybeDay, maybeDay),
      closedDates: fc.uniqueArray(date, { maxLength: 12 }),
      holidays: fc.boolean(),
      optional: fc.option(fc.subarray(['goede-vrijdag', 'bevrijdingsdag']), { nil: undefined }),
      liberationDay: fc.option(fc.constantFrom(...LIBERATION_DAY_RULES), { nil: undefined }),
    })
    .map(({ week, closedDates, holidays, optional, liberationDay }) => {
      const [d0, d1, d2, d3, d4, d5, d6] = week;
      const hours: OpeningHours = {
        timeZone: zone,
        week: { 0: d0, 1: d1, 2: d2, 3: d3, 4: d4, 5: d5, 6: d6 },
        closedDates,
        holidays,
      };
      if (optional) hours.optionalHolidays = optional;
      if (liberationDay) hours.liberationDay = liberationDay;
      return hours;
    });
}

const hasOpenDay = (hours: OpeningHours) => Object.values(hours.week).some((d) => d !== null);
const minutesOf = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
/**
 * At most five years' worth of this week's opening, in minutes. Random hours can be open one
 * minute a week; asking those for months of business time walks centuries of calendar and
 * meets the engine's ceiling on days walked (it then answers Infinity by design).
 */
const reachable = (hours: OpeningHours, minutes: number) => {
  const weekly = Object.values(hours.week).reduce((sum, d) => sum + (d ? minutesOf(d.close) - minutesOf(d.open) : 0), 0);
  return Math.min(minutes, weekly * 52 * 5);
};

describe.each(['Europe/Amsterdam', 'America/Chicago'])('business time in %s', (zone) => {
  const hours = hoursIn(zone);
  const changes = offsetChanges(zone, T0, T1);
  // Half the instants land within three days of a DST change, where mistakes live.
  const instant = fc.oneof(
    fc.integer({ min: T0, max: T1 }),
    fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -3 * DAY, max: 3 * DAY })).map(([c, d]) => c + d),
  );
  const minute = instant.map((ms) => Math.floor(ms / MIN) * MIN);
  const span = fc.oneof(fc.integer({ min: 0, max: 3 * DAY }), fc.integer({ min: 0, max: TWO_YEARS }));

  it('has DST changes to test around', () => {
    expect(changes.length).toBeGreaterThanOrEqual(12);
  });

  describe('businessDurationMs', () => {
    it('agrees with the per-minute reference on short spans', () => {
      fc.assert(
        fc.property(hours, minute, fc.integer({ min: 0, max: 36 * 60 }), (h, a, minutes) => {
          const b = a + minutes * MIN;
          expect(businessDurationMs(a, b, fresh(h))).toBe(durationByMinute(a, b, h));
        }),
        { numRuns: 40 },
      );
    }, SLOW);

    it('agrees with the per-hour reference on spans up to two years, to the millisecond', () => {
      fc.assert(
        fc.property(hours, instant, fc.integer({ min: 0, max: TWO_YEARS }), (h, a, length) => {
          const b = a + length;
          expect(businessDurationMs(a, b, fresh(h))).toBe(durationByHour(a, b, h));
        }),
        { numRuns: 25 },
      );
    }, SLOW);

    it('is additive, bounded by elapsed time and monotone', () => {
      fc.assert(
        fc.property(hours, instant, span, span, (h, a, ab, bc) => {
          const [b, c] = [a + ab, a + ab + bc];
          const cal = fresh(h);
          // The longest span first: on a cold calendar it is the one that builds the totals.
          const ac = businessDurationMs(a, c, cal);
          const [dab, dbc] = [businessDurationMs(a, b, cal), businessDurationMs(b, c, cal)];
          expect(ac).toBe(dab + dbc);
          for (const [d, elapsed] of [[ac, c - a], [dab, b - a], [dbc, c - b]] as const) {
            expect(d).toBeGreaterThanOrEqual(0);
            expect(d).toBeLessThanOrEqual(elapsed);
          }
          expect(dab).toBeLessThanOrEqual(ac);
          expect(dbc).toBeLessThanOrEqual(ac);
          expect(businessDurationMs(c, a, cal)).toBe(0);
        }),
        { numRuns: 120 },
      );
    }, SLOW);

    it('gives the same answers whether the long or the short span is asked first', () => {
      fc.assert(
        fc.property(hours, instant, fc.integer({ min: 0, max: TWO_YEARS }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 2 * DAY }), (h, a, length, where, shortLength) => {
          const long: [number, number] = [a, a + length];
          const x = a + Math.floor(length * where);
          const short: [number, number] = [x, x + shortLength];
          const longFirst = fresh(h);
          const l1 = businessDurationMs(...long, longFirst);
          const s1 = businessDurationMs(...short, longFirst);
          const shortFirst = fresh(h);
          const s2 = businessDurationMs(...short, shortFirst);
          const l2 = businessDurationMs(...long, shortFirst);
          expect([l1, s1]).toEqual([l2, s2]);
        }),
        { numRuns: 80 },
      );
    }, SLOW);
  });

  describe('any mix of queries', () => {
    // Additions of up to two days of business time (and no more than the hours can reach): with
    // sparse random hours, two years of it would walk decades of calendar per query.
    const query = fc.oneof(
      fc.record({ kind: fc.constant('duration' as const), at: instant, length: span }),
      fc.record({ kind: fc.constant('add' as const), at: instant, length: fc.integer({ min: 0, max: 2 * DAY }) }),
      fc.record({ kind: fc.constant('days' as const), at: instant, length: fc.integer({ min: 0, max: 30 }) }),
      fc.record({ kind: fc.constant('next' as const), at: instant, length: fc.constant(0) }),
    );
    type Query = { kind: 'duration' | 'add' | 'days' | 'next'; at: number; length: number };
    const ask = (q: Query, h: OpeningHours): number | string => {
      switch (q.kind) {
        case 'duration':
          return businessDurationMs(q.at, q.at + q.length, h);
        case 'add':
          return addBusinessMs(q.at, Math.min(q.length, reachable(h, Infinity) * MIN), h);
        case 'days':
          return addBusinessDays(q.at, q.length, h);
        case 'next':
          return [nextOpening(q.at, h), isOpenAt(q.at, h)].join(' ');
      }
    };

    it('gets the same answers on a cold calendar, in reverse order, and on a warmed one (durations, additions, business days, next opening)', () => {
      fc.assert(
        fc.property(hours, fc.array(query, { minLength: 2, maxLength: 8 }), fc.array(query, { maxLength: 8 }), (h, queries, warmUp) => {
          const inOrder = fresh(h);
          const expected = queries.map((q) => ask(q, inOrder));
          const reversed = fresh(h);
          const backwards = [...queries].reverse().map((q) => ask(q, reversed)).reverse();
          const warmed = fresh(h);
          for (const q of warmUp) ask(q, warmed);
          expect(backwards).toEqual(expected);
          expect(queries.map((q) => ask(q, warmed))).toEqual(expected);
        }),
        { numRuns: 40 },
      );
    }, SLOW);
  });

  describe('addBusinessMs ("add N business minutes")', () => {
    const businessMinutes = fc.oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 200_000 }));

    it('lands exactly N business minutes later, and no earlier instant does', () => {
      fc.assert(
        fc.property(hours, instant, businessMinutes, (h, a, asked) => {
          const n = reachable(h, asked);
          const cal = fresh(h);
          const at = addBusinessMs(a, n * MIN, cal);
          expect(Number.isFinite(at)).toBe(hasOpenDay(h));
          if (!Number.isFinite(at)) return;
          expect(at).toBeGreaterThanOrEqual(a);
          expect(businessDurationMs(a, at, cal)).toBe(n * MIN);
          if (n > 0) {
            expect(businessDurationMs(a, at - 1, cal)).toBe(n * MIN - 1);
          } else {
            expect(at).toBe(nextOpening(a, cal));
            expect(isOpenAt(at, cal)).toBe(true);
          }
        }),
        { numRuns: 150 },
      );
    }, SLOW);

    it('is monotone in the start and in N, and adding in two steps is adding once', () => {
      fc.assert(
        fc.property(hours, instant, span, businessMinutes, businessMinutes, (h, a, shift, askedN, askedM) => {
          const [n, m] = [reachable(h, askedN), reachable(h, askedM)];
          const cal = fresh(h);
          const later = a + shift;
          expect(addBusinessMs(a, (n + m) * MIN, cal)).toBeGreaterThanOrEqual(addBusinessMs(a, n * MIN, cal));
          expect(addBusinessMs(later, n * MIN, cal)).toBeGreaterThanOrEqual(addBusinessMs(a, n * MIN, cal));
          // A zero second step would move a result that ends at closing on to the next opening.
          if (m > 0) expect(addBusinessMs(addBusinessMs(a, n * MIN, cal), m * MIN, cal)).toBe(addBusinessMs(a, (n + m) * MIN, cal));
        }),
        { numRuns: 100 },
      );
    }, SLOW);

    it('agrees with the per-minute reference for a few hours of business time', () => {
      const window = 5 * 24 * 60;
      fc.assert(
        fc.property(hours, minute, fc.integer({ min: 0, max: 240 }), (h, a, n) => {
          const at = addBusinessMs(a, n * MIN, fresh(h));
          const expected = addByMinute(a, n, h, window);
          // Not found within five days by the reference means the engine must look further too.
          if (expected === null) expect(at).toBeGreaterThan(a + window * MIN - MIN);
          else expect(at).toBe(expected);
        }),
        { numRuns: 30 },
      );
    }, SLOW);

    it('agrees with the per-hour reference for up to two years, to the millisecond', () => {
      fc.assert(
        fc.property(hours, instant, fc.integer({ min: 0, max: TWO_YEARS }), (h, a, length) => {
          // A duration the reference can reach within the span: all the business time in it.
          const duration = durationByHour(a, a + length, h);
          const expected = addByHour(a, duration, h, Math.ceil(length / HOUR) + 24 * 1100);
          expect(addBusinessMs(a, duration, fresh(h))).toBe(expected);
        }),
        { numRuns: 20 },
      );
    }, SLOW);
  });
});
