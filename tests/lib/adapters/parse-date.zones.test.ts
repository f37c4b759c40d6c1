import { describe, expect, it } from 'vitest';
import { parseCrmDate } from '@/lib/adapters/parse-date';

// Thursday 26 November 2026, 14:30 in Amsterdam (CET, UTC+1), 07:30 in Chicago (CST).
const NOW = new Date('2026-11-26T13:30:00Z');
const parse = (text: string, timeZone = 'Europe/Amsterdam') => parseCrmDate(text, { now: NOW, timeZone })?.toISOString() ?? null;

describe('US and European display formats, with the zone the page prints', () => {
  it.each([
    // US display formats: month first, 12-hour clock, the tenant's zone
    ['11/24/2026 9:12 AM EST', '2026-11-24T14:12:00.000Z'],
    ['11/24/2026 9:12 AM', '2026-11-24T08:12:00.000Z'], // no zone printed: the dealer's
    ['11/24/2026 09:12:30 PM EDT', '2026-11-25T01:12:30.000Z'],
    ['11/24/2026 9:12 AM CST', '2026-11-24T15:12:00.000Z'],
    ['11/24/2026 9:12 AM CDT', '2026-11-24T14:12:00.000Z'],
    ['11/24/2026 9:12 AM MST', '2026-11-24T16:12:00.000Z'],
    ['11/24/2026 9:12 AM MDT', '2026-11-24T15:12:00.000Z'],
    ['11/24/2026 9:12 AM PST', '2026-11-24T17:12:00.000Z'],
    ['11/24/2026 9:12 AM PDT', '2026-11-24T16:12:00.000Z'],
    ['11/24/2026 9:12 AM (PST)', '2026-11-24T17:12:00.000Z'],
    ['11/24/26 9:12 a.m. EST', '2026-11-24T14:12:00.000Z'],
    ['Nov 24, 2026 9:12 AM EST', '2026-11-24T14:12:00.000Z'],
    ['Tue, Nov 24, 2026 at 9:12 AM PST', '2026-11-24T17:12:00.000Z'],
    ['November 24, 2026 9:12 PM ET', '2026-11-25T02:12:00.000Z'], // generic zone, winter
    ['July 1, 2026 9:12 AM ET', '2026-07-01T13:12:00.000Z'], // generic zone, summer
    ['11/24/2026 9:12 AM CT', '2026-11-24T15:12:00.000Z'],
    ['03/04/2026 14:05 EST', '2026-03-04T19:05:00.000Z'], // a US zone means month first
    // European formats
    ['24-11-2026 14:05 CET', '2026-11-24T13:05:00.000Z'],
    ['24.11.2026 14:05 CEST', '2026-11-24T12:05:00.000Z'],
    ['24/11/2026 14:05 GMT', '2026-11-24T14:05:00.000Z'],
    ['24/11/2026 14:05 UTC', '2026-11-24T14:05:00.000Z'],
    ['24-11-2026 14:05 GMT+1', '2026-11-24T13:05:00.000Z'],
    ['24-11-2026 14:05 UTC-05:00', '2026-11-24T19:05:00.000Z'],
    ['24 nov. 2026 14:05 CET', '2026-11-24T13:05:00.000Z'],
    ['24. November 2026 um 14:05 MEZ', '2026-11-24T13:05:00.000Z'],
    ['03/04/2026 14:05 CET', '2026-04-03T13:05:00.000Z'], // a European zone keeps day first; CET is +01:00 as printed
    // "x days ago" with a time: that day's wall clock, in the zone printed or the dealer's
    ['2 days ago at 9:12 AM', '2026-11-24T08:12:00.000Z'],
    ['2 days ago at 9:12 AM EST', '2026-11-24T14:12:00.000Z'],
    ['a day ago at 16:40', '2026-11-25T15:40:00.000Z'],
    ['1 week ago at 10:00', '2026-11-19T09:00:00.000Z'],
    ['3 dagen geleden om 14:05', '2026-11-23T13:05:00.000Z'],
    ['2 dagen geleden, 14:05 uur', '2026-11-24T13:05:00.000Z'],
    ['vor 2 Tagen um 14:05', '2026-11-24T13:05:00.000Z'],
    ['il y a 2 jours à 14:05', '2026-11-24T13:05:00.000Z'],
    ['yesterday at 2:05 PM CST', '2026-11-25T20:05:00.000Z'],
  ])('%j → %s', (text, expected) => {
    expect(parse(text)).toBe(expected);
  });

  it('a zone-less US time follows the dealer zone, so a Chicago dealer reads Chicago time', () => {
    expect(parse('11/24/2026 9:12 AM', 'America/Chicago')).toBe('2026-11-24T15:12:00.000Z');
    expect(parse('2 days ago at 9:12 AM', 'America/Chicago')).toBe('2026-11-24T15:12:00.000Z');
  });

  it.each([
    'EST', // a zone alone is not a date
    '11/24/2026 9:12 AM XST',
    '11/24/2026 9:12 AM GMT+15',
    '2 hours ago at 9:12', // only whole days carry a time of day
    '2 days ago at 25:00',
    '2 days ago at 9', // a bare number is not a time
    'Mar EST',
    'est 24-11-2026 14:05',
  ])('%j → null', (text) => {
    expect(parse(text)).toBeNull();
  });
});
