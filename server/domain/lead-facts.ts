import { z } from 'zod';
import { progressFromEvents, type FoldEvent } from '../../lib/domain/lead';
import type { LeadFacts } from '../../lib/domain/lead-metrics';
import { channelSchema, lostReasonSchema, outcomeSchema, statusSchema } from '../../lib/domain/model';
import { STATUS_ACTORS } from '../../lib/domain/events';

/**
 * One rep's lead on the server: the facts the metrics kernel needs, folded from that rep's
 * stored events by the same fold the extension uses (lib/domain/lead.ts). No verdicts are
 * stored: response time, SLA and closed too early are computed at read time with the team's
 * settings of that moment.
 */
export interface LeadFactsColumns {
  received_at: number | null;
  first_attempt_at: number | null;
  attempts: number;
  contacts: number;
  status: string;
  lost_reason: string | null;
  furthest: string;
  attempts_before_close: number;
  contacts_before_close: number;
  phone_attempts_before_close: number;
  backlog: number;
  source: string | null;
}

/** Null when no lead_seen is in effect yet: such a lead belongs to no cohort. */
export function leadFactsRow(events: readonly FoldEvent[]): LeadFactsColumns | null {
  const p = progressFromEvents(events);
  if (!p) return null;
  return {
    received_at: p.receivedAt,
    first_attempt_at: p.firstAttemptAt,
    attempts: p.attempts.length,
    contacts: p.contactCount,
    status: p.status,
    lost_reason: p.lostReason ?? null,
    furthest: p.furthest,
    attempts_before_close: p.attemptsBeforeClose,
    contacts_before_close: p.contactsBeforeClose,
    phone_attempts_before_close: p.phoneAttemptsBeforeClose,
    backlog: Number(p.backlog),
    source: p.source,
  };
}

const factsRowSchema = z.object({
  received_at: z.number(),
  first_attempt_at: z.number().nullable(),
  attempts: z.number(),
  contacts: z.number(),
  status: statusSchema,
  lost_reason: lostReasonSchema.nullable(),
  furthest: statusSchema,
  attempts_before_close: z.number(),
  contacts_before_close: z.number(),
  phone_attempts_before_close: z.number(),
  backlog: z.number(),
});

/** A stored row as the kernel reads it; rows from both engines (or a hand edit) are checked. */
export function factsFromRow(raw: unknown): LeadFacts {
  const row = factsRowSchema.parse(raw);
  return {
    receivedAt: row.received_at,
    firstAttemptAt: row.first_attempt_at,
    attempts: row.attempts,
    contacts: row.contacts,
    status: row.status,
    lostReason: row.lost_reason,
    furthest: row.furthest,
    attemptsBeforeClose: row.attempts_before_close,
    contactsBeforeClose: row.contacts_before_close,
    phoneAttemptsBeforeClose: row.phone_attempts_before_close,
    backlog: row.backlog === 1,
  };
}

// Stored events are re-read only for the fields the fold needs. Deliberately lenient about
// everything else: an event accepted under an older wire version (say, a script id the
// current wire would refuse) still counts, because refusing it now would silently change a
// history that was already accepted.
const id = z.string().min(1);
const at = z.number();
const storedFoldEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('lead_seen'), id, at, source: z.string(), receivedAt: z.number().nullable(), backlog: z.boolean().optional() }),
  z.object({ type: z.literal('attempt_logged'), id, at, channel: channelSchema, outcome: outcomeSchema }),
  z.object({ type: z.literal('event_voided'), id, at, voids: z.string() }),
  z.object({
    type: z.literal('status_changed'),
    id,
    at,
    status: statusSchema,
    lostReason: lostReasonSchema.optional(),
    actor: z.enum(STATUS_ACTORS).optional(),
  }),
  z.object({ type: z.literal('source_changed'), id, at, to: z.string() }),
]);

/** A stored event body as the fold reads it; null when it is not even that (a corrupt row). */
export function foldEventFromStored(body: string): FoldEvent | null {
  try {
    const parsed = storedFoldEventSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
