import { describe, expect, it } from 'vitest';
import { defaultGoLive, goLiveDate, goLiveForExisting, goLiveFromDate, isBacklog, needsNudging, splitBacklog } from '@/lib/domain/backlog';

const ZONE = 'Europe/Amsterdam';
const at = (iso: string) => Date.parse(iso);

describe('defaultGoLive: the start of the dealer’s day', () => {
  it.each([
    ['a winter afternoon', '2026-12-01T15:30:00+01:00', '2026-12-01T00:00:00+01:00', ZONE],
    ['just after midnight there, still the day before in UTC', '2026-12-01T00:10:00+01:00', '2026-12-01T00:00:00+01:00', ZONE],
    ['a summer day (DST)', '2026-07-14T09:00:00+02:00', '2026-07-14T00:00:00+02:00', ZONE],
    ['another zone', '2026-12-01T03:00:00Z', '2026-11-30T00:00:00-05:00', 'America/New_York'],
  ])('%s', (_name, enabled, expected, zone) => {
    expect(defaultGoLive(at(enabled), zone)).toBe(at(expected));
  });
});

describe('isBacklog: received before the go-live', () => {
  const goLive = at('2026-12-01T00:00:00+01:00');
  const now = at('2026-12-01T10:00:00+01:00');
  it.each<[string, number | null, number | null, boolean]>([
    ['received yesterday', at('2026-11-30T16:00:00+01:00'), goLive, true],
    ['received a week ago', at('2026-11-24T09:00:00+01:00'), goLive, true],
    ['received one second before go-live', goLive - 1000, goLive, true],
    ['received exactly at go-live', goLive, goLive, false],
    ['received this morning', at('2026-12-01T08:30:00+01:00'), goLive, false],
    ['no CRM time: the clock starts now, after go-live', null, goLive, false],
    ['no go-live recorded: nothing is backlog', at('2026-11-24T09:00:00+01:00'), null, false],
    ['a go-live the dealer moved to tomorrow', null, at('2026-12-02T00:00:00+01:00'), true],
  ])('%s', (_name, receivedAt, goLiveAt, expected) => {
    expect(isBacklog(receivedAt, now, goLiveAt)).toBe(expected);
  });
});

describe('needsNudging', () => {
  it.each<[string, { open: 0 | 1; backlog?: boolean; attemptCount: number }, boolean]>([
    ['an open new lead', { open: 1, backlog: false, attemptCount: 0 }, true],
    ['an open lead from before the flag existed', { open: 1, attemptCount: 0 }, true],
    ['untouched backlog', { open: 1, backlog: true, attemptCount: 0 }, false],
    ['backlog a rep has worked', { open: 1, backlog: true, attemptCount: 1 }, true],
    ['a closed lead', { open: 0, backlog: false, attemptCount: 3 }, false],
    ['closed backlog', { open: 0, backlog: true, attemptCount: 2 }, false],
  ])('%s', (_name, lead, expected) => expect(needsNudging(lead)).toBe(expected));
});

describe('splitBacklog', () => {
  it('keeps the ranking order in both groups', () => {
    const row = (key: string, backlog: boolean, attemptCount = 0) => ({ key, lead: { open: 1 as const, backlog, attemptCount } });
    const { active, backlog } = splitBacklog([row('a', true), row('b', false), row('c', true, 1), row('d', true), row('e', false)]);
    expect(active.map((r) => r.key)).toEqual(['b', 'c', 'e']);
    expect(backlog.map((r) => r.key)).toEqual(['a', 'd']);
  });
});

describe('goLiveForExisting', () => {
  const now = at('2026-12-01T10:00:00+01:00');
  it('starts at the day of the first lead seen there', () => {
    expect(goLiveForExisting(at('2026-11-20T14:00:00+01:00'), now, ZONE)).toBe(at('2026-11-20T00:00:00+01:00'));
  });
  it('is today when no lead was seen yet', () => {
    expect(goLiveForExisting(null, now, ZONE)).toBe(at('2026-12-01T00:00:00+01:00'));
  });
});

describe('goLiveDate and goLiveFromDate: the date input in the dealer’s zone', () => {
  it.each([
    ['2026-12-01', ZONE, '2026-12-01T00:00:00+01:00'],
    ['2026-07-14', ZONE, '2026-07-14T00:00:00+02:00'],
    ['2026-03-29', ZONE, '2026-03-29T00:00:00+01:00'],
    ['2026-11-30', 'America/New_York', '2026-11-30T00:00:00-05:00'],
  ])('%s in %s starts at %s, and reads back as the same date', (date, zone, start) => {
    expect(goLiveFromDate(date, zone)).toBe(at(start));
    expect(goLiveDate(at(start), zone)).toBe(date);
  });
  it.each([
    ['2026-11-30T23:30:00-05:00', 'America/New_York', '2026-11-30'],
    ['2026-12-01T00:30:00+01:00', ZONE, '2026-12-01'],
    ['2027-01-01T00:10:00+01:00', ZONE, '2027-01-01'],
    ['2026-12-31T23:59:00+01:00', 'Pacific/Auckland', '2027-01-01'],
  ])('reads %s in %s as the dealer’s date %s, not the UTC one', (instant, zone, date) => {
    expect(goLiveDate(at(instant), zone)).toBe(date);
  });
  it.each(['', 'yesterday', '2026-02-30', '2026-13-01', '01-12-2026'])('refuses %j', (date) => {
    expect(goLiveFromDate(date, ZONE)).toBeNull();
  });
});
