import { businessDayAt, type OpeningHours } from './business-time';
import { checkpointDays, monthPacing, pacingCheckpoint, type PacingCheckpoint } from './pacing';

/**
 * The month-pacing notifications. Rules chosen here:
 * - On the month's first business day: what the month needs — the target, the business days,
 *   and how many sales keep the rep on pace by the 10th — whenever a target is set. A rep
 *   always hears it, however small the target (a target below the month's business days
 *   can never be "behind" on the 1st). A rep who was away that day (or installed Leadpace
 *   later) hears it at the first chance before the day-10 check; after that the checks speak.
 * - On the 10th and the 20th (the first business day on or after them): only when behind,
 *   with the same "behind" as the popup shows (at least one whole sale short).
 * - Each checkpoint is judged once, at the first chance that day (the caller asks inside
 *   opening hours): a morning verdict the rep can still act on, not a mid-afternoon surprise
 *   because the day's fraction of a sale ticked past a whole one. A checkpoint day the
 *   browser was never open on passes without a nudge.
 * - Never twice: the checkpoints already handled this month are remembered (by the caller,
 *   across worker restarts) as `YYYY-MM:checkpoint`, so neither a restart nor a change of
 *   hours that moves a checkpoint day repeats one.
 */

export type PacingNudge =
  | {
      checkpoint: 'start';
      target: number;
      businessDaysInMonth: number;
      /**
       * The day-10 checkpoint (the 10th, or later when the 10th is closed): its opening instant
       * and the sales expected then — what that check will compare with. Null when the month
       * has no business day on or after the 10th.
       */
      byDay10: { at: number; expected: number } | null;
    }
  | {
      checkpoint: 'day10' | 'day20';
      target: number;
      sold: number;
      expectedByToday: number;
      projection: number;
    };

export interface PacingNudgePlan {
  nudge: PacingNudge | null;
  /** The memory to keep: this month's handled checkpoints, today's included when judged. */
  handled: string[];
}

/**
 * The checkpoint still to be judged now, with its memory key (`YYYY-MM:checkpoint`), or null:
 * not a checkpoint day, no target, or already handled. Cheap, so a caller reads the month's
 * sales only when this says so.
 */
export function pendingPacingCheckpoint(input: {
  target: number;
  now: number;
  hours: OpeningHours;
  handled: readonly string[];
}): { checkpoint: PacingCheckpoint; key: string } | null {
  const checkpoint = pacingCheckpoint(input.now, input.hours) ?? lateStart(input.now, input.hours);
  if (checkpoint === null || input.target <= 0) return null;
  const key = `${monthOf(input.now, input.hours)}:${checkpoint}`;
  return input.handled.includes(key) ? null : { checkpoint, key };
}

export function planPacingNudge(input: {
  target: number;
  soldDates: readonly number[];
  now: number;
  hours: OpeningHours;
  /** What the previous plan returned as `handled` (any month; older months are dropped). */
  handled: readonly string[];
}): PacingNudgePlan {
  const { target, soldDates, now, hours } = input;
  const month = monthOf(now, hours);
  const thisMonth = input.handled.filter((key) => key.startsWith(`${month}:`));
  const pending = pendingPacingCheckpoint({ target, now, hours, handled: thisMonth });
  if (pending === null) return { nudge: null, handled: thisMonth };
  return { nudge: judge(pending.checkpoint, { target, soldDates, now, hours }), handled: [...thisMonth, pending.key] };
}

const monthOf = (now: number, hours: OpeningHours) => businessDayAt(now, hours).date.slice(0, 7);

/** 'start' on a business day after the first and before the day-10 check, else null. */
function lateStart(now: number, hours: OpeningHours): 'start' | null {
  const today = businessDayAt(now, hours);
  if (today.open === null || today.close === null || today.close <= today.open) return null;
  const { start, day10 } = checkpointDays(now, hours);
  if (!start || today.day <= start.day) return null;
  return day10 === undefined || today.day < day10.day ? 'start' : null;
}

function judge(
  checkpoint: PacingCheckpoint,
  input: { target: number; soldDates: readonly number[]; now: number; hours: OpeningHours },
): PacingNudge | null {
  const pacing = monthPacing(input);
  if (checkpoint === 'start') {
    const day10 = checkpointDays(input.now, input.hours).day10;
    const byDay10 = day10 ? { at: day10.open, expected: monthPacing({ ...input, soldDates: [], now: day10.open }).expectedByToday } : null;
    return { checkpoint, target: input.target, businessDaysInMonth: pacing.businessDaysInMonth, byDay10 };
  }
  if (!pacing.behind) return null;
  return { checkpoint, target: input.target, sold: pacing.sold, expectedByToday: pacing.expectedByToday, projection: pacing.projection };
}
