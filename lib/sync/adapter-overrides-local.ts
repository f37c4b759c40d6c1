import { browser } from 'wxt/browser';
import { isManagerRole } from '@/lib/sync/roles';
import { type AdapterOverride } from '../adapters/overrides/schema';
import type { UserAdapter } from '../adapters/user/schema';
import { siteOf } from '../adapters/user/team-merge';
import { readTeamOverrides, teamOverridesItem, type TeamOverridesState } from '../storage/team-fixes-item';
import { loadOwnUserAdapters } from '../storage/user-adapters-item';
import type { TeamAdapterOverride, TeamUserAdapter } from './adapter-overrides';
import { postTeamOverrideWithdrawal, fetchTeamOverrides, putTeamOverride, putTeamUserAdapter } from './adapter-overrides-client';
import { readConnection, type TeamConnection } from './connection';
import { TeamApiError, type RequestOptions } from './http';

export type OverridesRefresh = 'fresh' | 'not-modified' | 'unsupported';

async function store(state: TeamOverridesState): Promise<void> {
  const current = await readTeamOverrides();
  // Unchanged lists are not written, so the watchers of the item do not fire every sync.
  if (JSON.stringify(current) !== JSON.stringify(state)) await teamOverridesItem.setValue(state);
}

/** How a withdrawn adapter's site is closed again; injectable because fakeBrowser lacks permissions. */
export type RemoveOrigins = (origins: string[]) => Promise<unknown>;
const removeGranted: RemoveOrigins = (origins) => browser.permissions.remove({ origins });

/**
 * Sites the member allowed only for a published user adapter that is now gone (withdrawn, or
 * moved to another site): closing them unregisters its script and removes open panels, as
 * turning the CRM off in Options does. A site one of the member's own adapters reads stays.
 */
async function closeWithdrawnSites(before: readonly TeamUserAdapter[], after: readonly TeamUserAdapter[], remove: RemoveOrigins): Promise<void> {
  const kept = new Set([...after.map((entry) => siteOf(entry.adapter.origin)), ...(await loadOwnUserAdapters()).map((def) => siteOf(def.origin))]);
  const gone = [...new Set(before.map((entry) => siteOf(entry.adapter.origin)))].filter((site) => !kept.has(site));
  if (gone.length === 0) return;
  await remove(gone).catch(() => undefined);
}

/**
 * Fetches the team's CRM fixes and published user adapters (ETag-aware) and keeps them for the
 * content scripts. A server that predates fixes answers 404: the built-in readings then stay.
 */
export async function refreshTeamOverrides(options: RequestOptions, connection: TeamConnection, remove: RemoveOrigins = removeGranted): Promise<OverridesRefresh> {
  const known = await readTeamOverrides();
  const mine = known?.teamId === connection.me.teamId ? known : null;
  try {
    const answer = await fetchTeamOverrides(options, connection, mine?.etag ?? null);
    if (answer.status === 'not-modified') return 'not-modified';
    const { overrides, userAdapters } = answer.list;
    await store({ teamId: connection.me.teamId, etag: answer.etag, overrides, userAdapters });
    await closeWithdrawnSites(known?.userAdapters ?? [], userAdapters, remove);
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

/** Withdraws a fix (by CRM id) or a published user adapter (by its user-… id). */
export async function withdrawTeamOverride(options: RequestOptions, crm: string, remove: RemoveOrigins = removeGranted): Promise<void> {
  const connection = await managerConnection();
  await postTeamOverrideWithdrawal(options, connection, crm);
  await refreshTeamOverrides(options, connection, remove).catch(() => undefined);
}

/** The manager publishes one of their own user adapters; members get it on their next sync. */
export async function publishTeamUserAdapter(options: RequestOptions, adapter: UserAdapter): Promise<TeamUserAdapter> {
  const connection = await managerConnection();
  const published = await putTeamUserAdapter(options, connection, adapter);
  await refreshTeamOverrides(options, connection).catch(() => undefined);
  return published;
}
