import { browser } from 'wxt/browser';
import type { CrmAdapter } from '../adapters/types';
import { allAdapters } from '@/lib/storage/user-adapters-item';
import { leadpaceDb } from '../db/schema';
import { sendMessage } from '../messaging';
import { now } from './clock';
import { recordGoLive } from './crm-follow';

/**
 * The built file of `entrypoints/crm-detector` (an unlisted script, so it touches no extension
 * API until a URL needs the panel or list bundle), registered per CRM at runtime.
 */
export const CRM_SCRIPT_FILE = '/crm-detector.js';
const ID_PREFIX = 'leadpace-crm-';

const scriptId = (adapter: CrmAdapter) => `${ID_PREFIX}${adapter.id}`;

async function isGranted(adapter: CrmAdapter): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: adapter.matches });
  } catch {
    return false;
  }
}

export interface Reconciled {
  /** CRMs whose script was newly registered: inject into their open tabs. */
  added: CrmAdapter[];
  /** Ids of CRMs whose script was removed: their open panels must go. */
  removed: string[];
}

/**
 * Makes the registered content scripts equal to the CRMs (built-in and the dealer's own) whose
 * origins are granted. Runs at every worker start: registrations vanish on extension update,
 * and permissions can change while the worker sleeps.
 */
export async function reconcileContentScripts(): Promise<Reconciled> {
  const registered = new Set((await browser.scripting.getRegisteredContentScripts()).map((s) => s.id));
  const added: CrmAdapter[] = [];
  const removed: string[] = [];
  const adapters = await allAdapters();
  const known = new Set(adapters.map(scriptId));
  for (const adapter of adapters) {
    const id = scriptId(adapter);
    const granted = await isGranted(adapter);
    if (granted && !registered.has(id)) {
      await browser.scripting.registerContentScripts([
        {
          id,
          matches: adapter.matches,
          js: [CRM_SCRIPT_FILE],
          allFrames: adapter.allFrames,
          runAt: 'document_idle',
          persistAcrossSessions: true,
        },
      ]);
      added.push(adapter);
      // Leads received before the day a CRM is first enabled are backlog, not new work.
      await recordGoLive(leadpaceDb(), adapter.id, await now());
    } else if (!granted && registered.has(id)) {
      await browser.scripting.unregisterContentScripts({ ids: [id] });
      removed.push(adapter.id);
    }
  }
  // A user adapter that was deleted leaves a registration behind: drop it too.
  for (const id of registered) {
    if (!id.startsWith(ID_PREFIX) || known.has(id)) continue;
    await browser.scripting.unregisterContentScripts({ ids: [id] });
    removed.push(id.slice(ID_PREFIX.length));
  }
  return { added, removed };
}

/** Newly enabled CRMs also work in tabs that were already open, without a reload. */
export async function injectIntoOpenTabs(adapters: CrmAdapter[]): Promise<void> {
  for (const adapter of adapters) {
    const tabs = await browser.tabs.query({ url: adapter.matches });
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      await browser.scripting
        .executeScript({ target: { tabId: tab.id, allFrames: adapter.allFrames }, files: [CRM_SCRIPT_FILE] })
        .catch(() => undefined); // a tab that navigated away or is a discarded page: nothing to do
    }
  }
}

/**
 * Tells every tab that these CRMs are off. Content scripts keep running after their
 * permission is gone, so each panel removes itself; tabs without a panel ignore it. No URL
 * filter: without the permission we may no longer query those tabs by URL.
 */
export async function withdrawFromOpenTabs(crms: string[]): Promise<void> {
  if (crms.length === 0) return;
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined ? undefined : sendMessage('crm/disabled', { crms }, tab.id).catch(() => undefined),
    ),
  );
}

/** After any change of permissions or user adapters: scripts, open tabs and panels follow. */
export async function syncCrmAccess(): Promise<Reconciled> {
  const result = await reconcileContentScripts();
  await injectIntoOpenTabs(result.added);
  await withdrawFromOpenTabs(result.removed);
  return result;
}

/** Every CRM script Leadpace registered, gone (the wipe); answers the CRMs they were for. */
export async function unregisterAllContentScripts(): Promise<string[]> {
  const ids = (await browser.scripting.getRegisteredContentScripts()).map((s) => s.id).filter((id) => id.startsWith(ID_PREFIX));
  if (ids.length > 0) await browser.scripting.unregisterContentScripts({ ids });
  return ids.map((id) => id.slice(ID_PREFIX.length));
}
