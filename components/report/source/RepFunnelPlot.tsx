import { useI18n } from '@/components/ui/i18n';
import { funnelCurve, funnelLimits } from '@/lib/domain/funnel-plot';
import type { RepFunnel } from '@/lib/domain/report';
import { formatNumber, formatPercent } from './report-format';
import '@/lib/i18n/messages/report';

const WIDTH = 520;
const HEIGHT = 280;
const LEFT = 40;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 30;

/** A round axis end a little above `value`: 10, 20, 50, 100, 200, 500… */
function niceMax(value: number): number {
  const base = 10 ** Math.floor(Math.log10(Math.max(1, value)));
  return ([1, 2, 5, 10].map((m) => m * base).find((m) => m >= value) ?? 10 * base) || 10;
}

/**
 * Reps on a funnel plot instead of a league table: each rep's conversion against their number
 * of leads, with the floor and the band a rep converting at the floor would stay inside 95% of
 * the time. A dot outside the band is a real difference; inside it, the numbers can't tell yet,
 * however the ranking would look.
 */
export function RepFunnelPlot({ reps, floor }: { reps: RepFunnel[]; floor: number }) {
  const { t, lang } = useI18n();
  const counted = reps.filter((r) => r.received > 0);
  const maxN = niceMax(Math.max(10, ...counted.map((r) => r.received)));
  const highest = Math.max(floor * 2, ...counted.map((r) => r.conversion.rate ?? 0));
  const maxY = Math.min(1, Math.ceil(highest * 10) / 10);
  const x = (n: number) => LEFT + (n / maxN) * (WIDTH - LEFT - RIGHT);
  const y = (share: number) => TOP + (1 - Math.min(share, maxY) / maxY) * (HEIGHT - TOP - BOTTOM);
  const curve = funnelCurve(floor, maxN);
  const line = (pick: (p: { n: number; low: number; high: number }) => number) => curve.map((p) => `${x(p.n).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  const yTicks = Array.from({ length: Math.round(maxY * 10) + 1 }, (_, i) => i / 10);
  const xTicks = [0, maxN / 4, maxN / 2, (3 * maxN) / 4, maxN];
  const label = (rep: RepFunnel) => {
    const limits = funnelLimits(floor, rep.received);
    const band = limits ? `, ${t('report.repPlot.band')} ${formatPercent(limits.low, lang)}–${formatPercent(limits.high, lang)}` : '';
    return `${rep.rep}: ${formatPercent(rep.conversion.rate, lang)} (${t('report.rateOf', { sold: rep.sold, n: rep.received })}${band}) · ${t(`report.verdict.${rep.conversion.verdict}`)}`;
  };
  return (
    <figure className="rp-card rp-chart rp-keep" data-testid="chart-rep-funnel">
      <h2>{t('report.repPlot.title')}</h2>
      <div className="rp-chart-side">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('report.repPlot.title')}>
          <defs>
            <clipPath id="rp-rep-plot-area">
              <rect x={LEFT} y={TOP} width={WIDTH - LEFT - RIGHT} height={HEIGHT - TOP - BOTTOM} />
            </clipPath>
          </defs>
          {yTicks.map((tick) => (
            <g key={tick} className="rp-grid">
              <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} />
              <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end">
                {formatPercent(tick, lang, 0)}
              </text>
            </g>
          ))}
          {xTicks.map((tick) => (
            <text key={tick} x={x(tick)} y={HEIGHT - BOTTOM + 14} textAnchor="middle">
              {formatNumber(tick, lang)}
            </text>
          ))}
          <text x={WIDTH - RIGHT} y={HEIGHT - 3} textAnchor="end">
            {t('report.repPlot.leads')}
          </text>
          <g clipPath="url(#rp-rep-plot-area)">
            <polyline className="rp-limit" points={line((p) => p.high)} />
            <polyline className="rp-limit" points={line((p) => p.low)} />
          </g>
          <line className="rp-floor" x1={LEFT} x2={WIDTH - RIGHT} y1={y(floor)} y2={y(floor)} />
          <text className="rp-floor-label" x={WIDTH - RIGHT - 4} y={y(floor) - 5} textAnchor="end">
            {formatPercent(floor, lang, 0)}
          </text>
          {counted.map((rep) => (
            <circle
              key={rep.rep}
              className={`rp-rep-dot rp-rep-${rep.conversion.verdict}`}
              data-rep={rep.rep}
              data-verdict={rep.conversion.verdict}
              cx={x(rep.received)}
              cy={y(rep.conversion.rate ?? 0)}
              r={5}
            >
              <title>{label(rep)}</title>
            </circle>
          ))}
        </svg>
        <table className="rp-table rp-compact" data-testid="rep-funnel-table">
          <thead>
            <tr>
              <th scope="col">{t('report.funnel.rep.col')}</th>
              <th scope="col">{t('report.col.leads')}</th>
              <th scope="col">{t('report.col.sold')}</th>
              <th scope="col">{t('report.repPlot.conversion')}</th>
              <th scope="col">{t('report.repPlot.band')}</th>
              <th scope="col">{t('report.col.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {counted.map((rep) => {
              const limits = funnelLimits(floor, rep.received);
              return (
                <tr key={rep.rep} data-rep={rep.rep} data-leads={rep.received} data-sold={rep.sold} data-verdict={rep.conversion.verdict}>
                  <th scope="row">{rep.rep}</th>
                  <td>{rep.received}</td>
                  <td>{rep.sold}</td>
                  <td>{formatPercent(rep.conversion.rate, lang)}</td>
                  <td>{limits ? `${formatPercent(limits.low, lang)}–${formatPercent(limits.high, lang)}` : '–'}</td>
                  <td>
                    <span className={`rp-verdict rp-verdict-${rep.conversion.verdict}`}>{t(`report.verdict.${rep.conversion.verdict}`)}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <figcaption className="rp-muted">{t('report.repPlot.desc')}</figcaption>
    </figure>
  );
}
