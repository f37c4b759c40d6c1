import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { ADAPTERS } from '@/lib/adapters/registry';
import type { CrmAdapter } from '@/lib/adapters/types';
import { useI18n } from '../ui/i18n';
import { CrmPermissions, type PermissionsApi } from './CrmPermissions';
import { SettingsForm, type SettingsStore } from './SettingsForm';

// Resolved on each call, so a page (or test) that injects its own API never touches this one.
const browserPermissions: PermissionsApi = {
  contains: (request) => browser.permissions.contains(request),
  request: (request) => browser.permissions.request(request),
  remove: (request) => browser.permissions.remove(request),
};

export function Options({
  permissions = browserPermissions,
  adapters = ADAPTERS,
  settings,
}: {
  permissions?: PermissionsApi;
  adapters?: readonly Pick<CrmAdapter, 'id' | 'name' | 'matches'>[];
  settings?: SettingsStore;
}) {
  const { t, lang } = useI18n();
  const title = t('options.title');
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = title;
  }, [lang, title]);
  return (
    <main className="op">
      <h1>{title}</h1>
      <SettingsForm store={settings} />
      <CrmPermissions adapters={adapters} permissions={permissions} />
      <section className="op-card" aria-labelledby="op-data-title" data-testid="data-note">
        <h2 id="op-data-title">{t('options.data')}</h2>
        <p>{t('options.dataLocal')}</p>
        <p className="op-help">{t('options.dataTeam')}</p>
      </section>
    </main>
  );
}
