import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '@/components/ui/i18n';
import type { LeadpaceDb } from '@/lib/db/schema';
import type { LeadRecord } from '@/lib/domain/lead';
import { wasClosedTooEarly } from '@/lib/domain/lead-metrics';
import { formatDateTime, formatInteger } from '@/lib/i18n/format';
import { isMessageKey } from '@/lib/i18n';
import '@/lib/i18n/messages/common';
import '@/lib/i18n/messages/report-team';

/**
 * The viewer's own leads closed too early in the board's window, read from this browser: the
 * server holds only keyed hashes, so names and details exist nowhere else.
 */
async function ownClosedTooEarly(db: LeadpaceDb, from: number, to: number, threshold: number): Promise<LeadRecord[]> {
  const leads = await db.leads
    .where('receivedAt')
    .between(from, to, true, false)
    .filter((lead) => !lead.backlog && wasClosedTooEarly(lead, threshold))
    .toArray();
  return leads.sort((a, b) => (b.closedAt ?? b.receivedAt) - (a.closedAt ?? a.receivedAt));
}

export function OwnClosedTooEarly({
  db,
  from,
  to,
  threshold,
  serverCount,
  now,
  timeZone,
}: {
  db: LeadpaceDb;
  from: number;
  to: number;
  threshold: number;
  serverCount: number;
  now: number;
  timeZone: string;
}) {
  const { t, lang } = useI18n();
  const leads = useLiveQuery(() => ownClosedTooEarly(db, from, to, threshold).catch(() => []), [db, from, to, threshold]);
  if (leads === undefined) return null;
  if (leads.length === 0) return <p className="rp-muted">{t('board.early.mineNone', { count: formatInteger(serverCount, lang) })}</p>;
  const reason = (lead: LeadRecord) => {
    const key = lead.lostReason ? `lostReason.${lead.lostReason}` : '';
    return isMessageKey(key) ? t(key) : t('board.early.noReason');
  };
  return (
    <>
      <p className="rp-muted">{t('board.early.mine')}</p>
      <table className="tb-early" data-testid="board-early-list">
        <thead>
          <tr>
            <th scope="col">{t('board.early.name')}</th>
            <th scope="col">{t('board.early.received')}</th>
            <th scope="col" className="tb-num">
              {t('board.early.attempts')}
            </th>
            <th scope="col">{t('board.early.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {leads.map((lead) => (
            <tr key={lead.key} data-testid="board-early-lead">
              <td>
                <a href={lead.url} target="_blank" rel="noreferrer">
                  {lead.name ?? t('board.early.noName')}
                </a>
              </td>
              <td>{formatDateTime(lead.receivedAt, lang, now, timeZone)}</td>
              <td className="tb-num">{formatInteger(lead.attemptsBeforeClose, lang)}</td>
              <td>{reason(lead)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
