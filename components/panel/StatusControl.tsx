import { useState } from 'react';
import { LOST_REASONS, STATUSES, type LeadStatus, type LostReason } from '@/lib/domain/model';
import { closeIsTooEarly, wasClosedTooEarly } from '@/lib/domain/lead-metrics';
import type { LeadView } from '@/lib/domain/lead';
import { useI18n } from '../ui/i18n';
import '@/lib/i18n/messages/common';
import '@/lib/i18n/messages/crm-status';
import '@/lib/i18n/messages/panel';

interface Props {
  view: LeadView;
  disabled: boolean;
  /** Closing as lost below this many attempts without contact is "closed too early". */
  closeAfterAttempts: number;
  onChange: (status: LeadStatus, lostReason?: LostReason) => void;
}

/**
 * Status select; "lost" first asks for a reason, so no lead is closed without one, and warns
 * when closing now would count as closed too early (allowed, but recorded).
 */
export function StatusControl({ view, disabled, closeAfterAttempts, onChange }: Props) {
  const { t } = useI18n();
  const [askingReason, setAskingReason] = useState(false);
  const [reason, setReason] = useState<LostReason>('not_interested');
  // Judged on the effort so far and the reason being chosen, by the same rule as the figures.
  const tooEarly = closeIsTooEarly(
    { attempts: view.attemptCount, contacts: view.contactCount, phoneAttempts: view.phoneAttemptsBeforeClose },
    reason,
    closeAfterAttempts,
  );
  return (
    <div className="lp-row">
      <label className="lp-muted" htmlFor="lp-status">
        {t('panel.status')}
      </label>
      <select
        id="lp-status"
        data-testid="lead-status"
        value={askingReason ? 'lost' : view.status}
        disabled={disabled}
        onChange={(event) => {
          const next = STATUSES.find((s) => s === event.target.value);
          if (!next) return;
          if (next === 'lost') setAskingReason(true);
          else {
            setAskingReason(false);
            onChange(next);
          }
        }}
      >
        {STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`status.${status}`)}
          </option>
        ))}
      </select>
      {view.status === 'lost' && view.lostReason && !askingReason ? (
        <span className="lp-muted">{t(`lostReason.${view.lostReason}`)}</span>
      ) : null}
      {view.statusActor === 'crm' && !askingReason ? (
        <span className="lp-muted" data-testid="status-from-crm" title={t('crmStatus.setInCrmTitle')}>
          {t('crmStatus.setInCrm')}
        </span>
      ) : null}
      {view.backlog ? (
        <span className="lp-muted" data-testid="backlog-note" title={t('backlog.noteTitle')}>
          {t('backlog.note')}
        </span>
      ) : null}
      {wasClosedTooEarly(view, closeAfterAttempts) && !askingReason ? (
        <span className="lp-too-early" data-testid="closed-too-early">
          {t('panel.tooEarly.badge')}
        </span>
      ) : null}
      {askingReason && tooEarly ? (
        <p className="lp-warn lp-warn-line" role="alert" data-testid="too-early-warning">
          {t('panel.tooEarly.warning', { attempts: view.attemptCount })}
        </p>
      ) : null}
      {askingReason ? (
        <span className="lp-row">
          <select
            aria-label={t('panel.lostReason')}
            data-testid="lost-reason"
            value={reason}
            onChange={(event) => {
              const next = LOST_REASONS.find((r) => r === event.target.value);
              if (next) setReason(next);
            }}
          >
            {LOST_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`lostReason.${r}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="lp-secondary"
            data-testid="confirm-lost"
            onClick={() => {
              setAskingReason(false);
              onChange('lost', reason);
            }}
          >
            {tooEarly ? t('panel.tooEarly.confirm') : t('panel.setLost')}
          </button>
          <button type="button" className="lp-secondary" onClick={() => setAskingReason(false)}>
            {t('common.cancel')}
          </button>
        </span>
      ) : null}
    </div>
  );
}
