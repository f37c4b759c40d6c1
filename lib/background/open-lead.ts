import { browser } from 'wxt/browser';
import { routeById } from './route-by-id';
import type { LeadpaceDb } from '../db/schema';
import type { Result } from '../messaging';

const sameDocument = (a: string, b: string) => a.split('#')[0] === b.split('#')[0];

/** Focuses a tab already showing the lead, or opens the lead's page in a new tab. */
export async function focusOrOpenLead(db: LeadpaceDb, leadKey: string): Promise<Result<{ tabId: number }>> {
  const lead = await db.leads.get(leadKey);
  if (!lead) return { ok: false, code: 'not-found', reason: `No lead ${leadKey}` };
  const route = routeById(lead.crm);
  const candidates = route ? await browser.tabs.query({ url: route.matches }).catch(() => []) : [];
  const existing = candidates.find((tab) => tab.url !== undefined && sameDocument(tab.url, lead.url));
  if (existing?.id !== undefined) {
    await browser.tabs.update(existing.id, { active: true });
    if (existing.windowId !== undefined) await browser.windows.update(existing.windowId, { focused: true });
    return { ok: true, value: { tabId: existing.id } };
  }
  const created = await browser.tabs.create({ url: lead.url });
  if (created.id === undefined) return { ok: false, code: 'unknown', reason: 'The browser did not open a tab' };
  return { ok: true, value: { tabId: created.id } };
}
