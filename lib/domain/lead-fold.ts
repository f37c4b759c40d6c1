import type { StatusActor } from './events';
import { isClosed, isContact, type Channel, type LeadStatus, type LostReason, type Outcome } from './model';

/** Stage order; `lost` ranks with `sold` as an end state. */
export const STATUS_RANK: Record<LeadStatus, number> = {
  open: 0,
  contacted: 1,
  appointment: 2,
  shown: 3,
  sold: 4,
  lost: 4,
};

/**
 * Just what the fold reads of an event. Local events and the pseudonymous wire events both
 * fit, so the browser and the team server fold a lead with this one function.
 */
export type FoldEvent =
  | { type: 'lead_seen'; id: string; at: number; source: string; receivedAt: number | null; backlog?: boolean }
  | { type: 'attempt_logged'; id: string; at: number; channel: Channel; outcome: Outcome }
  | { type: 'event_voided'; id: string; at: number; voids: string }
  | { type: 'status_changed'; id: string; at: number; status: LeadStatus; lostReason?: LostReason; actor?: StatusActor }
  | { type: 'source_changed'; id: string; at: number; to: string };

/**
 * A lead's fold so far, as plain JSON: counts and times rather than lists, so it stays a few
 * hundred bytes however long the lead's history grows, and the team server can keep it and
 * carry on from it when new events come.
 */
export interface LeadFold {
  /** The first lead_seen in replay order: the lead's first sighting, source and backlog flag. */
  seen: { at: number; source: string; backlog: boolean } | null;
  /** The CRM's creation time from the first lead_seen that carried one. */
  crmReceivedAt: number | null;
  /** The last source change's new source; null when the source was never changed. */
  changedSource: string | null;
  status: LeadStatus;
  statusActor: StatusActor | null;
  lostReason: LostReason | null;
  soldAt: number | null;
  closedAt: number | null;
  attempts: number;
  contacts: number;
  phoneAttempts: number;
  firstAttemptAt: number | null;
  lastAttemptAt: number | null;
  /** The effort counted when the lead was last closed; read only while it is still closed. */
  atClose: { attempts: number; contacts: number; phoneAttempts: number };
  furthest: LeadStatus;
  /** Replay position of the last event applied: only an event after it can be appended. */
  last: { at: number; id: string } | null;
}

/** A lead's progress without its attempt list: all the team server keeps of it. */
export interface LeadSummary {
  source: string;
  /** Epoch ms: the CRM's creation time when known, else when Leadpace first saw the lead. */
  receivedAt: number;
  receivedAtKnown: boolean;
  firstSeenAt: number;
  status: LeadStatus;
  lostReason?: LostReason;
  contactCount: number;
  firstAttemptAt: number | null;
  lastAttemptAt: number | null;
  /** When the lead was (last) marked sold, for month pacing. */
  soldAt: number | null;
  /** When the lead was last closed (sold or lost); null while open. */
  closedAt: number | null;
  /**
   * The effort before the lead was last closed (attempts, conversations, attempts on the phone
   * number); while open, all of it. Closed too early and properly worked are judged on these.
   */
  attemptsBeforeClose: number;
  contactsBeforeClose: number;
  phoneAttemptsBeforeClose: number;
  /** The furthest stage the lead ever reached (never `lost`), for the funnel. */
  furthest: LeadStatus;
  /** Who made the current status: the rep in the panel, the CRM's own page, or an import. */
  statusActor: StatusActor | null;
  /** Received before the CRM's go-live: found in the CRM, not new work (kept out of figures). */
  backlog: boolean;
}

export function emptyFold(): LeadFold {
  return {
    seen: null,
    crmReceivedAt: null,
    changedSource: null,
    status: 'open',
    statusActor: null,
    lostReason: null,
    soldAt: null,
    closedAt: null,
    attempts: 0,
    contacts: 0,
    phoneAttempts: 0,
    firstAttemptAt: null,
    lastAttemptAt: null,
    atClose: { attempts: 0, contacts: 0, phoneAttempts: 0 },
    furthest: 'open',
    last: null,
  };
}

/** The status an attempt's outcome implies, if it moves the lead forward. */
function statusFromOutcome(outcome: Outcome): LeadStatus | null {
  if (outcome === 'appointment') return 'appointment';
  if (isContact(outcome)) return 'contacted';
  return null;
}

const PHONE_CHANNELS: readonly Channel[] = ['call', 'whatsapp', 'sms'];

function reach(fold: LeadFold, status: LeadStatus): void {
  if (status !== 'lost' && STATUS_RANK[status] > STATUS_RANK[fold.furthest]) fold.furthest = status;
}

/**
 * Applies one event in effect, in place. The caller keeps replay order (time, then id) and
 * leaves out voided and voiding events, as `effectiveEvents` does; the rules:
 * - an outcome moves an open lead forward (contact → contacted, appointment → appointment),
 *   never back, and never a closed one; a status change sets the status as given;
 * - the received time is the CRM's creation time from any lead_seen that carried one, else
 *   the first time Leadpace saw the lead.
 */
export function applyEvent(fold: LeadFold, e: FoldEvent): void {
  switch (e.type) {
    case 'lead_seen':
      fold.seen ??= { at: e.at, source: e.source, backlog: e.backlog === true };
      if (fold.crmReceivedAt === null && e.receivedAt !== null) fold.crmReceivedAt = e.receivedAt;
      break;
    case 'attempt_logged': {
      fold.attempts += 1;
      if (isContact(e.outcome)) fold.contacts += 1;
      if (PHONE_CHANNELS.includes(e.channel)) fold.phoneAttempts += 1;
      fold.firstAttemptAt ??= e.at;
      fold.lastAttemptAt = e.at;
      const implied = statusFromOutcome(e.outcome);
      if (implied) {
        reach(fold, implied);
        if (!isClosed(fold.status) && STATUS_RANK[implied] > STATUS_RANK[fold.status]) fold.status = implied;
      }
      break;
    }
    case 'status_changed':
      fold.status = e.status;
      fold.statusActor = e.actor ?? 'rep';
      fold.lostReason = e.status === 'lost' ? (e.lostReason ?? null) : null;
      fold.soldAt = e.status === 'sold' ? e.at : null;
      reach(fold, e.status);
      if (isClosed(e.status)) {
        fold.closedAt = e.at;
        fold.atClose = { attempts: fold.attempts, contacts: fold.contacts, phoneAttempts: fold.phoneAttempts };
      } else {
        fold.closedAt = null;
      }
      break;
    case 'source_changed':
      fold.changedSource = e.to;
      break;
    case 'event_voided':
      break;
  }
  fold.last = { at: e.at, id: e.id };
}

/** What the fold amounts to; null while no lead_seen is in effect (no lead yet). */
export function progressOf(fold: LeadFold): LeadSummary | null {
  const { seen } = fold;
  if (!seen) return null;
  const closed = fold.closedAt !== null;
  const effort = closed ? fold.atClose : { attempts: fold.attempts, contacts: fold.contacts, phoneAttempts: fold.phoneAttempts };
  return {
    source: fold.changedSource ?? seen.source,
    receivedAt: fold.crmReceivedAt ?? seen.at,
    receivedAtKnown: fold.crmReceivedAt !== null,
    firstSeenAt: seen.at,
    status: fold.status,
    // Present (maybe undefined) once any status was set, as the list fold has always given it.
    ...(fold.statusActor === null ? {} : { lostReason: fold.lostReason ?? undefined }),
    contactCount: fold.contacts,
    firstAttemptAt: fold.firstAttemptAt,
    lastAttemptAt: fold.lastAttemptAt,
    soldAt: fold.soldAt,
    closedAt: fold.closedAt,
    attemptsBeforeClose: effort.attempts,
    contactsBeforeClose: effort.contacts,
    phoneAttemptsBeforeClose: effort.phoneAttempts,
    furthest: fold.furthest,
    statusActor: fold.statusActor,
    backlog: seen.backlog,
  };
}
