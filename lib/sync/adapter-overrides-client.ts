import { z } from 'zod';
import type { AdapterOverride } from '../adapters/overrides/schema';
import type { UserAdapter } from '../adapters/user/schema';
import {
  teamAdapterOverrideSchema,
  teamAdapterOverridesSchema,
  teamUserAdapterSchema,
  type TeamAdapterOverride,
  type TeamAdapterOverrides,
  type TeamUserAdapter,
} from './adapter-overrides';
import type { TeamConnection } from './connection';
import { bearer, requestJson, TeamApiError, type RequestOptions } from './http';

type Connection = Pick<TeamConnection, 'serverUrl' | 'token'>;

export type TeamOverridesFetch = { status: 'fresh'; list: TeamAdapterOverrides; etag: string | null } | { status: 'not-modified' };

const json = (connection: Connection) => ({ ...bearer(connection.token), 'content-type': 'application/json' });
const address = (connection: Connection, crm?: string) => `${connection.serverUrl}/v1/team/adapters${crm ? `/${encodeURIComponent(crm)}` : ''}`;

/** The team's fixes; with the last ETag, a 304 says nothing changed. */
export async function fetchTeamOverrides(options: RequestOptions, connection: Connection, etag: string | null): Promise<TeamOverridesFetch> {
  const headers: Record<string, string> = bearer(connection.token);
  if (etag) headers['if-none-match'] = etag;
  const { status, body, headers: answer } = await requestJson(options, address(connection), { method: 'GET', headers }, teamAdapterOverridesSchema);
  if (status === 304) return { status: 'not-modified' };
  if (!body) throw new TeamApiError('bad_response', 'the server sent no CRM fixes', status, true);
  return { status: 'fresh', list: body, etag: answer.get('etag') };
}

/** The manager publishes a fix; the answer is the version every member will get. */
export async function putTeamOverride(options: RequestOptions, connection: Connection, override: AdapterOverride): Promise<TeamAdapterOverride> {
  const { status, body } = await requestJson(
    options,
    address(connection, override.crm),
    { method: 'PUT', headers: json(connection), body: JSON.stringify(override) },
    teamAdapterOverrideSchema,
  );
  if (!body) throw new TeamApiError('bad_response', 'the server did not confirm the fix', status, true);
  return body;
}

/** The manager publishes a whole user adapter under its own id. */
export async function putTeamUserAdapter(options: RequestOptions, connection: Connection, adapter: UserAdapter): Promise<TeamUserAdapter> {
  const { status, body } = await requestJson(
    options,
    address(connection, adapter.id),
    { method: 'PUT', headers: json(connection), body: JSON.stringify(adapter) },
    teamUserAdapterSchema,
  );
  if (!body) throw new TeamApiError('bad_response', 'the server did not confirm the adapter', status, true);
  return body;
}

/** Withdraws a fix (by CRM id) or a published user adapter (by its user-… id). */
export async function postTeamOverrideWithdrawal(options: RequestOptions, connection: Connection, crm: string): Promise<void> {
  await requestJson(options, `${address(connection, crm)}/withdraw`, { method: 'POST', headers: json(connection), body: '{}' }, z.object({ withdrawn: z.literal(true) }));
}
