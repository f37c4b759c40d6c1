import { isManagerRole } from '@/lib/sync/roles';
import { type AdapterOverride } from '../adapters/overrides/schema';
import { readTeamOverrides, teamOverridesItem, type TeamOverridesState } from '../storage/team-fixes-item';
import type { TeamAdapterOverride } from './adapter-overrides';
import { postTeamOverrideWithdrawal, fetchTeamOverrides, putTeamOverride } from './adapter-overrides-client';
import { readConnection, type TeamConnection } from './connection';
import { TeamApiError, type RequestOptions } from './http';

export type OverridesRefresh = 'fresh' | 'not-modified' | 'unsupported';

async function store(state: TeamOverridesState): Promise<void> {
  const current = await readTeamOverrides();
  // Unchanged lists are not written, so the watchers of the item do not fire every sync.
  if (JSON.stringify(current) !== JSON.stringify(state)) await teamOverridesItem.setValue(state);
}

/**
 * Fetches the team's CRM fixes (ETag-aware) and keeps them for the content scripts. A server
 * that predates fixes answers 404: the built-in readings then stay as they are.
 */
export async function refreshTeamOverrides(options: RequestOptions, connection: TeamConnection): Promise<OverridesRefresh> {
  const known = await readTeamOverrides();
  const mine = known?.teamId === connection.me.teamId ? known : null;
  try {
    const answer = await fetchTeamOverrides(options, connection, mine?.etag ?? null);
    if (answer.status === 'not-modified') return 'not-modified';
    await store({ teamId: connection.me.teamId, etag: answer.etag, overrides: answer.list.overrides });
    return 'fresh';
  } catch (error) {
    if (error instanceof TeamApiError && error.status === 404 && error.code !== 'no_override') return 'unsupported';
    throw error;
  }
}

export class NotOverrideManagerError extends Error {
  constructor() {
    super('only the team manager can publish CRM fixes');
    this.name = 'NotOverrideManagerError';
  }
}

async function managerConnection(): Promise<TeamConnection> {
  const connection = await readConnection();
  if (!connection || !isManagerRole(connection.me.role)) throw new NotOverrideManagerError();
  return connection;
}

/** The manager publishes a fix; this browser has it at once, the others on their next sync. */
export async function publishTeamOverride(options: RequestOptions, override: AdapterOverride): Promise<TeamAdapterOverride> {
  const connection = await managerConnection();
  const published = await putTeamOverride(options, connection, override);
  await refreshTeamOverrides(options, connection).catch(() => undefined);
  return published;
}

export async function withdrawTeamOverride(options: RequestOptions, crm: string): Promise<void> {
  const connection = await managerConnection();
  await postTeamOverrideWithdrawal(options, connection, crm);
  await refreshTeamOverrides(options, connection).catch(() => undefined);
}
