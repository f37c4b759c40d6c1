import { isManagerRole } from '@/lib/sync/roles';
import { readConnection, type TeamConnection } from './connection';
import { bearer, requestJson, TeamApiError, type RequestOptions } from './http';
import { auditPageSchema, type AuditPage } from './team-audit';
import { NotTeamManagerError } from './team-settings-local';

/** One page of the team's change history, newest first; `before` continues an earlier page. */
export async function fetchTeamAudit(
  options: RequestOptions,
  connection: Pick<TeamConnection, 'serverUrl' | 'token'>,
  before: string | null,
): Promise<AuditPage> {
  const query = before === null ? '' : `?before=${encodeURIComponent(before)}`;
  const { status, body } = await requestJson(
    options,
    `${connection.serverUrl}/v1/team/audit${query}`,
    { method: 'GET', headers: bearer(connection.token) },
    auditPageSchema,
  );
  if (!body) throw new TeamApiError('bad_response', 'the server sent no change history', status, true);
  return body;
}

/** The change history over this browser's manager connection. */
export async function readTeamAudit(options: RequestOptions, before: string | null): Promise<AuditPage> {
  const connection = await readConnection();
  if (!connection || !isManagerRole(connection.me.role)) throw new NotTeamManagerError();
  return fetchTeamAudit(options, connection, before);
}
