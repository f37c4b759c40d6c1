import { openingHoursSchema, validateOpeningHours, type OpeningHours } from '../../lib/domain/business-time';
import {
  DEFAULT_TEAM_SETTINGS_VALUES,
  teamSettingsSchema,
  type TeamSettings,
} from '../../lib/sync/team-settings';

// The business-time engine memoises its calendars per OpeningHours object: every stored JSON
// string maps to one long-lived settings object, so repeated requests reuse the same hours.
const parsed = new Map<string, TeamSettings>();
const MEMO_LIMIT = 10_000;

function versionOf(raw: unknown): number {
  if (typeof raw !== 'object' || raw === null) return 1;
  const version: unknown = (raw as Record<string, unknown>).version;
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : 1;
}

/** The team's settings from their stored JSON; a corrupt value falls back to the defaults. */
export function teamSettingsFromJson(json: string): TeamSettings {
  const cached = parsed.get(json);
  if (cached) return cached;
  let raw: unknown = null;
  try {
    raw = JSON.parse(json);
  } catch {
    // Falls through to the defaults: a broken row must not take the team offline.
  }
  const result = teamSettingsSchema.safeParse(raw);
  const settings: TeamSettings = result.success
    ? result.data
    : { ...DEFAULT_TEAM_SETTINGS_VALUES, version: versionOf(raw), updatedAt: 0, updatedBy: '' };
  if (parsed.size > MEMO_LIMIT) parsed.clear();
  parsed.set(json, settings);
  return settings;
}

/** The team's hours as stored before settings were versioned, when they make sense. */
function usableHours(openingHoursJson: string): OpeningHours {
  try {
    const hours = openingHoursSchema.safeParse(JSON.parse(openingHoursJson));
    if (hours.success && validateOpeningHours(hours.data).length === 0) return hours.data;
  } catch {
    // Not JSON: the defaults below.
  }
  return DEFAULT_TEAM_SETTINGS_VALUES.openingHours;
}

const initial = new Map<string, string>();

/**
 * Version 1 of a team nobody has edited yet: its opening hours plus the product defaults,
 * as JSON. Deterministic, so the memo above keeps hitting for such teams too.
 */
export function initialTeamSettingsJson(openingHoursJson: string): string {
  const cached = initial.get(openingHoursJson);
  if (cached) return cached;
  const settings: TeamSettings = {
    ...DEFAULT_TEAM_SETTINGS_VALUES,
    openingHours: usableHours(openingHoursJson),
    version: 1,
    updatedAt: 0,
    updatedBy: '',
  };
  const json = JSON.stringify(settings);
  if (initial.size > MEMO_LIMIT) initial.clear();
  initial.set(openingHoursJson, json);
  return json;
}
