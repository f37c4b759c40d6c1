import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { garageLeadPage } from '@/tests/fixtures/unknown-crm/garage-crm';
import { inPanel, launchWithExtension, panel, removeProfile, setupExtensionAndCrm, type ExtensionBrowser } from './harness';

// "Add my CRM" end to end: the picker on a CRM no adapter knows, the panel on that CRM, export
// to a file, import into a fresh profile, and the panel there too. The e2e build grants
// garage-crm.localhost at install, so "Add my CRM" meets no permission prompt.

const ORIGIN = 'http://garage-crm.localhost';
const LEADS: Record<string, { name: string; created: string; source: string; phone: string }> = {
  '4711': { name: 'Sanne Bakker', created: '26-11-2026 09:15', source: 'AutoScout24', phone: '+31 6 12345678' },
  '4712': { name: 'Youssef el Amrani', created: '26-11-2026 10:40', source: 'Website', phone: '+31 6 87654321' },
};
const ADAPTER_ID = 'user-garage-crm-localhost';

const env = setupExtensionAndCrm();
let fresh: ExtensionBrowser | null = null;
afterAll(async () => {
  await fresh?.close();
  if (fresh) removeProfile(fresh.profileDir);
});

async function serveGarageCrm(context: BrowserContext): Promise<void> {
  await context.route(`${ORIGIN}/**`, (route) => {
    const match = /\/klant\/(\d+)$/.exec(new URL(route.request().url()).pathname);
    const lead = match?.[1] ? LEADS[match[1]] : undefined;
    if (!match?.[1] || !lead) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'niet gevonden' });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: garageLeadPage({ id: match[1], ...lead }) });
  });
}

const picker = (page: Page, testId: string) => page.locator(`leadpace-picker [data-testid="${testId}"]`);

async function pick(page: Page, field: string, target: string | Locator): Promise<void> {
  await picker(page, `pick-${field}`).click();
  await (typeof target === 'string' ? page.locator(target) : target).click();
  await picker(page, `candidate-${field}-0`).waitFor();
}

async function tabIdOf(browser: ExtensionBrowser, url: string): Promise<number> {
  const worker = await browser.worker();
  const id = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, url);
  expect(id).toBeGreaterThan(0);
  return id;
}

describe('"Add my CRM" with the point-and-click picker', () => {
  let exported = '';

  it('marks the fields on an unknown CRM page and the panel appears there', async () => {
    await serveGarageCrm(env.browser.context);
    const page = await env.browser.context.newPage();
    await page.goto(`${ORIGIN}/klant/4711`);
    await page.locator('.klant-naam').waitFor();
    expect(await panel(page).count()).toBe(0);

    // What the popup's "Add my CRM" button does for the tab it was opened on.
    const popup = await env.browser.context.newPage();
    await popup.goto(`chrome-extension://${env.browser.extensionId}/popup.html?tab=${await tabIdOf(env.browser, `${ORIGIN}/klant/4711`)}`);
    await popup.locator('[data-testid="add-crm-button"]').click();
    await picker(page, 'picker-name').waitFor();
    await popup.close().catch(() => undefined); // the popup closes itself after launching

    await pick(page, 'name', '.klant-naam');
    // The generated id (ember482) and CSS-in-JS class are never offered.
    const nameSelector = await picker(page, 'candidate-name-0').locator('xpath=..').locator('code').textContent();
    expect(nameSelector).not.toMatch(/ember|css-1x9k2/);
    expect(await picker(page, 'count-name-0').textContent()).toBe('1×');

    await pick(page, 'receivedAt', 'td[data-field="aangemaakt"]');
    await pick(page, 'source', page.frameLocator('iframe.herkomst').locator('span.bron')); // inside a same-origin frame
    await pick(page, 'phone', 'contact-card a.nummer'); // inside an open shadow root
    // The picked clicks never reached the CRM: still on the same lead.
    expect(new URL(page.url()).pathname).toBe('/klant/4711');

    await picker(page, 'id-from-url').check();
    expect(await picker(page, 'url-pattern').inputValue()).toBe('/klant/{id}');
    await expect.poll(() => picker(page, 'test-name').textContent()).toBe('Sanne Bakker');
    expect(await picker(page, 'test-leadId').textContent()).toBe('4711');
    expect(await picker(page, 'test-phone').textContent()).toBe('+31612345678');
    expect(await picker(page, 'test-source').textContent()).toContain('AutoScout24');

    await picker(page, 'picker-save').click();
    await expect.poll(() => picker(page, 'picker-status').getAttribute('data-state')).toBe('saved');
    await picker(page, 'picker-close').click();

    // Without reloading the tab: the background registers the new CRM and injects the panel.
    await inPanel(page, 'lead-name').waitFor({ timeout: 10_000 });
    expect(await panel(page).getAttribute('data-crm')).toBe(ADAPTER_ID);
    expect(await panel(page).getAttribute('data-lead-id')).toBe('4711');
    expect(await inPanel(page, 'lead-name').textContent()).toBe('Sanne Bakker');
    expect(await panel(page).getAttribute('data-received-at')).toBe('2026-11-26T08:15:00.000Z');
    await page.close();
  });

  it('exports the adapter as a file from the options page', async () => {
    const options = await env.browser.context.newPage();
    await options.goto(`chrome-extension://${env.browser.extensionId}/options.html#crms`);
    const row = options.locator(`[data-testid="user-adapter"][data-crm="${ADAPTER_ID}"]`);
    await row.waitFor();
    const [download] = await Promise.all([options.waitForEvent('download'), row.locator('[data-testid="user-adapter-export"]').click()]);
    const path = await download.path();
    exported = readFileSync(path, 'utf8');
    const file = JSON.parse(exported) as { id: string; origin: string; fields: Record<string, string[]> };
    expect(file.id).toBe(ADAPTER_ID);
    expect(file.origin).toBe(ORIGIN);
    // Data, not code, and no customer data in it.
    expect(exported).not.toMatch(/Sanne|Bakker|12345678|4711/);
    expect(file.fields.phone?.[0]).toContain('>>>');
    expect(file.fields.source?.[0]).toMatch(/iframe.*>>>.*bron/);
    await options.close();
  });

  it('imports into a fresh profile: a bad file changes nothing, the good one works', async () => {
    expect(exported).not.toBe('');
    fresh = await launchWithExtension();
    await serveGarageCrm(fresh.context);
    const options = await fresh.context.newPage();
    await options.goto(`chrome-extension://${fresh.extensionId}/options.html#crms`);
    const input = options.locator('[data-testid="user-adapter-import"]');

    const broken = JSON.stringify({ ...(JSON.parse(exported) as object), fields: { name: ['h2[['] } });
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    await expect.poll(() => options.locator('[data-testid="user-adapter-notice"]').getAttribute('data-state')).toBe('rejected');
    expect(await options.locator('[data-testid="user-adapter-notice"]').textContent()).toContain('fields.name');
    expect(await options.locator('[data-testid="user-adapter"]').count()).toBe(0);

    await input.setInputFiles({ name: 'garage.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect.poll(() => options.locator('[data-testid="user-adapter-notice"]').getAttribute('data-state')).toBe('imported');
    await options.locator(`[data-testid="crm-row"][data-crm="${ADAPTER_ID}"][data-access="granted"]`).waitFor();

    const page = await fresh.context.newPage();
    await page.goto(`${ORIGIN}/klant/4712`);
    await inPanel(page, 'lead-name').waitFor({ timeout: 10_000 });
    expect(await panel(page).getAttribute('data-crm')).toBe(ADAPTER_ID);
    expect(await panel(page).getAttribute('data-lead-id')).toBe('4712');
    expect(await inPanel(page, 'lead-name').textContent()).toBe('Youssef el Amrani');
    expect(await panel(page).getAttribute('data-received-at')).toBe('2026-11-26T09:40:00.000Z');

    // Options → CRMs now knows when this CRM last showed a lead and how well it read.
    await options.reload();
    const health = options.locator(`[data-testid="crm-row"][data-crm="${ADAPTER_ID}"] [data-testid="crm-health"]`);
    await expect.poll(() => health.getAttribute('data-share')).toBe('1.00');
    expect(await health.textContent()).toContain('4712');
    await page.close();
    await options.close();
  });
});
