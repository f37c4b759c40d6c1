import { describe, expect, it } from 'vitest';
import { DEFAULT_OPENING_HOURS as H, type OpeningHours } from '@/lib/domain/business-time';
import { checkpointDays } from '@/lib/domain/pacing';
import { pendingPacingCheckpoint, planPacingNudge } from '@/lib/domain/pacing-nudges';
import { ams } from '@/tests/fixtures/lead-records';

/** `count` sales on Monday 2 March 2026. */
const sales = (count: number) => Array.from({ length: count }, () => ams('2026-03-02 11:00'));
const round1 = (n: number) => Math.round(n * 10) / 10;

// March 2026, default hours: 26 business days; 7 before Tuesday the 10th, 16 before Friday the 20th.
describe('planPacingNudge', () => {
  it.each([
    // name, now, target, sold, handled before → nudge (rounded), handled after
    ['start, target above the business days', '2026-03-02 09:01', 40, 0, [], { checkpoint: 'start', target: 40, businessDaysInMonth: 26, byDay10: 10.8 }, ['2026-03:start']],
    ['start, target below the business days (never "behind" on the 1st)', '2026-03-02 09:01', 5, 0, [], { checkpoint: 'start', target: 5, businessDaysInMonth: 26, byDay10: 1.3 }, ['2026-03:start']],
    ['start, even with sales already', '2026-03-02 15:00', 5, 3, [], { checkpoint: 'start', target: 5, businessDaysInMonth: 26, byDay10: 1.3 }, ['2026-03:start']],
    ['start again the same day', '2026-03-02 15:00', 5, 0, ['2026-03:start'], null, ['2026-03:start']],
    ['day 10, behind', '2026-03-10 09:01', 20, 2, ['2026-03:start'], { checkpoint: 'day10', target: 20, sold: 2, expectedByToday: 5.4, projection: 7.4 }, ['2026-03:start', '2026-03:day10']],
    ['day 10, on pace: handled without a nudge', '2026-03-10 09:01', 20, 5, ['2026-03:start'], null, ['2026-03:start', '2026-03:day10']],
    ['day 10, a small target is never a whole sale short', '2026-03-10 09:01', 2, 0, [], null, ['2026-03:day10']],
    ['day 10 again', '2026-03-10 12:00', 20, 0, ['2026-03:day10'], null, ['2026-03:day10']],
    ['day 20, behind', '2026-03-20 09:01', 20, 8, ['2026-03:start', '2026-03:day10'], { checkpoint: 'day20', target: 20, sold: 8, expectedByToday: 12.3, projection: 13 }, ['2026-03:start', '2026-03:day10', '2026-03:day20']],
    ['not a checkpoint day: nothing, nothing remembered', '2026-03-11 09:01', 20, 0, ['2026-03:start'], null, ['2026-03:start']],
    ['away on the 2nd: the month’s need comes at the first chance before the 10th', '2026-03-05 14:00', 5, 0, [], { checkpoint: 'start', target: 5, businessDaysInMonth: 26, byDay10: 1.3 }, ['2026-03:start']],
    ['… but only once', '2026-03-06 09:01', 5, 0, ['2026-03:start'], null, ['2026-03:start']],
    ['… not on a closed day', '2026-03-08 12:00', 5, 0, [], null, []],
    ['… and not from the day-10 check on: the checks speak then', '2026-03-11 09:01', 5, 0, [], null, []],
    ['no target', '2026-03-02 09:01', 0, 0, [], null, []],
    ['last month is forgotten', '2026-04-01 09:01', 20, 0, ['2026-03:start', '2026-03:day10'], { checkpoint: 'start', target: 20, businessDaysInMonth: 24, byDay10: 5.8 }, ['2026-04:start']],
  ] as const)('%s', (_name, now, target, sold, handled, nudge, after) => {
    const plan = planPacingNudge({ target, soldDates: sales(sold), now: ams(now), hours: H, handled });
    const shown =
      plan.nudge === null
        ? null
        : plan.nudge.checkpoint === 'start'
          ? { ...plan.nudge, byDay10: plan.nudge.byDay10 && round1(plan.nudge.byDay10.expected) }
          : { ...plan.nudge, expectedByToday: round1(plan.nudge.expectedByToday), projection: round1(plan.nudge.projection) };
    expect(shown).toEqual(nudge);
    expect(plan.handled).toEqual(after);
  });

  it('the start nudge names the opening of the day-10 check, which moves off a closed 10th', () => {
    // May 2026: the 10th is a Sunday, so the check is Monday the 11th.
    const plan = planPacingNudge({ target: 24, soldDates: [], now: ams('2026-05-01 09:01'), hours: H, handled: [] });
    expect(plan.nudge?.checkpoint === 'start' && plan.nudge.byDay10?.at).toBe(ams('2026-05-11 09:00'));
  });

  it('a month with no business day from the 10th on has no day-10 figure', () => {
    const closed = Array.from({ length: 22 }, (_, i) => `2026-03-${String(i + 10).padStart(2, '0')}`);
    const plan = planPacingNudge({ target: 10, soldDates: [], now: ams('2026-03-02 09:01'), hours: { ...H, closedDates: closed }, handled: [] });
    expect(plan.nudge).toMatchObject({ checkpoint: 'start', businessDaysInMonth: 7, byDay10: null });
  });

  it('pendingPacingCheckpoint agrees with the plan, so the caller reads sales only when needed', () => {
    expect(pendingPacingCheckpoint({ target: 5, now: ams('2026-03-02 09:01'), hours: H, handled: [] })).toEqual({ checkpoint: 'start', key: '2026-03:start' });
    expect(pendingPacingCheckpoint({ target: 5, now: ams('2026-03-02 09:01'), hours: H, handled: ['2026-03:start'] })).toBeNull();
    expect(pendingPacingCheckpoint({ target: 5, now: ams('2026-03-03 09:01'), hours: H, handled: [] })).toEqual({ checkpoint: 'start', key: '2026-03:start' });
    expect(pendingPacingCheckpoint({ target: 5, now: ams('2026-03-03 09:01'), hours: H, handled: ['2026-03:start'] })).toBeNull();
    expect(pendingPacingCheckpoint({ target: 5, now: ams('2026-03-12 09:01'), hours: H, handled: [] })).toBeNull();
    expect(pendingPacingCheckpoint({ target: 0, now: ams('2026-03-02 09:01'), hours: H, handled: [] })).toBeNull();
  });
});

describe('checkpointDays', () => {
  const dayOf = (days: ReturnType<typeof checkpointDays>) => ({ start: days.start?.day, day10: days.day10?.day, day20: days.day20?.day });
  it.each([
    ['March 2026: Monday the 2nd, Tuesday the 10th, Friday the 20th', '2026-03-15 12:00', H, { start: 2, day10: 10, day20: 20 }],
    ['January 2026: Nieuwjaarsdag closed', '2026-01-15 12:00', H, { start: 2, day10: 10, day20: 20 }],
    ['May 2026: the 10th is a Sunday', '2026-05-15 12:00', H, { start: 1, day10: 11, day20: 20 }],
    ['December 2026: the 20th is a Sunday', '2026-12-05 12:00', H, { start: 1, day10: 10, day20: 21 }],
    ['a month that opens on the 12th keeps one checkpoint on that day', '2026-03-25 12:00', { ...H, closedDates: Array.from({ length: 10 }, (_, i) => `2026-03-${String(i + 2).padStart(2, '0')}`) }, { start: 12, day10: undefined, day20: 20 }],
  ] as [string, string, OpeningHours, object][])('%s', (_name, now, hours, expected) => {
    expect(dayOf(checkpointDays(ams(now), hours))).toEqual(expected);
  });
});
