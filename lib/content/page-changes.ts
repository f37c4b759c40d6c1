import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isCallAddress } from './call-controls';

/** Only http(s) URLs are pages this tab can show; anything else is handed to another app. */
export const isWebPage = (url: URL): boolean => url.protocol === 'http:' || url.protocol === 'https:';

export interface PageChangeHandlers {
  /** The tab shows another page (a load or a SPA route change): follow this URL. */
  onPage: (url: URL) => void;
  /** The page handed a call address to the phone app; the tab stays on the same page. */
  onCall?: (address: URL) => void;
}

/**
 * The one way content scripts hear that the page changed. WXT's location watcher reports every
 * navigation the Navigation API announces, including to tel:, callto:, sip: or mailto:, where the
 * browser hands the address to another app and the tab never leaves the page. Those are never a
 * page change (the panel would unmount and the list reader stop on the page the rep is working
 * on); a call address is reported to `onCall` instead. The watcher then remembers the call
 * address as the last URL, so it may report the page the tab never left: not a change either.
 */
export function followPageChanges(ctx: ContentScriptContext, handlers: PageChangeHandlers, start: URL = new URL(location.href)): void {
  let current = start.href;
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
    if (!isWebPage(newUrl)) {
      if (isCallAddress(newUrl)) handlers.onCall?.(newUrl);
      return;
    }
    if (newUrl.href === current) return;
    current = newUrl.href;
    handlers.onPage(newUrl);
  });
}
