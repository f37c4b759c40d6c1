import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  detailsDue,
  detailsRemovalOf,
  lastTouchedAt,
  retentionDaysSchema,
  retentionRunDue,
  strippedLeadUrl,
  type RetentionFacts,
} from '@/lib/domain/retention';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const ago = (days: number, extraMs = 0) => NOW - days * DAY_MS - extraMs;
const facts = (over: Partial<RetentionFacts>): RetentionFacts => ({
  lastSeenAt: ago(400),
  lastEventAt: ago(400),
  noteUpdatedAt: null,
  removed: false,
  ...over,
});

describe('detailsDue: untouched for more than the period', () => {
  it.each<[string, Partial<RetentionFacts>, number, boolean]>([
    ['seen and worked long ago', {}, 180, true],
    ['exactly 180 days untouched: not yet', { lastSeenAt: ago(180), lastEventAt: ago(180) }, 180, false],
    ['180 days and one second: due', { lastSeenAt: ago(180, 1000), lastEventAt: ago(180, 1000) }, 180, true],
    ['seen on a CRM page yesterday', { lastSeenAt: ago(1) }, 180, false],
    ['an attempt logged last week (still worked)', { lastEventAt: ago(7) }, 180, false],
    ['a status change 179 days ago', { lastEventAt: ago(179) }, 180, false],
    ['the note was edited last month', { noteUpdatedAt: ago(30) }, 180, false],
    ['no events stored, seen long ago', { lastEventAt: null }, 180, true],
    ['already removed', { removed: true }, 180, false],
    ['a shorter period: 31 days untouched under 30', { lastSeenAt: ago(31), lastEventAt: ago(31) }, 30, true],
    ['a longer period: 400 days untouched under 3650', {}, 3650, false],
    ['a clock that went back: touched "in the future"', { lastSeenAt: NOW + DAY_MS, lastEventAt: NOW + DAY_MS }, 30, false],
  ])('%s', (_name, over, days, expected) => {
    expect(detailsDue(facts(over), NOW, days)).toBe(expected);
  });

  it('counts from the latest of seen, event and note', () => {
    expect(lastTouchedAt(facts({ lastSeenAt: ago(50), lastEventAt: ago(20), noteUpdatedAt: ago(90) }))).toBe(ago(20));
    expect(lastTouchedAt(facts({ lastSeenAt: ago(50), lastEventAt: null, noteUpdatedAt: ago(5) }))).toBe(ago(5));
  });
});

describe('retentionRunDue: at most once a day', () => {
  it.each<[string, number | null, boolean]>([
    ['never run', null, true],
    ['ran an hour ago', NOW - 3_600_000, false],
    ['ran 23 h 59 min ago', NOW - DAY_MS + 60_000, false],
    ['ran exactly a day ago', NOW - DAY_MS, true],
    ['ran a week ago (the worker slept)', ago(7), true],
    ['the clock went back before the last run', NOW + 3_600_000, true],
  ])('%s', (_name, lastRunAt, expected) => {
    expect(retentionRunDue(lastRunAt, NOW)).toBe(expected);
  });
});

describe('the retention period', () => {
  it.each<[unknown, boolean]>([
    [180, true],
    [30, true],
    [3650, true],
    [29, false],
    [3651, false],
    [90.5, false],
    ['180', false],
    [null, false],
  ])('%s days is valid: %s', (days, expected) => {
    expect(retentionDaysSchema.safeParse(days).success).toBe(expected);
  });
});

describe('strippedLeadUrl: no query or fragment after removal', () => {
  it.each([
    ['http://leadpace-demo.localhost/leads/L-1', 'http://leadpace-demo.localhost/leads/L-1'],
    ['https://crm.example/lead/42?q=sanne%40example.com&name=Sanne#notes', 'https://crm.example/lead/42'],
    ['https://app.hubspot.com/contacts/123/record/0-1/456?search=+31612345678', 'https://app.hubspot.com/contacts/123/record/0-1/456'],
    ['not a url', ''],
  ])('%s', (url, expected) => {
    expect(strippedLeadUrl(url)).toBe(expected);
  });
});

describe('detailsRemovalOf', () => {
  it('reads the mark and ignores rows without one or with a broken one', () => {
    expect(detailsRemovalOf({ detailsRemovedAt: NOW, detailsRemovedAfterDays: 180 })).toEqual({ detailsRemovedAt: NOW, detailsRemovedAfterDays: 180 });
    expect(detailsRemovalOf({ name: 'Sanne' })).toBeNull();
    expect(detailsRemovalOf({ detailsRemovedAt: NOW, detailsRemovedAfterDays: 5 })).toBeNull();
  });
});
