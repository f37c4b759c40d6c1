import { describe, expect, it } from 'vitest';
import { createFreshLead, inPanel, setupExtensionAndCrm } from './harness';

// A US tenant's CRM prints its times in America/Chicago while the dealer zone is Amsterdam (the
// browser's zone at first run): the panel says so in one line and links to the setting.

describe('zone notice', () => {
  const env = setupExtensionAndCrm();

  it('a Chicago page read in Amsterdam gets a one-line notice that opens the zone setting, and stays dismissed for that CRM', async () => {
    const id = await createFreshLead(env.crm, 'Zone Test', Date.now() - 2 * 3_600_000);
    const page = await env.browser.context.newPage();
    await page.goto(new URL(`/leads/${id}?zone=America/Chicago`, env.crm.url).href);
    const notice = inPanel(page, 'zone-notice');
    await notice.waitFor({ timeout: 10_000 });
    // Chicago is 7 hours behind Amsterdam, all year but a few weeks in March and autumn.
    expect(Number(await notice.getAttribute('data-minutes'))).toBeOneOf([-420, -360]);
    expect(await notice.textContent()).toMatch(/Europe\/Amsterdam/);

    const opened = env.browser.context.waitForEvent('page');
    await inPanel(page, 'zone-notice-open').click();
    const options = await opened;
    await options.waitForLoadState();
    expect(options.url()).toMatch(/options\.html#hours\/timeZone$/);
    const zone = options.getByLabel('Time zone', { exact: true }).or(options.getByLabel('Tijdzone', { exact: true }));
    await expect.poll(() => options.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? null)).toBe('Europe/Amsterdam');
    expect(await zone.evaluate((el) => el === document.activeElement)).toBe(true);
    await options.close();

    await inPanel(page, 'zone-notice-dismiss').click();
    await notice.waitFor({ state: 'detached' });
    await page.reload();
    await inPanel(page, 'lead-name').waitFor();
    // Give the idle check its time, then make sure it stayed away.
    await page.waitForTimeout(2_500);
    expect(await notice.count()).toBe(0);
    await page.close();
  });

  it('the same lead in the dealer zone shows no notice', async () => {
    const id = await createFreshLead(env.crm, 'Zone Agrees', Date.now() - 3_600_000);
    const page = await env.browser.context.newPage();
    await page.goto(new URL(`/leads/${id}?zone=Europe/Amsterdam`, env.crm.url).href);
    await inPanel(page, 'lead-name').waitFor();
    await page.waitForTimeout(2_500);
    expect(await inPanel(page, 'zone-notice').count()).toBe(0);
    await page.close();
  });
});
