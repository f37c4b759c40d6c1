import { useI18n } from '@/components/ui/i18n';
import { sourceLabel } from '@/components/ui/labels';
import type { ClosedTooEarlyItem } from '@/lib/domain/report';
import { formatDateTime } from '@/lib/i18n/format';
import '@/lib/i18n/messages/report';

/** The weekly inspection: every lead closed as lost before the cadence's threshold, with who did it. */
export function ClosedTooEarlyList({ items, now, timeZone }: { items: ClosedTooEarlyItem[]; now: number; timeZone: string }) {
  const { t, lang } = useI18n();
  return (
    <section className="rp-card rp-keep" aria-labelledby="rp-too-early">
      <h2 id="rp-too-early">
        {t('report.tooEarly.title')} ({items.length})
      </h2>
      {items.length === 0 ? (
        <p className="rp-muted">{t('report.tooEarly.none')}</p>
      ) : (
        <div className="rp-scroll">
          <table className="rp-table" data-testid="closed-too-early">
            <thead>
              <tr>
                <th scope="col">{t('report.tooEarly.lead')}</th>
                <th scope="col">{t('report.col.source')}</th>
                <th scope="col">{t('report.tooEarly.rep')}</th>
                <th scope="col">{t('report.tooEarly.attempts')}</th>
                <th scope="col">{t('report.tooEarly.reason')}</th>
                <th scope="col">{t('report.tooEarly.when')}</th>
                <th scope="col">{t('report.tooEarly.by')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.key} data-testid="closed-too-early-row" data-lead-id={item.leadId}>
                  <th scope="row">
                    {item.url ? (
                      <a href={item.url} target="_blank" rel="noreferrer">
                        {item.name ?? item.leadId}
                      </a>
                    ) : (
                      (item.name ?? item.leadId)
                    )}
                  </th>
                  <td>{sourceLabel(t, item.source)}</td>
                  <td>{item.rep}</td>
                  <td>{item.attempts}</td>
                  <td>{item.lostReason ? t(`lostReason.${item.lostReason}`) : '–'}</td>
                  <td>{item.closedAt === null ? '–' : formatDateTime(item.closedAt, lang, now, timeZone)}</td>
                  <td>{item.closedBy ? t(`report.actor.${item.closedBy}`) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
