import { z } from 'zod';

/** The settings a call script's blanks can point to. */
export const FILLABLE_SETTINGS = ['repName', 'dealerName'] as const;
export type FillableSetting = (typeof FILLABLE_SETTINGS)[number];

/** Which placeholder a setting fills. */
export const SETTING_FOR_PLACEHOLDER: Readonly<Record<string, FillableSetting>> = {
  'rep.firstName': 'repName',
  'dealer.name': 'dealerName',
};

/**
 * A page cannot open an extension page itself, so the panel asks the worker. A message of
 * its own (not the typed protocol), checked with zod like every other.
 */
export const openSettingRequestSchema = z.object({ leadpaceOpenSetting: z.enum(FILLABLE_SETTINGS) });

export const settingUrlPath = (field: FillableSetting): `/options.html${string}` => `/options.html#general/${field}`;
