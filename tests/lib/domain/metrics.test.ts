import { describe, expect, it } from 'vitest';
import type { LeadRecord } from '@/lib/domain/lead';
import { dayBounds, median, todayStats, urgencyOrder } from '@/lib/domain/metrics';
import { ams, record } from '@/tests/fixtures/lead-records';

const T = (iso: string) => Date.parse(iso);
const MIN = 60_000;

function lead(over: Partial<LeadRecord> & { key: string }): LeadRecord {
  const [crm = 'demo', leadId = over.key] = over.key.split(':');
  return {
    crm,
    leadId,
    url: `http://leadpace-demo.localhost/leads/${leadId}`,
    missing: [],
    source: 'website',
    receivedAt: T('2025-01-15T08:00:00Z'),
    receivedAtKnown: true,
    firstSeenAt: T('2025-01-01T08:00:00Z'),
    lastSeenAt: T('2025-01-15T08:00:00Z'),
    status: 'open',
    contactCount: 0,
    firstAttemptAt: null,
    lastAttemptAt: null,
    attemptCount: 0,
    lastOutcome: null,
    attemptLog: [],
    soldAt: null,
    closedAt: null,
    attemptsBeforeClose: 0,
    contactsBeforeClose: 0,
    phoneAttemptsBeforeClose: 0,
    furthest: 'open',
    statusActor: null,
    backlog: false,
    open: 1,
    ...over,
  };
}

describe('median', () => {
  it.each([
    { values: [], expected: null },
    { values: [7], expected: 7 },
    { values: [3, 1, 2], expected: 2 },
    { values: [4, 1, 3, 2], expected: 2.5 },
    { values: [10, 20], expected: 15 },
    { values: [5, 5, 5, 100], expected: 5 },
    { values: [-1, 1], expected: 0 },
  ])('median($values) = $expected', ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('dayBounds (Europe/Amsterdam by default)', () => {
  it.each([
    {
      name: 'winter (UTC+1)',
      now: '2025-01-15T12:00:00Z',
      start: '2025-01-14T23:00:00Z',
      end: '2025-01-15T23:00:00Z',
    },
    {
      name: 'just after local midnight, still the previous UTC date',
      now: '2025-01-14T23:30:00Z',
      start: '2025-01-14T23:00:00Z',
      end: '2025-01-15T23:00:00Z',
    },
    {
      name: 'one millisecond before local midnight',
      now: '2025-01-14T22:59:59.999Z',
      start: '2025-01-13T23:00:00Z',
      end: '2025-01-14T23:00:00Z',
    },
    {
      name: 'summer (UTC+2)',
      now: '2025-07-01T10:00:00Z',
      start: '2025-06-30T22:00:00Z',
      end: '2025-07-01T22:00:00Z',
    },
    {
      name: 'spring DST day has 23 hours',
      now: '2025-03-30T20:00:00Z',
      start: '2025-03-29T23:00:00Z',
      end: '2025-03-30T22:00:00Z',
    },
    {
      name: 'autumn DST day has 25 hours',
      now: '2025-10-26T12:00:00Z',
      start: '2025-10-25T22:00:00Z',
      end: '2025-10-26T23:00:00Z',
    },
  ])('$name', ({ now, start, end }) => {
    expect(dayBounds(T(now))).toEqual({ start: T(start), end: T(end) });
  });

  it('honours another time zone', () => {
    expect(dayBounds(T('2025-01-15T03:00:00Z'), 'America/New_York')).toEqual({
      start: T('2025-01-14T05:00:00Z'),
      end: T('2025-01-15T05:00:00Z'),
    });
  });
});

describe('urgencyOrder', () => {
  const now = T('2025-01-15T12:00:00Z');
  it.each([
    {
      // Wednesday 13:00 in Amsterdam: all three are past their due time.
      name: 'overdue leads first, longest overdue (in business time) first',
      leads: [
        lead({ key: 'demo:new', receivedAt: T('2025-01-15T11:00:00Z') }),
        lead({ key: 'demo:old', receivedAt: T('2025-01-15T09:00:00Z') }),
        lead({
          key: 'demo:worked',
          receivedAt: T('2025-01-14T09:00:00Z'),
          attemptCount: 1,
          firstAttemptAt: T('2025-01-14T09:05:00Z'),
          lastAttemptAt: T('2025-01-14T09:05:00Z'),
          attemptLog: [{ at: T('2025-01-14T09:05:00Z'), channel: 'call', outcome: 'no_answer' }],
        }),
      ],
      expected: ['demo:worked', 'demo:old', 'demo:new'],
    },
    {
      name: 'a new lead inside its SLA comes before one waiting for its next step',
      leads: [
        lead({
          key: 'demo:a',
          receivedAt: T('2025-01-15T11:50:00Z'),
          attemptCount: 1,
          firstAttemptAt: T('2025-01-15T11:51:00Z'),
          lastAttemptAt: T('2025-01-15T11:51:00Z'),
          attemptLog: [{ at: T('2025-01-15T11:51:00Z'), channel: 'call', outcome: 'reached' }],
        }),
        lead({ key: 'demo:b', receivedAt: T('2025-01-15T11:58:00Z') }),
      ],
      expected: ['demo:b', 'demo:a'],
    },
    {
      name: 'closed leads are excluded',
      leads: [
        lead({ key: 'demo:sold', status: 'sold', open: 0, receivedAt: T('2025-01-01T09:00:00Z') }),
        lead({ key: 'demo:lost', status: 'lost', open: 0, receivedAt: T('2025-01-02T09:00:00Z') }),
        lead({ key: 'demo:open', receivedAt: T('2025-01-15T09:00:00Z') }),
      ],
      expected: ['demo:open'],
    },
    {
      name: 'equal times fall back to the key, so the order is stable',
      leads: [lead({ key: 'demo:z' }), lead({ key: 'demo:a' })],
      expected: ['demo:a', 'demo:z'],
    },
    { name: 'no leads', leads: [], expected: [] },
  ])('$name', ({ leads, expected }) => {
    expect(urgencyOrder(leads, now).map((l) => l.key)).toEqual(expected);
  });

  it('does not mutate its input', () => {
    const leads = [lead({ key: 'demo:b', receivedAt: 2 }), lead({ key: 'demo:a', receivedAt: 1 })];
    urgencyOrder(leads, now);
    expect(leads.map((l) => l.key)).toEqual(['demo:b', 'demo:a']);
  });
});

describe('todayStats', () => {
  it.each([
    {
      name: 'nothing today',
      now: '2025-01-15T12:00:00Z',
      leads: [],
      attempts: [],
      expected: { leadsSeen: 0, attemptsLogged: 0, medianFirstResponseMs: null, firstResponses: 0 },
    },
    {
      name: 'Amsterdam midnight boundary: 23:59:59.999 is yesterday, 00:00 is today',
      now: '2025-01-15T12:00:00Z',
      leads: [
        lead({ key: 'demo:yesterday', firstSeenAt: T('2025-01-14T22:59:59.999Z') }),
        lead({ key: 'demo:midnight', firstSeenAt: T('2025-01-14T23:00:00Z') }),
        lead({ key: 'demo:tomorrow', firstSeenAt: T('2025-01-15T23:00:00Z') }),
      ],
      attempts: [{ at: T('2025-01-14T22:59:59.999Z') }, { at: T('2025-01-14T23:00:00Z') }, { at: T('2025-01-15T22:59:59.999Z') }],
      expected: { leadsSeen: 1, attemptsLogged: 2, medianFirstResponseMs: null, firstResponses: 0 },
    },
    {
      name: 'just after midnight Amsterdam: the same UTC date is already yesterday',
      now: '2025-01-14T23:10:00Z',
      leads: [lead({ key: 'demo:evening', firstSeenAt: T('2025-01-14T22:30:00Z') })],
      attempts: [{ at: T('2025-01-14T22:45:00Z') }, { at: T('2025-01-14T23:05:00Z') }],
      expected: { leadsSeen: 0, attemptsLogged: 1, medianFirstResponseMs: null, firstResponses: 0 },
    },
    {
      name: 'spring DST day (23 h): 23:30 local is still today',
      now: '2025-03-30T08:00:00Z',
      leads: [
        lead({ key: 'demo:early', firstSeenAt: T('2025-03-29T23:00:00Z') }),
        lead({ key: 'demo:late', firstSeenAt: T('2025-03-30T21:30:00Z') }),
        lead({ key: 'demo:next', firstSeenAt: T('2025-03-30T22:00:00Z') }),
      ],
      attempts: [{ at: T('2025-03-30T01:30:00Z') }],
      expected: { leadsSeen: 2, attemptsLogged: 1, medianFirstResponseMs: null, firstResponses: 0 },
    },
    {
      name: 'autumn DST day (25 h): 23:30 local is 22:30 UTC and still today',
      now: '2025-10-26T08:00:00Z',
      leads: [lead({ key: 'demo:late', firstSeenAt: T('2025-10-26T22:30:00Z') })],
      attempts: [{ at: T('2025-10-25T22:00:00Z') }, { at: T('2025-10-25T21:59:00Z') }],
      expected: { leadsSeen: 1, attemptsLogged: 1, medianFirstResponseMs: null, firstResponses: 0 },
    },
    {
      name: 'odd count median of first responses today',
      now: '2025-01-15T16:00:00Z',
      leads: [
        lead({ key: 'demo:a', receivedAt: T('2025-01-15T09:00:00Z'), firstAttemptAt: T('2025-01-15T09:02:00Z'), lastAttemptAt: T('2025-01-15T09:02:00Z'), attemptCount: 1 }),
        lead({ key: 'demo:b', receivedAt: T('2025-01-15T10:00:00Z'), firstAttemptAt: T('2025-01-15T10:30:00Z'), lastAttemptAt: T('2025-01-15T10:30:00Z'), attemptCount: 1 }),
        lead({ key: 'demo:c', receivedAt: T('2025-01-15T11:00:00Z'), firstAttemptAt: T('2025-01-15T11:10:00Z'), lastAttemptAt: T('2025-01-15T11:10:00Z'), attemptCount: 1 }),
        lead({ key: 'demo:none', receivedAt: T('2025-01-15T12:00:00Z') }),
      ],
      attempts: [],
      expected: { leadsSeen: 0, attemptsLogged: 0, medianFirstResponseMs: 10 * MIN, firstResponses: 3 },
    },
    {
      name: 'even count median; a lead received yesterday but first attempted today counts',
      now: '2025-01-15T16:00:00Z',
      leads: [
        lead({ key: 'demo:a', receivedAt: T('2025-01-15T09:00:00Z'), firstAttemptAt: T('2025-01-15T09:04:00Z') }),
        lead({ key: 'demo:b', receivedAt: T('2025-01-14T16:00:00Z'), firstAttemptAt: T('2025-01-15T08:00:00Z') }),
        lead({ key: 'demo:c', receivedAt: T('2025-01-15T10:00:00Z'), firstAttemptAt: T('2025-01-15T10:06:00Z') }),
        lead({ key: 'demo:d', receivedAt: T('2025-01-15T11:00:00Z'), firstAttemptAt: T('2025-01-15T12:00:00Z') }),
      ],
      attempts: [],
      expected: { leadsSeen: 0, attemptsLogged: 0, medianFirstResponseMs: 33 * MIN, firstResponses: 4 },
    },
    {
      name: 'a first attempt yesterday does not count today',
      now: '2025-01-15T16:00:00Z',
      leads: [lead({ key: 'demo:a', receivedAt: T('2025-01-14T09:00:00Z'), firstAttemptAt: T('2025-01-14T09:04:00Z'), lastAttemptAt: T('2025-01-15T09:00:00Z') })],
      attempts: [{ at: T('2025-01-15T09:00:00Z') }],
      expected: { leadsSeen: 0, attemptsLogged: 1, medianFirstResponseMs: null, firstResponses: 0 },
    },
    {
      name: 'a CRM clock ahead of ours counts as an instant response, not a negative one',
      now: '2025-01-15T16:00:00Z',
      leads: [lead({ key: 'demo:a', receivedAt: T('2025-01-15T09:05:00Z'), firstAttemptAt: T('2025-01-15T09:04:00Z') })],
      attempts: [],
      expected: { leadsSeen: 0, attemptsLogged: 0, medianFirstResponseMs: 0, firstResponses: 1 },
    },
    {
      // Saturday 16:55 → Monday 09:05 in Amsterdam (Sunday closed): 5 + 5 business minutes.
      name: 'response times count business time, not nights and weekends',
      now: '2025-01-20T12:00:00Z',
      leads: [lead({ key: 'demo:a', receivedAt: T('2025-01-18T15:55:00Z'), firstAttemptAt: T('2025-01-20T08:05:00Z') })],
      attempts: [],
      expected: { leadsSeen: 0, attemptsLogged: 0, medianFirstResponseMs: 10 * MIN, firstResponses: 1 },
    },
    {
      name: 'closed leads still count in today’s numbers',
      now: '2025-01-15T16:00:00Z',
      leads: [lead({ key: 'demo:a', status: 'sold', open: 0, firstSeenAt: T('2025-01-15T09:00:00Z'), receivedAt: T('2025-01-15T09:00:00Z'), firstAttemptAt: T('2025-01-15T09:01:00Z') })],
      attempts: [{ at: T('2025-01-15T09:01:00Z') }],
      expected: { leadsSeen: 1, attemptsLogged: 1, medianFirstResponseMs: MIN, firstResponses: 1 },
    },
  ])('$name', ({ now, leads, attempts, expected }) => {
    expect(todayStats({ leads, attempts, now: T(now) })).toEqual(expected);
  });

  it('uses the given time zone for "today"', () => {
    const leads = [lead({ key: 'demo:a', firstSeenAt: T('2025-01-15T04:00:00Z') })];
    const now = T('2025-01-15T12:00:00Z');
    expect(todayStats({ leads, attempts: [], now }).leadsSeen).toBe(1);
    expect(todayStats({ leads, attempts: [], now, timeZone: 'America/New_York' }).leadsSeen).toBe(0);
  });
});

describe('todayStats leaves backlog out of the response median', () => {
  const fresh = record({ key: 'NEW', received: '2026-12-01 09:00', attempts: ['2026-12-01 09:04'] });
  const old = { ...record({ key: 'OLD', received: '2026-11-24 09:00', attempts: ['2026-12-01 09:30'] }), backlog: true };
  it.each([
    ['a new lead alone', [fresh], 4 * 60_000, 1],
    ['with a week-old backlog lead worked today', [fresh, old], 4 * 60_000, 1],
    ['only backlog worked today', [old], null, 0],
  ])('%s', (_name, leads, medianMs, n) => {
    const stats = todayStats({ leads, attempts: [], now: ams('2026-12-01 12:00') });
    expect(stats.medianFirstResponseMs).toBe(medianMs);
    expect(stats.firstResponses).toBe(n);
  });
});
