import { describe, expect, it } from 'vitest';
import { inPanel, logAttemptInPanel, panel, setupExtensionAndCrm } from './harness';

const env = setupExtensionAndCrm();

describe('panel on the fake CRM', () => {
  it('appears on a lead page within 1 s with the test contract attributes', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.crm.url}leads/L-1042`);
    await page.locator('section.lead-detail').waitFor();
    const start = Date.now();
    await panel(page).waitFor({ state: 'attached', timeout: 1000 });
    await inPanel(page, 'lead-name').waitFor({ timeout: 1000 - (Date.now() - start) });
    expect(Date.now() - start).toBeLessThan(1000);
    await expect.poll(() => panel(page).getAttribute('data-crm')).toBe('demo');
    expect(await panel(page).getAttribute('data-lead-id')).toBe('L-1042');
    const pageName = (await page.locator('.lead-title').textContent())?.trim();
    expect(await inPanel(page, 'lead-name').textContent()).toBe(pageName);
    await expect.poll(() => inPanel(page, 'attempt-count').textContent()).toBe('0');
    await page.close();
  });

  it('is absent on the inbox list and on other sites', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.crm.url);
    await page.waitForTimeout(800);
    expect(await panel(page).count()).toBe(0);
    await page.goto(`http://elsewhere.localhost:${env.crm.port}/leads/L-1042`);
    await page.locator('section.lead-detail').waitFor();
    await page.waitForTimeout(800);
    expect(await panel(page).count()).toBe(0);
    await page.close();
  });

  it('logs attempts with one click each and undoes the last one', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.crm.url}leads/L-1043`);
    await inPanel(page, 'attempt-count').waitFor();
    await logAttemptInPanel(page, 'call', 'no_answer');
    await logAttemptInPanel(page, 'whatsapp', 'reached');
    await expect.poll(() => inPanel(page, 'lead-status').inputValue()).toBe('contacted');
    await inPanel(page, 'undo-attempt').click();
    await expect.poll(() => inPanel(page, 'attempt-count').textContent()).toBe('1');
    await expect.poll(() => inPanel(page, 'lead-status').inputValue()).toBe('open');
    await page.close();
  });
});
