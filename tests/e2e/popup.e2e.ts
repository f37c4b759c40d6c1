import { describe, expect, it } from 'vitest';
import { plannedKeys } from '@/scripts/lib/plan-row';
import { createFreshLead, inPanel, logAttemptInPanel, openPopup, tabInFront, setupExtensionAndCrm } from './harness';

const env = setupExtensionAndCrm();

describe('popup', () => {
  it('lists the open leads with their attempt counts and focuses the lead tab on click', async () => {
    const lead = await env.browser.context.newPage();
    await lead.goto(`${env.crm.url}leads/L-1043`);
    await inPanel(lead, 'attempt-count').waitFor();
    await logAttemptInPanel(lead, 'call', 'no_answer');
    await logAttemptInPanel(lead, 'whatsapp', 'no_answer');
    // A lead received just now (the seeded ones a day old are install-day backlog).
    const fresh = await createFreshLead(env.crm, 'Iris Mulder');
    const other = await env.browser.context.newPage();
    await other.goto(`${env.crm.url}leads/${fresh}`);
    await inPanel(other, 'attempt-count').waitFor();

    const popup = await openPopup(env.browser);
    const rows = popup.locator('[data-testid="my-leads"] [data-testid="lead-row"]');
    await expect.poll(() => rows.count()).toBe(2);
    const row = popup.locator('[data-testid="lead-row"][data-lead-key="demo:L-1043"]');
    await expect.poll(() => row.locator('[data-testid="row-attempts"]').textContent()).toMatch(/\b2\b/);
    // Never worked comes before worked: the fresh lead has no attempts yet.
    expect(await rows.first().getAttribute('data-lead-key')).toBe(`demo:${fresh}`);
    await expect.poll(() => popup.locator('[data-testid="today-attempts"]').textContent()).toMatch(/\b2\b/);
    // The background keeps the plans of the open leads the popup ranks from (popup-plan.ts).
    await expect.poll(() => plannedKeys(popup)).toEqual([`demo:${fresh}`, 'demo:L-1043'].sort());
    await popup.reload();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().getAttribute('data-lead-key')).toBe(`demo:${fresh}`);

    await other.bringToFront();
    expect(await tabInFront(env.browser, lead.url())).toBe(false);
    await popup.bringToFront();
    await row.click();
    await expect.poll(() => tabInFront(env.browser, lead.url())).toBe(true);
    await popup.close().catch(() => undefined);
  });
});
