/** What the detector needs from the browser to hear that the tab shows another URL. */
export interface UrlSource {
  /** The tab's URL now. */
  href(): string;
  /**
   * Calls `changed` after a same-document navigation (pushState, replaceState, a hash change);
   * returns the way to stop. Cross-document navigations need nothing: the next page gets its
   * own detector.
   */
  listen(changed: () => void): () => void;
}

const isWebPage = (url: URL): boolean => url.protocol === 'http:' || url.protocol === 'https:';

/**
 * Calls `onPage` with every new http(s) URL the tab shows, once per distinct URL. tel:, mailto:
 * and the like hand the address to another app and the tab never leaves the page, so they are
 * never a new page. Returns the way to stop following.
 */
export function followUrl(source: UrlSource, onPage: (url: URL) => void): () => void {
  let current = source.href();
  return source.listen(() => {
    const href = source.href();
    if (href === current) return;
    const url = new URL(href);
    if (!isWebPage(url)) return;
    current = href;
    onPage(url);
  });
}

/** Polling interval where the Navigation API is missing (older Firefox), as WXT's watcher does. */
const POLL_MS = 1_000;

interface NavigationLike {
  addEventListener(type: 'currententrychange', listener: () => void): void;
  removeEventListener(type: 'currententrychange', listener: () => void): void;
}

function navigationOf(scope: object): NavigationLike | undefined {
  const navigation: unknown = Reflect.get(scope, 'navigation');
  if (typeof navigation !== 'object' || navigation === null) return undefined;
  if (!('addEventListener' in navigation) || typeof navigation.addEventListener !== 'function') return undefined;
  return navigation as NavigationLike;
}

/**
 * The page's own location. `currententrychange` fires only after the URL has changed (the
 * `navigate` event fires before, and also for navigations that then leave the document), and it
 * costs nothing until a route change; without the Navigation API the URL is polled.
 */
export function pageUrlSource(scope: typeof globalThis = globalThis): UrlSource {
  return {
    href: () => scope.location.href,
    listen(changed) {
      const navigation = navigationOf(scope);
      if (navigation) {
        navigation.addEventListener('currententrychange', changed);
        return () => navigation.removeEventListener('currententrychange', changed);
      }
      const timer = scope.setInterval(changed, POLL_MS);
      return () => scope.clearInterval(timer);
    },
  };
}
