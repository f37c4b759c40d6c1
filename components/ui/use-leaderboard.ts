import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { LeaderboardCacheRow, LeadpaceDb } from '@/lib/db/schema';
import type { Translate } from '@/lib/i18n';
import { describeTeamError } from '@/lib/i18n/team-errors';
import { sendMessage, type TeamResult } from '@/lib/messaging';
import type { LeaderboardRefresh } from '@/lib/sync/client';
import type { TeamInfo } from '@/lib/sync/connection';
import type { LeaderboardPeriod } from '@/lib/sync/wire';

/** What a board asks of the background; injectable for tests. */
export interface LeaderboardApi {
  leaderboard: (period: LeaderboardPeriod) => Promise<TeamResult<LeaderboardRefresh>>;
}

export const messageLeaderboardApi: LeaderboardApi = { leaderboard: (period) => sendMessage('team/leaderboard', { period }) };

/** A failed refresh keeps the server's code, translated at render so a language switch needs no refetch. */
export type LeaderboardRefreshState = { state: 'updating' | 'done' } | { state: 'failed'; reason: string; apiCode?: string };

/** A failed refresh in the reader's language, from its error code (never the raw English reason). */
export const refreshFailure = (r: Extract<LeaderboardRefreshState, { state: 'failed' }>, t: Translate): string => describeTeamError(t, r.apiCode);

/**
 * The cached leaderboard of a period (rendered at once, offline too) plus a refresh from the
 * server that replaces it live. `cached` is undefined while reading, null when this member has
 * no snapshot of that period yet.
 */
export function useLeaderboard(
  db: LeadpaceDb,
  connection: TeamInfo,
  period: LeaderboardPeriod,
  api: LeaderboardApi,
): { cached: LeaderboardCacheRow | null | undefined; refresh: LeaderboardRefreshState } {
  const cached = useLiveQuery(async (): Promise<LeaderboardCacheRow | null> => {
    const row = await db.teamCache.get(period);
    return row && row.memberId === connection.memberId && row.teamId === connection.teamId ? row : null;
  }, [db, period, connection.memberId, connection.teamId]);
  // Settled refreshes only, tagged with what they were for: a new period or member shows
  // "updating" until its own answer arrives, without a state change inside the effect.
  const requestKey = `${period}|${connection.memberId}|${connection.teamId}`;
  const [settled, setSettled] = useState<({ key: string } & LeaderboardRefreshState) | null>(null);
  const refresh: LeaderboardRefreshState = settled && settled.key === requestKey ? settled : { state: 'updating' };

  useEffect(() => {
    let alive = true;
    api
      .leaderboard(period)
      .then((result) => {
        if (!alive) return;
        if (result.ok) setSettled({ key: requestKey, state: 'done' });
        else setSettled({ key: requestKey, state: 'failed', reason: result.reason, apiCode: result.apiCode });
      })
      .catch((error: unknown) => {
        if (alive) setSettled({ key: requestKey, state: 'failed', reason: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      alive = false;
    };
  }, [api, period, requestKey]);
  return { cached, refresh };
}
