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
  const listener = (changes: StorageChanges, area: string) => {
    const change = changes[SETTINGS_STORAGE_KEY];
    if (area !== 'local' || !change) return;
    changed = true;
    onSettings(parseSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  const early = primed;
  primed = null;
  early?.stop();
  if (early?.changed) onSettings(parseSettings(early.changed.value));
  else
    (early?.read ?? readStored())
      // A change that arrived first is newer than what this read saw.
      .then((value) => changed || onSettings(parseSettings(value)))
      .catch(() => undefined);
  return () => browser.storage.onChanged.removeListener(listener);
}

type StorageChanges = Record<string, { newValue?: unknown }>;

const readStored = (): Promise<unknown> => browser.storage.local.get(SETTINGS_STORAGE_KEY).then((stored) => stored[SETTINGS_STORAGE_KEY]);

interface PrimedRead {
  read: Promise<unknown>;
  /** The newest change seen since the read started: newer than what the read returns. */
  changed: { value: unknown } | null;
  stop: () => void;
}

let primed: PrimedRead | null = null;

/**
 * Starts the settings read now (the popup calls it before React renders, which is when
 * followSettings would first read): the next followSettings takes this read, or a change seen
 * since, instead of reading again.
 */
export function primeSettings(): void {
  if (primed) return;
  const current: PrimedRead = { read: readStored(), changed: null, stop: () => browser.storage.onChanged.removeListener(listener) };
  // Events are dispatched in a later task: added in this one, it misses none after the read.
  function listener(changes: StorageChanges, area: string) {
    const change = changes[SETTINGS_STORAGE_KEY];
    if (area === 'local' && change) current.changed = { value: change.newValue };
  }
  browser.storage.onChanged.addListener(listener);
  current.read.catch(() => undefined);
  primed = current;
}
