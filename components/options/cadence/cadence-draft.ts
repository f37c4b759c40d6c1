import { cadenceSettingsSchema, type CadenceSettings, type CadenceStep } from '@/lib/domain/cadence';
import type { Translate } from '@/lib/i18n';
import { settingsSchema, type Settings } from '@/lib/settings';
import { z } from 'zod/mini';
import type { Validation } from '../use-draft';
import '@/lib/i18n/messages/options';

const MINUTE = 60_000;
const WEEK_MINUTES = 7 * 24 * 60;

// Limits shown in messages; the schemas stay the authority and re-check on save.
export const RANGES = {
  sla: { min: 0, max: WEEK_MINUTES },
  stretch: { min: 0, max: WEEK_MINUTES },
  after: { min: 0, max: WEEK_MINUTES },
  day: { min: 1, max: 60 },
  closeAfter: { min: 1, max: 30 },
  target: { min: 0, max: 500 },
} as const;
export type Range = (typeof RANGES)[keyof typeof RANGES];

export const MAX_STEPS = 30;

export type DraftStep = { kind: CadenceStep['kind']; value: string };

/** Numbers as typed: a half-typed field must not be coerced until the rep saves. */
export interface CadenceDraft {
  sla: string;
  stretch: string;
  steps: DraftStep[];
  closeAfter: string;
  target: string;
  quietMode: boolean;
  /** The stored cadence, so fields this form does not show survive a save. */
  base: CadenceSettings;
}

export type Field = 'sla' | 'stretch' | 'closeAfter' | 'target' | 'steps';
export interface CadenceErrors {
  fields: Partial<Record<Field, string>>;
  steps: Record<number, string>;
}
export const NO_ERRORS: CadenceErrors = { fields: {}, steps: {} };

export type CadenceValue = Pick<Settings, 'cadence' | 'monthlyTarget' | 'quietMode'>;

const minutes = (ms: number): string => String(Math.round((ms / MINUTE) * 100) / 100);

export function toDraft(settings: Settings): CadenceDraft {
  const c = settings.cadence;
  return {
    sla: minutes(c.firstAttemptSlaMs),
    stretch: minutes(c.stretchFirstAttemptSlaMs),
    steps: c.steps.map((s) => (s.kind === 'after' ? { kind: 'after', value: minutes(s.ms) } : { kind: 'day', value: String(s.day) })),
    closeAfter: String(c.closeAfterAttempts),
    target: String(settings.monthlyTarget),
    quietMode: settings.quietMode,
    base: c,
  };
}

/** A whole number inside the range, or null. */
export function wholeNumber(text: string, range: Range): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= range.min && n <= range.max ? n : null;
}

/** The step a rep adds: the business day after the last one. */
export function nextStep(steps: readonly DraftStep[]): DraftStep {
  const last = steps.at(-1);
  const day = last?.kind === 'day' ? (wholeNumber(last.value, RANGES.day) ?? 1) + 1 : 2;
  return { kind: 'day', value: String(Math.min(day, RANGES.day.max)) };
}

export const numberMessage = (t: Translate, range: Range) => t('options.cadence.error.number', { min: range.min, max: range.max });

/** The cadence and profile fields from the draft, or the messages explaining why not. */
export function validateCadence(t: Translate, draft: CadenceDraft): Validation<CadenceValue, CadenceErrors> {
  const found: CadenceErrors = { fields: {}, steps: {} };
  const sla = wholeNumber(draft.sla, RANGES.sla);
  const stretch = wholeNumber(draft.stretch, RANGES.stretch);
  const closeAfter = wholeNumber(draft.closeAfter, RANGES.closeAfter);
  const target = wholeNumber(draft.target, RANGES.target);
  if (sla === null) found.fields.sla = numberMessage(t, RANGES.sla);
  if (stretch === null) found.fields.stretch = numberMessage(t, RANGES.stretch);
  if (closeAfter === null) found.fields.closeAfter = numberMessage(t, RANGES.closeAfter);
  if (target === null) found.fields.target = numberMessage(t, RANGES.target);
  if (draft.steps.length === 0) found.fields.steps = t('options.cadence.error.noSteps');
  if (draft.steps.length > MAX_STEPS) found.fields.steps = t('options.cadence.error.tooManySteps', { max: MAX_STEPS });
  const steps: CadenceStep[] = [];
  draft.steps.forEach((step, index) => {
    const range = step.kind === 'after' ? RANGES.after : RANGES.day;
    const n = wholeNumber(step.value, range);
    if (n === null) found.steps[index] = numberMessage(t, range);
    else steps.push(step.kind === 'after' ? { kind: 'after', ms: n * MINUTE } : { kind: 'day', day: n });
  });
  if (Object.keys(found.fields).length > 0 || Object.keys(found.steps).length > 0) return { ok: false, errors: found };

  const cadence: CadenceSettings = {
    ...draft.base,
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
              : numberMessage(t, draft.steps[second]?.kind === 'day' ? RANGES.day : RANGES.after);
      } else if (first === 'stretchFirstAttemptSlaMs') {
        found.fields.stretch ??= t('options.cadence.error.stretch_after_sla');
      } else if (first === 'steps') {
        found.fields.steps ??= t('options.cadence.error.noSteps');
      } else if (first === 'closeAfterAttempts') {
        found.fields.closeAfter ??= numberMessage(t, RANGES.closeAfter);
      } else {
        found.fields.sla ??= numberMessage(t, RANGES.sla);
      }
    }
    return { ok: false, errors: found };
  }
  const profile = z.pick(settingsSchema, { monthlyTarget: true, quietMode: true }).safeParse({ monthlyTarget: target, quietMode: draft.quietMode });
  if (!profile.success) return { ok: false, errors: { fields: { target: numberMessage(t, RANGES.target) }, steps: {} } };
  return { ok: true, value: { cadence: parsed.data, ...profile.data } };
}
