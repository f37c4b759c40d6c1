import {
  businessDurationMs,
  DEFAULT_OPENING_HOURS,
  openingHoursSchema,
  type OpeningHours,
} from '../../lib/domain/business-time';
import { isClosedTooEarly } from '../../lib/domain/cadence';
import type { FoldContext } from './lead-fold';

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

export function foldContextFor(hours: OpeningHours): FoldContext {
  return {
    businessMs: (from, to) => businessDurationMs(from, to, hours),
    closedTooEarly: (attemptCount, contactCount) => isClosedTooEarly({ attemptCount, contactCount }, 'lost'),
  };
}
