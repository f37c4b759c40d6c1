import { effectiveEvents } from '@/lib/domain/events';
import { STATUS_RANK, type FoldEvent, type LeadProgress } from '@/lib/domain/lead';
import { isClosed, isContact, type Channel, type LeadStatus, type Outcome } from '@/lib/domain/model';

// The fold over a whole list as it was written before it became an accumulator, kept as the
// reference the accumulator must agree with on every history.

/** The status an attempt's outcome implies, if it moves the lead forward. */
function statusFromOutcome(outcome: Outcome): LeadStatus | null {
  if (outcome === 'appointment') return 'appointment';
  if (isContact(outcome)) return 'contacted';
  return null;
}

const PHONE_CHANNELS: readonly Channel[] = ['call', 'whatsapp', 'sms'];

/**
 * Folds a lead's events into its progress. Pure: the same events in any order always give the
 * same answer, so an undo (a voiding event) or a late event simply recomputes. Rules:
 * - Voided events and the voiding events are dropped; the rest replay by (time, id).
 * - An outcome moves an open lead forward (contact → contacted, appointment → appointment),
 *   never back, and never a closed one; a status change sets the status as given.
 * - The received time is the CRM's creation time from any lead_seen that carried one, else
 *   the first time Leadpace saw the lead.
 */
export function referenceProgress(events: readonly FoldEvent[]): LeadProgress | null {
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
