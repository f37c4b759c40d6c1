import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { routeForUrl } from '@/lib/crms/routes';
import { crmDisabledSchema, onMessage } from '../messaging';
import { safely } from '../safely';
import { followDealerZone } from './dealer-zone';
import { PANEL_LOADED_FLAG } from './inject-message';
import { followPageChanges } from './page-changes';
import { startListDiscovery } from './list-watcher';
import { createPageVisit } from './page-visit';

const panelLoaded = () => Boolean((globalThis as unknown as Record<string, unknown>)[PANEL_LOADED_FLAG]);

/**
 * New-lead discovery on inbox and list pages, on its own: the list reader and messaging only,
 * so an inbox costs a fraction of a lead page. Once the panel bundle runs in this page (the rep
 * opened a lead in this SPA) it reads lists itself and this one steps aside.
 */
export function startListMain(ctx: ContentScriptContext): { resume: () => void } {
  const visit = createPageVisit(ctx.signal);
  let disabled = false;
  const follow = (url: URL) => {
    const scope = visit.follow(url);
    if (!panelLoaded() && !disabled) scope.own(startListDiscovery(url));
  };
  // The dealer turned this CRM off: stop reading its lists in tabs that are already open.
  const removeDisabledListener = onMessage('crm/disabled', ({ data }) => {
    const parsed = crmDisabledSchema.safeParse(data);
    const id = routeForUrl(new URL(location.href))?.id;
    if (!parsed.success || !id || !parsed.data.crms.includes(id)) return;
    disabled = true;
    visit.pause();
  });
  // List times are read in the dealer's zone, like lead pages.
  const zone = followDealerZone();
  void zone.ready.then(() => follow(new URL(location.href)));
  followPageChanges(ctx, { onPage: follow });
  // The visit ends with the context by itself.
  ctx.onInvalidated(() => {
    safely(zone.stop);
    safely(removeDisabledListener);
  });

  return {
    resume() {
      if (!disabled) return;
      disabled = false;
      follow(new URL(location.href));
    },
  };
}
