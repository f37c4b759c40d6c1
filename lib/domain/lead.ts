import { effectiveEvents, type StatusActor } from './events';
import {
  isClosed,
  isContact,
  type Channel,
  type LeadStatus,
  type LostReason,
  type Outcome,
  type SnapshotField,
} from './model';

/** What the page told us about the lead (customer data: stays in this browser). */
export interface LeadDetails {
  crm: string;
  leadId: string;
  url: string;
  name?: string;
  phone?: string;
  email?: string;
  vehicle?: string;
  sourceRaw?: string;
  missing: SnapshotField[];
}

export interface AttemptView {
  id: string;
  channel: Channel;
  outcome: Outcome;
  at: number;
}

/** The state of one lead as derived from its events. */
export interface LeadProgress {
  source: string;
  /** Epoch ms: the CRM's creation time when known, else when Leadpace first saw the lead. */
  receivedAt: number;
  receivedAtKnown: boolean;
  firstSeenAt: number;
  status: LeadStatus;
  lostReason?: LostReason;
  attempts: AttemptView[];
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

/** An attempt as the cadence engine needs it; kept on the lead row so the tick reads no events. */
export interface AttemptSummary {
  at: number;
  channel: Channel;
  outcome: Outcome;
}

/** The leads table row: details + progress + fields the popup sorts on. */
export interface LeadRecord extends LeadDetails, Omit<LeadProgress, 'attempts'> {
  key: string;
  lastSeenAt: number;
  attemptCount: number;
  lastOutcome: Outcome | null;
  attemptLog: AttemptSummary[];
  /** 1 while the lead still needs work; an index, so the popup never scans closed leads. */
  open: 0 | 1;
}

/** Stage order; `lost` ranks with `sold` as an end state. */
export const STATUS_RANK: Record<LeadStatus, number> = {
  open: 0,
  contacted: 1,
  appointment: 2,
  shown: 3,
  sold: 4,
  lost: 4,
};

/** The status an attempt's outcome implies, if it moves the lead forward. */
function statusFromOutcome(outcome: Outcome): LeadStatus | null {
  if (outcome === 'appointment') return 'appointment';
  if (isContact(outcome)) return 'contacted';
  return null;
}

const PHONE_CHANNELS: readonly Channel[] = ['call', 'whatsapp', 'sms'];

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
 * Folds a lead's events into its progress. Pure: the same events in any order always give the
 * same answer, so an undo (a voiding event) or a late event simply recomputes. Rules:
 * - Voided events and the voiding events are dropped; the rest replay by (time, id).
 * - An outcome moves an open lead forward (contact → contacted, appointment → appointment),
 *   never back, and never a closed one; a status change sets the status as given.
 * - The received time is the CRM's creation time from any lead_seen that carried one, else
 *   the first time Leadpace saw the lead.
 */
export function progressFromEvents(events: readonly FoldEvent[]): LeadProgress | null {
  const list = effectiveEvents(events);
  let first: Extract<FoldEvent, { type: 'lead_seen' }> | undefined;
  let crmTime: number | null = null;
  for (const e of list) {
    if (e.type !== 'lead_seen') continue;
    first ??= e;
    if (crmTime === null && e.receivedAt !== null) crmTime = e.receivedAt;
  }
  if (!first) return null;
  const progress: LeadProgress = {
    source: first.source,
    receivedAt: crmTime ?? first.at,
    receivedAtKnown: crmTime !== null,
    firstSeenAt: first.at,
    status: 'open',
    attempts: [],
    contactCount: 0,
    firstAttemptAt: null,
    lastAttemptAt: null,
    soldAt: null,
    closedAt: null,
    attemptsBeforeClose: 0,
    contactsBeforeClose: 0,
    phoneAttemptsBeforeClose: 0,
    furthest: 'open',
    statusActor: null,
    backlog: first.backlog === true,
  };
  let phoneAttempts = 0;
  const reach = (status: LeadStatus) => {
    if (status !== 'lost' && STATUS_RANK[status] > STATUS_RANK[progress.furthest]) progress.furthest = status;
  };
  for (const e of list) {
    switch (e.type) {
      case 'attempt_logged': {
        progress.attempts.push({ id: e.id, channel: e.channel, outcome: e.outcome, at: e.at });
        if (isContact(e.outcome)) progress.contactCount += 1;
        if (PHONE_CHANNELS.includes(e.channel)) phoneAttempts += 1;
        progress.firstAttemptAt ??= e.at;
        progress.lastAttemptAt = e.at;
        const implied = statusFromOutcome(e.outcome);
        if (implied) {
          reach(implied);
          if (!isClosed(progress.status) && STATUS_RANK[implied] > STATUS_RANK[progress.status]) progress.status = implied;
        }
        break;
      }
      case 'status_changed':
        progress.status = e.status;
        progress.statusActor = e.actor ?? 'rep';
        progress.lostReason = e.status === 'lost' ? e.lostReason : undefined;
        progress.soldAt = e.status === 'sold' ? e.at : null;
        reach(e.status);
        if (isClosed(e.status)) {
          progress.closedAt = e.at;
          progress.attemptsBeforeClose = progress.attempts.length;
          progress.contactsBeforeClose = progress.contactCount;
          progress.phoneAttemptsBeforeClose = phoneAttempts;
        } else {
          progress.closedAt = null;
        }
        break;
      case 'source_changed':
        progress.source = e.to;
        break;
      case 'lead_seen':
      case 'event_voided':
        break;
    }
  }
  if (progress.closedAt === null) {
    progress.attemptsBeforeClose = progress.attempts.length;
    progress.contactsBeforeClose = progress.contactCount;
    progress.phoneAttemptsBeforeClose = phoneAttempts;
  }
  return progress;
}

export function toLeadRecord(
  details: LeadDetails,
  progress: LeadProgress,
  lastSeenAt: number,
): LeadRecord {
  const { attempts, ...rest } = progress;
  const last = attempts.at(-1);
  return {
    ...details,
    ...rest,
    key: `${details.crm}:${details.leadId}`,
    lastSeenAt,
    attemptCount: attempts.length,
    lastOutcome: last?.outcome ?? null,
    attemptLog: attempts.map(({ at, channel, outcome }) => ({ at, channel, outcome })),
    open: isClosed(progress.status) ? 0 : 1,
  };
}

/** What the panel shows for one lead. */
export interface LeadView extends LeadRecord {
  attempts: AttemptView[];
  /** The attempt an undo would void: the last one still in effect. */
  undoableAttemptId: string | null;
  /** The rep's local note ('' when none). */
  note: string;
}

export function toLeadView(record: LeadRecord, progress: LeadProgress, note = ''): LeadView {
  return {
    ...record,
    attempts: progress.attempts,
    undoableAttemptId: progress.attempts.at(-1)?.id ?? null,
    note,
  };
}
