import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { preloadPanelPositions } from '@/components/panel/use-panel-position';
import { adapterForUrl } from '@/lib/crms/registry';
import { loadUserAdapters } from '@/lib/storage/user-adapters-item';
import { userAdapter } from '@/lib/adapters/user/to-adapter';
import type { CrmAdapter } from '@/lib/adapters/types';
import { followActiveOverrides, loadActiveOverrides } from '@/lib/storage/team-fixes-item';
import { withOverride } from '@/lib/adapters/overrides/with-override';
import type { AdapterOverride } from '@/lib/adapters/overrides/schema';
import { callControlOf } from '@/lib/content/call-controls';
import { extensionContextGone } from '@/lib/content/client';
import { followDealerZone } from '@/lib/content/dealer-zone';
import { watchLead } from '@/lib/content/lead-watcher';
import { startListDiscovery } from '@/lib/content/list-watcher';
import { createPageVisit } from '@/lib/content/page-visit';
import { followPageChanges } from '@/lib/content/page-changes';
import { createPanelStore } from '@/lib/content/panel-store';
import { showUpdatedNotice } from '@/lib/content/updated-notice';
import { crmDisabledSchema, onMessage } from '@/lib/messaging';
import { safely } from '@/lib/safely';
import { panelCollapsedItem } from '@/lib/settings';
import { followPanelKeys } from './panel-keys';
import { createPanelMount } from './panel-mount';
import { showLead } from './show-lead';

/** The built-in adapter for this URL with the team's fix of it (if any), else one of the dealer's own. */
function adapterFor(url: URL, userAdapters: readonly CrmAdapter[], fixes: ReadonlyMap<string, AdapterOverride> = new Map()): CrmAdapter | null {
  const builtIn = adapterForUrl(url);
  return builtIn ? withOverride(builtIn, fixes.get(builtIn.id)) : (adapterForUrl(url, userAdapters) ?? null);
}

/**
 * Everything a CRM lead page needs: follow the lead, mount the panel, hooks and shortcuts; on
 * an inbox or lead list, register the leads it shows (lib/content/list-watcher.ts).
 * Loaded only on lead and list pages (the detector asks the background to inject it), so other
 * CRM pages never pay for React and the panel.
 *
 * One page visit follows one URL at a time; each URL's watching, list reading and pending panel
 * updates end with that URL's abort. The panel itself outlives a route change between two lead
 * pages (it shows the next lead in place) and leaves when a URL has no lead.
 */
export function startPanel(ctx: ContentScriptContext): { resume: () => void } {
  const store = createPanelStore();
  const visit = createPageVisit(ctx.signal);
  let adapter: CrmAdapter | null = null;
  // The dealer's own adapters ("Add my CRM"), for sites no built-in adapter knows.
  let userAdapters: CrmAdapter[] = [];
  // The team's fixes of built-in adapters, read at load and followed while the tab is open.
  let fixes: ReadonlyMap<string, AdapterOverride> = new Map();
  let disabled = false;

  // Read before the lead appears, so the panel's first frame is already where the rep put it.
  void preloadPanelPositions();

  const toggle = () => {
    const collapsed = !store.getState().collapsed;
    store.setState({ collapsed });
    void panelCollapsedItem.setValue(collapsed).catch(() => undefined);
  };
  const panel = createPanelMount(ctx, store, toggle);

  const follow = (url: URL) => {
    const scope = visit.follow(url);
    adapter = disabled ? null : adapterFor(url, userAdapters, fixes);
    if (disabled) {
      panel.unmount();
      return;
    }
    // An inbox or lead list: register the leads it shows (the panel comes only on lead pages).
    scope.own(startListDiscovery(url));
    if (!adapter || !adapter.isLeadPage(url)) {
      panel.unmount();
      return;
    }
    scope.own(
      watchLead(adapter, document, url, {
        onLead: (snapshot) => void showLead(snapshot, panel, store, scope.signal),
        onNoLead: panel.unmount,
      }),
    );
    // While the page still renders its lead, render the panel off the page: the lead's anchor
    // then costs a move and an update, not React's first render of the whole panel.
    ctx.requestIdleCallback(() => panel.prewarm(), { timeout: 150 });
  };

  void panelCollapsedItem
    .getValue()
    .then((collapsed) => store.setState({ collapsed }))
    .catch(() => undefined);
  const unwatchCollapsed = panelCollapsedItem.watch((collapsed) => store.setState({ collapsed }));

  const loadUserAdaptersThenFollow = () =>
    loadUserAdapters()
      .then((defs) => {
        userAdapters = defs.map(userAdapter);
      })
      .catch(() => undefined)
      .finally(() => follow(new URL(location.href)));
  // Dates on the page are read in the dealer's zone, known before the first extraction.
  const zone = followDealerZone();
  const fixesRead = loadActiveOverrides()
    .then((active) => {
      fixes = active;
    })
    .catch(() => undefined);
  // A fix published, withdrawn or turned off while the tab is open: read the lead again with it.
  const unfollowFixes = followActiveOverrides((active) => {
    fixes = active;
    if (visit.current && !disabled) follow(visit.current.url);
  });
  void Promise.all([zone.ready, fixesRead]).then(() => {
    if (ctx.isInvalid) return;
    if (adapterForUrl(new URL(location.href))) follow(new URL(location.href));
    else void loadUserAdaptersThenFollow();
  });
  // A call is never blocked or changed; the panel only asks for its outcome afterwards.
  const askCallOutcome = () => {
    if (panel.ui) store.setState({ collapsed: false, logging: 'call', pendingCall: true });
  };
  // Read the new URL from the event: the DOM may still show the previous page. A call address
  // (a tel: link, or a CRM script sending the tab to one) is no page change: it is a call.
  followPageChanges(ctx, { onPage: follow, onCall: askCallOutcome });
  // Clicks catch the calls no navigation announces: the CRM's own click-to-call controls, and
  // browsers without the Navigation API.
  ctx.addEventListener(
    document,
    'click',
    (event) => {
      if (panel.ui && callControlOf(event, adapter?.attemptHooks ?? [])) askCallOutcome();
    },
    { capture: true },
  );
  followPanelKeys(ctx, panel, store, toggle);
  // The dealer turned this CRM off (or deleted its adapter): the panel leaves without a reload.
  const removeDisabledListener = onMessage('crm/disabled', ({ data }) => {
    const parsed = crmDisabledSchema.safeParse(data);
    const id = (adapter ?? adapterFor(new URL(location.href), userAdapters))?.id;
    if (!parsed.success || !id || !parsed.data.crms.includes(id)) return;
    disabled = true;
    visit.pause();
    panel.unmount();
  });

  // An update or reload of the extension sends no event to its old content scripts. Each tick
  // of a ctx timer checks whether the extension context is gone and, if so, fires
  // onInvalidated below; the timer itself needs no body. (Only on lead pages.) The visit ends
  // with the context by itself.
  ctx.setInterval(() => undefined, 2_000);
  ctx.onInvalidated(() => {
    const hadPanel = panel.forget();
    if (hadPanel && extensionContextGone()) safely(() => showUpdatedNotice(document));
    safely(unwatchCollapsed);
    safely(removeDisabledListener);
    safely(zone.stop);
    safely(unfollowFixes);
  });

  return {
    resume() {
      if (!disabled) return;
      disabled = false;
      void loadUserAdaptersThenFollow();
    },
  };
}
