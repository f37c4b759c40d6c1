import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPENING_HOURS as H } from '@/lib/domain/business-time';
import { isBelowTeamSla, rankRows, sortBoard, teamMonthPacing, type BoardColumn, type BoardEntry } from '@/lib/domain/team-board';

const MIN = 60_000;

function entry(key: string, over: Partial<BoardEntry> = {}): BoardEntry {
  return {
    key,
    label: key,
    leads: 10,
    firstAttempts: 10,
    medianResponseMs: 3 * MIN,
    p90ResponseMs: 9 * MIN,
    withinSlaShare: 0.8,
    attemptsPerLead: 2,
    contactRate: 0.5,
    appointmentRate: 0.3,
    closedTooEarly: 0,
    sold: 1,
    conversion: 0.1,
    excluded: 0,
    backlog: 0,
    properlyWorked: 5,
    ...over,
  };
}

describe('rankRows', () => {
  it.each<[string, BoardEntry[], Record<string, number>]>([
    ['properly worked share decides first', [entry('a', { properlyWorked: 4 }), entry('b', { properlyWorked: 8 })], { b: 1, a: 2 }],
    ['a share, not a count: 4 of 5 beats 6 of 10', [entry('a', { properlyWorked: 6 }), entry('b', { leads: 5, properlyWorked: 4 })], { b: 1, a: 2 }],
    ['equal share: the faster median wins', [entry('a', { medianResponseMs: 6 * MIN }), entry('b', { medianResponseMs: 2 * MIN })], { b: 1, a: 2 }],
    ['a missing median ranks behind any median', [entry('a', { medianResponseMs: null }), entry('b', { medianResponseMs: 50 * MIN })], { b: 1, a: 2 }],
    ['then the higher share within SLA', [entry('a', { withinSlaShare: 0.5 }), entry('b', { withinSlaShare: 0.9 })], { b: 1, a: 2 }],
    ['equal reps share a rank, the next skips (1, 1, 3)', [entry('a'), entry('b'), entry('c', { properlyWorked: 1 })], { a: 1, b: 1, c: 3 }],
    ['a rep without leads has no rank', [entry('a', { leads: 0, properlyWorked: 0 }), entry('b')], { b: 1 }],
    ['no rows, no ranks', [], {}],
  ])('%s', (_name, rows, expected) => {
    expect(Object.fromEntries(rankRows(rows))).toEqual(expected);
  });
});

describe('sortBoard', () => {
  const rows = [
    entry('Anna', { leads: 12, medianResponseMs: 4 * MIN, closedTooEarly: 2, conversion: 0.25, properlyWorked: 9 }),
    entry('Bram', { leads: 5, medianResponseMs: null, p90ResponseMs: null, withinSlaShare: null, closedTooEarly: 0, conversion: 0, properlyWorked: 0 }),
    entry('Cees', { leads: 8, medianResponseMs: 2 * MIN, closedTooEarly: 1, conversion: null, properlyWorked: 6 }),
    entry('Dirk', { leads: 8, medianResponseMs: 9 * MIN, closedTooEarly: 1, conversion: 0.125, properlyWorked: 1 }),
  ];
  it.each<[BoardColumn, 1 | -1, string[]]>([
    ['rank', 1, ['Cees', 'Anna', 'Dirk', 'Bram']],
    ['label', 1, ['Anna', 'Bram', 'Cees', 'Dirk']],
    ['label', -1, ['Dirk', 'Cees', 'Bram', 'Anna']],
    ['leads', -1, ['Anna', 'Cees', 'Dirk', 'Bram']],
    ['leads', 1, ['Bram', 'Cees', 'Dirk', 'Anna']],
    ['median', 1, ['Cees', 'Anna', 'Dirk', 'Bram']],
    ['median', -1, ['Dirk', 'Anna', 'Cees', 'Bram']],
    ['closedTooEarly', 1, ['Bram', 'Cees', 'Dirk', 'Anna']],
    ['conversion', -1, ['Anna', 'Dirk', 'Bram', 'Cees']],
    ['properlyWorked', -1, ['Anna', 'Cees', 'Dirk', 'Bram']], // 9 of 12 and 6 of 8 tie: by name
  ])('%s, direction %i', (column, dir, expected) => {
    expect(sortBoard(rows, column, dir).map((r) => r.label)).toEqual(expected);
  });
});

describe('isBelowTeamSla', () => {
  it.each<[string, number | null, boolean]>([
    ['median slower than the SLA', 5 * MIN + 1, true],
    ['median exactly the SLA', 5 * MIN, false],
    ['median faster', 2 * MIN, false],
    ['no first attempt yet', null, false],
  ])('%s', (_name, medianResponseMs, expected) => {
    expect(isBelowTeamSla({ medianResponseMs }, 5 * MIN)).toBe(expected);
  });
});

describe('teamMonthPacing', () => {
  const ams = (y: number, mo: number, d: number, h: number, mi = 0) => new TZDate(y, mo - 1, d, h, mi, 'Europe/Amsterdam').getTime();
  // March 2026 has 26 business days (Mon–Sat); on the 10th at 13:30, 7.5 have passed.
  it.each<[string, number, number, number, number, number, boolean]>([
    ['target is per rep × reps on the board; 9 of 11.5 is behind', 10, 4, 9, 40, (40 * 7.5) / 26, true],
    ['on pace: less than one whole sale short', 10, 4, 11, 40, (40 * 7.5) / 26, false],
    ['ahead', 2, 3, 5, 6, (6 * 7.5) / 26, false],
    ['no target set', 0, 5, 3, 0, 0, false],
    ['no reps', 10, 0, 0, 0, 0, false],
  ])('%s', (_name, perRepTarget, reps, sold, target, expected, behind) => {
    const p = teamMonthPacing({ perRepTarget, reps, sold, now: ams(2026, 3, 10, 13, 30), hours: H });
    expect(p.target).toBe(target);
    expect(p.sold).toBe(sold);
    expect(p.expectedByToday).toBeCloseTo(expected, 6);
    expect(p.behind).toBe(behind);
    expect(p.projection).toBeCloseTo((sold / 7.5) * 26, 6);
  });
});
