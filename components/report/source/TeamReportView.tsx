import { useI18n } from '@/components/ui/i18n';
import { describeTeamError } from '@/lib/i18n/team-errors';
import { ClosedTooEarlyList } from './ClosedTooEarlyList';
import { ConversionChart } from './ConversionChart';
import { FunnelTables } from './FunnelTables';
import { ResponseChart } from './ResponseChart';
import { SourceTable } from './SourceTable';
import { formatDateRange, formatPercent } from './report-format';
import { teamClosedTooEarlyItems, teamRepFunnels } from './team-report-source';
import type { TeamReportData } from './use-team-report';
import '@/lib/i18n/messages/report-team';

/** The team scope of the source report: the same tables and charts, from the team server's rows. */
export function TeamReportView({ data, now }: { data: TeamReportData; now: number }) {
  const { t, lang } = useI18n();
  if (data.state === 'idle') return null;
  if (data.state === 'loading') return <p className="rp-muted">{t('report.team.loading')}</p>;
  if (data.state === 'error') {
    return (
      <p role="alert" className="rp-error" data-testid="team-report-error">
        {t('report.team.error', { reason: data.apiCode ? describeTeamError(t, data.apiCode) : data.reason })}
      </p>
    );
  }
  const { report } = data;
  const { basis } = report;
  return (
    <>
      <section className="rp-card" aria-label={t('report.source.title')} data-testid="team-report">
        <p className="rp-basis" data-testid="team-report-basis" data-open-share={basis.openShare ?? ''}>
          {t('report.team.basis', { range: formatDateRange(basis.firstDate, basis.lastDate, lang), open: formatPercent(basis.openShare ?? 0, lang, 0) })}
        </p>
        <p className="rp-muted">
          {t('report.basis.excluded', { excluded: report.total.excluded, backlog: report.total.backlog })}{' '}
          {t('report.floor', { floor: formatPercent(basis.floor, lang, 0) })}
          {basis.visibility === 'team-only' && report.reps.every((r) => r.self) ? ` ${t('report.team.visibility')}` : ''}
          {report.reps.some((r) => r.pseudonymous) ? ` ${t('report.team.pseudonymous')}` : ''}
          {basis.currency === null ? ` ${t('report.team.noSpend')}` : ''}
        </p>
        {report.rows.length === 0 ? <p className="rp-muted">{t('report.empty')}</p> : null}
        <SourceTable rows={report.rows} total={report.total} currency={basis.currency ?? 'EUR'} />
        <p className="rp-muted" data-testid="sales-by">
          {t('report.salesBy', report.total.salesBy)}
        </p>
      </section>
      <ConversionChart rows={report.rows} total={report.total} floor={basis.floor} />
      <ResponseChart buckets={report.responseBuckets} />
      <FunnelTables rows={report.rows} reps={teamRepFunnels(report)} />
      <p className="rp-muted">{t('report.team.closedTooEarly', { count: report.total.closedTooEarly })}</p>
      <ClosedTooEarlyList items={teamClosedTooEarlyItems(report)} now={now} timeZone={basis.timeZone} />
    </>
  );
}
