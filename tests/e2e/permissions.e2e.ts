import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inPanel, panel, setupExtensionAndCrm } from './harness';

// Grant and revoke through Chrome's own extension settings (chrome://extensions → Site access),
// which is what a dealer or an IT admin uses and what fires permissions.onAdded/onRemoved. The
// extension's own "Enable" button goes through permissions.request, whose prompt Playwright
// cannot answer; both paths end in the same events and the same code.

const env = setupExtensionAndCrm();
const DEMO = 'http://leadpace-demo.localhost/*';

interface DeveloperPrivate {
  updateExtensionConfiguration(update: { extensionId: string; hostAccess: string }): Promise<void>;
  addHostPermission(extensionId: string, host: string): Promise<void>;
}

async function siteAccess(page: Page, extensionId: string, change: { withholdAll: true } | { grant: string }): Promise<void> {
  await page.evaluate(
    async ({ id, change }) => {
      const api = (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate;
      if ('grant' in change) await api.addHostPermission(id, change.grant);
      else await api.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_CLICK' });
    },
    { id: extensionId, change },
  );
}

async function registeredScripts(): Promise<string[]> {
  const worker = await env.browser.worker();
  return worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.id).sort());
}

describe('granting and revoking a CRM in real Chromium', () => {
  it('revoke removes the open panel and the scripts; grant brings the panel back without a reload', async () => {
    const lead = await env.browser.context.newPage();
    await lead.goto(`${env.crm.url}leads/L-1042`);
    await inPanel(lead, 'lead-name').waitFor();
    expect(await registeredScripts()).toContain('leadpace-crm-demo');

    const settings = await env.browser.context.newPage();
    await settings.goto('chrome://extensions');
    await siteAccess(settings, env.browser.extensionId, { withholdAll: true });

    await expect.poll(() => panel(lead).count(), { timeout: 5_000 }).toBe(0);
    await expect.poll(registeredScripts).toEqual([]);
    // A fresh page load of the CRM gets nothing either.
    await lead.goto(`${env.crm.url}leads/L-1043`);
    await lead.locator('section.lead-detail').waitFor();
    await lead.waitForTimeout(800);
    expect(await panel(lead).count()).toBe(0);

    await siteAccess(settings, env.browser.extensionId, { grant: DEMO });
    // The tab that was already open gets the panel without reloading it or the extension.
    await inPanel(lead, 'lead-name').waitFor({ timeout: 5_000 });
    expect(await panel(lead).getAttribute('data-lead-id')).toBe('L-1043');
    expect(await registeredScripts()).toEqual(['leadpace-crm-demo']);
    await lead.close();
    await settings.close();
  });

  it('revoking also stops an open inbox from registering new leads; granting again resumes it', async () => {
    const settings = await env.browser.context.newPage();
    await settings.goto('chrome://extensions');
    await siteAccess(settings, env.browser.extensionId, { grant: DEMO });
    const inbox = await env.browser.context.newPage();
    await inbox.goto(`${env.crm.url}leads`);
    await inbox.locator('tr[data-lead-id]').first().waitFor();
    const extensionPage = await env.browser.context.newPage();
    await extensionPage.goto(`chrome-extension://${env.browser.extensionId}/popup.html`);

    const before = await postLead('Eva Smit');
    await inbox.locator(`tr[data-lead-id="${before}"]`).waitFor({ timeout: 10_000 });
    await expect.poll(() => knownLeadKeys(extensionPage), { timeout: 10_000 }).toContain(`demo:${before}`);

    await siteAccess(settings, env.browser.extensionId, { withholdAll: true });
    await expect.poll(registeredScripts).toEqual([]);
    const after = await postLead('Bram Visser');
    // The inbox still shows it (it polls every 2 s), but Leadpace no longer reads that site.
    await inbox.locator(`tr[data-lead-id="${after}"]`).waitFor({ timeout: 10_000 });
    await inbox.waitForTimeout(1_500);
    expect(await knownLeadKeys(extensionPage)).not.toContain(`demo:${after}`);

    // Granted again: the open inbox is read again, without a reload.
    await siteAccess(settings, env.browser.extensionId, { grant: DEMO });
    const again = await postLead('Lotte de Boer');
    await inbox.locator(`tr[data-lead-id="${again}"]`).waitFor({ timeout: 10_000 });
    await expect.poll(() => knownLeadKeys(extensionPage), { timeout: 10_000 }).toContain(`demo:${again}`);
    await inbox.close();
    await extensionPage.close();
    await settings.close();
  });
});

/** Adds a lead to the fake CRM (Node does not resolve *.localhost: use the loopback address). */
async function postLead(name: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${env.crm.port}/api/leads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, phone: '+31612300000', source: 'Website', createdAt: new Date().toISOString() }),
  });
  return ((await response.json()) as { id: string }).id;
}

/** Keys of the leads in the extension's database, read from one of its pages. */
async function knownLeadKeys(extensionPage: Page): Promise<string[]> {
  return extensionPage.evaluate(async () => {
    const request = indexedDB.open('leadpace');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const keys = await new Promise<string[]>((resolve, reject) => {
      const read = db.transaction('leads').objectStore('leads').getAllKeys();
      read.onsuccess = () => resolve(read.result.map(String));
      read.onerror = () => reject(read.error);
    });
    db.close();
    return keys;
  });
}
