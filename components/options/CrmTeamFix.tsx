import { useState } from 'react';
import { OVERRIDE_FIELDS, type AdapterOverride } from '@/lib/adapters/overrides/schema';
import { formatDateTime } from '@/lib/i18n/format';
import type { TeamAdapterOverride } from '@/lib/sync/adapter-overrides';
import { NotOverrideManagerError } from '@/lib/sync/adapter-overrides-local';
import { TeamApiError } from '@/lib/sync/http';
import { useI18n } from '../ui/i18n';
import type { TeamFixStore } from './team-fix-store';
import { FIELD_LABEL, TeamFixEditor } from './TeamFixEditor';

type Outcome = { kind: 'published'; version: number } | { kind: 'withdrawn' } | { kind: 'error'; message: string };

/**
 * One built-in CRM's team fix on its Options row: which version is in use (or turned off) and
 * the rep's switch; for the manager, the form that publishes or withdraws it.
 */
export function CrmTeamFix({
  crm,
  name,
  fix,
  off,
  isManager,
  store,
}: {
  crm: string;
  name: string;
  fix: TeamAdapterOverride | undefined;
  off: boolean;
  isManager: boolean;
  store: TeamFixStore;
}) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const failed = (error: unknown) => {
    if (error instanceof NotOverrideManagerError) return t('teamFix.error.not_manager');
    if (error instanceof TeamApiError && error.code === 'forbidden_role') return t('teamFix.error.forbidden_role');
    return t('teamFix.error.failed', { reason: error instanceof Error ? error.message : String(error) });
  };
  const run = (work: () => Promise<Outcome>) => {
    setBusy(true);
    setOutcome(null);
    work()
      .then((done) => {
        setOutcome(done);
        setEditing(false);
      })
      .catch((error: unknown) => setOutcome({ kind: 'error', message: failed(error) }))
      .finally(() => setBusy(false));
  };
  const publish = (override: AdapterOverride) => run(async () => ({ kind: 'published', version: (await store.publish(override)).version }));
  const withdraw = () =>
    run(async () => {
      await store.withdraw(crm);
      return { kind: 'withdrawn' };
    });

  if (!fix && !isManager) return null;
  const params = fix ? { version: fix.version, manager: fix.updatedBy || '?', date: formatDateTime(fix.updatedAt, lang) } : null;
  const fields = fix ? OVERRIDE_FIELDS.filter((field) => fix.override.fields[field]).map((field) => t(FIELD_LABEL[field]).toLowerCase()) : [];
  return (
    <section className="op-team-fix" data-testid="crm-team-fix" data-crm={crm} data-state={fix ? (off ? 'off' : 'on') : 'none'}>
      {fix && params ? (
        <p className="op-help">
          <span data-testid="team-fix-status">{t(off ? 'teamFix.off' : 'teamFix.inUse', params)}</span>{' '}
          {off ? null : t('teamFix.fields', { fields: fields.join(', ') })}
          {fix.override.note ? ` “${fix.override.note}”` : null}{' '}
          <button type="button" className="op-secondary" onClick={() => void store.setOff(crm, fix.version, !off).catch(() => undefined)}>
            {t(off ? 'teamFix.turnOn' : 'teamFix.turnOff')}
          </button>
        </p>
      ) : null}
      {isManager && !editing ? (
        <button type="button" className="op-secondary" onClick={() => setEditing(true)}>
          {t(fix ? 'teamFix.editExisting' : 'teamFix.edit')}
        </button>
      ) : null}
      {isManager && editing ? (
        <TeamFixEditor crm={crm} name={name} current={fix} busy={busy} onPublish={publish} onWithdraw={withdraw} onCancel={() => setEditing(false)} />
      ) : null}
      {outcome ? (
        <p className={outcome.kind === 'error' ? 'op-field-error' : 'op-help'} role={outcome.kind === 'error' ? 'alert' : 'status'}>
          {outcome.kind === 'published'
            ? t('teamFix.published', { version: outcome.version })
            : outcome.kind === 'withdrawn'
              ? t('teamFix.withdrawn')
              : outcome.message}
        </p>
      ) : null}
    </section>
  );
}
