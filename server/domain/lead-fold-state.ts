import { z } from 'zod';
import { STATUS_ACTORS } from '../../lib/domain/events';
import { progressOf, type LeadFold } from '../../lib/domain/lead-fold';
import { foldHistory, type ResumableFold } from '../../lib/domain/lead-fold-append';
import { lostReasonSchema, statusSchema } from '../../lib/domain/model';
import type { FoldEvent } from '../../lib/domain/lead';
import type { CurrentLeadFactsColumns } from './lead-facts';

/**
 * What the server keeps per (team, member, lead) besides the facts, in lead_facts.fold_state:
 * the resumable fold, so a push folds only its own events, and the lead's event counts, so
 * the caps cost no count over the lead's history.
 */
export interface LeadFoldState {
  v: 1;
  resumable: ResumableFold;
  /** Every event stored for the lead (voids and voided ones too): the lifetime cap's count. */
  events: number;
  /** UTC day number (epoch ms / one day) the day count is for. */
  day: number;
  /** Events stored for the lead on `day`: the daily cap's count. */
  dayEvents: number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
export const utcDay = (ms: number): number => Math.floor(ms / DAY_MS);

const count = z.number().int().nonnegative();
const time = z.number();
const foldSchema = z.strictObject({
  seen: z.strictObject({ at: time, source: z.string(), backlog: z.boolean() }).nullable(),
  crmReceivedAt: time.nullable(),
  changedSource: z.string().nullable(),
  status: statusSchema,
  statusActor: z.enum(STATUS_ACTORS).nullable(),
  lostReason: z.nullable(lostReasonSchema),
  soldAt: time.nullable(),
  closedAt: time.nullable(),
  attempts: count,
  contacts: count,
  phoneAttempts: count,
  firstAttemptAt: time.nullable(),
  lastAttemptAt: time.nullable(),
  atClose: z.strictObject({ attempts: count, contacts: count, phoneAttempts: count }),
  furthest: statusSchema,
  last: z.strictObject({ at: time, id: z.string() }).nullable(),
}) satisfies z.ZodType<LeadFold>;

const stateSchema = z.strictObject({
  v: z.literal(1),
  resumable: z.strictObject({ fold: foldSchema, pendingVoids: z.array(z.string()) }),
  events: count,
  day: z.number().int(),
  dayEvents: count,
}) satisfies z.ZodType<LeadFoldState>;

/**
 * A stored state, or null when there is none or it does not parse (a hand edit, a future
 * version): the caller then folds the lead's history again, which is always right.
 */
export function parseFoldState(text: string | null): LeadFoldState | null {
  if (text === null) return null;
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The state of a lead folded from its whole stored history (with when each was stored). */
export function foldStateOfHistory(history: readonly { event: FoldEvent | null; storedAt: number }[], now: number): LeadFoldState {
  const today = utcDay(now);
  const events: FoldEvent[] = [];
  let dayEvents = 0;
  for (const row of history) {
    if (row.event) events.push(row.event);
    if (utcDay(row.storedAt) === today) dayEvents += 1;
  }
  return { v: 1, resumable: foldHistory(events), events: history.length, day: today, dayEvents };
}

/** Today's count of a state as of `now` (zero once the day has turned). */
export const eventsToday = (state: LeadFoldState, now: number): number => (state.day === utcDay(now) ? state.dayEvents : 0);

/** Every lead_facts fact column of a fold; null while no lead_seen is in effect. */
export function factsColumnsOf(fold: LeadFold): CurrentLeadFactsColumns | null {
  const p = progressOf(fold);
  if (!p) return null;
  return {
    received_at: p.receivedAt,
    first_attempt_at: p.firstAttemptAt,
    attempts: fold.attempts,
    contacts: p.contactCount,
    status: p.status,
    lost_reason: p.lostReason ?? null,
    furthest: p.furthest,
    attempts_before_close: p.attemptsBeforeClose,
    contacts_before_close: p.contactsBeforeClose,
    phone_attempts_before_close: p.phoneAttemptsBeforeClose,
    backlog: Number(p.backlog),
    source: p.source,
    sold_at: p.soldAt,
    closed_at: p.closedAt,
    status_actor: p.statusActor,
  };
}
