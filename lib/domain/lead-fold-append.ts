import { compareIds, effectiveEvents } from './events';
import { applyEvent, emptyFold, type FoldEvent, type LeadFold } from './lead-fold';

/**
 * A fold that can be carried forward: the fold of every event so far, plus the ids voided by
 * one of them that have not arrived yet (a correction can reach the server before what it
 * corrects), so such an event never counts when it does arrive.
 */
export interface ResumableFold {
  fold: LeadFold;
  pendingVoids: string[];
}

const replayOrder = (a: { at: number; id: string }, b: { at: number; id: string }): number => a.at - b.at || compareIds(a.id, b.id);

/** The resumable fold of a whole history: the reference `appendToFold` must always agree with. */
export function foldHistory(events: readonly FoldEvent[]): ResumableFold {
  const fold = emptyFold();
  for (const e of effectiveEvents(events)) applyEvent(fold, e);
  const ids = new Set(events.map((e) => e.id));
  const pending = new Set<string>();
  for (const e of events) if (e.type === 'event_voided' && !ids.has(e.voids)) pending.add(e.voids);
  return { fold, pendingVoids: [...pending].sort(compareIds) };
}

/**
 * Carries a fold forward by a batch of events it has not seen, in work proportional to the
 * batch. Null when the batch cannot simply be appended and the whole history must be folded
 * again: an event in effect that replays before the last one applied (the fold has no undo),
 * or a void of an event already stored — `storedBefore` answers for the batch's void targets.
 * Each id may occur once in a lead's history (event ids are unique per team); the input is
 * not changed.
 */
export function appendToFold(
  resumable: ResumableFold,
  batch: readonly FoldEvent[],
  storedBefore: (id: string) => boolean,
): ResumableFold | null {
  const voided = new Set(resumable.pendingVoids);
  for (const e of batch) {
    if (e.type !== 'event_voided') continue;
    if (storedBefore(e.voids)) return null;
    voided.add(e.voids);
  }
  const effective = batch.filter((e) => e.type !== 'event_voided' && !voided.has(e.id)).sort(replayOrder);
  const first = effective[0];
  const { last } = resumable.fold;
  if (first && last && replayOrder(first, last) <= 0) return null;

  // applyEvent replaces nested values rather than changing them, so a shallow copy suffices.
  const fold: LeadFold = { ...resumable.fold };
  for (const e of effective) applyEvent(fold, e);
  for (const e of batch) voided.delete(e.id);
  return { fold, pendingVoids: [...voided].sort(compareIds) };
}
