import type { Translate } from '@/lib/i18n';
import { describeTeamError } from '@/lib/i18n/team-errors';
import { sendMessage, type TeamResult } from '@/lib/messaging';
import type { SyncOutcome } from '@/lib/sync/client';
import type { TeamInfo } from '@/lib/sync/connection';

/** What the Team tab asks of the background; injectable for tests. */
export interface TeamOptionsApi {
  connect: (input: { serverUrl: string; secret: string }) => Promise<TeamResult<TeamInfo>>;
  test: () => Promise<TeamResult<TeamInfo>>;
  syncNow: () => Promise<TeamResult<SyncOutcome>>;
  disconnect: () => Promise<TeamResult<null>>;
  invitation: (code: string) => Promise<TeamResult<{ code: string; link: string }>>;
}

export const messageTeamApi: TeamOptionsApi = {
  connect: (input) => sendMessage('team/connect', input),
  test: () => sendMessage('team/test', {}),
  syncNow: () => sendMessage('team/sync-now', {}),
  disconnect: () => sendMessage('team/disconnect', {}),
  invitation: (code) => sendMessage('team/invitation', { code }),
};

type Failure = Extract<TeamResult<unknown>, { ok: false }>;

/** The failure's code in the rep's language; the English reason is never shown. */
export function describeTeamFailure(t: Translate, failure: Failure): string {
  return describeTeamError(t, failure.apiCode);
}

/** Which of the connection's actions is running (one at a time). */
export type Busy = 'connect' | 'test' | 'sync' | 'disconnect' | null;
