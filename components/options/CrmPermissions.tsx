import { isManagerRole } from '@/lib/sync/roles';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CrmAdapter } from '@/lib/adapters/types';
import { healthShare, HEALTH_WINDOW, type CrmHealth } from '@/lib/domain/adapter-health';
import { crmHostNames } from '@/lib/domain/crm-hosts';
import { formatDuration } from '@/lib/i18n/format';
import { useI18n } from '../ui/i18n';
import { GoLiveField, storageGoLive, type GoLiveStore } from './GoLiveField';
import { useTeamConnection } from '../ui/use-team-connection';
import { CrmTeamFix } from './CrmTeamFix';
import { browserTeamFixes, useTeamFixes, type TeamFixes, type TeamFixStore } from './team-fix-store';
import { USER_ADAPTER_PREFIX } from '@/lib/adapters/user/schema';
import { takesThePlaceOf } from '@/lib/adapters/user/team-merge';
import { userRoute } from '@/lib/adapters/user/to-adapter';
import type { TeamUserAdapter } from '@/lib/sync/adapter-overrides';
import { browserTeamUserAdapters, useTeamUserAdapters, type TeamUserAdapterStore } from './team-user-adapter-store';
import { TeamUserAdapterLine } from './TeamUserAdapterLine';
import '@/lib/i18n/messages/options';
import '@/lib/i18n/messages/picker';

/** The slice of `browser.permissions` this page needs; injectable because fakeBrowser lacks it. */
export interface PermissionsApi {
  contains: (request: { origins: string[] }) => Promise<boolean>;
  request: (request: { origins: string[] }) => Promise<boolean>;
  remove: (request: { origins: string[] }) => Promise<boolean>;
}

type Access = 'checking' | 'granted' | 'missing';
type Problem = { kind: 'denied' } | { kind: 'error'; reason: string };

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Below this share of fields read, the row says the CRM's pages may have changed. */
const HEALTH_WARNING = 0.7;

function HealthLine({ health, now }: { health: CrmHealth | undefined; now: number }) {
  const { t, lang } = useI18n();
  const share = healthShare(health);
  const last = health?.lastLead;
  return (
    <span className="op-help" data-testid="crm-health" data-share={share === null ? '' : share.toFixed(2)}>
      {last
        ? t('options.crm.lastLead', { ago: formatDuration(Math.max(0, now - last.at), lang), id: last.leadId })
        : t('options.crm.noLeadYet')}
      {share !== null ? (
        <>
          {' · '}
          <span className={share < HEALTH_WARNING ? 'op-health-low' : undefined}>
            {t('options.crm.health', { percent: Math.round(share * 100), pages: health?.pages.length ?? 0, window: HEALTH_WINDOW })}
          </span>
          {share < HEALTH_WARNING ? ` ${t('options.crm.healthLow')}` : null}
        </>
      ) : null}
    </span>
  );
}

function CrmRow({
  adapter,
  permissions,
  health,
  now,
  goLive,
  teamFix,
  teamAdapter,
}: {
  adapter: Pick<CrmAdapter, 'id' | 'name' | 'matches'>;
  permissions: PermissionsApi;
  health: CrmHealth | undefined;
  now: number;
  goLive: GoLiveStore;
  /** The team's fix of this built-in CRM; absent for the dealer's own adapters. */
  teamFix?: { fixes: TeamFixes; store: TeamFixStore; isManager: boolean };
  /** A user adapter the team's manager published: enabled and disabled here like an own one. */
  teamAdapter?: TeamUserAdapter;
}) {
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
    <li className="op-crm" data-testid="crm-row" data-crm={adapter.id} data-access={access} data-from={teamAdapter ? 'team' : undefined}>
      <div className="op-crm-main">
        <strong>{adapter.name}</strong>
        <span className="op-help" title={adapter.matches.join('\n')} data-testid="crm-hosts">
          {t(access === 'granted' ? 'options.crm.grantedOrigins' : 'options.crm.origins', { origins: crmHostNames(adapter.matches).join(', ') })}
        </span>
        {teamAdapter ? <TeamUserAdapterLine entry={teamAdapter} allowed={access === 'checking' ? null : access === 'granted'} /> : null}
        <HealthLine health={health} now={now} />
        {access === 'granted' ? <GoLiveField crm={adapter.id} store={goLive} /> : null}
        {teamFix ? (
          <CrmTeamFix
            crm={adapter.id}
            name={adapter.name}
            fix={teamFix.fixes.byCrm.get(adapter.id)}
            off={teamFix.fixes.off[adapter.id] === teamFix.fixes.byCrm.get(adapter.id)?.version}
            isManager={teamFix.isManager}
            store={teamFix.store}
          />
        ) : null}
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
  health = {},
  now: fixedNow,
  goLive = storageGoLive,
  teamFixes = browserTeamFixes,
  teamUserAdapters = browserTeamUserAdapters,
  children,
}: {
  adapters: readonly Pick<CrmAdapter, 'id' | 'name' | 'matches'>[];
  permissions: PermissionsApi;
  health?: Readonly<Record<string, CrmHealth>>;
  now?: number;
  /** Where each CRM's go-live is kept (the backlog boundary). */
  goLive?: GoLiveStore;
  /** The team's fixes of built-in CRMs (synced from the team server). */
  teamFixes?: TeamFixStore;
  /** User adapters the team's manager published (synced from the team server). */
  teamUserAdapters?: TeamUserAdapterStore;
  /** The dealer's own adapters: import, export, remove. */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  // "Last lead seen … ago" is relative to when the page opened; a fixed now makes tests exact.
  const [openedAt] = useState(() => Date.now());
  const now = fixedNow ?? openedAt;
  const fixes = useTeamFixes(teamFixes);
  const isManager = isManagerRole(useTeamConnection()?.role);
  // The dealer's own adapter for the same site (or id) is used instead, and listed above.
  const teamList = useTeamUserAdapters(teamUserAdapters);
  const published = useMemo(
    () =>
      teamList.filter((entry) => !adapters.some((adapter) => takesThePlaceOf(entry, adapter))).map((entry) => ({ entry, route: userRoute(entry.adapter) })),
    [teamList, adapters],
  );
  return (
    <section className="op-card" aria-labelledby="op-crms-title">
      <h2 id="op-crms-title">{t('options.crms')}</h2>
      <p className="op-help">{t('options.crmsIntro')}</p>
      <ul className="op-crms">
        {adapters.map((adapter) => (
          <CrmRow
            key={adapter.id}
            adapter={adapter}
            permissions={permissions}
            health={health[adapter.id]}
            now={now}
            goLive={goLive}
            teamFix={adapter.id.startsWith(USER_ADAPTER_PREFIX) ? undefined : { fixes, store: teamFixes, isManager }}
          />
        ))}
        {published.map(({ entry, route }) => (
          <CrmRow
            key={`team-${entry.id}`}
            adapter={route}
            permissions={permissions}
            health={health[entry.id]}
            now={now}
            goLive={goLive}
            teamAdapter={entry}
          />
        ))}
      </ul>
      {children}
    </section>
  );
}
