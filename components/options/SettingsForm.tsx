import { useEffect, useId, useState, type FormEvent } from 'react';
import type { MessageKey } from '@/lib/i18n';
import {
  DEFAULT_SETTINGS,
  languageSettingSchema,
  readSettings,
  saveSettings,
  settingsSchema,
  type LanguageSetting,
  type Settings,
} from '@/lib/settings';
import { useI18n } from '../ui/i18n';
import { SaveActions, type SaveState } from './SaveActions';

/** The fields this form edits; business hours and cadence have their own sections. */
type Field = 'repName' | 'dealerName' | 'language';
type FieldErrors = Partial<Record<Field, string>>;

const LABELS: Record<Field, MessageKey> = {
  repName: 'options.repName',
  dealerName: 'options.dealerName',
  language: 'options.language',
};

const LANGUAGE_LABELS: Record<LanguageSetting, MessageKey> = {
  auto: 'options.language.auto',
  nl: 'options.language.nl',
  en: 'options.language.en',
};

const isField = (key: unknown): key is Field => key === 'repName' || key === 'dealerName' || key === 'language';

export interface SettingsStore {
  read: () => Promise<Settings>;
  save: (next: Settings) => Promise<Settings>;
}

const storageSettings: SettingsStore = { read: readSettings, save: saveSettings };

export function SettingsForm({ store = storageSettings, focusField = null }: { store?: SettingsStore; focusField?: string | null }) {
  const { t } = useI18n();
  const id = useId();
  const [form, setForm] = useState<Settings | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  useEffect(() => {
    let alive = true;
    store
      .read()
      .then((settings) => alive && setForm(settings))
      // Unreadable storage still leaves an editable form; saving will report the real error.
      .catch(() => alive && setForm(DEFAULT_SETTINGS));
    return () => {
      alive = false;
    };
  }, [store]);

  if (!form) return <p className="op-muted">{t('options.loading')}</p>;

  const edit = <F extends Field>(field: F, value: Settings[F]) => {
    setForm({ ...form, [field]: value });
    setErrors((previous) => ({ ...previous, [field]: undefined }));
    setState({ kind: 'idle' });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = settingsSchema.safeParse(form);
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (!isField(field) || next[field]) continue;
        const label = t(LABELS[field]);
        next[field] =
          issue.code === 'too_big'
            ? t('options.tooLong', { field: label, max: Number(issue.maximum), count: String(form[field]).trim().length })
            : t('options.invalidValue', { field: label });
      }
      setErrors(next);
      setState({ kind: 'invalid' });
      return;
    }
    setErrors({});
    store
      .save(parsed.data)
      .then((saved) => {
        setForm(saved);
        setState({ kind: 'saved' });
      })
      .catch((error: unknown) =>
        setState({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) }),
      );
  };

  const textField = (field: 'repName' | 'dealerName', help: MessageKey) => {
    const inputId = `${id}-${field}`;
    const error = errors[field];
    return (
      <div className="op-field">
        <label htmlFor={inputId}>{t(LABELS[field])}</label>
        <input
          id={inputId}
          name={field}
          type="text"
          autoComplete="off"
          value={form[field]}
          // Arrived from a blank in a call script: the field that fills it is ready to type in.
          autoFocus={focusField === field}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${inputId}-help${error ? ` ${inputId}-error` : ''}`}
          onChange={(event) => edit(field, event.target.value)}
        />
        <span className="op-help" id={`${inputId}-help`}>
          {t(help)}
        </span>
        {error ? (
          <span className="op-field-error" id={`${inputId}-error`} data-testid={`error-${field}`}>
            {error}
          </span>
        ) : null}
      </div>
    );
  };

  const languageId = `${id}-language`;
  return (
    <form className="op-card" onSubmit={submit} noValidate>
      <h2>{t('options.profile')}</h2>
      {textField('repName', 'options.repNameHelp')}
      {textField('dealerName', 'options.dealerNameHelp')}
      <div className="op-field">
        <label htmlFor={languageId}>{t('options.language')}</label>
        <select
          id={languageId}
          name="language"
          value={form.language}
          onChange={(event) => {
            const parsed = languageSettingSchema.safeParse(event.target.value);
            if (parsed.success) edit('language', parsed.data);
          }}
        >
          {languageSettingSchema.options.map((value) => (
            <option key={value} value={value}>
              {t(LANGUAGE_LABELS[value])}
            </option>
          ))}
        </select>
        {errors.language ? <span className="op-field-error">{errors.language}</span> : null}
      </div>
      <SaveActions label={t('common.save')} state={state} savedTestId="saved" />
    </form>
  );
}
