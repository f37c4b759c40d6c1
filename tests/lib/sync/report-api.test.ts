import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_OPENING_HOURS } from '@/lib/domain/business-time';
import { sourceReport } from '@/lib/domain/report';
import type { FetchLike } from '@/lib/sync/http';
import { TeamApiError } from '@/lib/sync/http';
import { fetchTeamReport } from '@/lib/sync/report-api';
import type { TeamReportResponse } from '@/lib/sync/report-wire';
import { connection, SERVER } from './fixtures';

function emptyReport(): TeamReportResponse {
  const report = sourceReport({ leads: [], from: 0, to: 1, settings: { hours: DEFAULT_OPENING_HOURS, firstAttemptSlaMs: 300_000, closeAfterAttempts: 6, floor: 0.13 } });
  return {
    basis: { firstDate: '2026-11-01', lastDate: '2026-11-30', from: 0, to: 1, timeZone: 'Europe/Amsterdam', openShare: null, floor: 0.13, visibility: 'named', currency: null },
    rows: report.rows,
    total: report.total,
    reps: [],
    bySourceRep: [],
    closedTooEarly: [],
    responseBuckets: report.responseBuckets,
  };
}

const answer = (status: number, body: unknown): FetchLike => vi.fn<FetchLike>(() => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })));

describe('fetchTeamReport', () => {
  it('asks for the dates with the member’s token and returns the parsed report', async () => {
    const fetch = answer(200, emptyReport());
    const report = await fetchTeamReport({ fetch, now: () => 0 }, connection(), { from: '2026-11-01', to: '2026-11-30' });
    expect(report.total.leads).toBe(0);
    expect(fetch).toHaveBeenCalledWith(`${SERVER}/v1/report?from=2026-11-01&to=2026-11-30`, expect.objectContaining({ method: 'GET', headers: { authorization: 'Bearer lp_testtoken123' } }));
  });

  it.each([
    ['a refused range keeps the server’s code', answer(400, { error: 'invalid_report_range', message: 'A report covers at most 400 days.' }), 'invalid_report_range'],
    ['an answer of another shape is a bad response', answer(200, { rows: 'nope' }), 'bad_response'],
  ])('%s', async (_, fetch, code) => {
    const failed = fetchTeamReport({ fetch, now: () => 0 }, connection(), { from: '2026-11-01', to: '2026-11-30' });
    await expect(failed).rejects.toBeInstanceOf(TeamApiError);
    await expect(failed).rejects.toMatchObject({ code });
  });
});
