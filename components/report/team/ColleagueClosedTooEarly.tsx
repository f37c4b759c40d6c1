import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { useEffect, useState } from 'react';
import { useI18n } from '@/components/ui/i18n';
import { isMessageKey } from '@/lib/i18n';
import { formatDateTime, formatInteger } from '@/lib/i18n/format';
import { describeTeamError } from '@/lib/i18n/team-errors';
import { sendMessage, type TeamResult } from '@/lib/messaging';
import type { ColleagueEarlyLead } from '@/lib/sync/colleague-early';
import type { ReportQuery } from '@/lib/sync/report-wire';
import '@/lib/i18n/messages/common';
import '@/lib/i18n/messages/report-team';

export type ColleagueEarlyApi = (query: ReportQuery) => Promise<TeamResult<ColleagueEarlyLead[]>>;

const messageApi: ColleagueEarlyApi = (query) => sendMessage('team/colleague-early', query);

/** The board's window [from, to) as the inclusive local dates the report asks for. */
export function boardDates(from: number, to: number, timeZone: string): ReportQuery {
  return { from: format(new TZDate(from, timeZone), 'yyyy-MM-dd'), to: format(new TZDate(Math.max(from, to - 1), timeZone), 'yyyy-MM-dd') };
}

/**
 * A colleague's leads closed too early, for the manager: the server lists them by keyed hash
 * only; the manager's browser opens each one's sealed reference into the CRM record.
 */
export function ColleagueClosedTooEarly({
  label,
  count,
  from,
  to,
  timeZone,
  now,
  api = messageApi,
}: {
  label: string;
  count: number;
  from: number;
  to: number;
  timeZone: string;
  now: number;
  api?: ColleagueEarlyApi;
}) {
  const { t, lang } = useI18n();
  const [state, setState] = useState<{ leads: ColleagueEarlyLead[] } | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    api(boardDates(from, to, timeZone))
      .then((result) => {
        if (!live) return;
        setState(result.ok ? { leads: result.value.filter((lead) => lead.rep === label) } : { error: describeTeamError(t, result.apiCode) });
      })
      .catch(() => live && setState({ error: describeTeamError(t, 'unknown') }));
    return () => {
      live = false;
    };
  }, [api, from, to, timeZone, label, t]);

  if (state === null) return <p className="rp-muted">{t('board.early.loading')}</p>;
  if ('error' in state) {
    return (
      <p className="rp-muted" role="alert" data-testid="board-early-colleague-error">
        {t('board.early.colleagueFailed', { reason: state.error })}
      </p>
    );
  }
  if (state.leads.length === 0) return <p className="rp-muted">{t('board.early.colleague', { label, count: formatInteger(count, lang) })}</p>;
  const reason = (lead: ColleagueEarlyLead) => {
    const key = lead.lostReason ? `lostReason.${lead.lostReason}` : '';
    return isMessageKey(key) ? t(key) : t('board.early.noReason');
  };
  return (
    <>
      <p className="rp-muted">{t('board.early.colleagueList', { label })}</p>
      <table className="tb-early" data-testid="board-early-colleague-list">
        <thead>
          <tr>
            <th scope="col">{t('board.early.record')}</th>
            <th scope="col">{t('board.early.closed')}</th>
            <th scope="col" className="tb-num">
              {t('board.early.attempts')}
            </th>
            <th scope="col">{t('board.early.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {state.leads.map((lead) => (
            <tr key={lead.lead} data-testid="board-early-colleague-lead">
              <td>
                {lead.recordId === null ? (
                  <span className="rp-muted">{t('board.early.noRef')}</span>
                ) : lead.url ? (
                  <a href={lead.url} target="_blank" rel="noreferrer" data-testid="board-early-open-crm">
                    {t('board.early.openInCrm', { id: lead.recordId })}
                  </a>
                ) : (
                  <span data-testid="board-early-record-id">{lead.recordId}</span>
                )}
              </td>
              <td>{lead.closedAt === null ? '—' : formatDateTime(lead.closedAt, lang, now, timeZone)}</td>
              <td className="tb-num">{formatInteger(lead.attempts, lang)}</td>
              <td>{reason(lead)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
