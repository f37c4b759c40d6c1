import { z } from 'zod';
import { progressFromEvents, type FoldEvent, type LeadProgress } from '../../lib/domain/lead';
import type { LeadFacts } from '../../lib/domain/lead-metrics';
import { channelSchema, lostReasonSchema, outcomeSchema, statusSchema } from '../../lib/domain/model';
import { STATUS_ACTORS, type StatusActor } from '../../lib/domain/events';

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

/** The close facts migration 005 added: when the lead was sold and closed, and by whom. */
export interface CloseFactsColumns {
  sold_at: number | null;
  closed_at: number | null;
  status_actor: string | null;
}

export type CurrentLeadFactsColumns = LeadFactsColumns & CloseFactsColumns;

function baseColumns(p: LeadProgress): LeadFactsColumns {
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

/**
 * The columns lead_facts had when migration 002 created it. That migration spreads this row
 * into its inserts, so its shape is frozen; the ingest writes currentLeadFactsRow.
 * Null when no lead_seen is in effect yet: such a lead belongs to no cohort.
 */
export function leadFactsRow(events: readonly FoldEvent[]): LeadFactsColumns | null {
  const p = progressFromEvents(events);
  return p ? baseColumns(p) : null;
}

/** Every lead_facts column of the current schema; null when no lead_seen is in effect. */
export function currentLeadFactsRow(events: readonly FoldEvent[]): CurrentLeadFactsColumns | null {
  const p = progressFromEvents(events);
  if (!p) return null;
  return { ...baseColumns(p), sold_at: p.soldAt, closed_at: p.closedAt, status_actor: p.statusActor };
}

const STATUSES = new Set<string>(statusSchema.options);
const LOST_REASONS = new Set<string>(lostReasonSchema.options);
const isStatus = (v: unknown): v is LeadFacts['status'] => typeof v === 'string' && STATUSES.has(v);
const isLostReason = (v: unknown): v is NonNullable<LeadFacts['lostReason']> => typeof v === 'string' && LOST_REASONS.has(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export class CorruptFactsRowError extends Error {
  constructor(field: string) {
    super(`lead_facts row has an invalid ${field}`);
    this.name = 'CorruptFactsRowError';
  }
}

/**
 * A stored row as the kernel reads it. Rows come from two engines (or a hand edit), so every
 * column is checked — by hand rather than with zod, because a year's leaderboard reads tens of
 * thousands of rows per request and a schema parse per row was most of its time.
 */
export function factsFromRow(row: {
  received_at: unknown;
  first_attempt_at: unknown;
  attempts: unknown;
  contacts: unknown;
  status: unknown;
  lost_reason: unknown;
  furthest: unknown;
  attempts_before_close: unknown;
  contacts_before_close: unknown;
  phone_attempts_before_close: unknown;
  backlog: unknown;
}): LeadFacts {
  const { received_at, first_attempt_at, attempts, contacts, status, lost_reason, furthest } = row;
  const { attempts_before_close, contacts_before_close, phone_attempts_before_close, backlog } = row;
  if (!isCount(received_at)) throw new CorruptFactsRowError('received_at');
  if (first_attempt_at !== null && !isCount(first_attempt_at)) throw new CorruptFactsRowError('first_attempt_at');
  if (!isCount(attempts) || !isCount(contacts)) throw new CorruptFactsRowError('attempts');
  if (!isStatus(status) || !isStatus(furthest)) throw new CorruptFactsRowError('status');
  if (lost_reason !== null && !isLostReason(lost_reason)) throw new CorruptFactsRowError('lost_reason');
  if (!isCount(attempts_before_close) || !isCount(contacts_before_close) || !isCount(phone_attempts_before_close)) {
    throw new CorruptFactsRowError('effort before close');
  }
  return {
    receivedAt: received_at,
    firstAttemptAt: first_attempt_at,
    attempts,
    contacts,
    status,
    lostReason: lost_reason,
    furthest,
    attemptsBeforeClose: attempts_before_close,
    contactsBeforeClose: contacts_before_close,
    phoneAttemptsBeforeClose: phone_attempts_before_close,
    backlog: backlog === 1,
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
    lostReason: z.optional(lostReasonSchema),
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

const STATUS_ACTOR_SET = new Set<string>(STATUS_ACTORS);
const isStatusActor = (v: unknown): v is StatusActor => typeof v === 'string' && STATUS_ACTOR_SET.has(v);

/** The report's columns of a stored row, checked by hand for the same reason as factsFromRow. */
export function reportFactsFromRow(row: { source: unknown; sold_at: unknown; closed_at: unknown; status_actor: unknown }): {
  source: string;
  soldAt: number | null;
  closedAt: number | null;
  statusActor: StatusActor | null;
} {
  const { source, sold_at, closed_at, status_actor } = row;
  if (typeof source !== 'string') throw new CorruptFactsRowError('source');
  if (sold_at !== null && !isCount(sold_at)) throw new CorruptFactsRowError('sold_at');
  if (closed_at !== null && !isCount(closed_at)) throw new CorruptFactsRowError('closed_at');
  if (status_actor !== null && !isStatusActor(status_actor)) throw new CorruptFactsRowError('status_actor');
  return { source, soldAt: sold_at, closedAt: closed_at, statusActor: status_actor };
}
