import { describe, expect, it } from 'vitest';
import { parseCrmDate } from '@/lib/adapters/parse-date';

// The created/arrival times as the saved US and European dealer pages print them. Thursday
// 26 November 2026, 17:00 in Amsterdam (CET, UTC+1) — the zone zone-less times are read in.
const NOW = new Date('2026-11-26T16:00:00Z');
const read = (text: string) => parseCrmDate(text, { now: NOW, timeZone: 'Europe/Amsterdam' })?.toISOString() ?? null;

describe('dealer-page date formats', () => {
  it.each([
    // German: a comma before the time and "Uhr" after it (Carflow's German header).
    ['23.11.2026, 14:05 Uhr', '2026-11-23T13:05:00.000Z'],
    ['23.11.2026 14:05 Uhr', '2026-11-23T13:05:00.000Z'],
    ['23.11.2026 um 14:05 Uhr', '2026-11-23T13:05:00.000Z'],
    ['vor 3 Tagen um 14:05 Uhr', '2026-11-23T13:05:00.000Z'],
    ['gestern um 9:30 Uhr', '2026-11-25T08:30:00.000Z'],
    // French: "à" between date and time.
    ['24/11/2026 à 16:20', '2026-11-24T15:20:00.000Z'],
    // US: 12-hour clock, relative days with a time, zone abbreviations.
    ['2 days ago at 9:12 AM', '2026-11-24T08:12:00.000Z'],
    ['Today at 10:05 AM', '2026-11-26T09:05:00.000Z'],
    ['Yesterday at 4:40 PM', '2026-11-25T15:40:00.000Z'],
    ['11/24/2026 9:12 AM CST', '2026-11-24T15:12:00.000Z'],
    ['11/24/2026 at 9:12 AM CST', '2026-11-24T15:12:00.000Z'],
    ['11/24/2026 10:12 AM EST', '2026-11-24T15:12:00.000Z'],
    ['11/24/2026 9:12 AM (EST)', '2026-11-24T14:12:00.000Z'],
  ])('%s → %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it.each([
    // "Uhr" alone or a bare hour is no time of day.
    ['Uhr'],
    ['23.11.2026 14 Uhr x'],
    // A duration is not a date.
    ['2 T 22 Std.'],
    ['3 h 04'],
  ])('%s is not a date', (text) => {
    expect(read(text)).toBeNull();
  });
});
