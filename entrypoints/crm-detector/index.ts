import { routeForUrl } from '@/lib/crms/routes';
import { INJECT_LIST_MESSAGE, INJECT_PANEL_MESSAGE } from '@/lib/content/inject-message';
import { extensionRuntime } from './extension-runtime';
import { followUrl, pageUrlSource } from './url-follower';

const RUNNING = '__leadpaceDetector';

// The detector: registered by the background on every page of an enabled CRM, and it does
// almost nothing there. Only when the URL can show a lead does it ask the background to inject
// the panel bundle (React, the adapters, the panel); on an inbox or lead list it asks for the
// small list reader. An unlisted script rather than a WXT content script: WXT's content-script
// context announces itself to the page and instantiates the extension API bindings at load,
// which costs a CRM page that is not a lead page more than everything else here together. So
// this script touches no extension API (not even the `chrome` global) until it has something to ask.
export default defineUnlistedScript(() => {
  const world = globalThis as unknown as Record<string, unknown>;
  // Injected again (a CRM re-enabled, an extension update): the newest copy takes over.
  const previous = world[RUNNING];
  if (previous instanceof Function) previous();

  // Each bundle is asked for once per page (the background injects it once; a repeat is a no-op).
  const requested = { panel: false, list: false };
  let unfollow = (): void => undefined;
  const stop = () => {
    unfollow();
    if (world[RUNNING] === stop) delete world[RUNNING];
  };
  const ask = (kind: 'panel' | 'list', onRefused: () => void) => {
    // An updated or removed extension leaves this copy running without a runtime: stop then.
    const runtime = extensionRuntime();
    if (!runtime) {
      stop();
      return;
    }
    requested[kind] = true;
    runtime
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
  const source = pageUrlSource();
  check(new URL(source.href()));
  unfollow = followUrl(source, check);
  world[RUNNING] = stop;
});
