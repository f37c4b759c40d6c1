import type { TeamConnection } from './connection';
import { bearer, requestJson, TeamApiError, type RequestOptions } from './http';
import {
  teamSettingsHistorySchema,
  teamSettingsSchema,
  type TeamSettings,
  type TeamSettingsHistory,
  type TeamSettingsUpdate,
} from './team-settings';

export type TeamSettingsFetch = { status: 'fresh'; settings: TeamSettings; etag: string | null } | { status: 'not-modified' };

/** The team's current settings; with the last ETag, a 304 says nothing changed. */
export async function fetchTeamSettings(
  options: RequestOptions,
  connection: Pick<TeamConnection, 'serverUrl' | 'token'>,
  etag: string | null,
): Promise<TeamSettingsFetch> {
  const headers: Record<string, string> = { ...bearer(connection.token) };
  if (etag) headers['if-none-match'] = etag;
  const { status, body, headers: answer } = await requestJson(
    options,
    `${connection.serverUrl}/v1/team/settings`,
    { method: 'GET', headers },
    teamSettingsSchema,
  );
  if (status === 304) return { status: 'not-modified' };
  if (!body) throw new TeamApiError('bad_response', 'the server sent no team settings', status, true);
  return { status: 'fresh', settings: body, etag: answer.get('etag') };
}

/** Saves the manager's change; a 409 (`settings_conflict`) means another save came first. */
export async function putTeamSettings(
  options: RequestOptions,
  connection: Pick<TeamConnection, 'serverUrl' | 'token'>,
  update: TeamSettingsUpdate,
): Promise<{ settings: TeamSettings; etag: string | null }> {
  const { status, body, headers } = await requestJson(
    options,
    `${connection.serverUrl}/v1/team/settings`,
    { method: 'PUT', headers: { ...bearer(connection.token), 'content-type': 'application/json' }, body: JSON.stringify(update) },
    teamSettingsSchema,
  );
  if (!body) throw new TeamApiError('bad_response', 'the server sent no team settings', status, true);
  return { settings: body, etag: headers.get('etag') };
}

/** Every saved version, newest first (the manager's audit trail). */
export async function fetchTeamSettingsHistory(
  options: RequestOptions,
  connection: Pick<TeamConnection, 'serverUrl' | 'token'>,
): Promise<TeamSettingsHistory> {
  const { status, body } = await requestJson(
    options,
    `${connection.serverUrl}/v1/team/settings/history`,
    { method: 'GET', headers: bearer(connection.token) },
    teamSettingsHistorySchema,
  );
  if (!body) throw new TeamApiError('bad_response', 'the server sent no history', status, true);
  return body;
}
