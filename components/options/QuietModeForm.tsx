import { useEffect, useId, useState } from 'react';
import { readSettings, saveSettings } from '@/lib/settings';
import { useI18n } from '../ui/i18n';
import type { SettingsStore } from './SettingsForm';
import '@/lib/i18n/messages/options';
import '@/lib/i18n/messages/team-settings';

const storageSettings: SettingsStore = { read: readSettings, save: saveSettings };

/**
 * Quiet mode on its own, for a rep whose cadence section is the team's (read-only): whether
 * this browser notifies stays the rep's choice. Saved as soon as it is switched.
 */
export function QuietModeForm({ store = storageSettings }: { store?: SettingsStore }) {
  const { t } = useI18n();
  const id = useId();
  const [quiet, setQuiet] = useState<boolean | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    store
      .read()
      .then((settings) => alive && setQuiet(settings.quietMode))
      .catch(() => alive && setQuiet(false));
    return () => {
      alive = false;
    };
  }, [store]);

  if (quiet === null) return null;

  const change = (next: boolean) => {
    setQuiet(next);
    setFailed(null);
    store
      .read()
      .then((current) => store.save({ ...current, quietMode: next }))
      .then((saved) => setQuiet(saved.quietMode))
      .catch((e: unknown) => {
        setQuiet(!next);
        setFailed(e instanceof Error ? e.message : String(e));
      });
  };

  return (
    <section className="op-card" data-testid="quiet-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('teamSettings.quietTitle')}</h2>
      <div className="op-field">
        <label className="op-switch">
          <input
            type="checkbox"
            role="switch"
            data-testid="quiet-switch"
            checked={quiet}
            aria-describedby={`${id}-help`}
            onChange={(event) => change(event.target.checked)}
          />
          {t('options.cadence.quiet')}
        </label>
        <span className="op-help" id={`${id}-help`}>
          {t('options.cadence.quietHelp')}
        </span>
        {failed ? (
          <span className="op-field-error" role="alert">
            {t('options.saveFailed', { reason: failed })}
          </span>
        ) : null}
      </div>
    </section>
  );
}
