import { browser } from 'wxt/browser';
import { z } from 'zod';
import { routeForUrl } from '@/lib/crms/routes';
import { loadUserAdapters } from '@/lib/storage/user-adapters-item';
import { userRoute } from '../adapters/user/to-adapter';

export const PANEL_SCRIPT_FILE = '/crm-panel.js';
export const LIST_SCRIPT_FILE = '/crm-list.js';

export const injectPanelMessageSchema = z.object({ leadpace: z.enum(['inject-panel', 'inject-list']) });
export type InjectRequest = z.infer<typeof injectPanelMessageSchema>;

interface Sender {
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

/**
 * Injects the panel bundle (or, for an inbox, the list reader) into the frame whose detector
 * asked for it. The frame's URL comes from the browser's sender info and must belong to a known
 * CRM. (Not necessarily a lead page yet: on a SPA route change the sender's URL can still be the
 * previous page's; the injected script itself decides what to do.)
 */
export async function injectPanel(
  sender: Sender,
  request: InjectRequest = { leadpace: 'inject-panel' },
): Promise<{ ok: boolean; reason?: string }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !sender.url) return { ok: false, reason: 'no tab' };
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return { ok: false, reason: 'bad sender url' };
  }
  const builtIn = routeForUrl(url);
  // Lists are read only for built-in CRMs (lib/adapters/lists).
  if (request.leadpace === 'inject-list' && !builtIn) return { ok: false, reason: 'no list reader for this site' };
  if (!builtIn) {
    // The dealer's own adapters: only on their lead pages (their detector cannot tell).
    const user = (await loadUserAdapters()).map(userRoute).find((route) => route.isLeadPage(url));
    if (!user) return { ok: false, reason: 'not a lead page of a known CRM' };
  }
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [sender.frameId ?? 0] },
    files: [request.leadpace === 'inject-list' ? LIST_SCRIPT_FILE : PANEL_SCRIPT_FILE],
  });
  return { ok: true };
}
