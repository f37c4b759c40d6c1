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
// pseudonymously (PRODUCT.md, privacy). Customer data lives in the local leads table.
export const leadSeenEvent = z.object({
  ...base,
  type: z.literal('lead_seen'),
  crm: crmIdSchema,
  leadId: leadIdSchema,
  source: sourceIdSchema,
  /** Epoch ms from the CRM's own creation time, or null when the page did not show one. */
  receivedAt: z.number().int().nonnegative().nullable(),
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
  lostReason: lostReasonSchema.optional(),
  /** Set by the background (never the page) when a lead is lost without enough effort. */
  closedTooEarly: z.boolean().optional(),
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

/** Removes voided events (a correction is a new event that voids an old one). */
export function effectiveEvents(events: readonly LeadEvent[]): LeadEvent[] {
  const voided = new Set<string>();
  for (const e of events) if (e.type === 'event_voided') voided.add(e.voids);
  return events
    .filter((e) => e.type !== 'event_voided' && !voided.has(e.id))
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}
