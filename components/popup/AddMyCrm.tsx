import { useEffect, useState } from 'react';
import { routeForUrl } from '@/lib/crms/routes';
import { originMatchPattern } from '@/lib/adapters/user/schema';
import type { PermissionsApi } from '../options/CrmPermissions';
import { useI18n } from '../ui/i18n';
import '@/lib/i18n/messages/picker';

export interface AddCrmAccess {
  activeTab: () => Promise<{ id?: number; url?: string } | undefined>;
  permissions: Pick<PermissionsApi, 'request'>;
  /** Injects the picker into that tab (activeTab + scripting). */
  launchPicker: (tabId: number) => Promise<unknown>;
}

type State = { kind: 'hidden' } | { kind: 'offer'; tabId: number; origin: string } | { kind: 'failed'; tabId: number; origin: string; reason: string };

/**
 * On a site no built-in adapter knows, "Add my CRM" asks for that one site and opens the
 * point-and-click picker on the page. The permission is asked first, inside the click:
 * browsers only prompt during a user gesture.
 */
export function AddMyCrm({ access, closeWindow }: { access: AddCrmAccess; closeWindow: () => void }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'hidden' });

  useEffect(() => {
    let alive = true;
    void access
      .activeTab()
      .then((tab) => {
        if (!alive || tab?.id === undefined || !tab.url) return;
        const url = new URL(tab.url);
        if ((url.protocol !== 'https:' && url.protocol !== 'http:') || routeForUrl(url)) return;
        setState({ kind: 'offer', tabId: tab.id, origin: url.origin });
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [access]);

  if (state.kind === 'hidden') return null;
  const { tabId, origin } = state;
  const start = () => {
    access.permissions
      .request({ origins: [originMatchPattern(origin)] })
      .then(async (granted) => {
        if (!granted) {
          setState({ kind: 'failed', tabId, origin, reason: t('popup.addCrm.denied', { site: new URL(origin).hostname }) });
          return;
        }
        await access.launchPicker(tabId);
        closeWindow();
      })
      .catch((error: unknown) =>
        setState({ kind: 'failed', tabId, origin, reason: t('popup.addCrm.failed', { reason: error instanceof Error ? error.message : String(error) }) }),
      );
  };
  return (
    <section className="pp-section pp-add-crm" data-testid="add-crm">
      <p className="pp-muted">{t('popup.addCrm.offer', { site: new URL(origin).hostname })}</p>
      <button type="button" className="pp-more" data-testid="add-crm-button" onClick={start}>
        {t('popup.addCrm.button')}
      </button>
      {state.kind === 'failed' ? (
        <p className="pp-error" role="alert">
          {state.reason}
        </p>
      ) : null}
    </section>
  );
}
