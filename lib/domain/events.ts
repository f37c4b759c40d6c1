import { z } from 'zod';
import {
  channelSchema,
  crmIdSchema,
  leadIdSchema,
  lostReasonSchema,
  outcomeSchema,
  sourceIdSchema,
  statusSchema,
} from './model';

export const STATUS_ACTORS = ['rep', 'crm', 'import'] as const;
export type StatusActor = (typeof STATUS_ACTORS)[number];

/** Bumped when the shape of an event changes; the team server reads it. */
export const EVENT_SCHEMA_VERSION = 1;

const base = {
  id: z.uuid(),
  v: z.literal(EVENT_SCHEMA_VERSION),
  /** `${crm}:${leadId}`; hashed with the team key before it leaves the browser. */
  leadKey: z.string().min(3).max(250),
  /** Epoch milliseconds of when it happened (the rep's clock). */
  at: z.number().int().nonnegative(),
  repId: z.string().max(100),
};

// Events carry no customer data (names, phones, notes): only what may be synced
// pseudonymously (README, privacy). Customer data lives in the local leads table.
export const leadSeenEvent = z.object({
  ...base,
  type: z.literal('lead_seen'),
  crm: crmIdSchema,
  leadId: leadIdSchema,
  source: sourceIdSchema,
  /** Epoch ms from the CRM's own creation time, or null when the page did not show one. */
  receivedAt: z.number().int().nonnegative().nullable(),
  /**
   * Received before the CRM's go-live in this browser: found in the CRM, not new work. Decided
   * when the lead is first seen; the first lead_seen's value is the lead's.
   */
  backlog: z.boolean().optional(),
});
export const attemptLoggedEvent = z.object({
  ...base,
  type: z.literal('attempt_logged'),
  channel: channelSchema,
  outcome: outcomeSchema,
  scriptId: z.string().max(100).optional(),
  scriptVersion: z.number().int().nonnegative().optional(),
});
export const eventVoidedEvent = z.object({
  ...base,
  type: z.literal('event_voided'),
  voids: z.uuid(),
});
export const statusChangedEvent = z.object({
  ...base,
  type: z.literal('status_changed'),
  status: statusSchema,
  lostReason: z.optional(lostReasonSchema),
  /**
   * Written by earlier versions at closing time. Never read: closed too early is derived from
   * the effective events and the settings whenever it is shown, so an undo or a changed
   * threshold can never leave it stale.
   */
  closedTooEarly: z.boolean().optional(),
  /** Who changed the status: a rep in the panel (default), the CRM's own page, or an import. */
  actor: z.enum(STATUS_ACTORS).optional(),
});
export const sourceChangedEvent = z.object({
  ...base,
  type: z.literal('source_changed'),
  from: sourceIdSchema,
  to: sourceIdSchema,
});

export const leadEventSchema = z.discriminatedUnion('type', [
  leadSeenEvent,
  attemptLoggedEvent,
  eventVoidedEvent,
  statusChangedEvent,
  sourceChangedEvent,
]);
export type LeadEvent = z.infer<typeof leadEventSchema>;
export type AttemptLogged = z.infer<typeof attemptLoggedEvent>;
export type EventType = LeadEvent['type'];

/** Just what voiding and ordering need of an event: local and wire events both fit. */
export interface OrderedEvent {
  id: string;
  at: number;
  type: string;
  voids?: string;
}

/** Code-point order, the same in every engine and locale (localeCompare is neither). */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Removes voided events (a correction is a new event that voids an old one) and the voiding
 * events themselves, in replay order: by time, then by id, so every device and the server
 * replay one history the same way whatever order the events arrived in.
 */
export function effectiveEvents<E extends OrderedEvent>(events: readonly E[]): E[] {
  const voided = new Set<string>();
  for (const e of events) if (e.type === 'event_voided' && e.voids !== undefined) voided.add(e.voids);
  return events
    .filter((e) => e.type !== 'event_voided' && !voided.has(e.id))
    .sort((a, b) => a.at - b.at || compareIds(a.id, b.id));
}
