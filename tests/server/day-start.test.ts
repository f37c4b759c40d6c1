import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { dayStartIn, nextDayStartIn } from '@/server/domain/daily-rollup';

// The kept day starts must answer what a zone conversion answers, for every instant: zones
// with half- and quarter-hour offsets, DST at midnight (Havana), half-hour DST (Lord Howe), a
// zone that skipped a whole day once (Apia, before this window) and plain ones.
const ZONES = ['Europe/Amsterdam', 'America/Chicago', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns', 'UTC', 'Asia/Tehran', 'America/Havana', 'Pacific/Apia'];
const FROM = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;

describe('team-zone day starts', () => {
  it.each(ZONES)('%s: the day of an instant and the next day start equal a zone conversion', (zone) => {
    const wrong: string[] = [];
    // An odd step walks every minute of the day over the two years.
    for (let t = FROM; t < FROM + 800 * DAY; t += 5 * 3_600_000 + 7 * 60_000 + 11_000) {
      const expected = startOfDay(new TZDate(t, zone)).getTime();
      if (dayStartIn(t, zone) !== expected) wrong.push(`day of ${new Date(t).toISOString()}`);
      const next = startOfDay(addDays(new TZDate(expected, zone), 1)).getTime();
      if (nextDayStartIn(expected, zone) !== next) wrong.push(`day after ${new Date(expected).toISOString()}`);
    }
    expect(wrong).toEqual([]);
  });

  it('the instants around a midnight that DST skips fall on the right days', () => {
    // Havana, 9 March 2025: 00:00 became 01:00, so that day starts at 05:00 UTC.
    const dayStart = Date.UTC(2025, 2, 9, 5);
    expect(dayStartIn(dayStart - 1, 'America/Havana')).toBe(Date.UTC(2025, 2, 8, 5));
    expect(dayStartIn(dayStart, 'America/Havana')).toBe(dayStart);
    expect(nextDayStartIn(dayStart, 'America/Havana')).toBe(Date.UTC(2025, 2, 10, 4));
  });
});
