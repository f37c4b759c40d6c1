import { useI18n } from '../../ui/i18n';
import { MAX_STEPS, nextStep, type CadenceDraft, type CadenceErrors, type DraftStep } from './cadence-draft';

/**
 * The attempts after the first, in order. No move buttons: the steps must ascend, so a rep
 * changes a step's value rather than its place.
 */
export function CadenceStepsField({ draft, errors, edit }: { draft: CadenceDraft; errors: CadenceErrors; edit: (next: CadenceDraft) => void }) {
  const { t } = useI18n();
  const editStep = (index: number, step: DraftStep) => edit({ ...draft, steps: draft.steps.map((s, i) => (i === index ? step : s)) });
  return (
    <fieldset className="op-field op-fieldset">
      <legend>{t('options.cadence.steps')}</legend>
      <span className="op-help">{t('options.cadence.stepsHelp')}</span>
      <ol className="op-cadence-steps">
        {draft.steps.map((step, index) => {
          const n = index + 1;
          const error = errors.steps[index];
          return (
            <li key={index} data-testid="cadence-step">
              <div className="op-row">
                <select
                  className="op-no-shrink"
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
                  className="op-input-narrow"
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
              </div>
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
          onClick={() => edit({ ...draft, steps: [...draft.steps, nextStep(draft.steps)] })}
        >
          {t('options.cadence.addStep')}
        </button>
      </div>
    </fieldset>
  );
}
