import { useMemo, useState } from 'react';
import { useI18n } from '@/components/ui/i18n';
import { useNow } from '@/components/ui/use-now';
import { useStoredSettings } from '@/components/ui/use-settings';
import { useTeamConnection } from '@/components/ui/use-team-connection';
import { leadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { DEFAULT_TIME_ZONE } from '@/lib/domain/model';
import { localDate, periodOfRange, rangeFromDates, reportPeriodRange, startOfLocalDate, type ReportRange } from '@/lib/domain/report-period';
import { ClosedTooEarlyList } from './source/ClosedTooEarlyList';
import { ConversionChart } from './source/ConversionChart';
import { FunnelTables } from './source/FunnelTables';
import { PacingChart } from './source/PacingChart';
import { PeriodPicker } from './source/PeriodPicker';
import { RepFunnelPlot } from './source/RepFunnelPlot';
import { ResponseChart } from './source/ResponseChart';
import { ScopeToggle, type ReportScope } from './source/ScopeToggle';
import { SoldDealsImport, type SendSales } from './source/SoldDealsImport';
import { SourceTable } from './source/SourceTable';
import { TeamReportView } from './source/TeamReportView';
import { rangeFromSearch, searchOfRange } from './source/report-address';
import { downloadCsv, reportCsv } from './source/report-csv';
import { formatDateRange, formatPercent } from './source/report-format';
import { teamReportAsSource } from './source/team-report-source';
import { useSourceReport } from './source/use-source-report';
import { useSpendBook } from './source/use-spend-book';
import { useTeamReport, type TeamReportApi } from './source/use-team-report';
import './source/source-report.css';

type Dates = Pick<ReportRange, 'firstDate' | 'lastDate'>;

/**
 * Conversion and cost by source for the leads received in a period, split by whether each lead
 * was properly worked. The period is the address (`?from=YYYY-MM-DD&to=YYYY-MM-DD`, the
 * dealer's dates, inclusive), so a bookmarked or shared report shows the same cohort.
 */
export function SourceReportPage({
  db = leadpaceDb(),
  search,
  sendSales,
  teamReportApi,
}: {
  db?: LeadpaceDb;
  search?: string;
  sendSales?: SendSales;
  teamReportApi?: TeamReportApi;
}) {
  const { t, lang } = useI18n();
  const settings = useStoredSettings();
  const spend = useSpendBook();
  const now = useNow(60_000);
  const timeZone = settings?.openingHours.timeZone ?? DEFAULT_TIME_ZONE;
  const [dates, setDates] = useState<Dates | null>(() => {
    const params = new URLSearchParams(search ?? window.location.search);
    const from = params.get('from');
    const to = params.get('to');
    return from !== null && to !== null ? { firstDate: from, lastDate: to } : null;
  });
  // The default period only moves at midnight, though `now` ticks every minute.
  const today = startOfLocalDate(localDate(now, timeZone), timeZone) ?? now;
  const range = useMemo(
    () => (dates ? rangeFromDates(dates.firstDate, dates.lastDate, timeZone) : null) ?? rangeFromSearch('', today, timeZone),
    [dates, timeZone, today],
  );
  const period = periodOfRange(range, now, timeZone);
  const repName = settings?.repName.trim() || t('report.you');
  const [reads, setReads] = useState(0);
  const data = useSourceReport({ db, range, settings, spend, now, repName, reads });
  // The team scope exists only while this browser is connected to a team server.
  const connection = useTeamConnection();
  const [scope, setScope] = useState<ReportScope>('mine');
  const teamScope = scope === 'team' && Boolean(connection);
  const team = useTeamReport({ enabled: teamScope, firstDate: range.firstDate, lastDate: range.lastDate, api: teamReportApi });

  const select = (next: Dates) => {
    setDates(next);
    window.history.replaceState(null, '', `${window.location.pathname}${searchOfRange(next)}${window.location.hash}`);
  };

  // The team scope exports the server's tables, dated in the team's zone, under its own name.
  const exportCsv = () => {
    if (teamScope) {
      if (team.state !== 'ready') return;
      const zone = team.report.basis.timeZone;
      const csv = reportCsv(teamReportAsSource(team.report), t, lang, (ms) => localDate(ms, zone));
      downloadCsv(csv, `leadpace-team-report-${range.firstDate}-${range.lastDate}.csv`);
      return;
    }
    if (data.state !== 'ready') return;
    const csv = reportCsv(data.report, t, lang, (ms) => localDate(ms, timeZone));
    downloadCsv(csv, `leadpace-report-${range.firstDate}-${range.lastDate}.csv`);
  };
  const canExport = teamScope ? team.state === 'ready' : data.state === 'ready';

  return (
    <div className="rp-source">
      <section className="rp-card">
        <div className="rp-head">
          <h2>{t('report.source.title')}</h2>
          <div className="rp-actions rp-no-print">
            <button type="button" data-testid="export-csv" onClick={exportCsv} disabled={!canExport}>
              {t('report.export')}
            </button>
            <button type="button" data-testid="print" onClick={() => window.print()}>
              {t('report.print')}
            </button>
          </div>
        </div>
        <PeriodPicker
          key={`${range.firstDate}:${range.lastDate}`}
          period={period}
          range={range}
          onPeriod={(p) => select(reportPeriodRange(p, now, timeZone))}
          onCustom={(firstDate, lastDate) => {
            if (!rangeFromDates(firstDate, lastDate, timeZone)) return false;
            select({ firstDate, lastDate });
            return true;
          }}
        />
        {connection ? <ScopeToggle scope={teamScope ? 'team' : 'mine'} onScope={setScope} /> : null}
        {!teamScope && data.state === 'ready' && (
          <>
            <p className="rp-basis" data-testid="report-basis" data-open-share={data.report.total.openShare ?? ''}>
              {t('report.basis', {
                range: formatDateRange(range.firstDate, range.lastDate, lang),
                open: formatPercent(data.report.total.openShare ?? 0, lang, 0),
              })}
            </p>
            <p className="rp-muted">
              {t('report.basis.excluded', { excluded: data.report.total.excluded, backlog: data.report.total.backlog })}{' '}
              {t('report.floor', { floor: formatPercent(settings?.conversionFloor ?? 0.13, lang, 0) })} {t('report.ownData')}
            </p>
          </>
        )}
      </section>
      {!teamScope && data.state === 'loading' && <p className="rp-muted">{t('report.loading')}</p>}
      {!teamScope && data.state === 'error' && (
        <p role="alert" className="rp-error">
          {t('report.error', { reason: data.reason })}
        </p>
      )}
      {teamScope && <TeamReportView data={team} now={now} />}
      {!teamScope && data.state === 'ready' && (
        <>
          <section className="rp-card" aria-label={t('report.source.title')}>
            {data.report.rows.length === 0 ? <p className="rp-muted">{t('report.empty')}</p> : null}
            <SourceTable rows={data.report.rows} total={data.report.total} currency={spend.currency} />
            <p className="rp-muted" data-testid="sales-by">
              {t('report.salesBy', data.report.total.salesBy)}
            </p>
          </section>
          <ConversionChart rows={data.report.rows} total={data.report.total} floor={settings?.conversionFloor ?? 0.13} />
          <div className="rp-two">
            <ResponseChart buckets={data.report.responseBuckets} />
            <PacingChart points={data.pacing} target={settings?.monthlyTarget ?? 0} />
          </div>
          <FunnelTables rows={data.report.rows} reps={data.report.reps} />
          <RepFunnelPlot reps={data.report.reps} floor={settings?.conversionFloor ?? 0.13} />
          <ClosedTooEarlyList items={data.report.closedTooEarly} now={now} timeZone={timeZone} />
        </>
      )}
      <SoldDealsImport db={db} now={now} timeZone={timeZone} onImported={() => setReads((n) => n + 1)} send={sendSales} />
    </div>
  );
}
