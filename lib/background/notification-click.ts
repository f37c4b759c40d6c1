import { browser } from 'wxt/browser';
import type { LeadpaceDb } from '@/lib/db/schema';
import { reportAddressOfNotification } from '@/lib/domain/report-nudge';
import { leadKeyOfNotification } from './nudges';
import { focusOrOpenLead } from './open-lead';

/** A notification click focuses (or opens) the lead it is about, or opens the report it announces. */
export async function openFromNotification(id: string, db: LeadpaceDb, log: (message: string) => void): Promise<void> {
  await browser.notifications.clear(id).catch(() => undefined);
  const report = reportAddressOfNotification(id);
  if (report) {
    await browser.tabs.create({ url: browser.runtime.getURL(report) });
    return;
  }
  const leadKey = leadKeyOfNotification(id);
  if (!leadKey) return;
  const result = await focusOrOpenLead(db, leadKey).catch((e: unknown) => ({ ok: false, reason: String(e) }));
  if (!result.ok) log(`open from notification failed: ${'reason' in result ? result.reason : ''}`);
}
