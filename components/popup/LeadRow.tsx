import type { PopupLead } from '@/lib/domain/popup-summary-read';
import { formatDuration } from '@/lib/i18n/numbers';
import { useI18n } from '../ui/i18n';
import { sourceLabel } from '../ui/labels';
import { removedDetailsLabel } from '@/lib/privacy/removed-label';
import '@/lib/i18n/messages/popup';

export function LeadRow({
  lead,
  now,
  opening,
  disabled,
  onOpen,
}: {
  lead: PopupLead;
  now: number;
  opening: boolean;
  disabled: boolean;
  onOpen: (leadKey: string) => void;
}) {
  const { t, lang } = useI18n();
  const name = lead.name ?? removedDetailsLabel(lead, t) ?? t('popup.row.noName');
  const age = t('popup.row.age', { duration: formatDuration(now - lead.receivedAt, lang) });
  return (
    <li>
      <button
        type="button"
        className="pp-row"
        data-testid="lead-row"
        data-lead-key={lead.key}
        aria-label={t('popup.row.open', { name })}
        aria-busy={opening}
        disabled={disabled}
        onClick={() => onOpen(lead.key)}
      >
        <span className="pp-row-top">
          <span className={lead.name ? 'pp-name' : 'pp-name pp-unknown'} data-testid="row-name">
            {name}
          </span>
          <span className="pp-badge" data-testid="row-source">
            {sourceLabel(t, lead.source)}
          </span>
        </span>
        <span className="pp-row-bottom">
          <span
            className={lead.attemptCount === 0 ? 'pp-age pp-age-untouched' : 'pp-age'}
            data-testid="row-age"
            title={lead.receivedAtKnown ? undefined : t('popup.row.ageFirstSeen')}
          >
            {lead.receivedAtKnown ? age : `${age}*`}
          </span>
          <span data-testid="row-attempts" data-count={lead.attemptCount}>
            {t('popup.row.attempts', { count: lead.attemptCount })}
          </span>
          <span className="pp-status" data-testid="row-status">
            {opening ? t('popup.row.opening') : t(`status.${lead.status}` as const)}
          </span>
        </span>
      </button>
    </li>
  );
}
