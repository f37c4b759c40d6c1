import { useId, useMemo } from 'react';
import { DEFAULT_SETTINGS, readSettings, saveSettings } from '@/lib/settings';
import { conversionFloorSchema } from '@/lib/sync/team-settings';
import { useI18n } from '../ui/i18n';
import { SaveActions } from './SaveActions';
import type { SettingsStore } from './SettingsForm';
import { useDraft } from './use-draft';
import '@/lib/i18n/messages/team-settings';

const storageSettings: SettingsStore = { read: readSettings, save: saveSettings };

/** Shown as a percentage with at most one decimal; stored as a share. */
const toPercent = (share: number) => String(Math.round(share * 1000) / 10);

function parsePercent(text: string): number | null {
  const normalised = text.trim().replace(',', '.');
  if (!/^\d{1,3}(?:\.\d)?$/.test(normalised)) return null;
  const share = Math.round(Number(normalised) * 10) / 1000;
  return conversionFloorSchema.safeParse(share).success ? share : null;
}

/** The conversion floor: the share of leads that must end in a sale before a rate is "below". */
export function ConversionFloorForm({ store = storageSettings }: { store?: SettingsStore }) {
  const { t } = useI18n();
  const id = useId();
  const start = useMemo(
    () => ({
      source: store,
      read: () => store.read().then((settings) => toPercent(settings.conversionFloor)),
      fallback: () => toPercent(DEFAULT_SETTINGS.conversionFloor),
    }),
    [store],
  );
  const {
    draft: text,
    errors: error,
    state,
    edit,
    submit,
  } = useDraft<string, number, boolean>({
    start,
    noErrors: false,
    validate: (value) => {
      const floor = parsePercent(value);
      return floor === null ? { ok: false, errors: true } : { ok: true, value: floor };
    },
    save: (floor) =>
      store
        .read()
        .then((current) => store.save({ ...current, conversionFloor: floor }))
        .then((saved) => toPercent(saved.conversionFloor)),
  });

  if (text === null) return <p className="op-muted">{t('options.loading')}</p>;

  return (
    <form className="op-card" onSubmit={submit} noValidate data-testid="floor-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('teamSettings.floor.title')}</h2>
      <div className="op-field">
        <label htmlFor={`${id}-floor`}>{t('teamSettings.floor.label')}</label>
        <input
          id={`${id}-floor`}
          data-testid="floor-input"
          inputMode="decimal"
          value={text}
          aria-invalid={error}
          aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
          className="op-input-floor"
          onChange={(event) => edit(event.target.value)}
        />
        <span className="op-help" id={`${id}-help`}>
          {t('teamSettings.floor.help')}
        </span>
        {error ? (
          <span className="op-field-error" id={`${id}-error`}>
            {t('teamSettings.floor.invalid')}
          </span>
        ) : null}
      </div>
      <SaveActions label={t('teamSettings.floor.save')} state={state} savedTestId="floor-saved" />
    </form>
  );
}
