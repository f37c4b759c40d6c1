import { describe, expect, it } from 'vitest';
import { DEFAULT_OPENING_HOURS } from '@/lib/domain/business-time';
import {
  closeIsTooEarly,
  cohortFigures,
  isExcluded,
  isProperlyWorked,
  isWithinSla,
  median,
  percentile,
  reached,
  responseTimeMs,
  wasClosedTooEarly,
  type LeadFacts,
  type MetricSettings,
} from '@/lib/domain/lead-metrics';
import type { LostReason } from '@/lib/domain/model';

const MIN = 60_000;
// Wednesday 18 March 2026, 10:00 Amsterdam (09:00 UTC): well inside opening hours.
const T0 = Date.UTC(2026, 2, 18, 9, 0);
const SETTINGS: MetricSettings = { hours: DEFAULT_OPENING_HOURS, firstAttemptSlaMs: 5 * MIN, closeAfterAttempts: 6 };

const lead = (over: Partial<LeadFacts> = {}): LeadFacts => ({
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
  ...over,
});

describe('closeIsTooEarly', () => {
  it.each<[string, { attempts: number; contacts: number; phoneAttempts: number }, LostReason | null, number, boolean]>([
    ['no attempts, any reason', { attempts: 0, contacts: 0, phoneAttempts: 0 }, 'not_interested', 6, true],
    ['one below the threshold', { attempts: 5, contacts: 0, phoneAttempts: 5 }, 'unreachable', 6, true],
    ['at the threshold', { attempts: 6, contacts: 0, phoneAttempts: 6 }, 'unreachable', 6, false],
    ['a conversation, one attempt', { attempts: 1, contacts: 1, phoneAttempts: 1 }, 'not_interested', 6, false],
    ['threshold 3: two attempts', { attempts: 2, contacts: 0, phoneAttempts: 2 }, 'other', 3, true],
    ['threshold 3: three attempts', { attempts: 3, contacts: 0, phoneAttempts: 0 }, 'other', 3, false],
    ['duplicate without any attempt is never too early', { attempts: 0, contacts: 0, phoneAttempts: 0 }, 'duplicate', 6, false],
    ['wrong number after a call', { attempts: 1, contacts: 0, phoneAttempts: 1 }, 'wrong_number', 6, false],
    ['wrong number after only an e-mail: the number was never tried', { attempts: 1, contacts: 0, phoneAttempts: 0 }, 'wrong_number', 6, true],
    ['wrong number without any attempt', { attempts: 0, contacts: 0, phoneAttempts: 0 }, 'wrong_number', 6, true],
    ['no reason given', { attempts: 2, contacts: 0, phoneAttempts: 2 }, null, 6, true],
  ])('%s', (_name, effort, reason, threshold, expected) => {
    expect(closeIsTooEarly(effort, reason, threshold)).toBe(expected);
  });
});

describe('wasClosedTooEarly: only a lead that is lost now', () => {
  it.each<[string, Partial<LeadFacts>, boolean]>([
    ['lost with little effort', { status: 'lost', lostReason: 'not_interested', attemptsBeforeClose: 1, phoneAttemptsBeforeClose: 1 }, true],
    ['sold without any attempt', { status: 'sold' }, false],
    ['open without any attempt', { status: 'open' }, false],
    ['lost as duplicate', { status: 'lost', lostReason: 'duplicate' }, false],
    ['lost after a conversation that came before the close', { status: 'lost', lostReason: 'not_interested', attemptsBeforeClose: 1, contactsBeforeClose: 1 }, false],
    // Effort after the close does not redeem it: the close itself came too early.
    ['lost, then attempts after the close', { status: 'lost', lostReason: 'unreachable', attempts: 8, attemptsBeforeClose: 1 }, true],
  ])('%s', (_name, over, expected) => {
    expect(wasClosedTooEarly(lead(over), 6)).toBe(expected);
  });
});

describe('responseTimeMs and isWithinSla', () => {
  it.each<[string, Partial<LeadFacts>, number | null]>([
    ['no attempt yet', {}, null],
    ['four business minutes', { firstAttemptAt: T0 + 4 * MIN }, 4 * MIN],
    ['an attempt before the CRM time (clock skew) is instant', { firstAttemptAt: T0 - 10 * MIN }, 0],
    // Received Friday 17:55 (16:55 UTC), first call Saturday 09:02: 5 + 2 business minutes.
    ['across closing time', { receivedAt: Date.UTC(2026, 2, 20, 16, 55), firstAttemptAt: Date.UTC(2026, 2, 21, 8, 2) }, 7 * MIN],
  ])('%s', (_name, over, expected) => {
    expect(responseTimeMs(lead(over), DEFAULT_OPENING_HOURS)).toBe(expected);
  });

  it.each<[number | null, number, boolean | null]>([
    [null, 5 * MIN, null],
    [5 * MIN, 5 * MIN, true],
    [5 * MIN + 1, 5 * MIN, false],
    [10 * MIN, 15 * MIN, true],
  ])('response %s with SLA %s → %s', (response, sla, expected) => {
    expect(isWithinSla(response, sla)).toBe(expected);
  });
});

describe('isProperlyWorked', () => {
  it.each<[string, Partial<LeadFacts>, Partial<MetricSettings>, boolean]>([
    ['fast and reached', { firstAttemptAt: T0 + 2 * MIN, attempts: 1, contacts: 1, contactsBeforeClose: 1, attemptsBeforeClose: 1 }, {}, true],
    ['fast, six attempts, never reached', { firstAttemptAt: T0 + MIN, attempts: 6, attemptsBeforeClose: 6 }, {}, true],
    ['fast, five attempts, never reached', { firstAttemptAt: T0 + MIN, attempts: 5, attemptsBeforeClose: 5 }, {}, false],
    ['reached, but the first attempt was late', { firstAttemptAt: T0 + 6 * MIN, contacts: 1, contactsBeforeClose: 1, attempts: 1, attemptsBeforeClose: 1 }, {}, false],
    ['late for 5 minutes, in time for a 15-minute SLA', { firstAttemptAt: T0 + 10 * MIN, contacts: 1, contactsBeforeClose: 1, attempts: 1, attemptsBeforeClose: 1 }, { firstAttemptSlaMs: 15 * MIN }, true],
    ['never attempted', {}, {}, false],
    ['three attempts with a threshold of 3', { firstAttemptAt: T0 + MIN, attempts: 3, attemptsBeforeClose: 3 }, { closeAfterAttempts: 3 }, true],
  ])('%s', (_name, over, settings, expected) => {
    expect(isProperlyWorked(lead(over), { ...SETTINGS, ...settings })).toBe(expected);
  });
});

describe('median and percentile', () => {
  it.each<[number[], number | null, number | null]>([
    [[], null, null],
    [[7], 7, 7],
    [[1, 3], 2, 3],
    [[5, 1, 3], 3, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5.5, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 6, 10],
  ])('%j → median %s, p90 %s', (values, med, p90) => {
    expect(median(values)).toBe(med);
    expect(percentile(values, 90)).toBe(p90);
  });
});

describe('cohortFigures', () => {
  it('leaves duplicates and backlog leads out of n and every rate, and counts them', () => {
    const figures = cohortFigures(
      [
        lead({ firstAttemptAt: T0 + 2 * MIN, attempts: 1, contacts: 1, contactsBeforeClose: 1, attemptsBeforeClose: 1, status: 'sold', furthest: 'sold' }),
        lead({ firstAttemptAt: T0 + 20 * MIN, attempts: 1, attemptsBeforeClose: 1, phoneAttemptsBeforeClose: 1, status: 'lost', lostReason: 'unreachable' }),
        lead({ status: 'lost', lostReason: 'duplicate' }),
        lead({ backlog: true, firstAttemptAt: T0 + 900 * MIN, attempts: 1 }),
        lead({ receivedAt: T0 - 86_400_000 * 40, status: 'sold' }),
      ],
      SETTINGS,
      T0 - 86_400_000,
      T0 + 86_400_000,
    );
    expect(figures).toEqual({
      leads: 2,
      firstAttempts: 2,
      medianResponseMs: 11 * MIN,
      p90ResponseMs: 20 * MIN,
      withinSlaShare: 0.5,
      attemptsPerLead: 1,
      contactRate: 0.5,
      // A sale is past the appointment stage: it counts as an appointment reached.
      appointmentRate: 0.5,
      closedTooEarly: 1,
      sold: 1,
      conversion: 0.5,
      excluded: 1,
      backlog: 1,
      properlyWorked: 1,
    });
  });

  it('an appointment counts after a later loss', () => {
    expect(reached(lead({ status: 'lost', furthest: 'shown' }), 'appointment')).toBe(true);
    expect(reached(lead({ status: 'lost', furthest: 'contacted' }), 'appointment')).toBe(false);
    expect(cohortFigures([lead({ status: 'lost', lostReason: 'bought_elsewhere', furthest: 'appointment', contacts: 1, contactsBeforeClose: 1 })], SETTINGS).appointmentRate).toBe(1);
  });

  it('a changed SLA or threshold changes the figures of the same leads at once', () => {
    const leads = [lead({ firstAttemptAt: T0 + 10 * MIN, attempts: 3, attemptsBeforeClose: 3, phoneAttemptsBeforeClose: 3, status: 'lost', lostReason: 'unreachable' })];
    expect(cohortFigures(leads, SETTINGS)).toMatchObject({ withinSlaShare: 0, closedTooEarly: 1 });
    expect(cohortFigures(leads, { ...SETTINGS, firstAttemptSlaMs: 15 * MIN, closeAfterAttempts: 3 })).toMatchObject({ withinSlaShare: 1, closedTooEarly: 0, properlyWorked: 1 });
  });

  it('an empty cohort has no rates, only zeros', () => {
    expect(cohortFigures([], SETTINGS)).toMatchObject({ leads: 0, medianResponseMs: null, conversion: null, closedTooEarly: 0, excluded: 0 });
  });

  it('isExcluded is exactly a loss as duplicate', () => {
    expect(isExcluded({ status: 'lost', lostReason: 'duplicate' })).toBe(true);
    expect(isExcluded({ status: 'lost', lostReason: 'wrong_number' })).toBe(false);
    expect(isExcluded({ status: 'open', lostReason: 'duplicate' })).toBe(false);
  });
});
