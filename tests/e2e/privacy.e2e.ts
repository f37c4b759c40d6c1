import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inPanel, openPopup, setupExtensionAndCrm } from './harness';

const env = setupExtensionAndCrm();
const NAME = 'Mohamed El Amrani';

describe('Options → Privacy', () => {
  it('exports a file with the lead in it, then the wipe removes it and the popup shows no leads', async () => {
    const lead = await env.browser.context.newPage();
    await lead.goto(`${env.crm.url}leads/L-1043`);
    await expect.poll(() => inPanel(lead, 'lead-name').textContent()).toBe(NAME);

    const popupBefore = await openPopup(env.browser);
    await expect.poll(() => popupBefore.locator('[data-testid="my-leads"] [data-testid="lead-row"]').count()).toBe(1);
    await popupBefore.close();

    const options = await env.browser.context.newPage();
    await options.goto(`chrome-extension://${env.browser.extensionId}/options.html#privacy`);
    const section = options.locator('[data-testid="privacy-section"]');
    await section.waitFor();

    const [json] = await Promise.all([options.waitForEvent('download'), section.locator('[data-testid="export-json"]').click()]);
    expect(json.suggestedFilename()).toMatch(/^leadpace-export-\d{4}-\d{2}-\d{2}\.json$/);
    const exported: unknown = JSON.parse(readFileSync(await json.path(), 'utf8'));
    expect(exported).toMatchObject({ format: 'leadpace-export', schemaVersion: 1, database: { tables: { leads: [{ key: 'demo:L-1043', name: NAME }] } } });
    const [csv] = await Promise.all([options.waitForEvent('download'), section.locator('[data-testid="export-leads-csv"]').click()]);
    expect(readFileSync(await csv.path(), 'utf8')).toContain(NAME);

    // The CRM tab goes first: this test build holds its CRM sites for good, so a panel still
    // open would register the lead again right after the wipe.
    await lead.close();
    await section.locator('[data-testid="wipe-start"]').click();
    const label = (await section.locator('label', { hasText: /WIPE|WIS/ }).textContent()) ?? '';
    const word = /WIPE|WIS/.exec(label)?.[0] ?? '';
    await section.locator('[data-testid="wipe-word"]').fill(word.toLowerCase());
    await section.locator('[data-testid="wipe-confirm"]').click();
    // A wrong word deletes nothing.
    await section.locator('[aria-invalid="true"]').waitFor();
    await section.locator('[data-testid="wipe-word"]').fill(word);
    await section.locator('[data-testid="wipe-confirm"]').click();
    const done = section.locator('[data-testid="wipe-done"]');
    await done.waitFor();
    expect(await done.textContent()).toMatch(/leads: 1,/);

    const popup = await openPopup(env.browser);
    await popup.locator('[data-testid="empty-leads"]').waitFor();
    expect(await popup.locator('[data-testid="lead-row"]').count()).toBe(0);
    expect(await popup.content()).not.toContain(NAME);
    const worker = await env.browser.worker();
    const stored = await worker.evaluate(async () => Object.keys(await chrome.storage.local.get(null)));
    expect(stored).not.toContain('settings');
  });
});
