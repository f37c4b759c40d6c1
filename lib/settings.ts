import { storage } from 'wxt/utils/storage';
import { v7 as uuidv7 } from 'uuid';
import { fillMissingZone, firstRunSettings, isRecord, parseSettings, settingsSchema, type Settings } from './settings-schema';

export * from './settings-schema';

/** Settings live in storage.local, versioned so later shapes migrate instead of breaking. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: firstRunSettings(),
  version: 3,
  migrations: {
    // v2 added business hours, cadence, target and quiet mode; v1 values are kept.
    2: (v1: unknown): Settings => parseSettings(v1),
    // v3 only fills a missing dealer zone (with the browser's); a stored zone is never changed.
    3: (v2: unknown): unknown => (isRecord(v2) ? fillMissingZone(v2, firstRunSettings().openingHours.timeZone) : v2),
  },
});

/** Reads settings through zod: a corrupted or hand-edited value falls back field by field. */
export async function readSettings(): Promise<Settings> {
  const raw: unknown = await settingsItem.getValue();
  return parseSettings(raw);
}

export async function saveSettings(next: Settings): Promise<Settings> {
  const valid = settingsSchema.parse(next);
  await settingsItem.setValue(valid);
  return valid;
}

/** This browser's rep id: random, made once, the only identity events carry locally. */
export const repIdItem = storage.defineItem<string>('local:repId', {
  init: () => uuidv7(),
});

/** Whether the rep collapsed the panel; remembered across pages and tabs, not per CRM. */
export const panelCollapsedItem = storage.defineItem<boolean>('local:panelCollapsed', {
  fallback: false,
});
