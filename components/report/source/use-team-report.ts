import { useEffect, useState } from 'react';
import { sendMessage, type TeamResult } from '@/lib/messaging';
import type { ReportQuery, TeamReportResponse } from '@/lib/sync/report-wire';

/** What the team scope asks of the background; injectable for tests. */
export type TeamReportApi = (query: ReportQuery) => Promise<TeamResult<TeamReportResponse>>;

export const messageTeamReportApi: TeamReportApi = (query) => sendMessage('report/team', query);

export type TeamReportData =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'error'; reason: string; apiCode?: string }
  | { state: 'ready'; report: TeamReportResponse };

/**
 * The server's report for the inclusive local dates, asked for only while `enabled` (the team
 * scope is chosen and the browser is connected). A period change shows "loading" until its
 * own answer arrives; a late answer for an older period is dropped.
 */
export function useTeamReport(input: { enabled: boolean; firstDate: string; lastDate: string; api?: TeamReportApi }): TeamReportData {
  const { enabled, firstDate, lastDate, api = messageTeamReportApi } = input;
  const key = `${firstDate}|${lastDate}`;
  const [settled, setSettled] = useState<{ key: string; data: Exclude<TeamReportData, { state: 'idle' | 'loading' }> } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    api({ from: firstDate, to: lastDate })
      .then((result) => {
        if (!alive) return;
        if (result.ok) setSettled({ key, data: { state: 'ready', report: result.value } });
        else setSettled({ key, data: { state: 'error', reason: result.reason, ...(result.apiCode ? { apiCode: result.apiCode } : {}) } });
      })
      .catch((error: unknown) => alive && setSettled({ key, data: { state: 'error', reason: error instanceof Error ? error.message : String(error) } }));
    return () => {
      alive = false;
    };
  }, [api, enabled, firstDate, lastDate, key]);
  if (!enabled) return { state: 'idle' };
  if (!settled || settled.key !== key) return { state: 'loading' };
  return settled.data;
}
