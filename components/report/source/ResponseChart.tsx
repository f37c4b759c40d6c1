import { useI18n } from '@/components/ui/i18n';
import { RESPONSE_BUCKETS, type ResponseBucket } from '@/lib/domain/report';
import { formatPercent } from './report-format';
import '@/lib/i18n/messages/report';

const WIDTH = 420;
const HEIGHT = 200;
const BOTTOM = 28;

/** How fast leads got their first attempt, in business time; the numbers are in the table beside it. */
export function ResponseChart({ buckets }: { buckets: Record<ResponseBucket, number> }) {
  const { t, lang } = useI18n();
  const total = RESPONSE_BUCKETS.reduce((sum, b) => sum + buckets[b], 0);
  const max = Math.max(1, ...RESPONSE_BUCKETS.map((b) => buckets[b]));
  const slot = WIDTH / RESPONSE_BUCKETS.length;
  const plot = HEIGHT - BOTTOM - 16;
  return (
    <figure className="rp-card rp-chart rp-keep" data-testid="chart-response">
      <h2>{t('report.chart.response')}</h2>
      <div className="rp-chart-side">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('report.chart.response')}>
          {RESPONSE_BUCKETS.map((bucket, i) => {
            const h = (buckets[bucket] / max) * plot;
            const label = t(`report.bucket.${bucket}`);
            return (
              <g key={bucket} className={`rp-col rp-col-${bucket}`}>
                <title>{`${label}: ${buckets[bucket]} (${formatPercent(total > 0 ? buckets[bucket] / total : null, lang, 0)})`}</title>
                <rect x={i * slot + 8} y={HEIGHT - BOTTOM - h} width={slot - 16} height={h} />
                <text x={i * slot + slot / 2} y={HEIGHT - BOTTOM - h - 4} textAnchor="middle">
                  {buckets[bucket]}
                </text>
                <text x={i * slot + slot / 2} y={HEIGHT - 8} textAnchor="middle">
                  {label}
                </text>
              </g>
            );
          })}
        </svg>
        <table className="rp-table rp-compact" data-testid="response-table">
          <tbody>
            {RESPONSE_BUCKETS.map((bucket) => (
              <tr key={bucket} data-bucket={bucket} data-count={buckets[bucket]}>
                <th scope="row">{t(`report.bucket.${bucket}`)}</th>
                <td>{buckets[bucket]}</td>
                <td className="rp-muted">{formatPercent(total > 0 ? buckets[bucket] / total : null, lang, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
