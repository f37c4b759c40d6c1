import { useCallback, useEffect, useState } from 'react';
import type { CrmAdapter } from '@/lib/adapters/types';
import { useI18n } from '../ui/i18n';

/** The slice of `browser.permissions` this page needs; injectable because fakeBrowser lacks it. */
export interface PermissionsApi {
  contains: (request: { origins: string[] }) => Promise<boolean>;
  request: (request: { origins: string[] }) => Promise<boolean>;
  remove: (request: { origins: string[] }) => Promise<boolean>;
}

type Access = 'checking' | 'granted' | 'missing';
type Problem = { kind: 'denied' } | { kind: 'error'; reason: string };

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function CrmRow({ adapter, permissions }: { adapter: Pick<CrmAdapter, 'id' | 'name' | 'matches'>; permissions: PermissionsApi }) {
  const { t } = useI18n();
  const [access, setAccess] = useState<Access>('checking');
  const [problem, setProblem] = useState<Problem | null>(null);

  const check = useCallback(
    async (): Promise<Access> => ((await permissions.contains({ origins: adapter.matches })) ? 'granted' : 'missing'),
    [adapter.matches, permissions],
  );

  const failed = (error: unknown) => setProblem({ kind: 'error', reason: reasonOf(error) });

  useEffect(() => {
    let alive = true;
    check()
      .then((next) => alive && setAccess(next))
      .catch((error: unknown) => {
        if (!alive) return;
        setAccess('missing');
        setProblem({ kind: 'error', reason: reasonOf(error) });
      });
    return () => {
      alive = false;
    };
  }, [check]);

  const enable = () => {
    setProblem(null);
    // Called synchronously in the click handler: browsers only show the prompt during a user gesture.
    permissions
      .request({ origins: adapter.matches })
      .then(async (granted) => {
        if (!granted) setProblem({ kind: 'denied' });
        setAccess(await check());
      })
      .catch(failed);
  };

  const disable = () => {
    setProblem(null);
    permissions
      .remove({ origins: adapter.matches })
      .then(async () => setAccess(await check()))
      .catch(failed);
  };

  return (
    <li className="op-crm" data-testid="crm-row" data-crm={adapter.id} data-access={access}>
      <div className="op-crm-main">
        <strong>{adapter.name}</strong>
        <span className="op-help">{t('options.crm.origins', { origins: adapter.matches.join(', ') })}</span>
      </div>
      <span className={access === 'granted' ? 'op-pill op-pill-on' : 'op-pill'} data-testid="crm-access">
        {access === 'checking'
          ? t('options.crm.checking')
          : access === 'granted'
            ? t('options.crm.enabled')
            : t('options.crm.disabled')}
      </span>
      {access === 'granted' ? (
        <button type="button" className="op-secondary" onClick={disable}>
          {t('options.crm.disable')}
        </button>
      ) : (
        <button type="button" className="op-primary" disabled={access === 'checking'} onClick={enable}>
          {t('options.crm.enable')}
        </button>
      )}
      {problem ? (
        <p className="op-field-error op-crm-problem" role="alert">
          {problem.kind === 'denied'
            ? t('options.crm.denied', { name: adapter.name })
            : t('options.crm.error', { name: adapter.name, reason: problem.reason })}
        </p>
      ) : null}
    </li>
  );
}

export function CrmPermissions({
  adapters,
  permissions,
}: {
  adapters: readonly Pick<CrmAdapter, 'id' | 'name' | 'matches'>[];
  permissions: PermissionsApi;
}) {
  const { t } = useI18n();
  return (
    <section className="op-card" aria-labelledby="op-crms-title">
      <h2 id="op-crms-title">{t('options.crms')}</h2>
      <p className="op-help">{t('options.crmsIntro')}</p>
      <ul className="op-crms">
        {adapters.map((adapter) => (
          <CrmRow key={adapter.id} adapter={adapter} permissions={permissions} />
        ))}
      </ul>
    </section>
  );
}
