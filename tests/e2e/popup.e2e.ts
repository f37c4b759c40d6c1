import { describe, expect, it } from 'vitest';
import { inPanel, logAttemptInPanel, openPopup, tabInFront, setupExtensionAndCrm } from './harness';

const env = setupExtensionAndCrm();

describe('popup', () => {
  it('lists the open leads with their attempt counts and focuses the lead tab on click', async () => {
    const lead = await env.browser.context.newPage();
    await lead.goto(`${env.crm.url}leads/L-1043`);
    await inPanel(lead, 'attempt-count').waitFor();
    await logAttemptInPanel(lead, 'call', 'no_answer');
    await logAttemptInPanel(lead, 'whatsapp', 'no_answer');
    const other = await env.browser.context.newPage();
    await other.goto(`${env.crm.url}leads/L-1045`);
    await inPanel(other, 'attempt-count').waitFor();

    const popup = await openPopup(env.browser);
    const rows = popup.locator('[data-testid="my-leads"] [data-testid="lead-row"]');
    await expect.poll(() => rows.count()).toBe(2);
    const row = popup.locator('[data-testid="lead-row"][data-lead-key="demo:L-1043"]');
    await expect.poll(() => row.locator('[data-testid="row-attempts"]').textContent()).toMatch(/\b2\b/);
    // Never worked comes before worked: L-1045 has no attempts yet.
    expect(await rows.first().getAttribute('data-lead-key')).toBe('demo:L-1045');
    await expect.poll(() => popup.locator('[data-testid="today-attempts"]').textContent()).toMatch(/\b2\b/);

    await other.bringToFront();
    expect(await tabInFront(env.browser, lead.url())).toBe(false);
    await popup.bringToFront();
    await row.click();
    await expect.poll(() => tabInFront(env.browser, lead.url())).toBe(true);
    await popup.close().catch(() => undefined);
  });
});
