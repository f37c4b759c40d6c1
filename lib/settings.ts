import { storage } from 'wxt/utils/storage';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { DEFAULT_OPENING_HOURS } from './domain/business-time';
import { DEFAULT_CADENCE_SETTINGS, cadenceSettingsSchema } from './domain/cadence';
import { conversionFloorSchema, DEFAULT_CONVERSION_FLOOR, monthlyTargetSchema, validOpeningHoursSchema } from './sync/team-settings';

export { validOpeningHoursSchema };

export const languageSettingSchema = z.enum(['auto', 'nl', 'en']);
export type LanguageSetting = z.infer<typeof languageSettingSchema>;

export const settingsSchema = z.object({
  repName: z.string().trim().max(80),
  language: languageSettingSchema,
  dealerName: z.string().trim().max(120),
  openingHours: validOpeningHoursSchema,
  cadence: cadenceSettingsSchema,
  /** The rep's own monthly sales target, for month pacing (0 = none set). */
  monthlyTarget: monthlyTargetSchema,
  /** Conversion below this share is flagged; a default, so values stored before it still parse. */
  conversionFloor: conversionFloorSchema.default(DEFAULT_CONVERSION_FLOOR),
  /** No notifications (the badge still counts). */
  quietMode: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  repName: '',
  language: 'auto',
  dealerName: '',
  openingHours: DEFAULT_OPENING_HOURS,
  cadence: DEFAULT_CADENCE_SETTINGS,
  monthlyTarget: 0,
  conversionFloor: DEFAULT_CONVERSION_FLOOR,
  quietMode: false,
};

/** Settings live in storage.local, versioned so later shapes migrate instead of breaking. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: {
    // v2 added business hours, cadence, target and quiet mode; v1 values are kept.
    2: (v1: unknown): Settings => parseSettings(v1),
  },
});

/** Reads settings through zod: a corrupted or hand-edited value falls back field by field. */
export async function readSettings(): Promise<Settings> {
  const raw: unknown = await settingsItem.getValue();
  return parseSettings(raw);
}

export function parseSettings(raw: unknown): Settings {
  const whole = settingsSchema.safeParse(raw);
  if (whole.success) return whole.data;
  // Field by field: one bad value (a hand edit, an older shape) must not reset the rest.
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const field = <K extends keyof Settings>(key: K): Settings[K] => {
    const parsed = settingsSchema.shape[key].safeParse(source[key]);
    return parsed.success ? (parsed.data as Settings[K]) : DEFAULT_SETTINGS[key];
  };
  return {
    repName: field('repName'),
    language: field('language'),
    dealerName: field('dealerName'),
    openingHours: field('openingHours'),
    cadence: field('cadence'),
    monthlyTarget: field('monthlyTarget'),
    conversionFloor: field('conversionFloor'),
    quietMode: field('quietMode'),
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
