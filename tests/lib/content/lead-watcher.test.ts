// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoAdapter } from '@/lib/crms/demo/adapter';
import type { CrmAdapter } from '@/lib/adapters/types';
import { watchLead } from '@/lib/content/lead-watcher';
import { waitForElement } from '@/lib/content/wait-for';
import type { LeadSnapshot } from '@/lib/domain/model';

// A string, not `new URL(…)`: under jsdom the global URL is not the one node:fs accepts.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/crm/demo');
const LEAD_URL = new URL('http://leadpace-demo.localhost:5173/leads/L-1');
const ANCHOR = demoAdapter.anchor;

/** Loads a fixture page's body into the test document (no innerHTML: DOMParser + importNode). */
function loadFixtureBody(name: string): void {
  const parsed = new DOMParser().parseFromString(readFileSync(join(FIXTURES, `${name}.html`), 'utf8'), 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes, (node) => document.importNode(node, true)));
}

function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** A lead section shaped like the demo CRM's (see tests/fixtures/crm/demo/lead-full.html). */
function leadSection(id: string, name: string, vehicle = 'Volkswagen Golf'): HTMLElement {
  return el(
    'section',
    { class: 'lead-detail', 'data-record-id': id },
    el('header', { class: 'lead-head' }, el('h1', { class: 'lead-title' }, name), el('span', { class: 'lead-id' }, id)),
    el('dl', { class: 'lead-fields' }, el('dt', {}, 'Bron'), el('dd', {}, 'Marktplaats'), el('dt', {}, 'Interesse'), el('dd', {}, vehicle)),
  );
}

function mountApp(...children: Node[]): HTMLElement {
  const app = el('main', { id: 'app' }, ...children);
  document.body.replaceChildren(el('header', { class: 'topbar' }, 'AutoHuis'), app);
  return app;
}

/** Wraps the global MutationObserver to count observers, callbacks and disconnects. */
function spyOnObservers() {
  const stats = { created: 0, callbacks: 0, disconnected: 0 };
  const Real = globalThis.MutationObserver;
  class Counting extends Real {
    constructor(callback: MutationCallback) {
      super((records, observer) => {
        stats.callbacks += 1;
        callback(records, observer);
      });
      stats.created += 1;
    }
    override disconnect() {
      stats.disconnected += 1;
      super.disconnect();
    }
  }
  vi.stubGlobal('MutationObserver', Counting);
  return stats;
}

/** Lets MutationObserver callbacks and the microtasks they queue run. */
const flushMicrotasks = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('waitForElement', () => {
  it('resolves at once with an element that is already there, without observing', async () => {
    const stats = spyOnObservers();
    const section = leadSection('L-1', 'Sanne');
    mountApp(section);
    const result = waitForElement(document, ANCHOR, { signal: new AbortController().signal });
    expect(stats.created).toBe(0);
    expect(await result).toBe(section);
  });

  it('resolves when the element is added later, then stops observing', async () => {
    const stats = spyOnObservers();
    const app = mountApp();
    const pending = waitForElement(document, ANCHOR, { signal: new AbortController().signal, timeoutMs: 5_000 });
    app.append(el('p', {}, 'loading…'));
    await flushMicrotasks();
    const section = leadSection('L-1', 'Sanne');
    app.append(section);
    expect(await pending).toBe(section);
    expect(stats.created).toBe(1);
    expect(stats.disconnected).toBe(1);

    const callbacksAtResolve = stats.callbacks;
    const query = vi.spyOn(document, 'querySelector');
    app.append(leadSection('L-2', 'Piet'));
    section.setAttribute('data-record-id', 'L-3');
    await flushMicrotasks();
    expect(stats.callbacks).toBe(callbacksAtResolve);
    expect(query).not.toHaveBeenCalled();
  });

  it('checks once per burst of mutations', async () => {
    const app = mountApp();
    const query = vi.spyOn(document, 'querySelector');
    const pending = waitForElement(document, ANCHOR, { signal: new AbortController().signal, timeoutMs: 5_000 });
    expect(query).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 20; i += 1) app.append(el('span', {}, String(i)));
    await flushMicrotasks();
    expect(query).toHaveBeenCalledTimes(2);
    app.append(leadSection('L-1', 'Sanne'));
    expect(await pending).not.toBeNull();
  });

  it('resolves null on timeout and stops observing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const stats = spyOnObservers();
    const app = mountApp();
    let result: Element | null | 'pending' = 'pending';
    void waitForElement(document, ANCHOR, { signal: new AbortController().signal, timeoutMs: 1_000 }).then((r) => {
      result = r;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(result).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toBeNull();
    expect(stats.disconnected).toBe(1);
    const callbacks = stats.callbacks;
    app.append(leadSection('L-1', 'Sanne'));
    await flushMicrotasks();
    expect(stats.callbacks).toBe(callbacks);
  });

  it('resolves null on abort, clears its timer and stops observing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const stats = spyOnObservers();
    mountApp();
    const controller = new AbortController();
    const pending = waitForElement(document, ANCHOR, { signal: controller.signal, timeoutMs: 60_000 });
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    expect(await pending).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    expect(stats.disconnected).toBe(1);
  });

  it('an invalid selector never throws: it resolves null on timeout', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    mountApp(leadSection('L-1', 'Sanne'));
    const pending = waitForElement(document, '!!not a selector', { signal: new AbortController().signal, timeoutMs: 100 });
    await vi.advanceTimersByTimeAsync(100);
    expect(await pending).toBeNull();
  });
});

describe('watchLead with the demo adapter', () => {
  let onLead: ReturnType<typeof vi.fn<(snapshot: LeadSnapshot, adapter: CrmAdapter) => void>>;
  let onNoLead: ReturnType<typeof vi.fn<() => void>>;
  let stops: (() => void)[];

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    onLead = vi.fn<(snapshot: LeadSnapshot, adapter: CrmAdapter) => void>();
    onNoLead = vi.fn<() => void>();
    stops = [];
  });
  afterEach(() => {
    for (const stop of stops) stop();
  });

  const watch = (url: URL = LEAD_URL, adapter: CrmAdapter = demoAdapter) => {
    const stop = watchLead(adapter, document, url, { onLead, onNoLead });
    stops.push(stop);
    return stop;
  };
  const reportedIds = () => onLead.mock.calls.map(([snapshot]) => snapshot.leadId);
  const reportedNames = () => onLead.mock.calls.map(([snapshot]) => snapshot.name);

  it('reports the fixture lead once its anchor appears, with the full snapshot', async () => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'lead-full.expected.json'), 'utf8')) as { url: string; snapshot: LeadSnapshot };
    loadFixtureBody('lead-full');
    const section = document.querySelector(ANCHOR);
    const parent = section?.parentNode;
    if (!section || !parent) throw new Error('fixture has no lead section');
    section.remove();

    watch(new URL(expected.url));
    await vi.advanceTimersByTimeAsync(500);
    expect(onLead).not.toHaveBeenCalled();

    parent.appendChild(section);
    await vi.advanceTimersByTimeAsync(0);
    expect(onLead).toHaveBeenCalledTimes(1);
    expect(onLead.mock.calls[0]?.[0]).toEqual(expected.snapshot);
    expect(onLead.mock.calls[0]?.[1]).toBe(demoAdapter);

    // Nothing changes: no second report, even after the watchers' timers run.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onLead).toHaveBeenCalledTimes(1);
    expect(onNoLead).not.toHaveBeenCalled();
  });

  it('reports a lead that is already on the page at once', async () => {
    mountApp(leadSection('L-1', 'Sanne de Vries'));
    watch();
    await vi.advanceTimersByTimeAsync(0);
    expect(reportedIds()).toEqual(['L-1']);
    expect(onLead.mock.calls[0]?.[0]).toMatchObject({ crm: 'demo', name: 'Sanne de Vries', source: 'marktplaats', vehicle: 'Volkswagen Golf' });
  });

  it('ignores page changes outside the lead, and changes that do not alter the snapshot', async () => {
    const section = leadSection('L-1', 'Sanne');
    mountApp(section);
    watch();
    await vi.advanceTimersByTimeAsync(0);
    document.body.append(el('output', { class: 'toast' }, 'Opgeslagen'));
    section.setAttribute('data-highlight', 'yes');
    section.append(el('p', {}, ''));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(onLead).toHaveBeenCalledTimes(1);
  });

  it('an in-place switch (record id and content) reports the new lead, debounced', async () => {
    const section = leadSection('L-1', 'Sanne');
    mountApp(section);
    watch();
    await vi.advanceTimersByTimeAsync(0);

    // A drawer switch renders in several steps; only the settled result counts.
    section.setAttribute('data-record-id', 'L-2');
    await vi.advanceTimersByTimeAsync(50);
    const title = section.querySelector('.lead-title');
    if (!title) throw new Error('no title');
    title.textContent = 'Mohamed';
    await vi.advanceTimersByTimeAsync(100);
    expect(reportedIds()).toEqual(['L-1']);

    await vi.advanceTimersByTimeAsync(100);
    expect(reportedIds()).toEqual(['L-1', 'L-2']);
    expect(reportedNames()).toEqual(['Sanne', 'Mohamed']);
  });

  it('a text-only change in place (same id) reports the updated snapshot', async () => {
    const section = leadSection('L-1', 'Sanne', 'VW Golf');
    mountApp(section);
    watch();
    await vi.advanceTimersByTimeAsync(0);
    const vehicle = section.querySelectorAll('dd')[1];
    vehicle?.firstChild?.replaceWith('VW Polo');
    await vi.advanceTimersByTimeAsync(200);
    expect(onLead.mock.calls.map(([s]) => s.vehicle)).toEqual(['VW Golf', 'VW Polo']);
  });

  it('a SPA re-render that replaces the section re-attaches, reports, and keeps following', async () => {
    const app = mountApp(leadSection('L-1', 'Sanne'));
    watch();
    await vi.advanceTimersByTimeAsync(0);

    const next = leadSection('L-2', 'Mohamed');
    app.replaceChildren(next);
    await vi.advanceTimersByTimeAsync(200);
    expect(reportedIds()).toEqual(['L-1', 'L-2']);

    // The watcher now follows the new section.
    next.setAttribute('data-record-id', 'L-3');
    await vi.advanceTimersByTimeAsync(200);
    expect(reportedIds()).toEqual(['L-1', 'L-2', 'L-3']);
    expect(onNoLead).not.toHaveBeenCalled();
  });

  it('re-reports the same lead after a re-render (the panel re-attaches too)', async () => {
    const app = mountApp(leadSection('L-1', 'Sanne'));
    watch();
    await vi.advanceTimersByTimeAsync(0);
    app.replaceChildren(leadSection('L-1', 'Sanne'));
    await vi.advanceTimersByTimeAsync(200);
    expect(reportedIds()).toEqual(['L-1', 'L-1']);
  });

  it('notices an ancestor replaced further up within a second', async () => {
    const wrapper = el('article', { class: 'page' }, el('nav', {}, leadSection('L-1', 'Sanne')));
    mountApp(wrapper);
    watch();
    await vi.advanceTimersByTimeAsync(0);
    wrapper.replaceWith(el('article', { class: 'page' }, el('nav', {}, leadSection('L-7', 'Fatma'))));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(reportedIds()).toEqual(['L-1', 'L-7']);
  });

  it('removing the lead reports no lead, eventually', async () => {
    const app = mountApp(leadSection('L-1', 'Sanne'));
    watch();
    await vi.advanceTimersByTimeAsync(0);
    app.replaceChildren(el('p', {}, 'Leads'));
    await vi.advanceTimersByTimeAsync(200);
    expect(onLead).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(31_000);
    expect(onNoLead).toHaveBeenCalledTimes(1);
    expect(onLead).toHaveBeenCalledTimes(1);
  });

  it('a lead that never appears reports no lead after the wait', async () => {
    mountApp(el('p', {}, 'Laden…'));
    watch();
    await vi.advanceTimersByTimeAsync(29_000);
    expect(onNoLead).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(onNoLead).toHaveBeenCalledTimes(1);
    expect(onLead).not.toHaveBeenCalled();
  });

  it('an anchor found but detached in the same task is not reported as the current lead', async () => {
    const old = leadSection('L-1', 'Old lead');
    const app = mountApp(old);
    watch(LEAD_URL);
    // The SPA tears the old view down in the same task the watcher found it in.
    old.remove();
    await vi.advanceTimersByTimeAsync(300);
    // Reporting now would read the id from the URL (L-1) with no page behind it.
    expect(onLead).not.toHaveBeenCalled();

    app.append(leadSection('L-2', 'New lead'));
    await vi.advanceTimersByTimeAsync(0);
    expect(reportedIds()).toEqual(['L-2']);
    expect(reportedNames()).toEqual(['New lead']);
  });

  it('stop() before the anchor appears: no callbacks, no timers left', async () => {
    const app = mountApp();
    const stop = watch();
    stop();
    app.append(leadSection('L-1', 'Sanne'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onLead).not.toHaveBeenCalled();
    expect(onNoLead).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stop() after a report: no callbacks for switches, removals or pending debounces', async () => {
    const section = leadSection('L-1', 'Sanne');
    const app = mountApp(section);
    const stop = watch();
    await vi.advanceTimersByTimeAsync(0);
    section.setAttribute('data-record-id', 'L-2');
    await vi.advanceTimersByTimeAsync(50);
    stop();
    await vi.advanceTimersByTimeAsync(500);
    app.replaceChildren();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reportedIds()).toEqual(['L-1']);
    expect(onNoLead).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a region that never goes quiet: an in-place switch is still reported, and re-reads stay rare', async () => {
    const section = leadSection('L-1', 'Sanne');
    const ticker = el('small', { class: 'age' }, '0 s');
    section.append(ticker);
    mountApp(section);
    const observers = spyOnObservers();
    const extract = vi.spyOn(demoAdapter, 'extract');
    watch();
    await vi.advanceTimersByTimeAsync(0);
    expect(extract).toHaveBeenCalledTimes(1);

    // A live clock inside the lead region, every 100 ms: shorter than the 150 ms quiet period.
    const busy = async (ms: number) => {
      for (let t = 0; t < ms; t += 100) {
        ticker.textContent = `${t} s`;
        await vi.advanceTimersByTimeAsync(100);
      }
    };
    await busy(500);
    section.setAttribute('data-record-id', 'L-2');
    await busy(3_000);
    expect(reportedIds()).toEqual(['L-1', 'L-2']);

    // Five seconds of constant changes cost a handful of re-reads, not one per change, and the
    // busy region is read on a timer: the observer is mostly disconnected.
    extract.mockClear();
    const callbacks = observers.callbacks;
    await busy(5_000);
    expect(extract.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(extract.mock.calls.length).toBeLessThanOrEqual(6);
    expect(observers.callbacks - callbacks).toBeLessThanOrEqual(10);
    expect(reportedIds()).toEqual(['L-1', 'L-2']);

    // Once the page calms down, a switch is seen after the usual quiet period again.
    await vi.advanceTimersByTimeAsync(12_000);
    section.setAttribute('data-record-id', 'L-3');
    await vi.advanceTimersByTimeAsync(100);
    expect(reportedIds()).toEqual(['L-1', 'L-2']);
    await vi.advanceTimersByTimeAsync(150);
    expect(reportedIds()).toEqual(['L-1', 'L-2', 'L-3']);
  });

  it('stop() while a busy region is read on a timer leaves no timers and no callbacks', async () => {
    const section = leadSection('L-1', 'Sanne');
    const ticker = el('small', {}, '0');
    section.append(ticker);
    mountApp(section);
    const stop = watch();
    await vi.advanceTimersByTimeAsync(0);
    for (let t = 0; t < 2_500; t += 100) {
      ticker.textContent = String(t);
      await vi.advanceTimersByTimeAsync(100);
    }
    stop();
    expect(vi.getTimerCount()).toBe(0);
    section.setAttribute('data-record-id', 'L-2');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(reportedIds()).toEqual(['L-1']);
  });

  it('a burst of mutations is read once, 150 ms after the last one', async () => {
    const section = leadSection('L-1', 'Sanne');
    mountApp(section);
    const extract = vi.spyOn(demoAdapter, 'extract');
    watch();
    await vi.advanceTimersByTimeAsync(0);
    extract.mockClear();
    for (let i = 0; i < 10; i += 1) {
      section.setAttribute('data-step', String(i));
      await vi.advanceTimersByTimeAsync(20);
    }
    // Last mutation at 180 ms: not read within 150 ms of it, read by 405 ms (quiet is checked every 75 ms).
    await vi.advanceTimersByTimeAsync(120);
    expect(extract).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(110);
    expect(extract).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(extract).toHaveBeenCalledTimes(1);
  });

  it('an adapter whose extract throws never throws into the page', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const broken: CrmAdapter = {
      ...demoAdapter,
      extract: () => {
        throw new Error('boom');
      },
    };
    mountApp(leadSection('L-1', 'Sanne'));
    watch(LEAD_URL, broken);
    await vi.advanceTimersByTimeAsync(500);
    expect(onLead).not.toHaveBeenCalled();
    expect(debug).toHaveBeenCalled();
  });
});
