import { z } from 'zod';
import { DEFAULT_OPENING_HOURS, validOpeningHoursSchema, type OpeningHoursProblem } from '../domain/business-time';
import { DEFAULT_CADENCE_SETTINGS, cadenceSettingsSchema } from '../domain/cadence';
import { conversionFloorSchema, DEFAULT_CONVERSION_FLOOR, monthlyTargetSchema } from '../domain/goals';
import { statusRulesSchema } from '../domain/status-rules';
import { teamSpendSchema } from '../domain/team-spend';

/**
 * The settings a team's manager sets for every member: the same zod on the server (PUT, CLI,
 * stored rows) and in the extension (what it applies locally). Pure, so both sides share it.
 */

// The fields the rep's own settings share live in zod/mini modules the popup can load without
// this file (classic zod: the server and options need its .extend and .shape).
export { conversionFloorSchema, DEFAULT_CONVERSION_FLOOR, monthlyTargetSchema, validOpeningHoursSchema };

const epochMs = z.number().int().nonnegative().max(8_640_000_000_000_000);

/** The team-owned fields, without the bookkeeping. */
export const teamSettingsValuesSchema = z.object({
  openingHours: validOpeningHoursSchema,
  cadence: cadenceSettingsSchema,
  monthlyTarget: monthlyTargetSchema,
  conversionFloor: conversionFloorSchema,
  /** Marketing spend for the team report's costs; absent on teams that never set it. */
  spend: teamSpendSchema.optional(),
  /** The team's CRM status rules; absent means every rep keeps their own. */
  statusRules: statusRulesSchema.optional(),
});
export type TeamSettingsValues = z.infer<typeof teamSettingsValuesSchema>;

export const teamSettingsSchema = teamSettingsValuesSchema.extend({
  /** 1 for a team nobody has edited yet; +1 per saved change. */
  version: z.number().int().min(1),
  updatedAt: epochMs,
  /** The manager's display name ('' for the settings a team starts with). */
  updatedBy: z.string().max(80),
});
export type TeamSettings = z.infer<typeof teamSettingsSchema>;

/** PUT /v1/team/settings: the new values and the version they were edited from. */
export const teamSettingsUpdateSchema = z.strictObject({
  ...teamSettingsValuesSchema.shape,
  /** The version the manager saw; a newer one on the server means someone else saved first. */
  baseVersion: z.number().int().min(1),
});
export type TeamSettingsUpdate = z.infer<typeof teamSettingsUpdateSchema>;

/** One saved version as the history lists it. */
export const teamSettingsHistoryEntrySchema = z.object({
  version: z.number().int().min(1),
  updatedAt: epochMs,
  updatedBy: z.string().max(80),
  /** The member id of who saved it, or null for the team's initial settings and CLI edits. */
  memberId: z.string().nullable(),
  settings: teamSettingsValuesSchema,
});
export type TeamSettingsHistoryEntry = z.infer<typeof teamSettingsHistoryEntrySchema>;

export const teamSettingsHistorySchema = z.object({ versions: z.array(teamSettingsHistoryEntrySchema) });
export type TeamSettingsHistory = z.infer<typeof teamSettingsHistorySchema>;

export const DEFAULT_TEAM_SETTINGS_VALUES: TeamSettingsValues = {
  openingHours: DEFAULT_OPENING_HOURS,
  cadence: DEFAULT_CADENCE_SETTINGS,
  monthlyTarget: 0,
  conversionFloor: DEFAULT_CONVERSION_FLOOR,
};

/** The team-owned fields the extension's own settings also hold. */
type CoreTeamValues = Omit<TeamSettingsValues, 'spend' | 'statusRules'>;

function coreValues(settings: TeamSettingsValues): CoreTeamValues {
  return {
    openingHours: settings.openingHours,
    cadence: settings.cadence,
    monthlyTarget: settings.monthlyTarget,
    conversionFloor: settings.conversionFloor,
  };
}

/** Just the team-owned fields; everything else in the local settings stays the rep's own. */
export function teamValues(settings: TeamSettingsValues): TeamSettingsValues {
  return {
    ...coreValues(settings),
    ...(settings.spend ? { spend: settings.spend } : {}),
    ...(settings.statusRules ? { statusRules: settings.statusRules } : {}),
  };
}

/**
 * A change as it is saved: spend and status rules the change leaves out are kept from the
 * current version, so a client that does not know them yet never erases them by saving hours.
 */
export function keepUnsentValues(change: TeamSettingsValues, current: TeamSettingsValues): TeamSettingsValues {
  return teamValues({ spend: current.spend, statusRules: current.statusRules, ...withoutUndefined(change) });
}

function withoutUndefined(values: TeamSettingsValues): TeamSettingsValues {
  const { spend, statusRules, ...core } = values;
  return { ...core, ...(spend ? { spend } : {}), ...(statusRules ? { statusRules } : {}) };
}

/** Local settings with the team's fields laid over them; the rep's own fields are kept. */
export function withTeamSettings<L extends CoreTeamValues>(local: L, team: TeamSettingsValues): L {
  return { ...local, ...coreValues(team) };
}

const PROBLEM_TEXT: Record<OpeningHoursProblem['code'], string> = {
  invalid_time_zone: 'unknown time zone',
  invalid_time: 'not a valid HH:mm time',
  close_not_after_open: 'closing time must be after opening time',
  no_open_time: 'the week has no open time',
  invalid_closed_date: 'not a real date (YYYY-MM-DD)',
};
const isProblemCode = (message: string): message is OpeningHoursProblem['code'] => Object.hasOwn(PROBLEM_TEXT, message);

/**
 * A refused update as one sentence for the manager or the admin: `path: reason; …`. Opening-hours
 * problems carry codes (the options page translates them); here they become English text.
 */
export function describeSettingsIssues(error: z.ZodError, limit = 5): string {
  return error.issues
    .slice(0, limit)
    .map((issue) => `${issue.path.join('.') || '(settings)'}: ${isProblemCode(issue.message) ? PROBLEM_TEXT[issue.message] : issue.message}`)
    .join('; ');
}
