import type { TeamConnection } from './connection';
import { bearer, requestJson, TeamApiError, type RequestOptions } from './http';
import { teamReportResponseSchema, type ReportQuery, type TeamReportResponse } from './report-wire';

/**
 * The team's source report for the inclusive local dates `from`…`to` (the team's zone), as
 * the server computes it. Nothing is cached: the report page asks when it is opened or its
 * period changes, and the server answers from lead_facts in well under a second.
 */
export async function fetchTeamReport(options: RequestOptions, connection: TeamConnection, query: ReportQuery): Promise<TeamReportResponse> {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  const { status, body } = await requestJson(
    options,
    `${connection.serverUrl}/v1/report?${params.toString()}`,
    { method: 'GET', headers: bearer(connection.token) },
    teamReportResponseSchema,
  );
  if (!body) throw new TeamApiError('bad_response', 'the server sent no report', status, true);
  return body;
}
