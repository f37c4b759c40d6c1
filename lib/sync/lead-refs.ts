import { crmRecordOf, type CrmRecord } from '../domain/crm-record-url';
import type { TeamConnection } from './connection';
import { bearer, requestJson, TeamApiError, type RequestOptions } from './http';
import { decryptLeadRef, LeadRefError } from './team-key';
import { leadRefsResponseSchema, MAX_LEAD_REFS_PER_REQUEST } from './wire';

export type OpenedLead = CrmRecord & { lead: string };

/**
 * The CRM records behind pseudonymous leads, for a manager's list: the server hands back the
 * sealed references, this browser opens them with the team key. A reference the key does not
 * open (made with another key) is skipped, never guessed.
 */
export async function openLeadRefs(
  options: RequestOptions,
  connection: TeamConnection,
  leads: readonly string[],
  origins: ReadonlyMap<string, string> = new Map(),
): Promise<OpenedLead[]> {
  const unique = [...new Set(leads)].slice(0, MAX_LEAD_REFS_PER_REQUEST);
  if (unique.length === 0) return [];
  const { body } = await requestJson(
    options,
    `${connection.serverUrl}/v1/lead-refs`,
    { method: 'POST', headers: { ...bearer(connection.token), 'content-type': 'application/json' }, body: JSON.stringify({ leads: unique }) },
    leadRefsResponseSchema,
  );
  if (!body) throw new TeamApiError('bad_response', 'empty answer from /v1/lead-refs', 304, true);
  const opened: OpenedLead[] = [];
  for (const { lead, ref } of body.refs) {
    try {
      const record = crmRecordOf(await decryptLeadRef(connection.teamKey, ref), origins);
      if (record) opened.push({ lead, ...record });
    } catch (error) {
      if (!(error instanceof LeadRefError)) throw error;
    }
  }
  return opened;
}
