import { useId, useState, type FormEvent } from 'react';
import type { WipeReport } from '@/lib/privacy/wipe';
import { useI18n } from '../../ui/i18n';
import type { PrivacyApi } from '../PrivacySection';
import '@/lib/i18n/messages/privacy';

// Wiping every lead, note and setting of this browser: asked twice, by typing a word, because
// nothing brings it back.

type WipeState =
  | { kind: 'idle' }
  | { kind: 'confirming'; typed: string; mismatch: boolean }
  | { kind: 'working' }
  | { kind: 'done'; report: WipeReport }
  | { kind: 'failed'; reason: string };

function WipeReportView({ report }: { report: WipeReport }) {
  const { t } = useI18n();
  return (
    <div role="status" data-testid="wipe-done">
      <p className="op-saved">
        {t('privacy.wipe.done', { leads: report.leads, events: report.events, notes: report.notes, items: report.storageItems })}
      </p>
      {report.crms.length > 0 ? <p>{t('privacy.wipe.crms', { crms: report.crms.join(', ') })}</p> : null}
      <p>{report.wasConnected ? t('privacy.wipe.teamConnected') : t('privacy.wipe.teamMaybe')}</p>
      <p className="op-help">{t('privacy.wipe.reload')}</p>
    </div>
  );
}

export function WipeControl({ api }: { api: PrivacyApi }) {
  const { t } = useI18n();
  const id = useId();
  const [state, setState] = useState<WipeState>({ kind: 'idle' });
  const word = t('privacy.wipe.word');
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    if (state.kind !== 'confirming') return;
    if (state.typed.trim() !== word) {
      setState({ ...state, mismatch: true });
      return;
    }
    setState({ kind: 'working' });
    api
      .wipe()
      .then((result) => setState(result.ok ? { kind: 'done', report: result.value } : { kind: 'failed', reason: result.reason }))
      .catch((e: unknown) => setState({ kind: 'failed', reason: e instanceof Error ? e.message : String(e) }));
  };
  return (
    <div data-testid="privacy-wipe">
      <h3>{t('privacy.wipe.title')}</h3>
      <p className="op-help">{t('privacy.wipe.help')}</p>
      {state.kind === 'idle' || state.kind === 'failed' ? (
        <div className="op-actions">
          <button type="button" className="op-secondary" data-testid="wipe-start" onClick={() => setState({ kind: 'confirming', typed: '', mismatch: false })}>
            {t('privacy.wipe.start')}
          </button>
          {state.kind === 'failed' ? (
            <span role="alert" className="op-field-error">
              {t('privacy.wipe.failed', { reason: state.reason })}
            </span>
          ) : null}
        </div>
      ) : null}
      {state.kind === 'confirming' ? (
        <form onSubmit={confirm} noValidate data-testid="wipe-confirm-form">
          <div className="op-field">
            <label htmlFor={`${id}-word`}>{t('privacy.wipe.confirmLabel', { word })}</label>
            <input
              id={`${id}-word`}
              data-testid="wipe-word"
              autoComplete="off"
              value={state.typed}
              aria-invalid={state.mismatch}
              aria-describedby={state.mismatch ? `${id}-error` : undefined}
              onChange={(event) => setState({ kind: 'confirming', typed: event.target.value, mismatch: false })}
              className="op-input-word"
            />
            {state.mismatch ? (
              <span className="op-field-error" id={`${id}-error`}>
                {t('privacy.wipe.mismatch', { word })}
              </span>
            ) : null}
          </div>
          <div className="op-actions">
            <button type="submit" className="op-primary" data-testid="wipe-confirm">
              {t('privacy.wipe.confirm')}
            </button>
            <button type="button" className="op-secondary" onClick={() => setState({ kind: 'idle' })}>
              {t('privacy.wipe.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {state.kind === 'working' ? <p role="status">{t('privacy.wipe.working')}</p> : null}
      {state.kind === 'done' ? <WipeReportView report={state.report} /> : null}
    </div>
  );
}
