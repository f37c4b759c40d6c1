import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inPanel, setupExtensionAndCrm } from './harness';

const env = setupExtensionAndCrm();
const DAY = 24 * 60 * 60 * 1000;

const setNow = (page: Page, at: number | null) => page.evaluate((a) => chrome.runtime.sendMessage({ leadpaceTest: 'setNow', arg: a }), at);

interface Row {
  key: string;
  name?: string;
  phone?: string;
  url: string;
  status: string;
  detailsRemovedAfterDays?: number;
}

/** The extension's own database and storage, read from one of its pages. */
async function stored(page: Page): Promise<{ leads: Row[]; events: number; lastRun: unknown }> {
  return page.evaluate(async () => {
    const request = indexedDB.open('leadpace');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const read = db.transaction(store).objectStore(store).getAll();
        read.onsuccess = () => resolve(read.result as T[]);
        read.onerror = () => reject(read.error);
      });
    const result = { leads: await all<Row>('leads'), events: (await all('events')).length };
    db.close();
    const local = await chrome.storage.local.get('retentionRun');
    return { ...result, lastRun: local.retentionRun };
  });
}

describe('retention in the worker', () => {
  it('the minute alarm removes the details of a lead untouched for more than 180 days, once, and keeps its events', async () => {
    const ext = await env.browser.context.newPage();
    await ext.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    const T = Date.now();
    await setNow(ext, T);
    const lead = await env.browser.context.newPage();
    await lead.goto(`${env.crm.url}leads/L-1043`);
    await expect.poll(() => inPanel(lead, 'lead-name').textContent()).toBe('Mohamed El Amrani');
    await lead.close();
    const before = await stored(ext);
    expect(before.leads.map((l) => l.name)).toEqual(['Mohamed El Amrani']);

    const worker = await env.browser.worker();
    const fireAlarm = () => worker.evaluate(() => chrome.alarms.create('tick', { when: Date.now() + 100 }));
    // 179 days later nothing is due yet (the run is recorded, so the next one waits a day).
    await setNow(ext, T + 179 * DAY);
    await fireAlarm();
    await expect.poll(async () => (await stored(ext)).lastRun, { timeout: 15_000 }).toEqual({ lastRunAt: T + 179 * DAY });
    expect((await stored(ext)).leads[0]?.name).toBe('Mohamed El Amrani');

    await setNow(ext, T + 181 * DAY);
    await fireAlarm();
    await expect.poll(async () => (await stored(ext)).leads[0]?.name, { timeout: 15_000 }).toBeUndefined();
    const after = await stored(ext);
    expect(after.leads[0]).toMatchObject({ key: 'demo:L-1043', status: 'open', detailsRemovedAfterDays: 180, url: `${env.crm.url}leads/L-1043` });
    expect(after.leads[0]?.phone).toBeUndefined();
    expect(after.events).toBe(before.events);
    expect(after.lastRun).toEqual({ lastRunAt: T + 181 * DAY });
    await setNow(ext, null);
  });
});
