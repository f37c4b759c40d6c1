import { useId, useMemo } from 'react';
import type { MessageKey } from '@/lib/i18n';
import { DEFAULT_SETTINGS, readSettings, saveSettings } from '@/lib/settings';
import { useI18n } from '../ui/i18n';
import { CadenceStepsField } from './cadence/CadenceStepsField';
import { NO_ERRORS, RANGES, toDraft, validateCadence, type CadenceDraft, type CadenceErrors, type CadenceValue, type Field, type Range } from './cadence/cadence-draft';
import { SaveActions } from './SaveActions';
import type { SettingsStore } from './SettingsForm';
import { useDraft } from './use-draft';

const storageSettings: SettingsStore = { read: readSettings, save: saveSettings };

/**
 * Cadence (SLA, steps, closed-too-early threshold), the personal monthly target and quiet mode.
 * Writes only those fields: the rest of Settings is re-read at save time.
 */
export function CadenceForm({ store = storageSettings }: { store?: SettingsStore }) {
  const { t } = useI18n();
  const id = useId();
  const start = useMemo(
    () => ({ source: store, read: () => store.read().then(toDraft), fallback: () => toDraft(DEFAULT_SETTINGS) }),
    [store],
  );
  const { draft, errors, state, edit, submit } = useDraft<CadenceDraft, CadenceValue, CadenceErrors>({
    start,
    noErrors: NO_ERRORS,
    validate: (value) => validateCadence(t, value),
    save: (value) =>
      store
        .read()
        .then((current) => store.save({ ...current, ...value }))
        .then(toDraft),
  });

  if (!draft) return <p className="op-muted">{t('options.loading')}</p>;

  const numberField = (field: Exclude<Field, 'steps'>, label: MessageKey, help: MessageKey, range: Range) => {
    const inputId = `${id}-${field}`;
    const error = errors.fields[field];
    return (
      <div className="op-field">
        <label htmlFor={inputId}>{t(label)}</label>
        <input
          id={inputId}
          type="number"
          inputMode="numeric"
          min={range.min}
          max={range.max}
          step={1}
          value={draft[field]}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${inputId}-help${error ? ` ${inputId}-error` : ''}`}
          onChange={(event) => edit({ ...draft, [field]: event.target.value })}
        />
        <span className="op-help" id={`${inputId}-help`}>
          {t(help)}
        </span>
        {error ? (
          <span className="op-field-error" id={`${inputId}-error`} data-testid={`cadence-error-${field}`}>
            {error}
          </span>
        ) : null}
      </div>
    );
  };

  return (
    <form className="op-card" onSubmit={submit} noValidate data-testid="cadence-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('options.cadence.title')}</h2>
      <p className="op-help">{t('options.cadence.intro')}</p>
      {numberField('sla', 'options.cadence.sla', 'options.cadence.slaHelp', RANGES.sla)}
      {numberField('stretch', 'options.cadence.stretch', 'options.cadence.stretchHelp', RANGES.stretch)}
      <CadenceStepsField draft={draft} errors={errors} edit={edit} />
      {numberField('closeAfter', 'options.cadence.closeAfter', 'options.cadence.closeAfterHelp', RANGES.closeAfter)}
      {numberField('target', 'options.cadence.target', 'options.cadence.targetHelp', RANGES.target)}
      <div className="op-field">
        <label className="op-switch">
          <input
            type="checkbox"
            role="switch"
            checked={draft.quietMode}
            aria-describedby={`${id}-quiet-help`}
            onChange={(event) => edit({ ...draft, quietMode: event.target.checked })}
          />
          {t('options.cadence.quiet')}
        </label>
        <span className="op-help" id={`${id}-quiet-help`}>
          {t('options.cadence.quietHelp')}
        </span>
      </div>
      <SaveActions label={t('options.cadence.save')} state={state} savedTestId="cadence-saved" />
    </form>
  );
}
