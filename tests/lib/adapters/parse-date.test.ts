import { afterEach, describe, expect, it } from 'vitest';
import { crmReadingTimeZone, parseCrmDate, setCrmReadingTimeZone } from '@/lib/adapters/parse-date';

// Thursday 26 November 2026, 14:30 in Amsterdam (CET, UTC+1).
const NOW = new Date('2026-11-26T13:30:00Z');
const parse = (text: string, now = NOW, timeZone?: string) =>
  parseCrmDate(text, { now, ...(timeZone ? { timeZone } : {}) })?.toISOString() ?? null;

describe('parseCrmDate', () => {
  it.each([
    // ISO 8601
    ['2026-11-26T14:05:00+01:00', '2026-11-26T13:05:00.000Z'],
    ['2026-11-26T14:05:00.250+0100', '2026-11-26T13:05:00.250Z'],
    ['2026-11-26T13:05:00Z', '2026-11-26T13:05:00.000Z'],
    ['2026-11-26T08:05-05:00', '2026-11-26T13:05:00.000Z'],
    ['2026-11-26 14:05', '2026-11-26T13:05:00.000Z'], // no offset: dealer zone
    ['2026-07-01T14:05:00', '2026-07-01T12:05:00.000Z'], // summer time
    ['2026-11-26', '2026-11-25T23:00:00.000Z'],
    // day-first with dashes and dots
    ['26-11-2026 14:05', '2026-11-26T13:05:00.000Z'],
    ['26-11-2026', '2026-11-25T23:00:00.000Z'],
    ['1-7-2026 9:05', '2026-07-01T07:05:00.000Z'],
    ['26.11.2026 14:05', '2026-11-26T13:05:00.000Z'],
    ['26-11-26 14:05', '2026-11-26T13:05:00.000Z'],
    ['26-11-2026, 14:05:30', '2026-11-26T13:05:30.000Z'],
    ['26-11-2026 om 14.05 uur', '2026-11-26T13:05:00.000Z'],
    // slashes
    ['26/11/2026 14:05', '2026-11-26T13:05:00.000Z'],
    ['05/11/2026 14:05', '2026-11-05T13:05:00.000Z'], // no AM/PM: day-first
    ['11/26/2026 14:05', '2026-11-26T13:05:00.000Z'], // second > 12: month-first
    ['11/26/2026 2:05 PM', '2026-11-26T13:05:00.000Z'],
    ['05/11/2026 2:05 PM', '2026-05-11T12:05:00.000Z'], // AM/PM: US month-first
    ['26/11/2026 2:05 pm', '2026-11-26T13:05:00.000Z'], // US order impossible: flips
    ['11/26/2026 12:05 AM', '2026-11-25T23:05:00.000Z'],
    ['11/26/2026 12:05 p.m.', '2026-11-26T11:05:00.000Z'],
    ['2026/11/26 14:05', '2026-11-26T13:05:00.000Z'],
    // month names
    ['26 nov 2026 14:05', '2026-11-26T13:05:00.000Z'],
    ['26 november 2026', '2026-11-25T23:00:00.000Z'],
    ['26 nov. 2026, 14:05', '2026-11-26T13:05:00.000Z'],
    ['3 mrt 2026 10:00', '2026-03-03T09:00:00.000Z'],
    ['3 maart 2026', '2026-03-02T23:00:00.000Z'],
    ['12 mei 2026 10:00', '2026-05-12T08:00:00.000Z'],
    ['1 okt 2026 10:00', '2026-10-01T08:00:00.000Z'],
    ['Nov 26, 2026 2:05 PM', '2026-11-26T13:05:00.000Z'],
    ['November 26th 2026', '2026-11-25T23:00:00.000Z'],
    ['Thu, Nov 26, 2026 2:05 PM', '2026-11-26T13:05:00.000Z'],
    ['do 26 nov 2026 14:05', '2026-11-26T13:05:00.000Z'],
    ['donderdag 26 november 2026 om 14:05', '2026-11-26T13:05:00.000Z'],
    ['Mar 3, 2026', '2026-03-02T23:00:00.000Z'], // "mar" is also a French weekday
    ['26. November 2026 14:05', '2026-11-26T13:05:00.000Z'],
    ['26 févr. 2026 14:05', '2026-02-26T13:05:00.000Z'],
    ['24 nov 14:05', '2026-11-24T13:05:00.000Z'], // no year: this year
    ['28 dec 14:05', '2025-12-28T13:05:00.000Z'], // no year, would be future: last year
    // relative
    ['just now', '2026-11-26T13:30:00.000Z'],
    ['Zojuist', '2026-11-26T13:30:00.000Z'],
    ['5 minuten geleden', '2026-11-26T13:25:00.000Z'],
    ['1 minuut geleden', '2026-11-26T13:29:00.000Z'],
    ['2 uur geleden', '2026-11-26T11:30:00.000Z'],
    ['3 hours ago', '2026-11-26T10:30:00.000Z'],
    ['an hour ago', '2026-11-26T12:30:00.000Z'],
    ['een uur geleden', '2026-11-26T12:30:00.000Z'],
    ['45 min ago', '2026-11-26T12:45:00.000Z'],
    ['2h ago', '2026-11-26T11:30:00.000Z'],
    ['30 seconden geleden', '2026-11-26T13:29:30.000Z'],
    ['2 dagen geleden', '2026-11-24T13:30:00.000Z'],
    ['1 week ago', '2026-11-19T13:30:00.000Z'],
    ['vor 10 Minuten', '2026-11-26T13:20:00.000Z'],
    ['il y a 2 heures', '2026-11-26T11:30:00.000Z'],
    ['gisteren 14:05', '2026-11-25T13:05:00.000Z'],
    ['Gisteren om 14:05', '2026-11-25T13:05:00.000Z'],
    ['vandaag 09:12', '2026-11-26T08:12:00.000Z'],
    ['Today at 9:12 AM', '2026-11-26T08:12:00.000Z'],
    ['yesterday at 2:05 PM', '2026-11-25T13:05:00.000Z'],
    ['eergisteren 08:00', '2026-11-24T07:00:00.000Z'],
    ['gestern um 14:05', '2026-11-25T13:05:00.000Z'],
    ['gisteren', '2026-11-24T23:00:00.000Z'],
    ['  26-11-2026\n  14:05 ', '2026-11-26T13:05:00.000Z'],
  ])('%j → %s', (text, expected) => {
    expect(parse(text)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'Marktplaats',
    'nooit',
    '32-11-2026',
    '29-02-2026', // not a leap year
    '26-13-2026',
    '26-11-2026 25:00',
    '26-11-2026 14:60',
    '26-11-2026 14',
    '13:00 PM',
    '11/26/2026 13:05 PM',
    '2026-11-26T25:00:00Z',
    '2026-02-30',
    '26 foo 2026',
    'ongeveer 2 uur geleden ongeveer',
    '5 bananen geleden',
    'x'.repeat(500),
    '26-11-2026 14:05'.repeat(20),
  ])('%j → null', (text) => {
    expect(parse(text)).toBeNull();
  });

  it('accepts the 29th of February in a leap year', () => {
    expect(parse('29-02-2028 12:00')).toBe('2028-02-29T11:00:00.000Z');
  });

  it('reads wall-clock times across DST changes in the dealer zone', () => {
    // Last Sunday of March: clocks jump 02:00 → 03:00; last Sunday of October: 03:00 → 02:00.
    expect(parse('29-03-2026 01:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(parse('29-03-2026 03:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(parse('25-10-2026 04:00')).toBe('2026-10-25T03:00:00.000Z');
    expect(parse('24-10-2026 04:00')).toBe('2026-10-24T02:00:00.000Z');
  });

  it('keeps the wall-clock time for "yesterday" across a DST change', () => {
    const mondayAfterSwitch = new Date('2026-03-30T08:00:00Z'); // 10:00 CEST
    expect(parse('gisteren 10:00', mondayAfterSwitch)).toBe('2026-03-29T08:00:00.000Z');
    expect(parse('vandaag 10:00', mondayAfterSwitch)).toBe('2026-03-30T08:00:00.000Z');
    expect(parse('1 dag geleden', mondayAfterSwitch)).toBe('2026-03-29T08:00:00.000Z');
    // Before the switch the same wall clock was UTC+1.
    expect(parse('2 dagen geleden', mondayAfterSwitch)).toBe('2026-03-28T09:00:00.000Z');
  });

  it('uses "today" in the dealer zone, not in UTC', () => {
    // 00:30 in Amsterdam on the 27th is still the 26th in UTC.
    const justAfterMidnight = new Date('2026-11-26T23:30:00Z');
    expect(parse('vandaag 00:10', justAfterMidnight)).toBe('2026-11-26T23:10:00.000Z');
    expect(parse('gisteren 23:50', justAfterMidnight)).toBe('2026-11-26T22:50:00.000Z');
  });

  it('honours another time zone', () => {
    expect(parse('11/26/2026 2:05 PM', NOW, 'America/New_York')).toBe('2026-11-26T19:05:00.000Z');
    expect(parse('yesterday at 9:00 AM', NOW, 'America/New_York')).toBe('2026-11-25T14:00:00.000Z');
  });

  it('never throws on bad input', () => {
    expect(parseCrmDate('26-11-2026 14:05', { now: NOW, timeZone: 'Not/AZone' })).toBeNull();
    expect(parseCrmDate('2 uur geleden', { now: new Date(NaN) })).toBeNull();
    expect(parseCrmDate(undefined as unknown as string, { now: NOW })).toBeNull();
  });
});

describe('reading zone from the dealer settings', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  afterEach(() => setCrmReadingTimeZone('Europe/Amsterdam'));

  it.each([
    ['Europe/Amsterdam', '11/26/2026 2:05 PM', '2026-11-26T13:05:00.000Z'],
    ['America/Chicago', '11/26/2026 2:05 PM', '2026-11-26T20:05:00.000Z'],
    ['America/New_York', '26-11-2026 14:05', '2026-11-26T19:05:00.000Z'],
  ])('in %s, "%s" is %s', (zone, text, iso) => {
    setCrmReadingTimeZone(zone);
    expect(crmReadingTimeZone()).toBe(zone);
    expect(parseCrmDate(text, { now })?.toISOString()).toBe(iso);
  });

  it('an unknown zone keeps the previous one', () => {
    setCrmReadingTimeZone('America/Chicago');
    setCrmReadingTimeZone('Mars/Olympus_Mons');
    expect(crmReadingTimeZone()).toBe('America/Chicago');
  });

  it('an explicit zone still wins', () => {
    setCrmReadingTimeZone('America/Chicago');
    expect(parseCrmDate('26-11-2026 14:05', { now, timeZone: 'UTC' })?.toISOString()).toBe('2026-11-26T14:05:00.000Z');
  });
});
