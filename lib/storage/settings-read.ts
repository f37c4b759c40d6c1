import { browser } from 'wxt/browser';
import { parseSettings, type Settings } from '../settings-schema';

/** Where WXT's `local:settings` item (lib/settings.ts) keeps its value in storage.local. */
export const SETTINGS_STORAGE_KEY = 'settings';

/**
 * The stored settings, then every change to them, read from storage.local without WXT's storage
 * layer: the popup's first screen loads this and not the storage items (one of them is enough to
 * bring the whole layer along). The value goes through the same `parseSettings` as
 * `readSettings()`, which also does what the item's migrations do, so a value the background has
 * not migrated yet reads the same. Returns the unsubscribe.
 */
export function followSettings(onSettings: (settings: Settings) => void): () => void {
  let changed = false;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_STORAGE_KEY];
    if (area !== 'local' || !change) return;
    changed = true;
    onSettings(parseSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  browser.storage.local
    .get(SETTINGS_STORAGE_KEY)
    // A change that arrived first is newer than what this read saw.
    .then((stored) => changed || onSettings(parseSettings(stored[SETTINGS_STORAGE_KEY])))
    .catch(() => undefined);
  return () => browser.storage.onChanged.removeListener(listener);
}
