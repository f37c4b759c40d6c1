import { z } from 'zod/mini';

// How long customer details stay on a lead in this browser. The lead's figures (the folded
// facts on its row) and its events stay: they say when and how a lead was worked, never who
// the customer was.

export const DAY_MS = 24 * 60 * 60 * 1000;
export const RETENTION_DEFAULT_DAYS = 180;
export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 3650;

// zod/mini: the popup's lead rows read the removal mark on its first screen.
export const retentionDaysSchema = z.number().check(z.int(), z.minimum(RETENTION_MIN_DAYS), z.maximum(RETENTION_MAX_DAYS));

/** Left on a lead row whose details were removed, so the UI can say so instead of "no name". */
export const detailsRemovalSchema = z.object({
  detailsRemovedAt: z.number().check(z.int(), z.nonnegative()),
  detailsRemovedAfterDays: retentionDaysSchema,
});
export type DetailsRemoval = z.infer<typeof detailsRemovalSchema>;

/** The removal mark of a lead row, or null while its details are there. */
export function detailsRemovalOf(lead: object): DetailsRemoval | null {
  const parsed = detailsRemovalSchema.safeParse(lead);
  return parsed.success ? parsed.data : null;
}

/** What the decision reads of a lead: the last moments anyone touched it. */
export interface RetentionFacts {
  /** When a CRM page last showed the lead. */
  lastSeenAt: number;
  /** The latest event of the lead (attempt, status change, undo, …); null when none is stored. */
  lastEventAt: number | null;
  /** When the rep last edited the lead's note; null without a note. */
  noteUpdatedAt: number | null;
  /** Whether the row already carries a removal mark. */
  removed: boolean;
}

/** The last time the lead was seen, worked or noted: retention counts from here. */
export const lastTouchedAt = (facts: RetentionFacts): number =>
  Math.max(facts.lastSeenAt, facts.lastEventAt ?? 0, facts.noteUpdatedAt ?? 0);

/**
 * Whether the lead's customer details are due for removal: untouched (not seen on a CRM page,
 * no event, no note edit) for more than `days` whole days. Open or closed does not matter: a
 * lead that is still worked is touched, and an open lead nobody looked at for half a year holds
 * customer data as much as a closed one. A clock that went back never removes anything early.
 */
export function detailsDue(facts: RetentionFacts, now: number, days: number): boolean {
  if (facts.removed) return false;
  return now - lastTouchedAt(facts) > days * DAY_MS;
}

/** Leads with a `lastSeenAt` before this can be due; later ones cannot (an index range). */
export const retentionCutoff = (now: number, days: number): number => now - days * DAY_MS;

/**
 * Whether the daily run is due: never run, a day or more since the last run, or a clock that
 * went back past the last run (else a wrong clock once would stop retention for good).
 */
export function retentionRunDue(lastRunAt: number | null, now: number): boolean {
  if (lastRunAt === null) return true;
  return now - lastRunAt >= DAY_MS || now < lastRunAt;
}

/**
 * The lead page address without query and fragment. CRMs put search terms, e-mail addresses and
 * names there (a search that led to the lead, a prefilled form); the path holds the record
 * route, made of ids the lead key carries anyway. A CRM that keeps the record id in the query
 * then opens on its page without the record, which is acceptable for a lead this old.
 */
export function strippedLeadUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '';
  }
}
