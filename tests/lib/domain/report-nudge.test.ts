import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPENING_HOURS } from '@/lib/domain/business-time';
import { pendingReportNudge, reportAddressOfNotification, reportNotificationId } from '@/lib/domain/report-nudge';

const ZONE = DEFAULT_OPENING_HOURS.timeZone;
const at = (y: number, m: number, d: number, h = 10) => new TZDate(y, m - 1, d, h, 0, ZONE).getTime();

describe('pendingReportNudge (default hours: Mon–Sat, Dutch holidays)', () => {
  it.each([
    // when, handled month, expected: [this month, last month's first and last date] or null
    ['Tue 1 Dec 2026, first business day', at(2026, 12, 1), undefined, ['2026-12', '2026-11-01', '2026-11-30']],
    ['the same day, already handled', at(2026, 12, 1), '2026-12', null],
    ['handled last month only', at(2026, 12, 1), '2026-11', ['2026-12', '2026-11-01', '2026-11-30']],
    ['Sun 6 Dec: closed', at(2026, 12, 6), undefined, null],
    ['Wed 9 Dec: away on the 1st, still before the day-10 check', at(2026, 12, 9), undefined, ['2026-12', '2026-11-01', '2026-11-30']],
    ['Thu 10 Dec: old news', at(2026, 12, 10), undefined, null],
    ['Fri 1 Jan 2027: New Year, closed', at(2027, 1, 1), undefined, null],
    ['Mon 4 Jan 2027: first business day, December across the year', at(2027, 1, 4), '2026-12', ['2027-01', '2026-12-01', '2026-12-31']],
    ['Mon 1 Mar 2027, 00:30 local: already March there', at(2027, 3, 1, 0) + 30 * 60_000, undefined, ['2027-03', '2027-02-01', '2027-02-28']],
  ])('%s', (_, now, handledMonth, expected) => {
    const nudge = pendingReportNudge({ now, hours: DEFAULT_OPENING_HOURS, handledMonth });
    expect(nudge && [nudge.month, nudge.range.firstDate, nudge.range.lastDate]).toEqual(expected);
  });

  it('gives last month as the instants the report reads', () => {
    const nudge = pendingReportNudge({ now: at(2026, 12, 1), hours: DEFAULT_OPENING_HOURS, handledMonth: undefined });
    expect(nudge && [nudge.range.from, nudge.range.to]).toEqual([at(2026, 11, 1, 0), at(2026, 12, 1, 0)]);
  });

  it('follows the dealer’s own closed days', () => {
    const hours = { ...DEFAULT_OPENING_HOURS, closedDates: ['2026-12-01'] };
    expect(pendingReportNudge({ now: at(2026, 12, 1), hours, handledMonth: undefined })).toBeNull();
    expect(pendingReportNudge({ now: at(2026, 12, 2), hours, handledMonth: undefined })?.month).toBe('2026-12');
  });
});

describe('report notifications', () => {
  it('open the report of their period', () => {
    const id = reportNotificationId({ firstDate: '2026-11-01', lastDate: '2026-11-30' });
    expect(id).toBe('report:2026-11-01:2026-11-30');
    expect(reportAddressOfNotification(id)).toBe('/report.html?from=2026-11-01&to=2026-11-30');
  });

  it.each([['lead:demo:1'], ['summary:2026-12-01:demo:1'], ['report:2026-11-01'], ['report:2026-11-01:x'], ['pacing:2026-12-01']])('%s is no report', (id) => {
    expect(reportAddressOfNotification(id)).toBeNull();
  });
});
