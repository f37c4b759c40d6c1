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
});
