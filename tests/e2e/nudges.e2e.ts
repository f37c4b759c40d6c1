import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { amsterdamDate, inPanel, panel, pinnedMorning, setupExtensionAndCrm } from './harness';

const env = setupExtensionAndCrm();

// A business morning in Amsterdam, well inside opening hours, after the CRM's go-live.
const T0 = pinnedMorning();
const MIN = 60_000;

type Op = 'setNow' | 'tick' | 'badge' | 'notifications' | 'alarm' | 'click';

/**
 * Talks to the e2e build's test hooks from an extension page. A runtime message, like any
 * real event, wakes a stopped worker.
 */
function hooks(extensionPage: Page) {
  return <T,>(op: Op, arg?: number | string) =>
    extensionPage.evaluate(([o, a]) => chrome.runtime.sendMessage({ leadpaceTest: o, arg: a }), [op, arg] as const) as Promise<T>;
}

/** Stops the extension's service worker over CDP, as Chrome does when it idles. */
async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await env.browser.context.newCDPSession(page);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.includes(env.browser.extensionId) && v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

describe('nudges', () => {
  it('badge, one notification per step, and a click that focuses the lead survive a stopped worker', async () => {
    const created = (await fetch(`http://127.0.0.1:${env.crm.port}/api/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Lotte Smit',
        phone: '+31611122233',
        email: 'lotte.smit@example.com',
        source: 'AutoScout24',
        vehicle: 'Volkswagen Golf 8 1.5 TSI (2022)',
        createdAt: new Date(T0 - 2 * MIN).toISOString(),
      }),
    }).then((r) => r.json())) as { id: string };
    const key = `demo:${created.id}`;
    const ext = await env.browser.context.newPage();
    await ext.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    const call = hooks(ext);

    await call('setNow', T0);
    const lead = await env.browser.context.newPage();
    await lead.goto(`${env.crm.url}leads/${created.id}`);
    await expect.poll(() => panel(lead).getAttribute('data-lead-id')).toBe(created.id);
    await inPanel(lead, 'attempt-count').waitFor();

    // Two minutes old: new, needs a call now. (Seeing the lead already ran a tick.)
    let tick = await call<{ badgeText: string; notified: string[] }>('tick');
    expect(tick.badgeText).toBe('1');
    expect(await call('badge')).toBe('1');
    // The lead's own notification, and the day's first tick in opening hours gave the summary.
    expect(await call('notifications')).toEqual([`lead:${key}`, `summary:${amsterdamDate(T0)}:${key}`]);

    await stopServiceWorker(lead);

    // Ten minutes later nobody called: overdue. Still one lead on the badge, and the same step
    // is not notified twice although the worker was stopped in between.
    await call('setNow', T0 + 10 * MIN);
    tick = await call('tick');
    expect(tick).toEqual({ badgeText: '1', notified: [] });
    expect(await call('notifications')).toEqual([`lead:${key}`, `summary:${amsterdamDate(T0)}:${key}`]);
    expect(await call('alarm')).toBe(1);

    // The rep is elsewhere; the notification's click brings the lead's tab forward.
    const elsewhere = await env.browser.context.newPage();
    await elsewhere.goto(`${env.crm.url}voorraad`); // not the inbox: that would register its leads
    await elsewhere.bringToFront();
    const leadTabInFront = () =>
      ext.evaluate(async (url) => {
        const [tab] = await chrome.tabs.query({ url });
        if (!tab || tab.windowId === undefined) return null;
        const window = await chrome.windows.get(tab.windowId);
        return tab.active && window.focused;
      }, lead.url());
    await expect.poll(leadTabInFront).toBe(false);
    await stopServiceWorker(elsewhere);
    await call('click', `lead:${key}`);
    await expect.poll(leadTabInFront).toBe(true);

    // Logging the call empties the badge; nothing was lost or duplicated along the way.
    await call('setNow', T0 + 11 * MIN);
    await inPanel(lead, 'log-attempt').click();
    await inPanel(lead, 'outcome-reached').click();
    await expect.poll(() => inPanel(lead, 'attempt-count').textContent()).toBe('1');
    await stopServiceWorker(lead);
    tick = await call('tick');
    expect(tick.badgeText).toBe('');
    const types = await ext.evaluate(async (leadKey) => {
      const request = indexedDB.open('leadpace');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const all = await new Promise<{ type: string; leadKey: string }[]>((resolve, reject) => {
        const read = db.transaction('events').objectStore('events').getAll();
        read.onsuccess = () => resolve(read.result as { type: string; leadKey: string }[]);
        read.onerror = () => reject(read.error);
      });
      db.close();
      return all.filter((e) => e.leadKey === leadKey).map((e) => e.type).sort();
    }, key);
    expect(types).toEqual(['attempt_logged', 'lead_seen']);
  });
});
