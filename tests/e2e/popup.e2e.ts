import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inPanel, tabInFront, launchWithExtension, logAttemptInPanel, openPopup, removeProfile, startCrm, type ExtensionBrowser } from './harness';

let crm: Awaited<ReturnType<typeof startCrm>>;
let browser: ExtensionBrowser;

beforeAll(async () => {
  crm = await startCrm();
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  removeProfile(browser.profileDir);
  await crm?.close();
});

describe('popup', () => {
  it('lists the open leads with their attempt counts and focuses the lead tab on click', async () => {
    const lead = await browser.context.newPage();
    await lead.goto(`${crm.url}leads/L-1043`);
    await inPanel(lead, 'attempt-count').waitFor();
    await logAttemptInPanel(lead, 'call', 'no_answer');
    await logAttemptInPanel(lead, 'whatsapp', 'no_answer');
    const other = await browser.context.newPage();
    await other.goto(`${crm.url}leads/L-1045`);
    await inPanel(other, 'attempt-count').waitFor();

    const popup = await openPopup(browser);
    const rows = popup.locator('[data-testid="my-leads"] [data-testid="lead-row"]');
    await expect.poll(() => rows.count()).toBe(2);
    const row = popup.locator('[data-testid="lead-row"][data-lead-key="demo:L-1043"]');
    await expect.poll(() => row.locator('[data-testid="row-attempts"]').textContent()).toMatch(/\b2\b/);
    // Never worked comes before worked: L-1045 has no attempts yet.
    expect(await rows.first().getAttribute('data-lead-key')).toBe('demo:L-1045');
    await expect.poll(() => popup.locator('[data-testid="today-attempts"]').textContent()).toMatch(/\b2\b/);

    await other.bringToFront();
    expect(await tabInFront(browser, lead.url())).toBe(false);
    await popup.bringToFront();
    await row.click();
    await expect.poll(() => tabInFront(browser, lead.url())).toBe(true);
    await popup.close().catch(() => undefined);
  });
});
