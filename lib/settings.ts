import { storage } from 'wxt/utils/storage';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';

export const languageSettingSchema = z.enum(['auto', 'nl', 'en']);
export type LanguageSetting = z.infer<typeof languageSettingSchema>;

export const settingsSchema = z.object({
  repName: z.string().trim().max(80),
  language: languageSettingSchema,
  dealerName: z.string().trim().max(120),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { repName: '', language: 'auto', dealerName: '' };

/** Settings live in storage.local, versioned so later shapes migrate instead of breaking. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Reads settings through zod: a corrupted or hand-edited value falls back field by field. */
export async function readSettings(): Promise<Settings> {
  const raw: unknown = await settingsItem.getValue();
  return parseSettings(raw);
}

export function parseSettings(raw: unknown): Settings {
  const whole = settingsSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    repName: settingsSchema.shape.repName.catch(DEFAULT_SETTINGS.repName).parse(source.repName),
    language: settingsSchema.shape.language.catch(DEFAULT_SETTINGS.language).parse(source.language),
    dealerName: settingsSchema.shape.dealerName.catch(DEFAULT_SETTINGS.dealerName).parse(source.dealerName),
  };
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
