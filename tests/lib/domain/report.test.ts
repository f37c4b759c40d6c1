import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import { DEFAULT_OPENING_HOURS } from '@/lib/domain/business-time';
import { cohortFigures } from '@/lib/domain/lead-metrics';
import {
  monthKey,
  monthKeyer,
  pacingSeries,
  rateOf,
  reportLeadOf,
  responseBucket,
  sourceReport,
  type ReportLead,
  type ReportSettings,
  type SpendLookup,
} from '@/lib/domain/report';
import { monthsOf, periodOfRange, rangeFromDates, reportPeriodRange, startOfLocalDate } from '@/lib/domain/report-period';

const MIN = 60_000;
const ZONE = 'Europe/Amsterdam';
// Tuesday 3 November 2026, 10:00 Amsterdam: inside opening hours.
const T0 = new TZDate(2026, 10, 3, 10, 0, ZONE).getTime();
const SETTINGS: ReportSettings = { hours: DEFAULT_OPENING_HOURS, firstAttemptSlaMs: 5 * MIN, closeAfterAttempts: 6, floor: 0.13 };
const NOV = { from: new TZDate(2026, 10, 1, ZONE).getTime(), to: new TZDate(2026, 11, 1, ZONE).getTime() };

let seq = 0;
const lead = (over: Partial<ReportLead> = {}): ReportLead => {
  seq += 1;
  return {
    key: `demo:${seq}`,
    leadId: String(seq),
    source: 'website',
    rep: 'Anna',
    receivedAt: T0,
    firstAttemptAt: null,
    attempts: 0,
    contacts: 0,
    status: 'open',
    lostReason: null,
    furthest: 'open',
    attemptsBeforeClose: 0,
    contactsBeforeClose: 0,
    phoneAttemptsBeforeClose: 0,
    backlog: false,
    soldAt: null,
    closedAt: null,
    statusActor: null,
    ...over,
  };
};
/** Worked properly: first call within 2 min and a conversation; sold or not. */
const workedLead = (over: Partial<ReportLead> = {}) =>
  lead({ firstAttemptAt: T0 + 2 * MIN, attempts: 1, contacts: 1, contactsBeforeClose: 1, attemptsBeforeClose: 1, phoneAttemptsBeforeClose: 1, furthest: 'contacted', status: 'contacted', ...over });
const sold = (over: Partial<ReportLead> = {}) =>
  workedLead({ status: 'sold', furthest: 'sold', soldAt: T0 + 86_400_000, closedAt: T0 + 86_400_000, statusActor: 'rep', ...over });
/** First attempt an hour late, then lost after two attempts without a conversation: too early. */
const lateLost = (over: Partial<ReportLead> = {}) =>
  lead({ firstAttemptAt: T0 + 60 * MIN, attempts: 2, attemptsBeforeClose: 2, phoneAttemptsBeforeClose: 2, status: 'lost', lostReason: 'unreachable', closedAt: T0 + 3 * 86_400_000, statusActor: 'rep', ...over });

const report = (leads: ReportLead[], spend?: SpendLookup) => sourceReport({ leads, ...NOV, settings: SETTINGS, spend });

describe('rateOf', () => {
  it.each([
    ['AutoScout24 6/35: straddles 13%', 6, 35, 0.081, 0.327, 'unsure', false],
    ['20/172 straddles', 20, 172, 0.077, 0.173, 'unsure', false],
    ['1/9 is a small sample', 1, 9, 0.02, 0.435, 'unsure', true],
    ['10/200 is surely below', 10, 200, 0.0274, 0.0896, 'below', false],
    ['60/200 is surely above', 60, 200, 0.2407, 0.3668, 'above', false],
  ] as const)('%s', (_name, hits, n, low, high, verdict, small) => {
    const rate = rateOf(hits, n, 0.13);
    expect(rate.rate).toBeCloseTo(hits / n, 10);
    expect(rate.interval?.low).toBeCloseTo(low, 3);
    expect(rate.interval?.high).toBeCloseTo(high, 3);
    expect(rate.verdict).toBe(verdict);
    expect(rate.small).toBe(small);
  });

  it('n = 0: no rate, no interval, cannot tell', () => {
    expect(rateOf(0, 0, 0.13)).toEqual({ n: 0, hits: 0, rate: null, interval: null, verdict: 'unsure', small: true });
  });
});

describe('responseBucket (business time, upper bounds inclusive)', () => {
  it.each([
    [null, 'never'],
    [0, 'le5m'],
    [5 * MIN, 'le5m'],
    [5 * MIN + 1, '5to30m'],
    [30 * MIN, '5to30m'],
    [30 * MIN + 1, '30to60m'],
    [60 * MIN, '30to60m'],
    [61 * MIN, '1to4h'],
    [240 * MIN, '1to4h'],
    [240 * MIN + 1, 'over4h'],
  ] as const)('%s ms → %s', (ms, bucket) => {
    expect(responseBucket(ms)).toBe(bucket);
  });
});

describe('sourceReport', () => {
  it('splits conversion by whether each lead was properly worked', () => {
    const leads = [
      sold(),
      sold(),
      workedLead(),
      workedLead({ status: 'lost', lostReason: 'not_interested', closedAt: T0 + MIN * 30 }),
      sold({ firstAttemptAt: T0 + 20 * MIN }), // late first attempt: not properly worked, sold anyway
      lateLost(),
      lateLost(),
      lead(), // never attempted, still open
    ];
    const { rows, total } = report(leads);
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row).toMatchObject({ source: 'website', leads: 8, excluded: 0, sold: 3, contacted: 5, open: 2, closedTooEarly: 2 });
    expect(row?.worked).toMatchObject({ n: 4, hits: 2, rate: 0.5 });
    expect(row?.unworked).toMatchObject({ n: 4, hits: 1, rate: 0.25 });
    expect(row?.conversion).toMatchObject({ n: 8, hits: 3, rate: 3 / 8, small: true, verdict: 'above' });
    expect(row?.openShare).toBe(2 / 8);
    // Closed: 3 sold (1 attempt each), 1 lost after a conversation (1), 2 lost after 2 attempts.
    expect(row?.medianAttemptsBeforeClose).toBe(1);
    expect(total).toMatchObject({ source: '', leads: 8, sold: 3 });
  });

  it('agrees with the kernel on every figure the kernel has', () => {
    const leads = [sold(), workedLead(), lateLost(), lead(), sold({ source: 'marktplaats', firstAttemptAt: T0 + 40 * MIN })];
    const { total } = report(leads);
    const kernel = cohortFigures(leads, SETTINGS, NOV.from, NOV.to);
    expect(total.leads).toBe(kernel.leads);
    expect(total.sold).toBe(kernel.conversion === null ? 0 : Math.round(kernel.conversion * kernel.leads));
    expect(total.conversion.rate).toBe(kernel.conversion);
    expect(total.contacted / total.leads).toBe(kernel.contactRate);
    expect(total.medianResponseMs).toBe(kernel.medianResponseMs);
    expect(total.withinSlaShare).toBe(kernel.withinSlaShare);
    expect(total.closedTooEarly).toBe(kernel.closedTooEarly);
    expect(total.worked.n).toBe(kernel.properlyWorked);
  });

  it('leaves duplicates and backlog out of every count and shows them as counts', () => {
    const leads = [
      sold(),
      lead({ status: 'lost', lostReason: 'duplicate', closedAt: T0 + MIN }),
      lead({ status: 'lost', lostReason: 'duplicate', closedAt: T0 + MIN }),
      sold({ backlog: true }),
    ];
    const { rows, total, closedTooEarly, responseBuckets } = report(leads);
    expect(rows[0]).toMatchObject({ leads: 1, excluded: 2, backlog: 1, sold: 1, received: 1 });
    expect(total).toMatchObject({ leads: 1, excluded: 2, backlog: 1 });
    expect(closedTooEarly).toEqual([]);
    expect(Object.values(responseBuckets).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('counts only the leads received in [from, to), and their sales whenever they happened', () => {
    const leads = [
      sold({ soldAt: NOV.to + 20 * 86_400_000 }), // sold in January: still November's sale
      sold({ receivedAt: NOV.from - 1 }), // 31 Oct 23:59:59.999: October's
      sold({ receivedAt: NOV.to }), // 1 Dec 00:00: December's
      lead({ receivedAt: NOV.from }),
    ];
    expect(report(leads).total).toMatchObject({ leads: 2, sold: 1 });
  });

  it('builds the funnel from the furthest stage, also after a loss', () => {
    const leads = [
      sold(),
      workedLead({ furthest: 'shown', status: 'lost', lostReason: 'bought_elsewhere', closedAt: T0 + MIN }),
      workedLead({ furthest: 'appointment', status: 'appointment' }),
      workedLead(),
      lead(),
      // Sold in the CRM without any attempt logged: it reached every stage before sold.
      lead({ status: 'sold', furthest: 'sold', statusActor: 'import', soldAt: T0 + MIN, closedAt: T0 + MIN }),
    ];
    const { total } = report(leads);
    expect({ received: total.received, reached: total.reached, appointment: total.appointment, shown: total.shown, sold: total.sold }).toEqual({
      received: 6,
      reached: 5,
      appointment: 4,
      shown: 3,
      sold: 2,
    });
    expect(total.salesBy).toEqual({ rep: 1, crm: 0, import: 1 });
  });

  it('groups by source (sorted) and by rep, with their own rates', () => {
    const leads = [sold({ source: 'marktplaats', rep: 'Bram' }), lateLost({ source: 'marktplaats' }), sold(), lead({ source: 'autoscout24', rep: 'Bram' })];
    const { rows, reps } = report(leads);
    expect(rows.map((r) => [r.source, r.leads, r.sold])).toEqual([
      ['autoscout24', 1, 0],
      ['marktplaats', 2, 1],
      ['website', 1, 1],
    ]);
    expect(reps.map((r) => [r.rep, r.received, r.sold, r.conversion.rate])).toEqual([
      ['Anna', 2, 1, 0.5],
      ['Bram', 2, 1, 0.5],
    ]);
  });

  it('lists every lead closed too early with rep, attempts, reason and when, newest first', () => {
    const a = lateLost({ closedAt: T0 + 1000, rep: 'Bram' });
    const b = lateLost({ closedAt: T0 + 2000, lostReason: 'other', attemptsBeforeClose: 5, attempts: 5 });
    const wrongNumber = lateLost({ lostReason: 'wrong_number' }); // the number was tried: not too early
    const enough = lateLost({ attemptsBeforeClose: 6, attempts: 6 });
    const list = report([a, b, wrongNumber, enough, sold()]).closedTooEarly;
    expect(list.map((i) => [i.key, i.rep, i.attempts, i.lostReason, i.closedAt, i.closedBy])).toEqual([
      [b.key, 'Anna', 5, 'other', T0 + 2000, 'rep'],
      [a.key, 'Bram', 2, 'unreachable', T0 + 1000, 'rep'],
    ]);
  });

  it('sorts response times into buckets in business time', () => {
    const evening = new TZDate(2026, 10, 3, 17, 58, ZONE).getTime();
    const leads = [
      workedLead(), // 2 min
      lead({ firstAttemptAt: T0 + 10 * MIN }),
      lateLost(), // 60 min
      lead({ firstAttemptAt: T0 + 3 * 60 * MIN }),
      // Received 17:58, called next morning 09:05: 7 business minutes, not 15 hours.
      lead({ receivedAt: evening, firstAttemptAt: new TZDate(2026, 10, 4, 9, 5, ZONE).getTime() }),
      lead({ firstAttemptAt: T0 + 5 * 60 * MIN }),
      lead(),
    ];
    expect(report(leads).responseBuckets).toEqual({ le5m: 1, '5to30m': 2, '30to60m': 1, '1to4h': 1, over4h: 1, never: 1 });
  });

  describe('spend and cost', () => {
    const table: Record<string, number> = { 'website|2026-11': 400, 'website|2026-10': 300, 'marktplaats|2026-11': 0 };
    const lookup: SpendLookup = (source, month) => table[`${source}|${month}`] ?? null;

    it.each<[string, ReportLead[], number | null, number | null, number | null]>([
      ['one month, 4 leads, 2 sold', [sold(), sold(), lead(), lead()], 400, 100, 200],
      ['no sales: cost per sale unknown', [lead(), lead()], 400, 200, null],
      ['no spend entered for the source', [sold({ source: 'autotrack' })], null, null, null],
      ['spend of 0 entered: free', [sold({ source: 'marktplaats' })], 0, 0, 0],
    ])('%s', (_name, leads, spend, perLead, perSale) => {
      const row = report(leads, lookup).rows[0];
      expect([row?.spend, row?.costPerLead, row?.costPerSale]).toEqual([spend, perLead, perSale]);
    });

    it('adds the months the cohort came in; one month missing makes it unknown', () => {
      const range = rangeFromDates('2026-10-01', '2026-11-30', ZONE);
      if (!range) throw new Error('range');
      const oct = new TZDate(2026, 9, 14, 10, 0, ZONE).getTime();
      const two = sourceReport({ leads: [sold({ receivedAt: oct }), lead()], from: range.from, to: range.to, settings: SETTINGS, spend: lookup });
      expect(two.rows[0]).toMatchObject({ spend: 700, costPerLead: 350, costPerSale: 700 });
      const sept = new TZDate(2026, 8, 30, 10, 0, ZONE).getTime();
      const wide = rangeFromDates('2026-09-01', '2026-11-30', ZONE);
      if (!wide) throw new Error('range');
      const missing = sourceReport({ leads: [lead({ receivedAt: sept }), lead()], from: wide.from, to: wide.to, settings: SETTINGS, spend: lookup });
      expect(missing.rows[0]?.spend).toBeNull();
    });

    it('the total is known only when every source is', () => {
      expect(report([sold(), sold({ source: 'marktplaats' })], lookup).total).toMatchObject({ spend: 400, costPerLead: 200, costPerSale: 200 });
      expect(report([sold(), sold({ source: 'autotrack' })], lookup).total.spend).toBeNull();
      expect(report([sold()]).total.spend).toBeNull();
    });
  });

  it('an empty period has a total of zeros and no rates', () => {
    const { rows, total } = report([]);
    expect(rows).toEqual([]);
    expect(total).toMatchObject({ leads: 0, sold: 0, openShare: null, conversion: { rate: null, verdict: 'unsure' }, spend: null });
  });
});

describe('reportLeadOf', () => {
  it('takes the facts the kernel reads from a lead record', () => {
    const record = {
      key: 'demo:7',
      leadId: '7',
      name: 'Jan',
      url: 'http://x/7',
      source: 'website',
      receivedAt: T0,
      firstAttemptAt: T0 + MIN,
      attemptCount: 3,
      contactCount: 1,
      status: 'sold' as const,
      lostReason: undefined,
      furthest: 'sold' as const,
      attemptsBeforeClose: 3,
      contactsBeforeClose: 1,
      phoneAttemptsBeforeClose: 2,
      backlog: false,
      soldAt: T0 + 2 * MIN,
      closedAt: T0 + 2 * MIN,
      statusActor: 'crm' as const,
    };
    expect(reportLeadOf(record, 'Anna')).toMatchObject({ attempts: 3, contacts: 1, lostReason: null, rep: 'Anna', statusActor: 'crm', soldAt: T0 + 2 * MIN });
  });
});

describe('periods in the dealer zone', () => {
  const now = new TZDate(2026, 10, 17, 15, 0, ZONE).getTime();
  it.each([
    ['this-month', '2026-11-01', '2026-11-30'],
    ['last-month', '2026-10-01', '2026-10-31'],
    ['this-quarter', '2026-10-01', '2026-12-31'],
    ['last-12-months', '2025-12-01', '2026-11-30'],
  ] as const)('%s → %s…%s', (period, first, last) => {
    const range = reportPeriodRange(period, now, ZONE);
    expect([range.firstDate, range.lastDate]).toEqual([first, last]);
    expect(periodOfRange(range, now, ZONE)).toBe(period);
  });

  it.each([
    ['a DST month (October: 31 days and one hour)', '2026-10-01', '2026-10-31', 31 * 24 + 1],
    ['one day', '2026-11-03', '2026-11-03', 24],
    ['the spring DST day is 23 hours', '2026-03-29', '2026-03-29', 23],
  ])('rangeFromDates: %s', (_name, first, last, hoursLong) => {
    const range = rangeFromDates(first, last, ZONE);
    expect(range && (range.to - range.from) / 3_600_000).toBe(hoursLong);
  });

  it.each([
    ['reversed', '2026-11-30', '2026-11-01'],
    ['not a date', '2026-11-31', '2026-12-01'],
    ['31 February', '2026-02-31', '2026-03-01'],
    ['free text', 'yesterday', '2026-12-01'],
  ])('rangeFromDates: %s → null', (_name, first, last) => {
    expect(rangeFromDates(first, last, ZONE)).toBeNull();
  });

  it('a custom range is custom', () => {
    const range = rangeFromDates('2026-11-02', '2026-11-15', ZONE);
    expect(range && periodOfRange(range, now, ZONE)).toBe('custom');
  });

  it('local midnight in the zone, not UTC', () => {
    expect(startOfLocalDate('2026-11-01', ZONE)).toBe(Date.UTC(2026, 9, 31, 23, 0));
    expect(startOfLocalDate('2026-11-01', 'America/Chicago')).toBe(Date.UTC(2026, 10, 1, 5, 0));
  });

  it('months a range touches and the month of a lead', () => {
    const range = rangeFromDates('2026-10-15', '2026-12-02', ZONE);
    expect(range && monthsOf(range, ZONE)).toEqual(['2026-10', '2026-11', '2026-12']);
    // 31 Oct 23:30 in Amsterdam is October there, whatever UTC says.
    expect(monthKey(Date.UTC(2026, 9, 31, 22, 30), DEFAULT_OPENING_HOURS)).toBe('2026-10');
    expect(monthKey(Date.UTC(2026, 9, 31, 23, 30), DEFAULT_OPENING_HOURS)).toBe('2026-11');
  });

  it.each([
    ['Europe/Amsterdam'],
    ['America/Chicago'],
    ['Asia/Kolkata'],
    ['Australia/Lord_Howe'],
  ])('monthKeyer agrees with monthKey around every midnight and DST change of a year (%s)', (timeZone) => {
    const hours = { ...DEFAULT_OPENING_HOURS, timeZone };
    const keyOf = monthKeyer(hours);
    const checked: string[] = [];
    // Every 15 minutes around each month's turn, in random order so the cache is probed both ways.
    const instants: number[] = [];
    for (let m = 0; m < 13; m++) {
      const turn = new TZDate(2026, m, 1, timeZone).getTime();
      for (let q = -8; q <= 8; q++) instants.push(turn + q * 15 * 60_000);
    }
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 7 * 3_600_000 + 13 * 60_000) instants.push(ms);
    instants.sort((a, b) => ((a * 7919) % 1000) - ((b * 7919) % 1000));
    for (const ms of instants) {
      const expected = monthKey(ms, hours);
      if (keyOf(ms) !== expected) checked.push(`${new Date(ms).toISOString()} ${expected}`);
    }
    expect(checked).toEqual([]);
  });
});

describe('pacingSeries', () => {
  it('expected grows per business day to the target; actual stops at today', () => {
    // March 2026: Mon–Sat open, no holidays → 26 business days. Target 26: one a day.
    const ams = (d: number, h: number) => new TZDate(2026, 2, d, h, 0, ZONE).getTime();
    const points = pacingSeries({ target: 26, soldDates: [ams(2, 11), ams(3, 11), ams(10, 10)], now: ams(10, 13), hours: DEFAULT_OPENING_HOURS });
    expect(points).toHaveLength(26);
    expect(points[0]).toEqual({ date: '2026-03-02', day: 2, expected: 1, actual: 1 });
    expect(points[1]).toMatchObject({ day: 3, expected: 2, actual: 2 });
    const tenth = points.find((p) => p.day === 10);
    expect(tenth).toMatchObject({ expected: 8, actual: 3 });
    expect(points.find((p) => p.day === 11)?.actual).toBeNull();
    expect(points.at(-1)).toMatchObject({ day: 31, expected: 26, actual: null });
  });
});
