import { useI18n } from '@/components/ui/i18n';
import type { PacingPoint } from '@/lib/domain/report';
import { formatNumber } from './report-format';
import '@/lib/i18n/messages/report';

const WIDTH = 420;
const HEIGHT = 200;
const LEFT = 28;
const BOTTOM = 24;

/** This month's sales against what the target expects by each business day's close. */
export function PacingChart({ points, target }: { points: PacingPoint[]; target: number }) {
  const { t, lang } = useI18n();
  const max = Math.max(1, target, ...points.map((p) => p.actual ?? 0));
  const step = points.length > 1 ? (WIDTH - LEFT - 8) / (points.length - 1) : 0;
  const x = (i: number) => LEFT + i * step;
  const y = (n: number) => HEIGHT - BOTTOM - (n / max) * (HEIGHT - BOTTOM - 12);
  const path = (values: (number | null)[]) =>
    values
      .map((v, i) => (v === null ? null : `${x(i)},${y(v)}`))
      .filter((p): p is string => p !== null)
      .join(' ');
  const last = [...points].reverse().find((p) => p.actual !== null);
  return (
    <figure className="rp-card rp-chart rp-keep" data-testid="chart-pacing">
      <h2>{t('report.chart.pacing')}</h2>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('report.chart.pacing')}>
        <line className="rp-axis" x1={LEFT} x2={WIDTH - 8} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} />
        <text x={LEFT - 6} y={y(max) + 4} textAnchor="end">
          {formatNumber(max, lang)}
        </text>
        <text x={LEFT - 6} y={HEIGHT - BOTTOM + 4} textAnchor="end">
          0
        </text>
        {target > 0 && <polyline className="rp-line-expected" points={path(points.map((p) => p.expected))} />}
        <polyline className="rp-line-actual" points={path(points.map((p) => p.actual))} />
        {points.map((p, i) => (p.actual === null ? null : <circle key={p.date} className="rp-dot-actual" cx={x(i)} cy={y(p.actual)} r={2.5} />))}
        {points.map((p, i) => (
          <g key={p.date}>
            <title>{`${p.date}: ${t('report.chart.actual')} ${p.actual ?? '–'} · ${t('report.chart.expected')} ${formatNumber(p.expected, lang, 1)}`}</title>
            <rect className="rp-hover" x={x(i) - step / 2} y={0} width={Math.max(step, 4)} height={HEIGHT - BOTTOM} />
            {(i === 0 || (i === points.length - 1 && p.day % 5 > 1) || p.day % 5 === 0) && (
              <text x={x(i)} y={HEIGHT - 6} textAnchor="middle">
                {p.day}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption className="rp-muted">
        <span className="rp-key rp-key-actual" /> {t('report.chart.actual')} {last?.actual ?? 0}
        {target > 0 ? (
          <>
            {' '}
            <span className="rp-key rp-key-expected" /> {t('report.chart.expected')} {formatNumber(last?.expected ?? 0, lang, 1)} / {target}
          </>
        ) : (
          <> · {t('report.chart.pacing.noTarget')}</>
        )}
      </figcaption>
    </figure>
  );
}
