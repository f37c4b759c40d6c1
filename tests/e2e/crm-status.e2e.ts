import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inPanel, logAttemptInPanel, openPopup, panel, setupExtensionAndCrm } from './harness';

// The CRM's own status, followed: a lead set to Verkocht or Verloren in the fake CRM's status
// field, or listed with a later status in its inbox, moves forward in Leadpace once, by the CRM.

const env = setupExtensionAndCrm();
const MIN = 60_000;

interface StoredEvent {
  leadKey: string;
  type: string;
  status?: string;
  actor?: string;
  lostReason?: string;
}

async function createLead(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const created = (await fetch(`http://127.0.0.1:${env.crm.port}/api/leads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, phone: '+31612340000', source: 'Marktplaats', vehicle: 'Kia Niro', createdAt: new Date(Date.now() - 2 * MIN).toISOString(), ...extra }),
  }).then((r) => r.json())) as { id: string };
  return created.id;
}

/** The extension's events, read from one of its pages. */
async function events(extensionPage: Page): Promise<StoredEvent[]> {
  return extensionPage.evaluate(async () => {
    const request = indexedDB.open('leadpace');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<StoredEvent[]>((resolve, reject) => {
      const read = db.transaction('events').objectStore('events').getAll();
      read.onsuccess = () => resolve(read.result as StoredEvent[]);
      read.onerror = () => reject(read.error);
    });
    db.close();
    return all;
  });
}

const statusEvents = async (ext: Page, key: string) => (await events(ext)).filter((e) => e.leadKey === key && e.type === 'status_changed');

/** Sets the status in the CRM's own select, as a rep does there, and waits for its save. */
async function setCrmStatus(page: Page, status: string): Promise<void> {
  await page.locator('select[name="status"]').selectOption(status);
  await page.locator('.toast', { hasText: `Status opgeslagen: ${status}` }).waitFor();
}

describe('the CRM’s status', () => {
  it('a lead set to Verkocht in the CRM is sold in the panel, set by the CRM, once', async () => {
    const id = await createLead('Kees Verkocht');
    const key = `demo:${id}`;
    const page = await env.browser.context.newPage();
    await page.goto(`${env.crm.url}leads/${id}`);
    await expect.poll(() => panel(page).getAttribute('data-lead-id')).toBe(id);
    await expect.poll(() => inPanel(page, 'lead-status').inputValue()).toBe('open');
    expect(await inPanel(page, 'status-from-crm').count()).toBe(0);

    await setCrmStatus(page, 'Verkocht');
    await page.reload();
    await expect.poll(() => inPanel(page, 'lead-status').inputValue(), { timeout: 10_000 }).toBe('sold');
    expect(await inPanel(page, 'status-from-crm').textContent()).toBe('set in the CRM');

    const ext = await openPopup(env.browser);
    expect(await statusEvents(ext, key)).toMatchObject([{ status: 'sold', actor: 'crm' }]);
    // Another visit with the same CRM status writes nothing.
    await page.reload();
    await expect.poll(() => inPanel(page, 'lead-status').inputValue()).toBe('sold');
    await page.waitForTimeout(800);
    expect(await statusEvents(ext, key)).toHaveLength(1);
    await ext.close();
    await page.close();
  });

  it('a lead lost in the CRM after one attempt is closed too early, as one closed in the panel', async () => {
    const id = await createLead('Lies Verloren');
    const page = await env.browser.context.newPage();
    await page.goto(`${env.crm.url}leads/${id}`);
    await expect.poll(() => panel(page).getAttribute('data-lead-id')).toBe(id);
    await inPanel(page, 'attempt-count').waitFor();
    await logAttemptInPanel(page, 'call', 'no_answer');

    await setCrmStatus(page, 'Verloren');
    await page.reload();
    await expect.poll(() => inPanel(page, 'lead-status').inputValue(), { timeout: 10_000 }).toBe('lost');
    await inPanel(page, 'closed-too-early').waitFor();
    expect(await inPanel(page, 'status-from-crm').count()).toBe(1);
    expect(await inPanel(page, 'attempt-count').textContent()).toBe('1');
    await page.close();
  });

  it('a CRM status earlier than Leadpace’s changes nothing', async () => {
    const id = await createLead('Ad Afspraak');
    const key = `demo:${id}`;
    const page = await env.browser.context.newPage();
    await page.goto(`${env.crm.url}leads/${id}`);
    await expect.poll(() => panel(page).getAttribute('data-lead-id')).toBe(id);
    await inPanel(page, 'lead-status').selectOption('shown');
    await expect.poll(() => inPanel(page, 'lead-status').inputValue()).toBe('shown');
    await setCrmStatus(page, 'Afspraak');
    await page.reload();
    await expect.poll(() => panel(page).getAttribute('data-lead-id')).toBe(id);
    await page.waitForTimeout(800);
    expect(await inPanel(page, 'lead-status').inputValue()).toBe('shown');
    const ext = await openPopup(env.browser);
    expect(await statusEvents(ext, key)).toMatchObject([{ status: 'shown' }]);
    expect((await statusEvents(ext, key))[0]?.actor).toBeUndefined();
    await ext.close();
    await page.close();
  });

  it('a row in the CRM’s inbox with a later status is followed without opening the lead', async () => {
    const id = await createLead('Anna Afspraak', { status: 'Afspraak' });
    const key = `demo:${id}`;
    const inbox = await env.browser.context.newPage();
    await inbox.goto(`${env.crm.url}leads`);
    await inbox.locator(`tr[data-lead-id="${id}"]`).waitFor();
    const ext = await openPopup(env.browser);
    await expect.poll(async () => statusEvents(ext, key), { timeout: 10_000 }).toMatchObject([{ status: 'appointment', actor: 'crm' }]);

    // The CRM moves it on; the next visit of the inbox follows it, once.
    await fetch(`http://127.0.0.1:${env.crm.port}/api/leads/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'Verkocht' }),
    });
    await inbox.reload();
    await inbox.locator(`tr[data-lead-id="${id}"]`).waitFor();
    await expect.poll(async () => (await statusEvents(ext, key)).map((e) => e.status), { timeout: 10_000 }).toEqual(['appointment', 'sold']);
    await inbox.reload();
    await inbox.locator(`tr[data-lead-id="${id}"]`).waitFor();
    await inbox.waitForTimeout(1_500);
    expect(await statusEvents(ext, key)).toHaveLength(2);
    await ext.close();
    await inbox.close();
  });
});
