import { z } from 'zod/mini';

// zod/mini, apart from the rest of the wire format: the panel and list bundles import the
// message schemas, and classic zod there would be ~26 kB gzip of every CRM page load.

export const LEADERBOARD_PERIODS = ['today', 'week', 'month', 'last-month'] as const;
export const leaderboardPeriodSchema = z.enum(LEADERBOARD_PERIODS);
export type LeaderboardPeriod = z.infer<typeof leaderboardPeriodSchema>;
