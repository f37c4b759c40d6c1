/**
 * The rep's settings: their shape, defaults and the forgiving parse every reader goes through.
 */
// No storage items here, and zod/mini rather than classic: the popup's first screen reads the
// settings through this module alone (see settings-read.ts), so it loads neither WXT's storage
// layer nor classic zod, which would be a third of its script.
import { z } from 'zod/mini';
import { DEFAULT_OPENING_HOURS, validOpeningHoursSchema } from './domain/business-time';
import { DEFAULT_CADENCE_SETTINGS, cadenceSettingsSchema } from './domain/cadence';
import { firstRunOpeningHours, isUsableZone, withZoneFilled } from './domain/first-run-hours';
import { conversionFloorSchema, DEFAULT_CONVERSION_FLOOR, monthlyTargetSchema } from './domain/goals';

export { validOpeningHoursSchema };

export const languageSettingSchema = z.enum(['auto', 'nl', 'en']);
export type LanguageSetting = z.infer<typeof languageSettingSchema>;

export const settingsSchema = z.object({
  repName: z.string().check(z.trim(), z.maxLength(80)),
  language: languageSettingSchema,
  dealerName: z.string().check(z.trim(), z.maxLength(120)),
  openingHours: validOpeningHoursSchema,
  cadence: cadenceSettingsSchema,
  /** The rep's own monthly sales target, for month pacing (0 = none set). */
  monthlyTarget: monthlyTargetSchema,
  /** Conversion below this share is flagged; a default, so values stored before it still parse. */
  conversionFloor: z._default(conversionFloorSchema, DEFAULT_CONVERSION_FLOOR),
  /** No notifications (the badge still counts). */
  quietMode: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

/**
 * The settings' own defaults, independent of where the browser runs (the dealer zone is the
 * product default). A fresh install starts from `firstRunSettings()` instead.
 */
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

/** The zone this browser runs in, as the engine reports it; undefined when it cannot say. */
export function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * What a new install starts with: the defaults, with the dealer zone (and whether Dutch
 * holidays close the dealership) taken from the browser's own zone. Shown and changed in
 * Settings like any stored value.
 */
export function firstRunSettings(zone: string | undefined = browserTimeZone()): Settings {
  return { ...DEFAULT_SETTINGS, openingHours: firstRunOpeningHours(zone) };
}

export function isRecord(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

export function fillMissingZone(record: Record<string, unknown>, zone: string): Record<string, unknown> {
  if (!('openingHours' in record)) return record;
  return { ...record, openingHours: withZoneFilled(record.openingHours, zone) };
}

/**
 * Zod-checked settings. A missing or unusable field takes its value from `defaults` (by
 * default the first-run settings, so nothing read from storage lands in a zone the browser is
 * not in just because a field was lost); opening hours without a zone keep the rest.
 */
export function parseSettings(raw: unknown, defaults: Settings = firstRunSettings()): Settings {
  const whole = settingsSchema.safeParse(raw);
  if (whole.success) return whole.data;
  // Field by field: one bad value (a hand edit, an older shape) must not reset the rest.
  const source = fillMissingZone(isRecord(raw) ? raw : {}, defaults.openingHours.timeZone);
  const field = <K extends keyof Settings>(key: K): Settings[K] => {
    const parsed = settingsSchema.shape[key].safeParse(source[key]);
    return parsed.success ? (parsed.data as Settings[K]) : defaults[key];
  };
  // Unusable opening hours with a usable zone lose the hours, not the dealer's zone.
  const storedZone: unknown = isRecord(source.openingHours) ? source.openingHours.timeZone : undefined;
  const openingHours = settingsSchema.shape.openingHours.safeParse(source.openingHours);
  return {
    repName: field('repName'),
    language: field('language'),
    dealerName: field('dealerName'),
    openingHours: openingHours.success
      ? openingHours.data
      : isUsableZone(storedZone)
        ? firstRunOpeningHours(storedZone)
        : defaults.openingHours,
    cadence: field('cadence'),
    monthlyTarget: field('monthlyTarget'),
    conversionFloor: field('conversionFloor'),
    quietMode: field('quietMode'),
  };
}

