import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { inPanel, panel, setupExtensionAndCrm } from './harness';

const env = setupExtensionAndCrm();

async function panelGeometry(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('leadpace-panel')?.shadowRoot;
    const box = root?.querySelector('.lp')?.getBoundingClientRect();
    const name = root?.querySelector('[data-testid="lead-name"]');
    return {
      width: box?.width,
      height: box?.height,
      nameFont: name ? getComputedStyle(name).fontSize : null,
      visible: box ? box.width > 0 && box.height > 0 : false,
    };
  });
}

describe('a hostile CRM page', () => {
  it('cannot restyle or hide the panel', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.crm.url}leads/L-1042`);
    await inPanel(page, 'attempt-count').waitFor();
    const normal = await panelGeometry(page);
    await page.goto(`${env.crm.url}leads/L-1042?hostile=1`);
    await expect.poll(() => page.locator('#hostile-css').count()).toBe(1);
    await inPanel(page, 'attempt-count').waitFor();
    const hostile = await panelGeometry(page);
    expect(hostile.visible).toBe(true);
    expect(hostile).toEqual(normal);
    await page.close();
  });

  it('does not get its single-key hotkeys while the rep types in the panel', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.crm.url}leads/L-1043`);
    await inPanel(page, 'toggle-details').click(); // the note is in the panel's folded details
    await inPanel(page, 'lead-note').waitFor();
    await page.keyboard.press('Escape');
    await page.evaluate(() => {
      (window as unknown as { __crmHotkeys: string[] }).__crmHotkeys.length = 0;
    });
    await inPanel(page, 'lead-note').click();
    await page.keyboard.type('neem kontakt op na 17:00 ng jk');
    expect(await page.evaluate(() => (window as unknown as { __crmHotkeys: string[] }).__crmHotkeys)).toEqual([]);
    // The page's own hotkeys still work outside the panel: the test is able to fail.
    await page.locator('h1.lead-title').click();
    await page.keyboard.press('n');
    expect(await page.evaluate(() => (window as unknown as { __crmHotkeys: string[] }).__crmHotkeys)).toContain('n');
    await page.close();
  });

  it('shows a lead named like an HTML tag as text', async () => {
    const page = await env.browser.context.newPage();
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await page.goto(`${env.crm.url}leads/L-1048`);
    await expect.poll(() => inPanel(page, 'lead-name').textContent()).toBe('<img src=x onerror=alert(1)>');
    expect(await page.locator('leadpace-panel img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toBe(0);
    await page.close();
  });

  it('shows what a partial page has, says what it could not read, and throws nothing into the page', async () => {
    const page = await env.browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${env.crm.url}leads/L-1047`);
    await expect.poll(() => inPanel(page, 'lead-name').textContent()).toBe('Fatma Yılmaz');
    const missing = await inPanel(page, 'missing-fields').textContent();
    expect(missing).toMatch(/phone/i);
    expect(missing).toMatch(/created time/i);
    expect(await panel(page).getAttribute('data-received-at')).toBeNull();
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
