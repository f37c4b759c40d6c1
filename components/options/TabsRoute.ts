import { useEffect, useState } from 'react';

export const SETUP = 'setup';
export const FIRST_TAB = 'general';

export interface HashRoute {
  tab: string;
  /** A field to focus on arrival, as in `#general/repName` (links from a script's blanks). */
  field: string | null;
}

/** `#tab` or `#tab/field`; anything else opens the first tab. */
export function parseHash(hash: string): HashRoute {
  const [tab = '', field = ''] = hash.replace(/^#/, '').split('/');
  return { tab: /^[a-z-]+$/.test(tab) ? tab : FIRST_TAB, field: /^[A-Za-z]+$/.test(field) ? field : null };
}

/** The Options page's place in its hash, so a link (or a reload) opens the same tab. */
export function useHashRoute(): HashRoute & { go: (tab: string) => void } {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return {
    ...route,
    go: (tab) => {
      // replaceState: no hashchange, and Back leaves Options instead of walking its tabs.
      window.history.replaceState(null, '', `#${tab}`);
      setRoute({ tab, field: null });
    },
  };
}
