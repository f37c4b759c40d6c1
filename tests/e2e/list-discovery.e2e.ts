import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inPanel, openPopup, panel, setupExtensionAndCrm } from './harness';

// New-lead discovery (issue 3): the fake CRM's inbox registers every lead it shows, with the
// CRM's received time, before anyone opens a lead.

const env = setupExtensionAndCrm();

interface CrmLead {
  id: string;
  name: string;
  createdAt: string | null;
  status: string;
}
interface StoredLead {
  key: string;
  open: 0 | 1;
  backlog: boolean;
  attemptCount: number;
  receivedAt: number;
  receivedAtKnown: boolean;
  source: string;
  name?: string;
  url: string;
}
interface StoredEvent {
  leadKey: string;
  type: string;
}

// The CRM prints its created times to the second (`<time datetime>`), as its lead pages do.
const toSecond = (iso: string) => Math.floor(Date.parse(iso) / 1000) * 1000;

/** What the fake CRM holds (Node does not resolve *.localhost: use the loopback address). */
async function crmLeads(): Promise<CrmLead[]> {
  return (await fetch(`http://127.0.0.1:${env.crm.port}/api/leads`).then((r) => r.json())) as CrmLead[];
}

/** The extension's own database, read from one of its pages. */
async function database(extensionPage: Page): Promise<{ leads: StoredLead[]; events: StoredEvent[] }> {
  return extensionPage.evaluate(async () => {
    const request = indexedDB.open('leadpace');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const read = db.transaction(store).objectStore(store).getAll();
        read.onsuccess = () => resolve(read.result as T[]);
        read.onerror = () => reject(read.error);
      });
    const result = { leads: await all<StoredLead>('leads'), events: await all<StoredEvent>('events') };
    db.close();
    return result;
  });
}

describe('new leads from the CRM inbox', () => {
  it('registers the inbox’s leads with their received times without opening any, once', async () => {
    const seeded = await crmLeads();
    const inbox = await env.browser.context.newPage();
    await inbox.goto(`${env.crm.url}leads`);
    await inbox.locator('tr[data-lead-id]').first().waitFor();

    const popup = await openPopup(env.browser);
    // Every lead the inbox shows is registered, with the CRM's received time.
    await expect.poll(async () => (await database(popup)).leads.length, { timeout: 10_000 }).toBe(seeded.length);
    const { leads, events } = await database(popup);
    for (const lead of seeded) {
      const stored = leads.find((l) => l.key === `demo:${lead.id}`);
      expect(stored, lead.id).toBeDefined();
      expect(stored?.url).toBe(`${env.crm.url}leads/${lead.id}`);
      if (lead.createdAt) {
        expect(stored?.receivedAt, lead.id).toBe(toSecond(lead.createdAt));
        expect(stored?.receivedAtKnown).toBe(true);
      } else {
        expect(stored?.receivedAtKnown).toBe(false);
      }
    }
    expect(leads.find((l) => l.key === 'demo:L-1042')).toMatchObject({ source: 'marktplaats', name: 'Sanne de Vries' });
    // One lead_seen per lead; anything else is the CRM's own status, followed once.
    expect(events.filter((e) => e.type === 'lead_seen')).toHaveLength(seeded.length);
    const crmStatus = events.filter((e) => e.type !== 'lead_seen');
    expect(crmStatus.every((e) => e.type === 'status_changed')).toBe(true);

    // Open leads are either new work (My leads) or the install-day backlog (its own group):
    // which one depends on the time of day the test runs, so both are read from the database.
    const open = leads.filter((l) => l.open === 1);
    const backlog = open.filter((l) => l.backlog && l.attemptCount === 0);
    const rows = popup.locator('[data-testid="my-leads"] [data-testid="lead-row"]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(open.length - backlog.length);
    for (const lead of open.filter((l) => !backlog.includes(l))) {
      await expect.poll(() => popup.locator(`[data-testid="my-leads"] [data-lead-key="${lead.key}"]`).count()).toBe(1);
    }
    if (backlog.length > 0) {
      expect(await popup.getByTestId('backlog-group').getAttribute('data-count')).toBe(String(backlog.length));
    }
    // Only the lead without a created time in the CRM says its age counts from first sight.
    const partial = seeded.find((lead) => lead.createdAt === null);
    expect(partial).toBeDefined();
    if (partial && !backlog.some((l) => l.key === `demo:${partial.id}`)) {
      expect(await popup.locator(`[data-lead-key="demo:${partial.id}"] [data-testid="row-age"]`).textContent()).toMatch(/\*$/);
    }
    // The inbox itself gets no panel.
    expect(await panel(inbox).count()).toBe(0);

    // The inbox polls every two seconds; re-renders and a revisit add nothing.
    await inbox.waitForTimeout(2_500);
    await inbox.reload();
    await inbox.locator('tr[data-lead-id]').first().waitFor();
    await inbox.waitForTimeout(1_500);
    expect((await database(popup)).events).toHaveLength(seeded.length + crmStatus.length);
    await popup.close();
    await inbox.close();
  });

  it('a lead that arrives while the inbox is open starts its clock at once; opening it keeps that clock', async () => {
    const inbox = await env.browser.context.newPage();
    await inbox.goto(`${env.crm.url}leads`);
    await inbox.locator('tr[data-lead-id]').first().waitFor();
    const createdAt = new Date(Date.now() - 60_000).toISOString();
    const created = (await fetch(`http://127.0.0.1:${env.crm.port}/api/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Daan Verhoeven', phone: '+31612398765', source: 'AutoTrack', vehicle: 'Volkswagen T-Roc', createdAt }),
    }).then((r) => r.json())) as { id: string };
    const key = `demo:${created.id}`;
    await inbox.locator(`tr[data-lead-id="${created.id}"]`).waitFor({ timeout: 10_000 });

    const extension = await openPopup(env.browser);
    await expect
      .poll(async () => (await database(extension)).leads.find((l) => l.key === key)?.receivedAt ?? null, { timeout: 10_000 })
      .toBe(toSecond(createdAt));

    // The rep opens it from the inbox: the panel shows the same clock and no second first sight.
    await inbox.locator(`tr[data-lead-id="${created.id}"] a`).first().click();
    await expect.poll(() => panel(inbox).getAttribute('data-lead-id')).toBe(created.id);
    await expect.poll(() => inPanel(inbox, 'attempt-count').textContent()).toBe('0');
    expect(await panel(inbox).getAttribute('data-received-at')).toBe(new Date(toSecond(createdAt)).toISOString());
    const after = await database(extension);
    expect(after.events.filter((e) => e.leadKey === key).map((e) => e.type)).toEqual(['lead_seen']);
    expect(after.leads.find((l) => l.key === key)).toMatchObject({ name: 'Daan Verhoeven', source: 'autotrack' });

    // Back to the inbox (SPA navigation): the list is watched again, nothing is sent twice.
    await inbox.goBack();
    await inbox.locator('tr[data-lead-id]').first().waitFor();
    await inbox.waitForTimeout(1_500);
    expect((await database(extension)).events.filter((e) => e.type === 'lead_seen' && e.leadKey === key)).toHaveLength(1);
    await extension.close();
    await inbox.close();
  });
});
