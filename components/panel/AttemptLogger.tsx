import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { revealInPanel } from './reveal';
import { CHANNELS, OUTCOMES, type Channel, type Outcome } from '@/lib/domain/model';
import type { PanelStore } from '@/lib/content/panel-store';
import { useI18n } from '../ui/i18n';
import '@/lib/i18n/messages/common';
import '@/lib/i18n/messages/panel';

interface Props {
  store: PanelStore;
  /** Tooltip naming the keyboard shortcut. */
  hint?: string;
  onLog: (channel: Channel, outcome: Outcome) => void;
}

/** Channel × outcome: opening it preselects "call", and one click on an outcome records. */
export function AttemptLogger({ store, hint, onLog }: Props) {
  const { t } = useI18n();
  const logging = useStore(store, (s) => s.logging);
  const busy = useStore(store, (s) => s.busy);
  const pendingCall = useStore(store, (s) => s.pendingCall);
  const open = logging !== null;
  const section = useRef<HTMLElement>(null);
  // The panel scrolls inside a third of the window: bring the outcome buttons into its view.
  useEffect(() => {
    if (open) revealInPanel(section.current, 'nearest');
  }, [open, pendingCall]);

  if (logging === null) {
    return (
      <button
        type="button"
        className="lp-primary"
        data-testid="log-attempt"
        title={hint}
        disabled={busy}
        onClick={() => store.setState({ logging: 'call' })}
      >
        {t('panel.logAttempt')}
      </button>
    );
  }
  return (
    <section ref={section} aria-label={t('panel.logAttempt')} data-testid="attempt-logger" className="lp-row lp-logger">
      {pendingCall ? null : (
        <>
          <p className="lp-section-title">{t('panel.chooseChannel')}</p>
          <div className="lp-chips" role="group" aria-label={t('panel.chooseChannel')}>
            {CHANNELS.map((channel) => (
              <button
                key={channel}
                type="button"
                className="lp-chip"
                data-testid={`channel-${channel}`}
                aria-pressed={logging === channel}
                onClick={() => store.setState({ logging: channel })}
              >
                {t(`channel.${channel}`)}
              </button>
            ))}
          </div>
        </>
      )}
      <p className="lp-section-title">{t('panel.chooseOutcome')}</p>
      <div className="lp-chips" role="group" aria-label={t('panel.chooseOutcome')}>
        {OUTCOMES.map((outcome) => (
          <button
            key={outcome}
            type="button"
            className="lp-outcome"
            data-testid={`outcome-${outcome}`}
            disabled={busy}
            onClick={() => onLog(logging, outcome)}
          >
            {t(`outcome.${outcome}`)}
          </button>
        ))}
      </div>
      <button type="button" className="lp-secondary lp-cancel" onClick={() => store.setState({ logging: null, pendingCall: false })}>
        {t('common.cancel')}
      </button>
    </section>
  );
}
