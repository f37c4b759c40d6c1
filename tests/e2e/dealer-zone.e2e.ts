import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension as launch, removeProfile, type ExtensionBrowser } from '@/scripts/lib/extension-browser';

// A fresh install reads CRM times in the zone the browser runs in: a rep in Chicago must not
// be an hour or more off until someone finds the setting.

describe('dealer zone at first run', () => {
  let browser: ExtensionBrowser | undefined;
  beforeAll(async () => {
    browser = await launch(undefined, { headless: true, timeZone: 'America/Chicago' });
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
  });

  it('a browser in Chicago starts in America/Chicago without Dutch holidays, changeable in Settings', async () => {
    if (!browser) throw new Error('no browser');
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#hours`);
    const zone = page.getByLabel('Time zone', { exact: true }).or(page.getByLabel('Tijdzone', { exact: true }));
    await expect.poll(() => zone.inputValue()).toBe('America/Chicago');
    const holidays = page.getByLabel(/^(Closed on Dutch public holidays|Gesloten op Nederlandse feestdagen)$/);
    expect(await holidays.isChecked()).toBe(false);
    // The worker reads the same first-run zone the form shows.
    const worker = await browser.worker();
    const workerZone = await worker.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(workerZone).toBe('America/Chicago');

    await zone.fill('Europe/Amsterdam');
    await page.getByTestId('hours-browser-zone').waitFor();
    await page.getByRole('button', { name: /^(Save opening hours|Openingstijden opslaan)$/ }).click();
    await page.getByTestId('hours-saved').waitFor();
    const stored = await worker.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      return settings as { openingHours?: { timeZone?: string } } | undefined;
    });
    expect(stored?.openingHours?.timeZone).toBe('Europe/Amsterdam');
    await page.reload();
    await expect.poll(() => zone.inputValue()).toBe('Europe/Amsterdam');
  });
});
