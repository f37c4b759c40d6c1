import { followUrl, pageUrlSource, type UrlSource } from '@/entrypoints/crm-detector/url-follower';

/** A tab whose URL the test moves; `fire` is what the browser does after a same-document move. */
function fakeTab(start: string) {
  let href = start;
  let listener: (() => void) | null = null;
  const source: UrlSource = {
    href: () => href,
    listen(changed) {
      listener = changed;
      return () => (listener = null);
    },
  };
  return {
    source,
    go(next: string) {
      href = next;
      listener?.();
    },
    get listening() {
      return listener !== null;
    },
  };
}

describe('followUrl', () => {
  const cases: Array<{ name: string; moves: string[]; seen: string[] }> = [
    { name: 'a route change is reported', moves: ['https://crm.test/leads/1'], seen: ['https://crm.test/leads/1'] },
    { name: 'the same URL again is not a new page', moves: ['https://crm.test/voorraad', 'https://crm.test/voorraad'], seen: [] },
    {
      name: 'each distinct URL once, in order',
      moves: ['https://crm.test/leads/1', 'https://crm.test/leads/1', 'https://crm.test/leads/2', 'https://crm.test/voorraad'],
      seen: ['https://crm.test/leads/1', 'https://crm.test/leads/2', 'https://crm.test/voorraad'],
    },
    { name: 'a hash change is a new URL', moves: ['https://crm.test/voorraad#lead-1'], seen: ['https://crm.test/voorraad#lead-1'] },
    { name: 'a call address is not a page', moves: ['tel:+31201234567', 'mailto:a@b.test'], seen: [] },
    {
      name: 'back from a call address to the page it never left is no change',
      moves: ['tel:+31201234567', 'https://crm.test/voorraad'],
      seen: [],
    },
  ];
  it.each(cases)('$name', ({ moves, seen }) => {
    const tab = fakeTab('https://crm.test/voorraad');
    const pages: string[] = [];
    followUrl(tab.source, (url) => pages.push(url.href));
    for (const move of moves) tab.go(move);
    expect(pages).toEqual(seen);
  });

  it('stops listening when told to', () => {
    const tab = fakeTab('https://crm.test/voorraad');
    const pages: string[] = [];
    const stop = followUrl(tab.source, (url) => pages.push(url.href));
    expect(tab.listening).toBe(true);
    stop();
    tab.go('https://crm.test/leads/1');
    expect(tab.listening).toBe(false);
    expect(pages).toEqual([]);
  });
});

describe('pageUrlSource', () => {
  it('listens to currententrychange where the Navigation API exists, and stops', () => {
    const navigation = new EventTarget();
    const scope = { location: { href: 'https://crm.test/a' }, navigation } as unknown as typeof globalThis;
    const changed = vi.fn();
    const stop = pageUrlSource(scope).listen(changed);
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(changed).toHaveBeenCalledTimes(1);
    stop();
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('polls the URL where it does not', () => {
    vi.useFakeTimers();
    try {
      const scope = { location: { href: 'https://crm.test/a' }, setInterval, clearInterval } as unknown as typeof globalThis;
      const changed = vi.fn();
      const stop = pageUrlSource(scope).listen(changed);
      vi.advanceTimersByTime(2_500);
      expect(changed).toHaveBeenCalledTimes(2);
      stop();
      vi.advanceTimersByTime(5_000);
      expect(changed).toHaveBeenCalledTimes(2);
      expect(pageUrlSource(scope).href()).toBe('https://crm.test/a');
    } finally {
      vi.useRealTimers();
    }
  });
});
