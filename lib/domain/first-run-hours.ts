import { TZDate } from '@date-fns/tz';
import { DEFAULT_OPENING_HOURS, type OpeningHours } from './business-time';
import { DEFAULT_TIME_ZONE } from './model';

/**
 * Zones whose dealers close on the Dutch public holidays. The holiday calendar is the Dutch
 * one, so a dealer anywhere else would otherwise lose King's Day and Whit Monday from every
 * SLA without being open less at all.
 */
const DUTCH_ZONES: ReadonlySet<string> = new Set(['Europe/Amsterdam']);

export function isDutchZone(timeZone: string): boolean {
  return DUTCH_ZONES.has(timeZone);
}

export function isUsableZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone.length === 0 || timeZone.length > 100) return false;
  try {
    return !Number.isNaN(new TZDate(2000, 0, 1, timeZone).getTime());
  } catch {
    return false;
  }
}

/**
 * Opening hours for a new install whose browser runs in `browserZone`: CRM times without an
 * offset are read in this zone, so the browser's own is the best first guess (a US rep is not
 * an hour or more off until someone finds the setting). An unusable zone falls back to the
 * product default rather than breaking every business-time figure.
 */
export function firstRunOpeningHours(browserZone: string | undefined): OpeningHours {
  const timeZone = isUsableZone(browserZone) ? browserZone : DEFAULT_TIME_ZONE;
  return { ...DEFAULT_OPENING_HOURS, timeZone, holidays: isDutchZone(timeZone) };
}

/**
 * Stored opening hours that lack a zone (an older or hand-edited value) get `fallbackZone`;
 * everything else the dealer set is kept, and a value that has a zone is returned unchanged.
 */
export function withZoneFilled(raw: unknown, fallbackZone: string): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const zone: unknown = (raw as Record<string, unknown>).timeZone;
  if (typeof zone === 'string' && zone.length > 0) return raw;
  return { ...raw, timeZone: fallbackZone };
}
