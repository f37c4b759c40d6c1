import { browser } from 'wxt/browser';
import { allAdapters } from '@/lib/storage/user-adapters-item';
import { unregisterAllContentScripts, withdrawFromOpenTabs } from '../background/content-scripts';
import { leadpaceDb } from '../db/schema';
import { wipeEverything, type WipeDeps, type WipeResult } from './wipe';

/**
 * Gives up the CRM sites the dealer granted (else the next worker start registers the scripts
 * again) and unregisters the scripts; sites a build requires cannot be given up and stay.
 */
async function withdrawFromCrms(): Promise<string[]> {
  for (const adapter of await allAdapters()) {
    await browser.permissions.remove({ origins: adapter.matches }).catch(() => false);
  }
  const crms = await unregisterAllContentScripts();
  await withdrawFromOpenTabs(crms);
  return crms;
}

/** The wipe as the worker runs it. */
export const browserWipeDeps = (log: (message: string) => void): WipeDeps => ({
  db: leadpaceDb,
  storage: { get: () => browser.storage.local.get(null), clear: () => browser.storage.local.clear() },
  withdrawFromCrms,
  extensionOrigin: browser.runtime.getURL('/'),
  log,
});

/** The worker's `privacy/wipe` handler. */
export const wipeFromMessage = (data: unknown, senderUrl: string | undefined, log: (message: string) => void): Promise<WipeResult> =>
  wipeEverything(data, senderUrl, browserWipeDeps(log));
