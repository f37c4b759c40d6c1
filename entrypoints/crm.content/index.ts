import { browser } from 'wxt/browser';
import { routeForUrl } from '@/lib/crms/routes';
import { INJECT_LIST_MESSAGE, INJECT_PANEL_MESSAGE } from '@/lib/content/inject-message';
import { followPageChanges } from '@/lib/content/page-changes';

// The detector: runs on every page of an enabled CRM and does almost nothing there. Only when
// the URL can show a lead does it ask the background to inject the panel bundle (React, the
// adapters, the panel); on an inbox or lead list it asks for the small list reader. Other CRM
// pages stay fast.
export default defineContentScript({
  // Registered per CRM by the background once the dealer grants that CRM's origins.
  registration: 'runtime',
  main(ctx) {
    // Each bundle is asked for once per page (the background injects it once; a repeat is a no-op).
    const requested = { panel: false, list: false };
    const ask = (kind: 'panel' | 'list', onRefused: () => void) => {
      requested[kind] = true;
      browser.runtime
        .sendMessage(kind === 'panel' ? INJECT_PANEL_MESSAGE : INJECT_LIST_MESSAGE)
        .then((reply: unknown) => {
          const injected = typeof reply === 'object' && reply !== null && 'ok' in reply && reply.ok === true;
          if (!injected) onRefused();
        })
        .catch(() => {
          requested[kind] = false; // the worker was restarting: the next navigation asks again
        });
    };
    const check = (url: URL) => {
      const route = routeForUrl(url);
      if (!route) {
        // No built-in route: this script was registered for one of the dealer's own adapters,
        // whose URL rules live in storage; the background decides, and a refusal lets the next
        // URL ask again.
        if (!requested.panel) ask('panel', () => (requested.panel = false));
        return;
      }
      // Lead pages get the panel; inbox/list pages only the small list reader.
      if (route.isLeadPage(url)) {
        if (!requested.panel) ask('panel', () => undefined);
      } else if (route.isListPage?.(url)) {
        if (!requested.list && !requested.panel) ask('list', () => undefined);
      }
    };
    check(new URL(location.href));
    // Read the new URL from the event: the DOM may still show the previous page.
    followPageChanges(ctx, { onPage: check });
  },
});
