import { describe, expect, it } from 'vitest';
import { inPanel, logAttemptInPanel, openPopup, setupExtensionAndCrm } from './harness';

const env = setupExtensionAndCrm();

// The popup re-reads on Dexie's change notifications; writes come from the background worker,
// so this is the cross-context path (Dexie's BroadcastChannel), not a same-page write.
describe('popup, live', () => {
  it('shows an attempt logged in the CRM while the popup is open', async () => {
    const lead = await env.browser.context.newPage();
    await lead.goto(`${env.crm.url}leads/L-1043`);
    await inPanel(lead, 'attempt-count').waitFor();

    const popup = await openPopup(env.browser);
    const row = popup.locator('[data-testid="my-leads"] [data-testid="lead-row"][data-lead-key="demo:L-1043"]');
    await expect.poll(() => row.locator('[data-testid="row-attempts"]').getAttribute('data-count')).toBe('0');
    await expect.poll(() => popup.locator('[data-testid="today-attempts"]').textContent()).toBe('0');

    await logAttemptInPanel(lead, 'call', 'no_answer');
    await expect.poll(() => row.locator('[data-testid="row-attempts"]').getAttribute('data-count')).toBe('1');
    await expect.poll(() => popup.locator('[data-testid="today-attempts"]').textContent()).toBe('1');
    await popup.close().catch(() => undefined);
  });
});
