import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { cadenceSettingsSchema, DEFAULT_CADENCE_SETTINGS, type CadenceSettings, type CadenceStep } from '@/lib/domain/cadence';
import type { MessageKey } from '@/lib/i18n';
import { DEFAULT_SETTINGS, readSettings, saveSettings, settingsSchema, type Settings } from '@/lib/settings';
import { useI18n } from '../ui/i18n';
import { SaveActions, type SaveState } from './SaveActions';
import type { SettingsStore } from './SettingsForm';

const storageSettings: SettingsStore = { read: readSettings, save: saveSettings };

const MINUTE = 60_000;
const WEEK_MINUTES = 7 * 24 * 60;

// Limits shown in messages; the schemas stay the authority and re-check on save.
const RANGES = {
  sla: { min: 0, max: WEEK_MINUTES },
  stretch: { min: 0, max: WEEK_MINUTES },
  after: { min: 0, max: WEEK_MINUTES },
  day: { min: 1, max: 60 },
  closeAfter: { min: 1, max: 30 },
  target: { min: 0, max: 500 },
} as const;
type Range = (typeof RANGES)[keyof typeof RANGES];

const MAX_STEPS = 30;

/** Numbers as typed: a half-typed field must not be coerced until the rep saves. */
interface Draft {
  sla: string;
  stretch: string;
  steps: { kind: CadenceStep['kind']; value: string }[];
  closeAfter: string;
  target: string;
  quietMode: boolean;
}

type Field = 'sla' | 'stretch' | 'closeAfter' | 'target' | 'steps';
interface Errors {
  fields: Partial<Record<Field, string>>;
  steps: Record<number, string>;
}
const NO_ERRORS: Errors = { fields: {}, steps: {} };

const minutes = (ms: number): string => String(Math.round((ms / MINUTE) * 100) / 100);

function toDraft(settings: Settings): Draft {
  const c = settings.cadence;
  return {
    sla: minutes(c.firstAttemptSlaMs),
    stretch: minutes(c.stretchFirstAttemptSlaMs),
    steps: c.steps.map((s) => (s.kind === 'after' ? { kind: 'after', value: minutes(s.ms) } : { kind: 'day', value: String(s.day) })),
    closeAfter: String(c.closeAfterAttempts),
    target: String(settings.monthlyTarget),
    quietMode: settings.quietMode,
  };
}

/** A whole number inside the range, or null. */
function wholeNumber(text: string, range: Range): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= range.min && n <= range.max ? n : null;
}


/**
 * Cadence (SLA, steps, closed-too-early threshold), the personal monthly target and quiet mode.
 * Writes only those fields: the rest of Settings is re-read at save time.
 */
export function CadenceForm({ store = storageSettings }: { store?: SettingsStore }) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [base, setBase] = useState<CadenceSettings>(DEFAULT_CADENCE_SETTINGS);
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  useEffect(() => {
    let alive = true;
    store
      .read()
      .then((settings) => {
        if (!alive) return;
        setBase(settings.cadence);
        setDraft(toDraft(settings));
      })
      // Unreadable storage still leaves an editable form; saving will report the real error.
      .catch(() => alive && setDraft(toDraft(DEFAULT_SETTINGS)));
    return () => {
      alive = false;
    };
  }, [store]);

  if (!draft) return <p className="op-muted">{t('options.loading')}</p>;

  const edit = (next: Draft) => {
    setDraft(next);
    setErrors(NO_ERRORS);
    setState({ kind: 'idle' });
  };
  const editStep = (index: number, step: Draft['steps'][number]) =>
    edit({ ...draft, steps: draft.steps.map((s, i) => (i === index ? step : s)) });

  const numberMessage = (range: Range) => t('options.cadence.error.number', { min: range.min, max: range.max });

  /** The cadence and profile fields from the draft, or the messages explaining why not. */
  const validate = (): { ok: true; value: Pick<Settings, 'cadence' | 'monthlyTarget' | 'quietMode'> } | { ok: false; errors: Errors } => {
    const found: Errors = { fields: {}, steps: {} };
    const sla = wholeNumber(draft.sla, RANGES.sla);
    const stretch = wholeNumber(draft.stretch, RANGES.stretch);
    const closeAfter = wholeNumber(draft.closeAfter, RANGES.closeAfter);
    const target = wholeNumber(draft.target, RANGES.target);
    if (sla === null) found.fields.sla = numberMessage(RANGES.sla);
    if (stretch === null) found.fields.stretch = numberMessage(RANGES.stretch);
    if (closeAfter === null) found.fields.closeAfter = numberMessage(RANGES.closeAfter);
    if (target === null) found.fields.target = numberMessage(RANGES.target);
    if (draft.steps.length === 0) found.fields.steps = t('options.cadence.error.noSteps');
    if (draft.steps.length > MAX_STEPS) found.fields.steps = t('options.cadence.error.tooManySteps', { max: MAX_STEPS });
    const steps: CadenceStep[] = [];
    draft.steps.forEach((step, index) => {
      const range = step.kind === 'after' ? RANGES.after : RANGES.day;
      const n = wholeNumber(step.value, range);
      if (n === null) found.steps[index] = numberMessage(range);
      else steps.push(step.kind === 'after' ? { kind: 'after', ms: n * MINUTE } : { kind: 'day', day: n });
    });
    if (Object.keys(found.fields).length > 0 || Object.keys(found.steps).length > 0) return { ok: false, errors: found };

    const cadence: CadenceSettings = {
      ...base,
      firstAttemptSlaMs: (sla ?? 0) * MINUTE,
      stretchFirstAttemptSlaMs: (stretch ?? 0) * MINUTE,
      steps,
      closeAfterAttempts: closeAfter ?? 0,
    };
    const parsed = cadenceSettingsSchema.safeParse(cadence);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [first, second] = issue.path;
        if (first === 'steps' && typeof second === 'number') {
          const n = second + 1;
          found.steps[second] ??=
            issue.message === 'steps_not_ascending'
              ? t('options.cadence.error.steps_not_ascending', { n })
              : issue.message === 'after_step_following_day_step'
                ? t('options.cadence.error.after_step_following_day_step', { n })
                : numberMessage(draft.steps[second]?.kind === 'day' ? RANGES.day : RANGES.after);
        } else if (first === 'stretchFirstAttemptSlaMs') {
          found.fields.stretch ??= t('options.cadence.error.stretch_after_sla');
        } else if (first === 'steps') {
          found.fields.steps ??= t('options.cadence.error.noSteps');
        } else if (first === 'closeAfterAttempts') {
          found.fields.closeAfter ??= numberMessage(RANGES.closeAfter);
        } else {
          found.fields.sla ??= numberMessage(RANGES.sla);
        }
      }
      return { ok: false, errors: found };
    }
    const profile = settingsSchema.pick({ monthlyTarget: true, quietMode: true }).safeParse({ monthlyTarget: target, quietMode: draft.quietMode });
    if (!profile.success) return { ok: false, errors: { fields: { target: numberMessage(RANGES.target) }, steps: {} } };
    return { ok: true, value: { cadence: parsed.data, ...profile.data } };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate();
    if (!result.ok) {
      setErrors(result.errors);
      setState({ kind: 'invalid' });
      return;
    }
    store
      .read()
      .then((current) => store.save({ ...current, ...result.value }))
      .then((saved) => {
        setBase(saved.cadence);
        setDraft(toDraft(saved));
        setState({ kind: 'saved' });
      })
      .catch((error: unknown) => setState({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) }));
  };

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

  const row = (children: ReactNode) => <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>{children}</div>;

  return (
    <form className="op-card" onSubmit={submit} noValidate data-testid="cadence-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('options.cadence.title')}</h2>
      <p className="op-help">{t('options.cadence.intro')}</p>
      {numberField('sla', 'options.cadence.sla', 'options.cadence.slaHelp', RANGES.sla)}
      {numberField('stretch', 'options.cadence.stretch', 'options.cadence.stretchHelp', RANGES.stretch)}
      <fieldset className="op-field" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600, padding: 0 }}>{t('options.cadence.steps')}</legend>
        <span className="op-help">{t('options.cadence.stepsHelp')}</span>
        <ol style={{ margin: 0, paddingLeft: 22, display: 'grid', gap: 6 }}>
          {draft.steps.map((step, index) => {
            const n = index + 1;
            const error = errors.steps[index];
            return (
              <li key={index} data-testid="cadence-step">
                {row(
                  <>
                    <select
                      style={{ flexShrink: 0 }}
                      aria-label={t('options.cadence.stepKind', { n })}
                      value={step.kind}
                      onChange={(event) => editStep(index, { kind: event.target.value === 'day' ? 'day' : 'after', value: step.value })}
                    >
                      <option value="after">{t('options.cadence.kind.after')}</option>
                      <option value="day">{t('options.cadence.kind.day')}</option>
                    </select>
                    <input
                      type="number"
                      inputMode="numeric"
                      style={{ width: 90 }}
                      aria-label={t('options.cadence.stepValue', { n })}
                      value={step.value}
                      aria-invalid={error ? true : undefined}
                      onChange={(event) => editStep(index, { ...step, value: event.target.value })}
                    />
                    <button
                      type="button"
                      className="op-secondary"
                      aria-label={t('options.cadence.removeStep', { n })}
                      onClick={() => edit({ ...draft, steps: draft.steps.filter((_, i) => i !== index) })}
                    >
                      ×
                    </button>
                  </>,
                )}
                {error ? (
                  <span className="op-field-error" data-testid={`cadence-error-step-${n}`}>
                    {error}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ol>
        {errors.fields.steps ? (
          <span className="op-field-error" data-testid="cadence-error-steps">
            {errors.fields.steps}
          </span>
        ) : null}
        <div>
          <button
            type="button"
            className="op-secondary"
            disabled={draft.steps.length >= MAX_STEPS}
            onClick={() => {
              // A new attempt goes after the last one: the next business day.
              const last = draft.steps.at(-1);
              const day = last?.kind === 'day' ? (wholeNumber(last.value, RANGES.day) ?? 1) + 1 : 2;
              const next = { kind: 'day' as const, value: String(Math.min(day, RANGES.day.max)) };
              edit({ ...draft, steps: [...draft.steps, next] });
            }}
          >
            {t('options.cadence.addStep')}
          </button>
        </div>
      </fieldset>
      {numberField('closeAfter', 'options.cadence.closeAfter', 'options.cadence.closeAfterHelp', RANGES.closeAfter)}
      {numberField('target', 'options.cadence.target', 'options.cadence.targetHelp', RANGES.target)}
      <div className="op-field">
        <label style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
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
