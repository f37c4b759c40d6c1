import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, startOfDay, startOfMonth, startOfWeek } from 'date-fns';

/** The leaderboard periods (the same list the team server accepts). */
export type LeaderboardPeriod = 'today' | 'week' | 'month' | 'last-month';

/**
 * The cohort window [from, to) for a period, in the team's zone: days and months as the
 * dealer lives them (a DST day is 23 or 25 hours). Weeks start on Monday, as in NL.
 */
export function periodBounds(period: LeaderboardPeriod, now: number, timeZone: string): { from: number; to: number } {
  const local = new TZDate(now, timeZone);
  switch (period) {
    case 'today': {
      const start = startOfDay(local);
      return { from: start.getTime(), to: addDays(start, 1).getTime() };
    }
    case 'week': {
      const start = startOfWeek(local, { weekStartsOn: 1 });
      return { from: start.getTime(), to: addDays(start, 7).getTime() };
    }
    case 'month': {
      const start = startOfMonth(local);
      return { from: start.getTime(), to: addMonths(start, 1).getTime() };
    }
    case 'last-month': {
      const thisMonth = startOfMonth(local);
      return { from: addMonths(thisMonth, -1).getTime(), to: thisMonth.getTime() };
    }
  }
}
