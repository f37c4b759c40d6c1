import { useI18n } from '@/components/ui/i18n';
import { sourceLabel } from '@/components/ui/labels';
import type { Rate, SourceRow } from '@/lib/domain/report';
import { formatPercent } from './report-format';
import '@/lib/i18n/messages/report';

const WIDTH = 760;
const LABEL = 130;
const ROW = 40;
const BAR = 12;
const TOP = 24;

/**
 * Conversion by source, properly worked (dark) against not (light), each bar with its 95%
 * interval as a whisker and the floor as a dashed line: where a whisker crosses the line, the
 * verdict is "can't tell yet".
 */
export function ConversionChart({ rows, total, floor }: { rows: SourceRow[]; total: SourceRow; floor: number }) {
  const { t, lang } = useI18n();
  const all = [...rows, total];
  const highest = Math.max(floor * 1.5, ...all.flatMap((r) => [r.worked.interval?.high ?? 0, r.unworked.interval?.high ?? 0]));
  const max = Math.min(1, Math.ceil(highest * 10) / 10);
  const plot = WIDTH - LABEL - 16;
  const x = (share: number) => LABEL + (share / max) * plot;
  const height = TOP + all.length * ROW + 24;
  const ticks = Array.from({ length: Math.round(max * 10) + 1 }, (_, i) => i / 10);
  const bar = (rate: Rate, y: number, kind: 'worked' | 'unworked', label: string) => (
    <g className={`rp-bar rp-bar-${kind}`}>
      <title>{`${label}: ${formatPercent(rate.rate, lang)} (${t('report.rateOf', { sold: rate.hits, n: rate.n })}${rate.interval ? `, 95% ${formatPercent(rate.interval.low, lang)}–${formatPercent(rate.interval.high, lang)}` : ''})`}</title>
      <rect x={LABEL} y={y} width={Math.max(0, x(rate.rate ?? 0) - LABEL)} height={BAR} />
      {rate.interval && (
        <g className="rp-whisker">
          <line x1={x(rate.interval.low)} x2={x(rate.interval.high)} y1={y + BAR / 2} y2={y + BAR / 2} />
          <line x1={x(rate.interval.low)} x2={x(rate.interval.low)} y1={y + 2} y2={y + BAR - 2} />
          <line x1={x(rate.interval.high)} x2={x(rate.interval.high)} y1={y + 2} y2={y + BAR - 2} />
        </g>
      )}
    </g>
  );
  return (
    <figure className="rp-card rp-chart rp-keep" data-testid="chart-conversion">
      <h2>{t('report.chart.conversion')}</h2>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={t('report.chart.conversion')}>
        {ticks.map((tick) => (
          <g key={tick} className="rp-grid">
            <line x1={x(tick)} x2={x(tick)} y1={TOP - 6} y2={height - 20} />
            <text x={x(tick)} y={height - 6} textAnchor="middle">
              {formatPercent(tick, lang, 0)}
            </text>
          </g>
        ))}
        {all.map((row, i) => {
          const y = TOP + i * ROW;
          const name = row.source === '' ? t('report.total') : sourceLabel(t, row.source);
          return (
            <g key={row.source || 'total'}>
              <text x={LABEL - 8} y={y + BAR + 4} textAnchor="end" className={row.source === '' ? 'rp-chart-total' : undefined}>
                {name}
              </text>
              {bar(row.worked, y, 'worked', `${name} · ${t('report.col.worked')}`)}
              {bar(row.unworked, y + BAR + 3, 'unworked', `${name} · ${t('report.col.unworked')}`)}
            </g>
          );
        })}
        <line className="rp-floor" x1={x(floor)} x2={x(floor)} y1={TOP - 10} y2={height - 20} />
        <text className="rp-floor-label" x={x(floor) + 4} y={TOP - 12}>
          {formatPercent(floor, lang, 0)}
        </text>
      </svg>
      <figcaption className="rp-muted">
        <span className="rp-key rp-key-worked" /> {t('report.col.worked')} <span className="rp-key rp-key-unworked" /> {t('report.col.unworked')} · {t('report.chart.conversion.desc')}
      </figcaption>
    </figure>
  );
}
