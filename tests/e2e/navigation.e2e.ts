import { describe, expect, it } from 'vitest';
import { inPanel, launchWithExtension, logAttemptInPanel, panel, setupExtensionAndCrm } from './harness';

const env = setupExtensionAndCrm();

const leadIdOfPanel = (page: import('playwright-core').Page) => panel(page).getAttribute('data-lead-id');

describe('following the CRM as the rep moves around', () => {
  it('switches on SPA navigation, restores the first lead on back, and follows a drawer switch', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.crm.url}leads`);
    await page.locator('a[href="/leads/L-1042"]').first().click();
    await expect.poll(() => leadIdOfPanel(page)).toBe('L-1042');
    await logAttemptInPanel(page, 'call', 'voicemail');

    await page.keyboard.press('j'); // the CRM's own "next lead" hotkey: pushState, no reload
    await expect.poll(() => page.url()).toContain('/leads/L-1043');
    await expect.poll(() => leadIdOfPanel(page)).toBe('L-1043');
    await expect.poll(() => inPanel(page, 'attempt-count').textContent()).toBe('0');
    await inPanel(page, 'panel-collapse').click();
    await page.locator('a[data-nav="prev"]').click(); // a link click: pushState as well
    await expect.poll(() => leadIdOfPanel(page)).toBe('L-1042');
    await page.locator('a[data-nav="next"]').click();
    await expect.poll(() => leadIdOfPanel(page)).toBe('L-1043');
    await inPanel(page, 'panel-expand').click();
    const secondName = (await page.locator('.lead-title').textContent())?.trim();
    await expect.poll(() => inPanel(page, 'lead-name').textContent()).toBe(secondName);

    await page.goBack();
    await expect.poll(() => leadIdOfPanel(page)).toBe('L-1042');
    await expect.poll(() => inPanel(page, 'attempt-count').textContent()).toBe('1');

    const urlBefore = page.url();
    // The drawer opens where the panel sits; a rep collapses the panel to use it.
    await inPanel(page, 'panel-collapse').click();
    await page.locator('[data-action="open-drawer"]').click();
    await page.locator('[data-drawer-lead="L-1044"]').click();
    await expect.poll(() => leadIdOfPanel(page)).toBe('L-1044');
    expect(page.url()).toBe(urlBefore);
    await inPanel(page, 'panel-expand').click();
    await expect.poll(() => inPanel(page, 'lead-name').textContent()).toBe('Jeroen Bakker');
    await inPanel(page, 'panel-collapse').click(); // collapsed state is remembered: leave it open
    await inPanel(page, 'panel-expand').click();
    await page.close();
  });

  it('leaves the inbox panel-free after navigating back to it', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.crm.url}leads/L-1045`);
    await expect.poll(() => leadIdOfPanel(page)).toBe('L-1045');
    await page.locator('a[href="/leads"]').first().click();
    await expect.poll(() => panel(page).count()).toBe(0);
    await page.close();
  });

  it('waits for a lead page that renders late', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.crm.url}leads/L-1046?delay=1500`);
    await page.waitForTimeout(500);
    expect(await panel(page).count()).toBe(0);
    await expect.poll(() => leadIdOfPanel(page), { timeout: 5000 }).toBe('L-1046');
    await page.close();
  });
});

describe('attempts persist', () => {
  it('survive a reload and a browser restart with the same profile', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.crm.url}leads/L-1049`);
    await inPanel(page, 'attempt-count').waitFor();
    await logAttemptInPanel(page, 'call', 'no_answer');
    await logAttemptInPanel(page, 'email', 'reached');
    await page.reload();
    await expect.poll(() => inPanel(page, 'attempt-count').textContent()).toBe('2');

    const profile = env.browser.profileDir;
    await env.browser.close();
    env.browser = await launchWithExtension(profile);
    const again = await env.browser.context.newPage();
    await again.goto(`${env.crm.url}leads/L-1049`);
    await expect.poll(() => inPanel(again, 'attempt-count').textContent()).toBe('2');
    expect(await inPanel(again, 'attempt').count()).toBe(2);
    await again.close();
  });
});
