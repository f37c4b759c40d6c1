import { effectiveEvents } from './events';
import { applyEvent, emptyFold, progressOf, type FoldEvent, type LeadSummary } from './lead-fold';
import { isClosed, type Channel, type Outcome, type SnapshotField } from './model';

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

/** The state of one lead as derived from its events: the summary and its attempts in order. */
export interface LeadProgress extends LeadSummary {
  attempts: AttemptView[];
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

export { STATUS_RANK, type FoldEvent } from './lead-fold';

/**
 * Folds a lead's events into its progress. Pure: the same events in any order always give the
 * same answer, so an undo (a voiding event) or a late event simply recomputes. Voided events
 * and the voiding events are dropped; the rest replay by (time, id) through `applyEvent`,
 * the same steps the team server takes when it carries a stored fold forward.
 */
export function progressFromEvents(events: readonly FoldEvent[]): LeadProgress | null {
  const fold = emptyFold();
  const attempts: AttemptView[] = [];
  for (const e of effectiveEvents(events)) {
    applyEvent(fold, e);
    if (e.type === 'attempt_logged') attempts.push({ id: e.id, channel: e.channel, outcome: e.outcome, at: e.at });
  }
  const summary = progressOf(fold);
  if (!summary) return null;
  return { ...summary, attempts };
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
