import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { readCrmHealth } from '@/lib/storage/adapter-health-item';
import { ADAPTERS } from '@/lib/crms/registry';
import type { UserAdapter } from '@/lib/adapters/user/schema';
import { loadOwnUserAdapters, removeUserAdapter, saveUserAdapters } from '@/lib/storage/user-adapters-item';
import { userAdapter } from '@/lib/adapters/user/to-adapter';
import type { CrmHealth } from '@/lib/domain/adapter-health';
import type { CrmAdapter } from '@/lib/adapters/types';
import { readSettings, saveSettings, type Settings } from '@/lib/settings';
import type { TeamSettingsHistory } from '@/lib/sync/team-settings';
import { readTeamSettingsHistory, saveAsTeamManager } from '@/lib/sync/team-settings-local';
import { useI18n } from '../ui/i18n';
import { useTeamConnection } from '../ui/use-team-connection';
import { BusinessHoursForm } from './BusinessHoursForm';
import { CadenceForm } from './CadenceForm';
import { ConversionFloorForm } from './ConversionFloorForm';
import { QuietModeForm } from './QuietModeForm';
import { TeamManagedNotice } from './TeamManagedNotice';
import { managerSettingsStore, teamSettingsMode } from './team-settings-mode';
import { useTeamSettingsMeta } from './use-team-settings-meta';
import { CrmPermissions, type PermissionsApi } from './CrmPermissions';
import { browserDownload, ScriptsEditor, type Download } from './ScriptsEditor';
import { UserAdapters, type UserAdapterStore } from './UserAdapters';
import { SettingsForm, type SettingsStore } from './SettingsForm';
import { StatusRules } from './StatusRules';
import { Setup } from './Setup';
import { Tabs, type SectionTab } from './Tabs';
import { FIRST_TAB, SETUP, useHashRoute } from './TabsRoute';
import { PrivacySection } from './PrivacySection';
import { MarketingSpend } from './MarketingSpend';
import { TeamConnectionSection } from './team/TeamConnectionSection';

// Resolved on each call, so a page (or test) that injects its own API never touches this one.
const browserPermissions: PermissionsApi = {
  contains: (request) => browser.permissions.contains(request),
  request: (request) => browser.permissions.request(request),
  remove: (request) => browser.permissions.remove(request),
};

// Each section saves only its own fields over a fresh read: the profile form holds the whole
// Settings object from page load and would otherwise undo hours or cadence saved since.
const profileStore: SettingsStore = {
  read: readSettings,
  save: async (next) => {
    const current = await readSettings();
    return saveSettings({ ...current, repName: next.repName, dealerName: next.dealerName, language: next.language });
  },
};

const storageSettings: SettingsStore = { read: readSettings, save: saveSettings };

// Resolved per call, so a test that replaces globalThis.fetch is honoured.
const browserFetch = { fetch: (input: string, init: RequestInit) => fetch(input, init), now: Date.now };
const saveToTeam = (next: Settings) => saveAsTeamManager(browserFetch, next);
const teamHistory = () => readTeamSettingsHistory(browserFetch);

const browserUserAdapters: UserAdapterStore = { load: loadOwnUserAdapters, save: saveUserAdapters, remove: removeUserAdapter };

/** The dealer's own adapters and every CRM's recent health, re-read after each change. */
function useCrmData(store: UserAdapterStore, readHealth: () => Promise<Record<string, CrmHealth>>) {
  const [user, setUser] = useState<UserAdapter[]>([]);
  const [health, setHealth] = useState<Record<string, CrmHealth>>({});
  const refresh = useCallback(() => {
    void store.load().then(setUser).catch(() => setUser([]));
    void readHealth().then(setHealth).catch(() => setHealth({}));
  }, [store, readHealth]);
  useEffect(refresh, [refresh]);
  return { user, health, refresh };
}

export function Options({
  permissions = browserPermissions,
  adapters = ADAPTERS,
  settings,
  download = browserDownload,
  userAdapterStore = browserUserAdapters,
  readHealth = readCrmHealth,
  teamSave = saveToTeam,
  loadTeamHistory = teamHistory,
}: {
  permissions?: PermissionsApi;
  adapters?: readonly Pick<CrmAdapter, 'id' | 'name' | 'matches'>[];
  settings?: SettingsStore;
  download?: Download;
  userAdapterStore?: UserAdapterStore;
  readHealth?: () => Promise<Record<string, CrmHealth>>;
  /** How the team's manager saves team-owned settings (server first, then locally). */
  teamSave?: (next: Settings) => Promise<Settings>;
  loadTeamHistory?: () => Promise<TeamSettingsHistory>;
}) {
  const crmData = useCrmData(userAdapterStore, readHealth);
  const { t, lang } = useI18n();
  const mode = teamSettingsMode(useTeamConnection(), useTeamSettingsMeta());
  const isManager = mode.kind === 'manager';
  const teamStore = useMemo(
    () => (isManager ? managerSettingsStore(settings ?? storageSettings, teamSave, t) : settings),
    [isManager, settings, teamSave, t],
  );
  const title = t('options.title');
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = title;
  }, [lang, title]);
  const route = useHashRoute();
  const profile = settings ?? profileStore;
  const crmList = (
    <CrmPermissions adapters={[...adapters, ...crmData.user.map(userAdapter)]} permissions={permissions} health={crmData.health}>
      <UserAdapters adapters={crmData.user} store={userAdapterStore} download={download} onChanged={crmData.refresh} />
    </CrmPermissions>
  );
  if (route.tab === SETUP) {
    return (
      <main className="op">
        <h1>{title}</h1>
        <Setup store={profile} crm={crmList} team={<TeamConnectionSection />} onFinish={() => route.go(FIRST_TAB)} />
      </main>
    );
  }
  // A rep's team-owned sections are read-only; a new version remounts them with its values.
  const teamOwned = (testId: string, content: ReactNode) => (
    <fieldset key={mode.kind === 'rep' ? `rep-${mode.meta.version}` : mode.kind} disabled={mode.kind === 'rep'} data-testid={testId} className="op-team-owned">
      {content}
    </fieldset>
  );
  // One entry per section, one save per section; add a section here with one line.
  const tabs: SectionTab[] = [
    { id: 'general', label: 'tabs.general', content: <SettingsForm store={profile} focusField={route.field} /> },
    { id: 'hours', label: 'tabs.hours', content: teamOwned('team-owned-hours', <BusinessHoursForm store={teamStore} />) },
    { id: 'cadence', label: 'tabs.cadence', content: teamOwned('team-owned-cadence', <CadenceForm store={teamStore} />) },
    { id: 'targets', label: 'tabs.targets', content: teamOwned('team-owned-targets', <ConversionFloorForm store={teamStore} />) },
    ...(mode.kind === 'rep' ? [{ id: 'quiet', label: 'tabs.quiet', content: <QuietModeForm store={settings} /> } as const] : []),
    { id: 'scripts', label: 'tabs.scripts', content: <ScriptsEditor download={download} /> },
    { id: 'crms', label: 'tabs.crms', content: crmList },
    { id: 'status-rules', label: 'tabs.statusRules', content: <StatusRules /> },
    { id: 'marketing', label: 'tabs.marketing', content: <MarketingSpend /> },
    { id: 'privacy', label: 'tabs.privacy', content: <PrivacySection /> },
    { id: 'team', label: 'tabs.team', content: <TeamConnectionSection /> },
    {
      id: 'data',
      label: 'tabs.about',
      content: (
        <section className="op-card" aria-labelledby="op-data-title" data-testid="data-note">
          <h2 id="op-data-title">{t('options.data')}</h2>
          <p>{t('options.dataLocal')}</p>
          <p className="op-help">{t('options.dataTeam')}</p>
        </section>
      ),
    },
  ];
  return (
    <main className="op op-wide">
      <h1>{title}</h1>
      <TeamManagedNotice mode={mode} loadHistory={loadTeamHistory} />
      <Tabs tabs={tabs} active={tabs.some((tab) => tab.id === route.tab) ? route.tab : FIRST_TAB} onSelect={route.go} />
    </main>
  );
}
