import type { LeaderboardStats } from '../../lib/sync/wire';

/** Mean of the two middle values for an even count, like lib/domain/metrics.ts's median. */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[mid - 1] ?? upper) + upper) / 2;
}

/** Nearest-rank percentile: an actual observed value, so "p90 = 7 min" is a real lead. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Counts over a group of leads; responses are summarised separately (they need sorting). */
export interface CohortTotals {
  leads: number;
  withinSla: number;
  attempts: number;
  contacted: number;
  appointment: number;
  closedTooEarly: number;
  sold: number;
}

export const emptyTotals = (): CohortTotals => ({
  leads: 0,
  withinSla: 0,
  attempts: 0,
  contacted: 0,
  appointment: 0,
  closedTooEarly: 0,
  sold: 0,
});

export function addTotals(a: CohortTotals, b: CohortTotals): CohortTotals {
  return {
    leads: a.leads + b.leads,
    withinSla: a.withinSla + b.withinSla,
    attempts: a.attempts + b.attempts,
    contacted: a.contacted + b.contacted,
    appointment: a.appointment + b.appointment,
    closedTooEarly: a.closedTooEarly + b.closedTooEarly,
    sold: a.sold + b.sold,
  };
}

/** The leaderboard numbers from counts and the (ascending) first-response times. */
export function statsFrom(totals: CohortTotals, sortedResponses: readonly number[]): LeaderboardStats {
  const n = totals.leads;
  return {
    leads: n,
    firstAttempts: sortedResponses.length,
    medianResponseMs: median(sortedResponses),
    p90ResponseMs: percentile(sortedResponses, 90),
    withinSlaShare: ratio(totals.withinSla, sortedResponses.length),
    attemptsPerLead: ratio(totals.attempts, n),
    contactRate: ratio(totals.contacted, n),
    appointmentRate: ratio(totals.appointment, n),
    closedTooEarly: totals.closedTooEarly,
    sold: totals.sold,
    conversion: ratio(totals.sold, n),
  };
}
