import { browser } from 'wxt/browser';
import { z } from 'zod';
import { routeForUrl } from '../adapters/routes';
import { loadUserAdapters } from '../adapters/user/store';
import { userRoute } from '../adapters/user/to-adapter';

export const PANEL_SCRIPT_FILE = '/crm-panel.js';

export const injectPanelMessageSchema = z.object({ leadpace: z.literal('inject-panel') });

interface Sender {
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

/**
 * Injects the panel bundle into the frame whose detector asked for it. The frame's URL comes
 * from the browser's sender info and must belong to a known CRM. (Not necessarily a lead page
 * yet: on a SPA route change the sender's URL can still be the previous page's; the panel
 * itself decides what to show.)
 */
export async function injectPanel(sender: Sender): Promise<{ ok: boolean; reason?: string }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !sender.url) return { ok: false, reason: 'no tab' };
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return { ok: false, reason: 'bad sender url' };
  }
  if (!routeForUrl(url)) {
    // The dealer's own adapters: only on their lead pages (their detector cannot tell).
    const user = (await loadUserAdapters()).map(userRoute).find((route) => route.isLeadPage(url));
    if (!user) return { ok: false, reason: 'not a lead page of a known CRM' };
  }
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [sender.frameId ?? 0] },
    files: [PANEL_SCRIPT_FILE],
  });
  return { ok: true };
}
