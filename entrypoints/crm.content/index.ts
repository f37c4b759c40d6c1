import { browser } from 'wxt/browser';
import { routeForUrl } from '@/lib/adapters/routes';
import { INJECT_PANEL_MESSAGE } from '@/lib/content/inject-message';

// The detector: runs on every page of an enabled CRM and does almost nothing there. Only when
// the URL can show a lead, or a list of leads Leadpace reads new leads from, does it ask the
// background to inject the panel bundle (React, the adapters, the panel), so other CRM pages
// stay fast.
export default defineContentScript({
  // Registered per CRM by the background once the dealer grants that CRM's origins.
  registration: 'runtime',
  main(ctx) {
    let requested = false;
    const check = (url: URL) => {
      if (requested) return;
      // No built-in route: this script was registered for one of the dealer's own adapters,
      // whose URL rules live in storage; the background decides for those.
      const route = routeForUrl(url);
      // Lead pages get the panel; inbox/list pages get the same bundle to register new leads.
      if (route && !(route.isLeadPage(url) || route.isListPage?.(url))) return;
      requested = true;
      browser.runtime
        .sendMessage(INJECT_PANEL_MESSAGE)
        .then((reply: unknown) => {
          const injected = typeof reply === 'object' && reply !== null && 'ok' in reply && reply.ok === true;
          if (!route && !injected) requested = false; // not a lead page of that adapter: ask on the next URL
        })
        .catch(() => {
          requested = false; // the worker was restarting: the next navigation asks again
        });
    };
    check(new URL(location.href));
    // Read the new URL from the event: the DOM may still show the previous page.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => check(newUrl));
  },
});
