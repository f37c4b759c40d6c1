import { effectiveEvents, type LeadEvent } from './events';
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
  /** The last close as lost came before enough effort (PRODUCT.md "closed too early"). */
  closedTooEarly: boolean;
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

const STATUS_RANK: Record<LeadStatus, number> = {
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

/**
 * Folds a lead's events into its progress. Pure: the same events always give the same
 * answer, so an undo (a voiding event) simply recomputes.
 */
export function progressFromEvents(events: readonly LeadEvent[]): LeadProgress | null {
  const list = effectiveEvents(events);
  const seen = list.filter((e) => e.type === 'lead_seen');
  const first = seen[0];
  if (!first) return null;
  const crmTime = seen.find((e) => e.receivedAt !== null)?.receivedAt ?? null;
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
    closedTooEarly: false,
  };
  for (const e of list) {
    switch (e.type) {
      case 'attempt_logged': {
        progress.attempts.push({ id: e.id, channel: e.channel, outcome: e.outcome, at: e.at });
        if (isContact(e.outcome)) progress.contactCount += 1;
        progress.firstAttemptAt ??= e.at;
        progress.lastAttemptAt = e.at;
        const implied = statusFromOutcome(e.outcome);
        if (implied && !isClosed(progress.status) && STATUS_RANK[implied] > STATUS_RANK[progress.status]) {
          progress.status = implied;
        }
        break;
      }
      case 'status_changed':
        progress.status = e.status;
        progress.lostReason = e.status === 'lost' ? e.lostReason : undefined;
        progress.closedTooEarly = e.status === 'lost' && e.closedTooEarly === true;
        progress.soldAt = e.status === 'sold' ? e.at : null;
        break;
      case 'source_changed':
        progress.source = e.to;
        break;
      case 'lead_seen':
      case 'event_voided':
        break;
    }
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
