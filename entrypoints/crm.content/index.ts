import { browser } from 'wxt/browser';
import { routeForUrl } from '@/lib/adapters/routes';
import { INJECT_PANEL_MESSAGE } from '@/lib/content/inject-message';

// The detector: runs on every page of an enabled CRM and does almost nothing there. Only when
// the URL can show a lead does it ask the background to inject the panel bundle (React, the
// adapters, the panel), so inboxes and other CRM pages stay fast.
export default defineContentScript({
  // Registered per CRM by the background once the dealer grants that CRM's origins.
  registration: 'runtime',
  main(ctx) {
    let requested = false;
    const check = (url: URL) => {
      if (requested || !routeForUrl(url)?.isLeadPage(url)) return;
      requested = true;
      browser.runtime.sendMessage(INJECT_PANEL_MESSAGE).catch(() => {
        requested = false; // the worker was restarting: the next navigation asks again
      });
    };
    check(new URL(location.href));
    // Read the new URL from the event: the DOM may still show the previous page.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => check(newUrl));
  },
});
