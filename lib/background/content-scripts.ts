import { browser } from 'wxt/browser';
import { ADAPTERS } from '../adapters/registry';
import type { CrmAdapter } from '../adapters/types';

/** The built file of `entrypoints/crm.content`, registered per CRM at runtime. */
export const CRM_SCRIPT_FILE = '/content-scripts/crm.js';
const ID_PREFIX = 'leadpace-crm-';

const scriptId = (adapter: CrmAdapter) => `${ID_PREFIX}${adapter.id}`;

async function isGranted(adapter: CrmAdapter): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: adapter.matches });
  } catch {
    return false;
  }
}

/**
 * Makes the registered content scripts equal to the CRMs whose origins are granted.
 * Runs at every worker start: registrations vanish on extension update, and permissions can
 * change while the worker sleeps. Returns the adapters that were newly registered.
 */
export async function reconcileContentScripts(): Promise<CrmAdapter[]> {
  const registered = new Set((await browser.scripting.getRegisteredContentScripts()).map((s) => s.id));
  const added: CrmAdapter[] = [];
  for (const adapter of ADAPTERS) {
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
    } else if (!granted && registered.has(id)) {
      await browser.scripting.unregisterContentScripts({ ids: [id] });
    }
  }
  return added;
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
