import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, removeProfile, startCrm, type ExtensionBrowser } from './harness';

// A fresh install opens Options on the three-step setup; a wrong team server address is
// explained in the rep's language, telling "not a Leadpace server" from "cannot reach".

let browser: ExtensionBrowser;
let crm: Awaited<ReturnType<typeof startCrm>>;

beforeAll(async () => {
  crm = await startCrm();
  browser = await launchWithExtension();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  if (browser) removeProfile(browser.profileDir);
  await crm?.close();
});

async function setupPage(): Promise<Page> {
  const isSetup = (p: Page) => p.url() === `chrome-extension://${browser.extensionId}/options.html#setup`;
  await expect.poll(() => browser.context.pages().some(isSetup), { timeout: 15_000 }).toBe(true);
  const page = browser.context.pages().find(isSetup);
  if (!page) throw new Error('no setup page');
  return page;
}

describe('first run', () => {
  it('opens the setup on install: name and dealership, the CRM, a skippable team step, then the settings', async () => {
    const page = await setupPage();
    await page.getByTestId('setup').waitFor();
    expect(await page.getByTestId('setup-progress').textContent()).toMatch(/1/);
    await page.getByLabel(/Your name|Je naam/).fill('Sanne');
    await page.getByLabel(/Dealership name|Naam van het autobedrijf/).fill('Autobedrijf Van Dijk');
    await page.getByTestId('setup-next').click();
    await expect.poll(() => page.getByTestId('setup').getAttribute('data-step')).toBe('2');
    await page.getByTestId('crm-row').first().waitFor();
    await page.getByTestId('setup-next').click();
    await page.getByTestId('team-section').waitFor();
    await page.getByTestId('setup-skip-team').click();
    await page.getByRole('tablist').waitFor();
    expect(page.url()).toMatch(/options\.html#general$/);
    const stored = await page.evaluate(() => chrome.storage.local.get('settings'));
    expect(stored).toMatchObject({ settings: { repName: 'Sanne', dealerName: 'Autobedrijf Van Dijk' } });
  }, 60_000);

  it('a bad server address gets a Dutch error that says what to do', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#team`);
    await page.evaluate(async () => {
      const stored = (await chrome.storage.local.get('settings')) as { settings?: Record<string, unknown> };
      await chrome.storage.local.set({ settings: { ...(stored.settings ?? {}), language: 'nl' } });
    });
    await page.reload();
    await page.getByRole('tab', { name: 'Team' }).waitFor();

    // The fake CRM answers, with HTML: not a Leadpace server. Typed without http://.
    const host = new URL(crm.url).host;
    await page.getByTestId('team-server-url').fill(host);
    await page.getByTestId('team-secret').fill('lp_notarealtoken123');
    await page.getByTestId('team-connect').click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toBe('Dat adres antwoordt wel, maar het is geen Leadpace-server. Controleer het adres bij je teamleider.');
    expect(await alert.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(161, 29, 29)');

    // Nothing listens on port 9: cannot reach.
    await page.getByTestId('team-server-url').fill('http://127.0.0.1:9');
    await page.getByTestId('team-connect').click();
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toBe('De server is niet bereikbaar. Controleer het adres en je internetverbinding en probeer het opnieuw.');
    await page.close();
  }, 90_000);
});
