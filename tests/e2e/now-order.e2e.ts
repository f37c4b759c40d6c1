import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inPanel, pinnedMorning, setupExtensionAndCrm } from './harness';

// Now puts a lead that just came in above the overdue backlog, in the popup as the rep sees
// it. The popup's clock (Playwright's) and the worker's (the e2e hook) are pinned to 10:00 on
// a business day a few days ahead, so every lead is received after Leadpace was enabled.

const env = setupExtensionAndCrm();
const MIN = 60_000;

async function createLead(name: string, createdAt: number): Promise<string> {
  const created = (await fetch(`http://127.0.0.1:${env.crm.port}/api/leads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, phone: '+31612345678', source: 'AutoScout24', vehicle: 'Kia Niro', createdAt: new Date(createdAt).toISOString() }),
  }).then((r) => r.json())) as { id: string };
  return created.id;
}

const hook = (page: Page, op: 'setNow', arg: number) =>
  page.evaluate(([o, a]) => chrome.runtime.sendMessage({ leadpaceTest: o, arg: a }), [op, arg] as const);

describe('Now order', () => {
  it('a lead received two minutes ago is on top of nine overdue ones, not under "…and 2 more"', async () => {
    const T = pinnedMorning();
    const ext = await env.browser.context.newPage();
    await ext.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
    await hook(ext, 'setNow', T);

    // Nine leads from earlier this morning nobody called (SLA 5 min), and one from just now.
    const overdue: string[] = [];
    for (let i = 0; i < 9; i++) overdue.push(await createLead(`Achterstand ${i + 1}`, T - (50 - i * 4) * MIN));
    const fresh = await createLead('Eva Nieuw', T - 2 * MIN);

    const page = await env.browser.context.newPage();
    for (const id of [...overdue, fresh]) {
      await page.goto(`${env.crm.url}leads/${id}`);
      await inPanel(page, 'attempt-count').waitFor();
    }

    const popup = await env.browser.context.newPage();
    await popup.clock.setFixedTime(T);
    await popup.goto(`chrome-extension://${env.browser.extensionId}/popup.html`);
    const rows = popup.locator('[data-testid="now-list"] [data-testid="now-row"]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(8);
    const order = await rows.evaluateAll((els) => els.map((el) => [el.getAttribute('data-lead-key'), el.getAttribute('data-state')]));
    expect(order[0]).toEqual([`demo:${fresh}`, 'new']);
    // Then the backlog, the longest overdue first.
    expect(order.slice(1)).toEqual(overdue.slice(0, 7).map((id) => [`demo:${id}`, 'overdue']));
    expect(await popup.locator('[data-testid="now-more"]').textContent()).toMatch(/2/);
    await popup.close();
    await page.close();
    await ext.close();
  });
});
