// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// jsdom has no Navigation API; WXT's location watcher looks for one when it loads, so it is
// installed before the imports below, and the test speaks to WXT's real watcher the way
// Chromium does: a `navigate` event with the destination, before the page (if ever) changes.
const navigation = vi.hoisted(() => {
  const target = new EventTarget();
  Object.defineProperty(globalThis, 'navigation', { value: target, configurable: true });
  return target;
});

import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { followPageChanges, isWebPage } from '@/lib/content/page-changes';

const PAGE = 'http://leadpace-demo.localhost:5173/leads/L-1042';

/** What Chromium fires when the rep clicks a link to `url` (or a script assigns it). */
function navigate(url: string): void {
  navigation.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url } }));
}

let ctx: ContentScriptContext;
let pages: string[];
let calls: string[];

beforeEach(() => {
  vi.spyOn(console, 'debug').mockImplementation(() => undefined); // WXT notes each invalidation
  ctx = new ContentScriptContext('page-changes-test');
  pages = [];
  calls = [];
  followPageChanges(
    ctx,
    { onPage: (url) => pages.push(url.href), onCall: (address) => calls.push(address.href) },
    new URL(PAGE),
  );
});
afterEach(() => ctx.notifyInvalidated());

describe('followPageChanges', () => {
  it.each([
    ['tel:+31612345678', 'tel:+31612345678'],
    ['TEL:+31612345678', 'tel:+31612345678'],
    ['callto:+31612345678', 'callto:+31612345678'],
    ['sip:verkoop@garage.example', 'sip:verkoop@garage.example'],
    ['sips:verkoop@garage.example', 'sips:verkoop@garage.example'],
  ])('reports %s as a call, never as a page change', (destination, address) => {
    navigate(destination);
    expect(calls).toEqual([address]);
    expect(pages).toEqual([]);
  });

  it.each(['mailto:sanne@example.com', 'sms:+31612345678', 'whatsapp://send?phone=31612345678', 'javascript:void(0)', 'data:text/plain,x', 'chrome-extension://abc/popup.html'])(
    'ignores %s: no page change and no call',
    (destination) => {
      navigate(destination);
      expect(pages).toEqual([]);
      expect(calls).toEqual([]);
    },
  );

  it.each([
    ['another lead', 'http://leadpace-demo.localhost:5173/leads/L-1043'],
    ['the inbox', 'http://leadpace-demo.localhost:5173/leads'],
    ['a hash on the same lead', `${PAGE}#notes`],
    ['an https page', 'https://crm.example.com/leads/7'],
  ])('follows a navigation to %s', (_label, destination) => {
    navigate(destination);
    expect(pages).toEqual([destination]);
    expect(calls).toEqual([]);
  });

  it('does not call the page the tab never left a change after a call', () => {
    navigate('tel:+31612345678');
    // WXT now remembers tel: as the last URL and reports the same page as new.
    navigate(PAGE);
    expect(pages).toEqual([]);
    navigate('http://leadpace-demo.localhost:5173/leads/L-1043');
    expect(pages).toEqual(['http://leadpace-demo.localhost:5173/leads/L-1043']);
    expect(calls).toEqual(['tel:+31612345678']);
  });

  it('follows a route change back to where the page was before', () => {
    navigate('http://leadpace-demo.localhost:5173/leads/L-1043');
    navigate('callto:+31612345678');
    navigate(PAGE);
    expect(pages).toEqual(['http://leadpace-demo.localhost:5173/leads/L-1043', PAGE]);
  });

  it('works without a call handler (the list reader and the detector only follow pages)', () => {
    const other = new ContentScriptContext('page-changes-test-2');
    const followed: string[] = [];
    followPageChanges(other, { onPage: (url) => followed.push(url.href) }, new URL(PAGE));
    navigate('tel:+31612345678');
    navigate('http://leadpace-demo.localhost:5173/leads');
    expect(followed).toEqual(['http://leadpace-demo.localhost:5173/leads']);
    other.notifyInvalidated();
  });

  it('stops when the content script is invalidated', () => {
    ctx.notifyInvalidated();
    navigate('http://leadpace-demo.localhost:5173/leads/L-1043');
    navigate('tel:+31612345678');
    expect(pages).toEqual([]);
    expect(calls).toEqual([]);
  });
});

describe('isWebPage', () => {
  it.each([
    ['http://crm.example.com/', true],
    ['https://crm.example.com/leads', true],
    ['tel:+31612345678', false],
    ['mailto:x@example.com', false],
    ['about:blank', false],
    ['file:///tmp/lead.html', false],
  ])('%s → %s', (url, expected) => {
    expect(isWebPage(new URL(url))).toBe(expected);
  });
});
