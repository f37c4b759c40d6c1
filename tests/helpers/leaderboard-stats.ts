import type { LeaderboardStats } from '@/lib/sync/wire';

/** A rep's (or team's) board figures with nothing in them, plus the fields a test sets. */
export const boardStats = (over: Partial<LeaderboardStats> = {}): LeaderboardStats => ({
  leads: 0,
  firstAttempts: 0,
  medianResponseMs: null,
  p90ResponseMs: null,
  withinSlaShare: null,
  attemptsPerLead: null,
  contactRate: null,
  appointmentRate: null,
  closedTooEarly: 0,
  sold: 0,
  conversion: null,
  excluded: 0,
  backlog: 0,
  properlyWorked: 0,
  ...over,
});
