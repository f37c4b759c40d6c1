import { useState } from 'react';
import { LOST_REASONS, STATUSES, type LeadStatus, type LostReason } from '@/lib/domain/model';
import type { LeadView } from '@/lib/domain/lead';
import { useI18n } from '../ui/i18n';

interface Props {
  view: LeadView;
  disabled: boolean;
  onChange: (status: LeadStatus, lostReason?: LostReason) => void;
}

/** Status select; "lost" first asks for a reason, so no lead is closed without one. */
export function StatusControl({ view, disabled, onChange }: Props) {
  const { t } = useI18n();
  const [askingReason, setAskingReason] = useState(false);
  const [reason, setReason] = useState<LostReason>('not_interested');
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
            {t('panel.setLost')}
          </button>
          <button type="button" className="lp-secondary" onClick={() => setAskingReason(false)}>
            {t('common.cancel')}
          </button>
        </span>
      ) : null}
    </div>
  );
}
