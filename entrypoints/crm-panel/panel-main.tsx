import { browser } from 'wxt/browser';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PanelRoot } from '@/components/panel/PanelRoot';
import { PANEL_CSS } from '@/components/panel/panel-css';
import { preloadPanelPositions } from '@/components/panel/use-panel-position';
import { adapterForUrl } from '@/lib/crms/registry';
import { loadUserAdapters } from '@/lib/adapters/user/store';
import { userAdapter } from '@/lib/adapters/user/to-adapter';
import type { CrmAdapter } from '@/lib/adapters/types';
import { loadActiveOverrides } from '@/lib/adapters/overrides/store';
import { withOverride } from '@/lib/adapters/overrides/with-override';
import type { AdapterOverride } from '@/lib/adapters/overrides/schema';
import { callControlOf } from '@/lib/content/call-controls';
import { ask, extensionContextGone, reportSeen } from '@/lib/content/client';
import { watchLead } from '@/lib/content/lead-watcher';
import { startListDiscovery } from '@/lib/content/list-watcher';
import { followPageChanges } from '@/lib/content/page-changes';
import { panelCommandMessageSchema, type PanelCommand } from '@/lib/content/panel-commands';
import { createPanelStore, initialPanelState } from '@/lib/content/panel-store';
import { showUpdatedNotice } from '@/lib/content/updated-notice';
import type { LeadSnapshot } from '@/lib/domain/model';
import { leadKey } from '@/lib/domain/model';
import { crmDisabledSchema, onMessage } from '@/lib/messaging';
import { safely } from '@/lib/safely';
import { panelCollapsedItem } from '@/lib/settings';
import { followDealerZone } from '@/lib/content/dealer-zone';

const isToggleShortcut = (event: KeyboardEvent) =>
  event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyL';

/**
 * Focus an element of the panel once React has drawn it (the shortcut may have just opened
 * the panel). Marked, so the focus ring shows although no key reached the page.
 */
function focusWhenRendered(shadow: ShadowRoot, selector: string, triesLeft = 10): void {
  const target = shadow.querySelector(selector);
  if (!(target instanceof HTMLElement)) {
    if (triesLeft > 0) requestAnimationFrame(() => focusWhenRendered(shadow, selector, triesLeft - 1));
    return;
  }
  target.setAttribute('data-shortcut-focus', '');
  target.addEventListener('blur', () => target.removeAttribute('data-shortcut-focus'), { once: true });
  target.focus();
}

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
 */
export function startPanel(ctx: ContentScriptContext): { resume: () => void } {
  const store = createPanelStore();
  let ui: ShadowRootContentScriptUi<Root> | null = null;
  let mounting: Promise<ShadowRootContentScriptUi<Root>> | null = null;
  let stopWatching: (() => void) | null = null;
  let stopList: (() => void) | null = null;
  let adapter: CrmAdapter | null = null;
  // The dealer's own adapters ("Add my CRM"), for sites no built-in adapter knows.
  let userAdapters: CrmAdapter[] = [];
  // The team's fixes of built-in adapters, read once per page load.
  let fixes: ReadonlyMap<string, AdapterOverride> = new Map();
  let disabled = false;

  // Read before the lead appears, so the panel's first frame is already where the rep put it.
  void preloadPanelPositions();

  const toggle = () => {
    const collapsed = !store.getState().collapsed;
    store.setState({ collapsed });
    void panelCollapsedItem.setValue(collapsed).catch(() => undefined);
  };

  const mount = async () => {
    if (ui) return ui;
    mounting ??= createShadowRootUi(ctx, {
      name: 'leadpace-panel',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'open',
      isolateEvents: true,
      css: PANEL_CSS,
      onMount(container, _shadow, host) {
        const root = createRoot(container);
        // Rendered synchronously: a scheduled first render would wait for another task, and the
        // rep should see the lead's clock in the same frame as the lead.
        flushSync(() => root.render(<PanelRoot store={store} ask={ask} host={host} onToggle={toggle} />));
        return root;
      },
      onRemove(root) {
        safely(() => root?.unmount());
      },
    }).then((created) => {
      created.mount();
      created.shadow.addEventListener('keydown', (event) => {
        if (event instanceof KeyboardEvent && isToggleShortcut(event)) toggle();
      });
      ui = created;
      return created;
    });
    return mounting;
  };

  const unmount = () => {
    ui?.remove();
    ui = null;
    mounting = null;
    store.setState({ ...initialPanelState, collapsed: store.getState().collapsed });
  };

  const show = async (snapshot: LeadSnapshot) => {
    const key = leadKey(snapshot.crm, snapshot.leadId);
    const previous = store.getState().view;
    store.setState({
      snapshot,
      view: previous?.key === key ? previous : null,
      error: null,
      notice: null,
      ...(previous?.key === key ? {} : { logging: null, pendingCall: false }),
    });
    const mounted = await mount();
    const host = mounted.shadowHost;
    host.setAttribute('data-crm', snapshot.crm);
    host.setAttribute('data-lead-id', snapshot.leadId);
    host.setAttribute('data-source', snapshot.source ?? 'other');
    if (snapshot.receivedAt) host.setAttribute('data-received-at', new Date(snapshot.receivedAt).toISOString());
    else host.removeAttribute('data-received-at');
    const result = await reportSeen(snapshot);
    if (store.getState().snapshot?.leadId !== snapshot.leadId) return; // switched meanwhile
    if (result.ok) {
      store.setState({ view: result.value, error: null });
      host.setAttribute('data-source', result.value.source);
    } else store.setState({ error: { code: result.code, reason: result.reason } });
  };

  const follow = (url: URL) => {
    stopWatching?.();
    stopWatching = null;
    stopList?.();
    // An inbox or lead list: register the leads it shows (the panel comes only on lead pages).
    stopList = disabled ? null : startListDiscovery(url);
    adapter = disabled ? null : adapterFor(url, userAdapters, fixes);
    if (!adapter || !adapter.isLeadPage(url)) {
      unmount();
      return;
    }
    stopWatching = watchLead(adapter, document, url, {
      onLead: (snapshot) => void show(snapshot),
      onNoLead: unmount,
    });
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
  void Promise.all([zone.ready, fixesRead]).then(() => {
    if (adapterForUrl(new URL(location.href))) follow(new URL(location.href));
    else void loadUserAdaptersThenFollow();
  });
  // A call is never blocked or changed; the panel only asks for its outcome afterwards.
  const askCallOutcome = () => {
    if (ui) store.setState({ collapsed: false, logging: 'call', pendingCall: true });
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
      if (ui && callControlOf(event, adapter?.attemptHooks ?? [])) askCallOutcome();
    },
    { capture: true },
  );
  ctx.addEventListener(window, 'keydown', (event) => {
    if (ui && isToggleShortcut(event)) toggle();
  });
  const removeToggleListener = onMessage('panel/toggle', () => {
    if (ui) toggle();
  });
  // The rep's other shortcuts, forwarded by the background: open the panel if needed and put the
  // keyboard in it (the panel is the page's last element, so tabbing there takes long).
  const runCommand = (command: PanelCommand) => {
    const shadow = ui?.shadow;
    if (!shadow) return;
    store.setState(command === 'log-attempt' ? { collapsed: false, logging: 'call', pendingCall: false } : { collapsed: false });
    void panelCollapsedItem.setValue(false).catch(() => undefined);
    focusWhenRendered(shadow, command === 'log-attempt' ? '[data-testid="channel-call"]' : '[data-testid="panel"]');
  };
  const onCommandMessage = (message: unknown) => {
    const parsed = panelCommandMessageSchema.safeParse(message);
    if (parsed.success) runCommand(parsed.data.command);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onCommandMessage);
  // The dealer turned this CRM off (or deleted its adapter): the panel leaves without a reload.
  const removeDisabledListener = onMessage('crm/disabled', ({ data }) => {
    const parsed = crmDisabledSchema.safeParse(data);
    const id = (adapter ?? adapterFor(new URL(location.href), userAdapters))?.id;
    if (!parsed.success || !id || !parsed.data.crms.includes(id)) return;
    disabled = true;
    safely(() => stopWatching?.());
    stopWatching = null;
    safely(() => stopList?.());
    stopList = null;
    unmount();
  });

  // An update or reload of the extension sends no event to its old content scripts. Each tick
  // of a ctx timer checks whether the extension context is gone and, if so, fires
  // onInvalidated below; the timer itself needs no body. (Only on lead pages.)
  ctx.setInterval(() => undefined, 2_000);
  ctx.onInvalidated(() => {
    const hadPanel = ui !== null;
    ui = null;
    if (hadPanel && extensionContextGone()) safely(() => showUpdatedNotice(document));
    safely(() => stopWatching?.());
    safely(() => stopList?.());
    safely(unwatchCollapsed);
    safely(removeToggleListener);
    safely(() => browser.runtime.onMessage.removeListener(onCommandMessage));
    safely(removeDisabledListener);
    safely(zone.stop);
  });

  return {
    resume() {
      if (!disabled) return;
      disabled = false;
      void loadUserAdaptersThenFollow();
    },
  };
}
