import type { TeamConnection } from './connection';
import type { RequestOptions } from './http';
import { openLeadRefs } from './lead-refs';
import { fetchTeamReport } from './report-api';
import type { ReportQuery, TeamClosedTooEarly } from './report-wire';

/** A colleague's lead closed too early, with its CRM record when this browser could open its reference. */
export type ColleagueEarlyLead = TeamClosedTooEarly & { crm: string | null; recordId: string | null; url: string | null };

/**
 * The colleagues' closed-too-early leads of the report window, for a manager: the server's
 * pseudonymous list, joined with the records this browser opens from their sealed references.
 */
export async function colleagueClosedTooEarly(
  options: RequestOptions,
  connection: TeamConnection,
  query: ReportQuery,
  origins: ReadonlyMap<string, string> = new Map(),
): Promise<ColleagueEarlyLead[]> {
  const report = await fetchTeamReport(options, connection, query);
  const items = report.closedTooEarly.filter((item) => !item.self);
  const opened = new Map((await openLeadRefs(options, connection, items.map((i) => i.lead), origins)).map((o) => [o.lead, o]));
  return items.map((item) => {
    const record = opened.get(item.lead);
    return { ...item, crm: record?.crm ?? null, recordId: record?.recordId ?? null, url: record?.url ?? null };
  });
}
