import { useEffect, useState } from 'react';
import { routeForUrl } from '@/lib/crms/routes';
import type { PermissionsApi } from '../options/CrmPermissions';
import { useI18n } from '../ui/i18n';
import '@/lib/i18n/messages/popup';

interface Target {
  name: string;
  origins: string[];
}

type State = { kind: 'hidden' } | { kind: 'offer'; target: Target } | { kind: 'denied'; target: Target } | { kind: 'enabled'; target: Target };

/**
 * On a tab of a known CRM that Leadpace may not read yet, one click asks the browser for
 * exactly that CRM's sites. The background then registers the CRM script and injects it into
 * open tabs, so the panel appears without a reload.
 */
export function EnableCrmPrompt({ currentUrl, permissions }: { currentUrl: () => Promise<string | undefined>; permissions: PermissionsApi }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'hidden' });

  useEffect(() => {
    let alive = true;
    void (async () => {
      const raw = await currentUrl().catch(() => undefined);
      if (!raw) return;
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        return;
      }
      const route = routeForUrl(url);
      if (!route) return;
      // Loaded only on a CRM tab: the adapters' reading code stays out of the popup's start-up.
      const { adapterById } = await import('@/lib/crms/registry');
      const adapter = adapterById(route.id);
      if (!adapter) return;
      const granted = await permissions.contains({ origins: route.matches }).catch(() => true);
      if (alive && !granted) setState({ kind: 'offer', target: { name: adapter.name, origins: route.matches } });
    })();
    return () => {
      alive = false;
    };
  }, [currentUrl, permissions]);

  if (state.kind === 'hidden') return null;
  const { target } = state;
  return (
    <section className="pp-section pp-enable" data-testid="enable-crm" data-state={state.kind}>
      {state.kind === 'enabled' ? (
        <p className="pp-muted">{t('popup.enable.done', { name: target.name })}</p>
      ) : (
        <>
          <p>{t('popup.enable.offer', { name: target.name })}</p>
          <button
            type="button"
            className="pp-more"
            data-testid="enable-crm-button"
            onClick={() => {
              // Called inside the click: the browser only shows its prompt for a user gesture.
              permissions
                .request({ origins: target.origins })
                .then((granted) => setState({ kind: granted ? 'enabled' : 'denied', target }))
                .catch(() => setState({ kind: 'denied', target }));
            }}
          >
            {t('popup.enable.button', { name: target.name })}
          </button>
          {state.kind === 'denied' ? (
            <p className="pp-error" role="alert">
              {t('popup.enable.denied', { name: target.name })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
