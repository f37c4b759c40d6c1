import { z } from 'zod/mini';

/** The settings a call script's blanks can point to. */
export const FILLABLE_SETTINGS = ['repName', 'dealerName'] as const;
export type FillableSetting = (typeof FILLABLE_SETTINGS)[number];

/** Which placeholder a setting fills. */
export const SETTING_FOR_PLACEHOLDER: Readonly<Record<string, FillableSetting>> = {
  'rep.firstName': 'repName',
  'dealer.name': 'dealerName',
};

/** Settings the panel can open Options at: a script's blanks, and the dealer zone. */
export const OPENABLE_SETTINGS = [...FILLABLE_SETTINGS, 'timeZone'] as const;
export type OpenableSetting = (typeof OPENABLE_SETTINGS)[number];

/**
 * A page cannot open an extension page itself, so the panel asks the worker. A message of
 * its own (not the typed protocol), checked with zod like every other (zod/mini: the panel sends
 * it, and classic zod would be ~26 kB gzip more on every CRM page).
 */
export const openSettingRequestSchema = z.object({ leadpaceOpenSetting: z.enum(OPENABLE_SETTINGS) });

/** The dealer zone is one of the opening hours' fields; the rest are on the first tab. */
export const settingUrlPath = (field: OpenableSetting): `/options.html${string}` =>
  field === 'timeZone' ? '/options.html#hours/timeZone' : `/options.html#general/${field}`;
