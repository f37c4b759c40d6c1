import {
  DEFAULT_OPENING_HOURS,
  openingHoursSchema,
  type OpeningHours,
} from '../../lib/domain/business-time';
import type { MetricSettings } from '../../lib/domain/lead-metrics';
import { teamSettingsFromJson } from './team-settings';

// The business-time engine memoises its calendars per OpeningHours object, so every team's
// JSON maps to one long-lived object instead of a fresh parse per request.
const parsed = new Map<string, OpeningHours>();

export function openingHoursFromJson(json: string): OpeningHours {
  const cached = parsed.get(json);
  if (cached) return cached;
  let hours: OpeningHours = DEFAULT_OPENING_HOURS;
  try {
    const result = openingHoursSchema.safeParse(JSON.parse(json));
    if (result.success) hours = result.data;
  } catch {
    // A corrupt column falls back to the defaults rather than taking the team offline.
  }
  if (parsed.size > 10_000) parsed.clear();
  parsed.set(json, hours);
  return hours;
}

const metricMemo = new Map<string, MetricSettings>();

/**
 * What every figure of a team is computed with, from the team's current settings: read per
 * request, so a changed SLA, threshold or opening hours applies to every figure at once.
 */
export function metricSettingsFromJson(settingsJson: string): MetricSettings {
  const cached = metricMemo.get(settingsJson);
  if (cached) return cached;
  const settings = teamSettingsFromJson(settingsJson);
  const metric: MetricSettings = {
    hours: settings.openingHours,
    firstAttemptSlaMs: settings.cadence.firstAttemptSlaMs,
    closeAfterAttempts: settings.cadence.closeAfterAttempts,
  };
  if (metricMemo.size > 10_000) metricMemo.clear();
  metricMemo.set(settingsJson, metric);
  return metric;
}
