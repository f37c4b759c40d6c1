import type { WireEvent } from '../../lib/sync/wire';
import { DEFAULT_CADENCE_SETTINGS } from '../../lib/domain/cadence';
import { isClosed, isContact, type LeadStatus, type Outcome } from '../../lib/domain/model';

/** First attempt within this much business time counts as within SLA (PRODUCT.md). */
export const SLA_MS = DEFAULT_CADENCE_SETTINGS.firstAttemptSlaMs;

/** One rep's view of one lead, reduced to what the leaderboard needs. */
export interface LeadAggregate {
  /** The CRM's creation time, else the first lead_seen; null until a lead_seen arrives. */
  receivedAt: number | null;
  firstAttemptAt: number | null;
  /** Business ms from received to the first attempt; null without both. */
  responseMs: number | null;
  withinSla: boolean | null;
  attempts: number;
  contacted: boolean;
  appointment: boolean;
  closedTooEarly: boolean;
  sold: boolean;
  status: LeadStatus;
}

export interface FoldContext {
  businessMs: (fromMs: number, toMs: number) => number;
  /** The cadence rule for closing a lead; used when the client did not send its verdict. */
  closedTooEarly: (attemptsBefore: number, contactsBefore: number) => boolean;
}

const STATUS_RANK: Record<LeadStatus, number> = {
  open: 0,
  contacted: 1,
  appointment: 2,
  shown: 3,
  sold: 4,
  lost: 4,
};

function statusFromOutcome(outcome: Outcome): LeadStatus | null {
  if (outcome === 'appointment') return 'appointment';
  return isContact(outcome) ? 'contacted' : null;
}

const APPOINTMENT_OR_LATER: readonly LeadStatus[] = ['appointment', 'shown', 'sold'];

/**
 * Folds one rep's events for one lead, in any arrival order, into its aggregate. Mirrors the
 * extension's progressFromEvents (lib/domain/lead.ts) so server and browser agree: voided
 * events are dropped, the rest are replayed by (at, id). Pure, so a retry or a late event
 * simply re-folds the lead.
 */
export function foldLead(events: readonly WireEvent[], ctx: FoldContext): LeadAggregate {
  const voided = new Set<string>();
  for (const e of events) if (e.type === 'event_voided') voided.add(e.voids);
  const list = events
    .filter((e) => e.type !== 'event_voided' && !voided.has(e.id))
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  let firstSeenAt: number | null = null;
  let crmReceivedAt: number | null = null;
  let firstAttemptAt: number | null = null;
  let attempts = 0;
  let contacts = 0;
  let appointment = false;
  let status: LeadStatus = 'open';
  let tooEarly = false;

  for (const e of list) {
    switch (e.type) {
      case 'lead_seen':
        firstSeenAt ??= e.at;
        crmReceivedAt ??= e.receivedAt;
        break;
      case 'attempt_logged': {
        attempts += 1;
        if (isContact(e.outcome)) contacts += 1;
        if (e.outcome === 'appointment') appointment = true;
        firstAttemptAt ??= e.at;
        const implied = statusFromOutcome(e.outcome);
        if (implied && !isClosed(status) && STATUS_RANK[implied] > STATUS_RANK[status]) status = implied;
        break;
      }
      case 'status_changed':
        status = e.status;
        if (APPOINTMENT_OR_LATER.includes(e.status)) appointment = true;
        tooEarly = e.status === 'lost' ? (e.closedTooEarly ?? ctx.closedTooEarly(attempts, contacts)) : false;
        break;
      case 'source_changed':
      case 'event_voided':
        break;
    }
  }

  const receivedAt = crmReceivedAt ?? firstSeenAt;
  // A CRM clock ahead of the rep's can put the attempt before "received": an instant response.
  const responseMs =
    receivedAt !== null && firstAttemptAt !== null
      ? firstAttemptAt > receivedAt
        ? ctx.businessMs(receivedAt, firstAttemptAt)
        : 0
      : null;
  return {
    receivedAt,
    firstAttemptAt,
    responseMs,
    withinSla: responseMs === null ? null : responseMs <= SLA_MS,
    attempts,
    contacted: contacts > 0,
    appointment,
    closedTooEarly: status === 'lost' && tooEarly,
    sold: status === 'sold',
    status,
  };
}
