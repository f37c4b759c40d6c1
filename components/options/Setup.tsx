import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { settingsSchema, type Settings } from '@/lib/settings';
import { useI18n } from '../ui/i18n';
import type { SettingsStore } from './SettingsForm';
import '@/lib/i18n/messages/options';
import '@/lib/i18n/messages/setup';

type Step = 1 | 2 | 3;

/**
 * The first run: who is calling (the scripts need it), which CRM to run on, and optionally
 * the team. Each step can be left; "Skip" and "Done" both lead to the normal settings.
 */
export function Setup({ store, crm, team, onFinish }: { store: SettingsStore; crm: ReactNode; team: ReactNode; onFinish: () => void }) {
  const { t } = useI18n();
  const [step, setStep] = useState<Step>(1);
  const titles = { 1: t('setup.step1'), 2: t('setup.step2'), 3: t('setup.step3') } as const;
  return (
    <section className="op-card op-setup" aria-labelledby="op-setup-title" data-testid="setup" data-step={step}>
      <h2 id="op-setup-title">{t('setup.title')}</h2>
      <p className="op-help" data-testid="setup-progress">
        {t('setup.progress', { n: step })}
      </p>
      <h3 className="op-setup-step">{titles[step]}</h3>
      {step === 1 ? <ProfileStep store={store} onNext={() => setStep(2)} /> : null}
      {step === 2 ? (
        <>
          <p className="op-help">{t('setup.step2Help')}</p>
          {crm}
        </>
      ) : null}
      {step === 3 ? (
        <>
          <p className="op-help">{t('setup.step3Help')}</p>
          {team}
        </>
      ) : null}
      <div className="op-actions op-actions-wrap">
        {step > 1 ? (
          <button type="button" className="op-secondary" data-testid="setup-back" onClick={() => setStep(step === 3 ? 2 : 1)}>
            {t('setup.back')}
          </button>
        ) : null}
        {step === 2 ? (
          <button type="button" className="op-primary" data-testid="setup-next" onClick={() => setStep(3)}>
            {t('setup.next')}
          </button>
        ) : null}
        {step === 3 ? (
          <>
            <button type="button" className="op-primary" data-testid="setup-done" onClick={onFinish}>
              {t('setup.done')}
            </button>
            <button type="button" className="op-secondary" data-testid="setup-skip-team" onClick={onFinish}>
              {t('setup.skipTeam')}
            </button>
          </>
        ) : (
          <button type="button" className="op-secondary" data-testid="setup-skip" onClick={onFinish}>
            {t('setup.skip')}
          </button>
        )}
      </div>
    </section>
  );
}

function ProfileStep({ store, onNext }: { store: SettingsStore; onNext: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [form, setForm] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    void store
      .read()
      .then((settings) => alive && setForm(settings))
      .catch(() => alive && setError(t('options.saveFailed', { reason: '' })));
    return () => {
      alive = false;
    };
  }, [store, t]);
  if (!form) return error ? <p className="op-field-error" role="alert">{error}</p> : <p className="op-muted">{t('options.loading')}</p>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = settingsSchema.safeParse(form);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0] === 'dealerName' ? 'options.dealerName' : 'options.repName';
      setError(t('options.invalidValue', { field: t(field) }));
      return;
    }
    store
      .save(parsed.data)
      .then(onNext)
      .catch((e: unknown) => setError(t('options.saveFailed', { reason: e instanceof Error ? e.message : String(e) })));
  };
  const field = (name: 'repName' | 'dealerName', label: 'options.repName' | 'options.dealerName') => (
    <div className="op-field">
      <label htmlFor={`${id}-${name}`}>{t(label)}</label>
      <input
        id={`${id}-${name}`}
        name={name}
        type="text"
        autoComplete="off"
        maxLength={200}
        value={form[name]}
        onChange={(e) => {
          setForm({ ...form, [name]: e.target.value });
          setError(null);
        }}
      />
    </div>
  );
  return (
    <form onSubmit={submit} noValidate className="op-stack" data-testid="setup-profile">
      <p className="op-help">{t('setup.step1Help', { name: form.repName || '…', dealer: form.dealerName || '…' })}</p>
      {field('repName', 'options.repName')}
      {field('dealerName', 'options.dealerName')}
      {error ? (
        <p className="op-field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="op-actions">
        <button type="submit" className="op-primary" data-testid="setup-next">
          {t('setup.next')}
        </button>
      </div>
    </form>
  );
}
