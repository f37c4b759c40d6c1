import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '@/scripts/lib/extension-browser';
import { PANEL_COMMANDS } from '@/lib/content/panel-commands';
import { inPanel, panel, setupExtensionAndCrm } from './harness';

const env = setupExtensionAndCrm();
const VIEWPORT = { width: 1366, height: 768 };

async function openLead(id: string): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.setViewportSize(VIEWPORT);
  await page.goto(`${env.crm.url}leads/${id}`);
  await inPanel(page, 'attempt-count').waitFor();
  return page;
}

async function box(page: Page) {
  const found = await panel(page).boundingBox();
  if (!found) throw new Error('the panel has no box');
  return found;
}

/** Drags the panel by a spot on its header that is no button (the grip and logo). */
async function dragHeaderBy(page: Page, dx: number, dy: number): Promise<void> {
  const head = await inPanel(page, 'panel-header').boundingBox();
  if (!head) throw new Error('the panel header has no box');
  const x = head.x + 40;
  const y = head.y + head.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 8 });
  await page.mouse.move(x + dx, y + dy, { steps: 8 });
  await page.mouse.up();
}

const selectedText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

/** The panel never covers more than a third of the window, in either direction. */
async function expectAThirdAtMost(page: Page, label: string): Promise<void> {
  const b = await box(page);
  const viewport = page.viewportSize() ?? VIEWPORT;
  expect(b.height, `${label}: height`).toBeLessThanOrEqual(viewport.height / 3 + 0.5);
  expect(b.width, `${label}: width`).toBeLessThanOrEqual(viewport.width / 3 + 0.5);
  expect(b.x, `${label}: left`).toBeGreaterThanOrEqual(0);
  expect(b.y, `${label}: top`).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width, `${label}: right`).toBeLessThanOrEqual(viewport.width + 0.5);
  expect(b.y + b.height, `${label}: bottom`).toBeLessThanOrEqual(viewport.height + 0.5);
}

describe('moving the panel', () => {
  it('starts compact at the bottom right and never covers more than a third of the window', async () => {
    const page = await openLead('L-1042');
    const compact = await box(page);
    expect(compact.height).toBeLessThanOrEqual(260);
    expect(compact.x + compact.width).toBeGreaterThan(VIEWPORT.width - 40);
    expect(compact.y + compact.height).toBeGreaterThan(VIEWPORT.height - 40);
    await expectAThirdAtMost(page, 'compact');
    // The contract the tests and CRM-side checks read is there in the compact state too.
    for (const id of ['lead-name', 'lead-source', 'lead-age', 'next-step', 'attempt-count', 'log-attempt', 'lead-status']) {
      expect(await inPanel(page, id).isVisible(), id).toBe(true);
    }
    expect(await inPanel(page, 'call-script').count()).toBe(1);
    expect(await inPanel(page, 'call-script').textContent()).not.toBe('');

    await inPanel(page, 'toggle-script').click();
    await expect.poll(() => inPanel(page, 'call-script').locator('li').first().isVisible()).toBe(true);
    await expectAThirdAtMost(page, 'script open');
    await inPanel(page, 'toggle-details').click();
    await inPanel(page, 'lead-note').waitFor();
    await expectAThirdAtMost(page, 'script and details open');
    await inPanel(page, 'log-attempt').click();
    // Inside the panel's own scrolling, the outcome buttons are brought into view.
    await expect.poll(() => inPanel(page, 'outcome-no_answer').isVisible()).toBe(true);
    await expectAThirdAtMost(page, 'logging');
    await page.setViewportSize({ width: 1024, height: 600 });
    await expectAThirdAtMost(page, 'a smaller window');
    await page.close();
  });

  it('drags by the header without selecting page text, and stays where it was put after a reload', async () => {
    const page = await openLead('L-1043');
    const before = await box(page);
    await dragHeaderBy(page, -700, -380);
    const after = await box(page);
    expect(after.x).toBeCloseTo(before.x - 700, 0);
    expect(after.y).toBeCloseTo(before.y - 380, 0);
    // The drag crossed the CRM's own text (name, fields): none of it is selected.
    expect(await selectedText(page)).toBe('');

    await page.reload();
    await inPanel(page, 'attempt-count').waitFor();
    await expect.poll(async () => Math.round((await box(page)).x)).toBe(Math.round(after.x));
    expect(Math.round((await box(page)).y)).toBe(Math.round(after.y));

    // Remembered for this CRM, in the extension's storage.
    const worker = await env.browser.worker();
    const stored = await worker.evaluate(async () => (await chrome.storage.local.get('panelPositions')).panelPositions as unknown);
    expect(stored).toMatchObject({ demo: { h: 'left', v: 'top' } });
    await page.close();
  });

  it('stops at the window’s edges and comes back into view when the window shrinks', async () => {
    const page = await openLead('L-1044');
    await dragHeaderBy(page, 3000, 3000);
    const corner = await box(page);
    expect(corner.x + corner.width).toBeCloseTo(VIEWPORT.width, 0);
    expect(corner.y + corner.height).toBeCloseTo(VIEWPORT.height, 0);
    await dragHeaderBy(page, -3000, -3000);
    expect(await box(page)).toMatchObject({ x: 0, y: 0 });
    await dragHeaderBy(page, 900, 300);
    await page.setViewportSize({ width: 800, height: 500 });
    await expectAThirdAtMost(page, 'after shrinking');
    await page.close();
  });

  it('moves without dragging too: a click on the grip goes to the next corner, arrow keys nudge it', async () => {
    const page = await openLead('L-1046');
    await dragHeaderBy(page, 3000, 3000); // bottom right, flush
    await inPanel(page, 'panel-move').click();
    await expect.poll(async () => Math.round((await box(page)).x)).toBe(16);
    const bottomLeft = await box(page);
    expect(bottomLeft.y + bottomLeft.height).toBeCloseTo(VIEWPORT.height - 16, 0);
    await inPanel(page, 'panel-move').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => Math.round((await box(page)).x)).toBe(16 + 24);
    expect(Math.round((await box(page)).y)).toBe(Math.round(bottomLeft.y - 24));
    await page.keyboard.press('Enter');
    await expect.poll(async () => Math.round((await box(page)).y)).toBe(16);
    await page.close();
  });

  it('the shortcuts open the panel, focus it and start logging; the panel names them as the manifest does', async () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      commands: Record<string, { suggested_key: { default: string } }>;
    };
    for (const [command, key] of Object.entries(PANEL_COMMANDS)) expect(manifest.commands[command]?.suggested_key.default).toBe(key);

    const page = await openLead('L-1045');
    expect(await inPanel(page, 'log-attempt').getAttribute('title')).toContain(PANEL_COMMANDS['log-attempt']);
    await inPanel(page, 'panel-collapse').click();
    await inPanel(page, 'panel-expand').waitFor();
    // What the background sends the active tab when the browser reports the command.
    const send = async (command: string) => {
      const worker = await env.browser.worker();
      await worker.evaluate(
        async ({ url, command }) => {
          const [tab] = await chrome.tabs.query({ url });
          if (tab?.id === undefined) throw new Error('no tab');
          await chrome.tabs.sendMessage(tab.id, { leadpace: 'panel-command', command });
        },
        { url: page.url(), command },
      );
    };
    const focused = () =>
      page.evaluate(() => document.querySelector('leadpace-panel')?.shadowRoot?.activeElement?.getAttribute('data-testid') ?? null);

    await send('focus-panel');
    await expect.poll(focused).toBe('panel');
    // From there the keyboard walks through the panel's own controls.
    await page.keyboard.press('Tab');
    await expect.poll(focused).toBe('panel-move');
    await page.keyboard.press('Tab');
    await expect.poll(focused).toBe('toggle-script');

    await send('log-attempt');
    await expect.poll(focused).toBe('channel-call');
    expect(await inPanel(page, 'channel-call').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Tab');
    await expect.poll(focused).toBe('channel-whatsapp');
    await inPanel(page, 'outcome-no_answer').click();
    await expect.poll(() => inPanel(page, 'attempt-count').textContent()).toBe('1');
    await page.close();
  });
});
