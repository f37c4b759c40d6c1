import { useI18n } from '@/components/ui/i18n';
import { sourceLabel } from '@/components/ui/labels';
import type { Funnel, RepFunnel, SourceRow } from '@/lib/domain/report';
import { formatPercent } from './report-format';
import '@/lib/i18n/messages/report';

const STAGES = ['received', 'reached', 'appointment', 'shown', 'sold'] as const;

function StageCells({ funnel }: { funnel: Funnel }) {
  const { lang } = useI18n();
  return (
    <>
      {STAGES.map((stage) => (
        <td key={stage} data-stage={stage} data-count={funnel[stage]}>
          {funnel[stage]}
          {stage !== 'received' && funnel.received > 0 && <span className="rp-muted"> {formatPercent(funnel[stage] / funnel.received, lang, 0)}</span>}
        </td>
      ))}
    </>
  );
}

function StageHeaders() {
  const { t } = useI18n();
  const label = { received: t('report.funnel.received'), reached: t('report.funnel.reached'), appointment: t('report.col.appointment'), shown: t('report.col.shown'), sold: t('report.col.sold') };
  return (
    <>
      {STAGES.map((stage) => (
        <th key={stage} scope="col">
          {label[stage]}
        </th>
      ))}
    </>
  );
}

/** Received → reached → appointment → shown → sold, per source and per rep. */
export function FunnelTables({ rows, reps }: { rows: SourceRow[]; reps: RepFunnel[] }) {
  const { t } = useI18n();
  return (
    <section className="rp-card rp-two" aria-label={t('report.funnel.source')}>
      <div>
        <h2>{t('report.funnel.source')}</h2>
        <table className="rp-table" data-testid="funnel-source">
          <thead>
            <tr>
              <th scope="col">{t('report.col.source')}</th>
              <StageHeaders />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.source} data-source={row.source}>
                <th scope="row">{sourceLabel(t, row.source)}</th>
                <StageCells funnel={row} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <h2>{t('report.funnel.rep')}</h2>
        <table className="rp-table" data-testid="funnel-rep">
          <thead>
            <tr>
              <th scope="col">{t('report.funnel.rep.col')}</th>
              <StageHeaders />
            </tr>
          </thead>
          <tbody>
            {reps.map((rep) => (
              <tr key={rep.rep} data-rep={rep.rep}>
                <th scope="row">{rep.rep}</th>
                <StageCells funnel={rep} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
