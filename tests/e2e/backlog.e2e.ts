import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inPanel, openPopup, panel, setupExtensionAndCrm } from './harness';

// The install-day backlog: the first inbox visit finds leads from before Leadpace went live.
// They are registered as they are, but the badge does not jump and the popup shows them as one
// collapsed group with their count.

const env = setupExtensionAndCrm();
const DAY = 24 * 60 * 60_000;
const ZONE = 'Europe/Amsterdam';
const CLOSED_IN_CRM = new Set(['Verkocht', 'Verloren']);

interface CrmLead {
  id: string;
  createdAt: string | null;
  status: string;
}

const crmApi = () => `http://127.0.0.1:${env.crm.port}`;
const crmLeads = async (): Promise<CrmLead[]> => (await fetch(`${crmApi()}/api/leads`).then((r) => r.json())) as CrmLead[];

/** The start of today in the dealer's zone: the default go-live of a CRM enabled today. */
function startOfTodayInZone(now: number): number {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  for (const offset of ['+01:00', '+02:00']) {
    const candidate = Date.parse(`${parts}T00:00:00${offset}`);
    const back = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', hourCycle: 'h23' }).format(candidate);
    if (back === '00') return candidate;
  }
  throw new Error('no midnight found');
}

function hooks(extensionPage: Page) {
  return <T,>(op: 'tick' | 'badge') => extensionPage.evaluate((o) => chrome.runtime.sendMessage({ leadpaceTest: o }), op) as Promise<T>;
}

describe('backlog on the first inbox visit', () => {
  it('leaves the badge and Now to new leads and shows the backlog as one group with its count', async () => {
    // Three more leads from last week, as a real CRM's inbox has.
    for (const [i, name] of ['Oud Een', 'Oud Twee', 'Oud Drie'].entries()) {
      await fetch(`${crmApi()}/api/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, phone: '+31612340001', source: 'AutoTrack', createdAt: new Date(Date.now() - (8 + i) * DAY).toISOString() }),
      });
    }
    const goLive = startOfTodayInZone(Date.now());
    const all = await crmLeads();
    const open = all.filter((l) => !CLOSED_IN_CRM.has(l.status));
    const backlog = open.filter((l) => l.createdAt !== null && Date.parse(l.createdAt) < goLive);
    const fresh = open.filter((l) => !backlog.includes(l));
    expect(backlog.length).toBeGreaterThanOrEqual(3);

    const ext = await openPopup(env.browser);
    const call = hooks(ext);
    await call('tick');
    expect(await call<string>('badge')).toBe('');

    const inbox = await env.browser.context.newPage();
    await inbox.goto(`${env.crm.url}leads`);
    await inbox.locator('tr[data-lead-id]').first().waitFor();

    const popup = await openPopup(env.browser);
    const group = popup.locator('[data-testid="backlog-group"]');
    await expect.poll(() => group.getAttribute('data-count'), { timeout: 10_000 }).toBe(String(backlog.length));
    expect(await popup.locator('[data-testid="backlog-summary"]').textContent()).toBe(`Found in your CRM from before Leadpace (${backlog.length})`);
    expect(await group.getAttribute('open')).toBeNull();
    // Now and My leads hold only the new work.
    const nowKeys = await popup.locator('[data-testid="now-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-lead-key')));
    for (const lead of backlog) expect(nowKeys).not.toContain(`demo:${lead.id}`);
    const mine = await popup
      .locator('[data-testid="my-leads"] > ul [data-testid="lead-row"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-lead-key')));
    expect(mine.sort()).toEqual(fresh.map((l) => `demo:${l.id}`).sort());

    // The badge counts what needs action among the new leads only: it does not jump.
    await call('tick');
    const badge = await call<string>('badge');
    expect(Number(badge || '0')).toBeLessThanOrEqual(fresh.length);
    expect(Number(badge || '0')).toBe(nowKeys.length);

    // Opened, the group lists them, and one opens in the panel with its true age and a note.
    await popup.locator('[data-testid="backlog-summary"]').click();
    const rows = group.locator('[data-testid="lead-row"]');
    await expect.poll(() => rows.count()).toBe(backlog.length);
    const oldest = backlog.reduce((a, b) => (Date.parse(a.createdAt ?? '') < Date.parse(b.createdAt ?? '') ? a : b));
    const page = await env.browser.context.newPage();
    await page.goto(`${env.crm.url}leads/${oldest.id}`);
    await expect.poll(() => panel(page).getAttribute('data-lead-id')).toBe(oldest.id);
    expect(await inPanel(page, 'backlog-note').textContent()).toBe('from before Leadpace');
    expect(await panel(page).getAttribute('data-received-at')).toBe(new Date(Math.floor(Date.parse(oldest.createdAt ?? '') / 1000) * 1000).toISOString());
    await page.close();
    await popup.close();
    await inbox.close();
    await ext.close();
  });
});
