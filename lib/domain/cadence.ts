import { z } from 'zod/mini';
import {
  addBusinessDays,
  addBusinessMs,
  businessDurationMs,
  closingTimeOfDay,
  type OpeningHours,
} from './business-time';
import { isClosed, isContact, type Channel, type LeadStatus, type Outcome } from './model';

/**
 * The SLA and cadence engine (first-attempt SLA, cadence steps, next channel). Closed too early
 * and properly worked are judged by the metrics kernel, lead-metrics.ts.
 * Everything is counted in business time; `now` is always a parameter so the same lead gives
 * the same answer in the panel, the popup and the worker's minute tick.
 *
 * Rules chosen here (the panel and the docs describe them the same way):
 *
 * 1. Steps. An `after` step is due `ms` business time after the lead was received. A `day` step
 *    is due at the opening of business day N, where day 1 is the business day on which the
 *    lead's clock starts (the received day, or the next business day when the lead arrived
 *    after closing) — so "day 2" is the next business day's opening. Scheduled times never go
 *    backwards: a step is never due before the previous one (a lead received at 17:00 has its
 *    "+4 h" step the next morning, and "day 2" then waits for it).
 * 2. A late attempt pushes the rest back instead of making every later step overdue at once.
 *    The next step is due at its scheduled time, but an `after` step never sooner than half the
 *    cadence's own gap after the previous attempt (business ms), and a `day` step never sooner
 *    than its distance in business days after the previous attempt's local day (an `after`
 *    step counting as day 1). Half, not the whole gap: an attempt made within the grace then
 *    leaves the schedule — and the first burst — exactly as it was.
 * 3. Each attempt completes one step. A conversation (`reached`) skips the remaining same-day
 *    (`after`) steps: the next touch is the next `day` step, not ten minutes later.
 * 4. Done: status sold / lost / appointment / shown; the last outcome `appointment` or
 *    `not_interested` (nothing left to chase — the rep closes it); or every step attempted.
 * 5. Grace. The first attempt is overdue once the first-attempt SLA (business time since
 *    received) has passed. A later `after` step is overdue `graceMs` business time after it is
 *    due; a `day` step is due all that business day and overdue after its closing time, since
 *    nobody can make forty day-2 calls at 09:00 sharp. `overdueByMs` is business time since the
 *    step's due time (for a lead never attempted: since its clock started).
 * 6. Channel. Call first. After an unanswered call (no answer / voicemail) WhatsApp — unless the
 *    call before it was also unanswered and a WhatsApp already went out between the two, then
 *    e-mail. After a WhatsApp, SMS or e-mail without contact, call again. While the latest
 *    phone attempt says wrong number, e-mail. After a conversation, call.
 */

export type CadenceStep = { kind: 'after'; ms: number } | { kind: 'day'; day: number };

export interface CadenceSettings {
  /** First attempt within this much business time after received (docs/definitions.md "SLA": 5 min). */
  firstAttemptSlaMs: number;
  /** The stretch goal for the first attempt (2 min): shown, never used for "overdue". */
  stretchFirstAttemptSlaMs: number;
  /** N attempts within the first M business ms (3 in 30 min). */
  firstBurst: { attempts: number; withinMs: number };
  steps: CadenceStep[];
  /** Attempts after which a lead may be closed without contact (closed-too-early threshold). */
  closeAfterAttempts: number;
  /** How long an `after` step may wait past its due time before it is overdue. */
  graceMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const DEFAULT_CADENCE_SETTINGS: CadenceSettings = {
  firstAttemptSlaMs: 5 * MINUTE,
  stretchFirstAttemptSlaMs: 2 * MINUTE,
  firstBurst: { attempts: 3, withinMs: 30 * MINUTE },
  steps: [
    { kind: 'after', ms: 0 },
    { kind: 'after', ms: 10 * MINUTE },
    { kind: 'after', ms: 30 * MINUTE },
    { kind: 'after', ms: 4 * HOUR },
    { kind: 'day', day: 2 },
    { kind: 'day', day: 4 },
    { kind: 'day', day: 7 },
  ],
  closeAfterAttempts: 6,
  graceMs: 5 * MINUTE,
};

const WEEK_MS = 7 * 24 * HOUR;

/** A whole number in [min, max]: classic's `z.number().int().min().max()` checks, in that order. */
const intIn = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));

// zod/mini: the popup parses the cadence with the settings on its first screen.
const cadenceStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('after'), ms: intIn(0, WEEK_MS) }),
  z.object({ kind: z.literal('day'), day: intIn(1, 60) }),
]);

export const cadenceSettingsSchema = z
  .object({
    firstAttemptSlaMs: intIn(0, WEEK_MS),
    stretchFirstAttemptSlaMs: intIn(0, WEEK_MS),
    firstBurst: z.object({
      attempts: intIn(1, 20),
      withinMs: intIn(0, WEEK_MS),
    }),
    steps: z.array(cadenceStepSchema).check(z.minLength(1), z.maxLength(30)),
    closeAfterAttempts: intIn(1, 30),
    graceMs: intIn(0, WEEK_MS),
  })
  .check(
    z.superRefine((s, ctx) => {
      if (s.stretchFirstAttemptSlaMs > s.firstAttemptSlaMs) {
        ctx.addIssue({ code: 'custom', path: ['stretchFirstAttemptSlaMs'], message: 'stretch_after_sla' });
      }
      // Same-day steps first, then day steps, each ascending: the schedule must read in order.
      let seenDay = false;
      let lastAfter = -1;
      let lastDay = 0;
      s.steps.forEach((step, i) => {
        const bad = (message: string) => ctx.addIssue({ code: 'custom', path: ['steps', i], message });
        if (step.kind === 'after') {
          if (seenDay) bad('after_step_following_day_step');
          else if (step.ms < lastAfter) bad('steps_not_ascending');
          lastAfter = step.ms;
        } else {
          if (step.day < lastDay) bad('steps_not_ascending');
          seenDay = true;
          lastDay = step.day;
        }
      });
    }),
  ) satisfies z.ZodMiniType<CadenceSettings>;

export interface CadenceAttempt {
  at: number;
  channel: Channel;
  outcome: Outcome;
}

export interface CadenceLead {
  receivedAt: number;
  status: LeadStatus;
  attempts: readonly CadenceAttempt[];
}

export type SlaState = 'new' | 'due' | 'overdue' | 'waiting' | 'done';

export interface LeadState {
  state: SlaState;
  /** Index into `settings.steps` of the next step; `steps.length` once the cadence is exhausted. */
  stepIndex: number;
  /** When the next step is due; null when done or when the hours leave no open time. */
  dueAt: number | null;
  /** When the state turns (or turned) overdue; null when done or unknowable. For alarms. */
  overdueAt: number | null;
  /** Business ms since `dueAt` while overdue, else 0. */
  overdueByMs: number;
  nextChannel: Channel | null;
  /** Business ms from received to the first attempt; null before it. */
  responseMs: number | null;
}

const PHONE_CHANNELS: readonly Channel[] = ['call', 'whatsapp', 'sms'];
const isUnanswered = (o: Outcome): boolean => o === 'no_answer' || o === 'voicemail';

/** The channel for the next attempt (rule 6 above). `attempts` in time order. */
export function suggestChannel(attempts: readonly CadenceAttempt[]): Channel {
  const last = attempts.at(-1);
  if (!last) return 'call';
  for (let i = attempts.length - 1; i >= 0; i--) {
    const a = attempts[i];
    if (a && PHONE_CHANNELS.includes(a.channel)) {
      if (a.outcome === 'wrong_number') return 'email';
      break;
    }
  }
  if (isContact(last.outcome)) return 'call';
  if (last.channel !== 'call') return 'call';
  if (!isUnanswered(last.outcome)) return 'call';
  let whatsappSince = false;
  for (let i = attempts.length - 2; i >= 0; i--) {
    const a = attempts[i];
    if (!a) continue;
    if (a.channel === 'whatsapp') whatsappSince = true;
    if (a.channel === 'call') return isUnanswered(a.outcome) && whatsappSince ? 'email' : 'whatsapp';
  }
  return 'whatsapp';
}

function sortedAttempts(attempts: readonly CadenceAttempt[]): readonly CadenceAttempt[] {
  for (let i = 1; i < attempts.length; i++) {
    const prev = attempts[i - 1];
    const cur = attempts[i];
    if (prev && cur && cur.at < prev.at) return [...attempts].sort((a, b) => a.at - b.at);
  }
  return attempts;
}

/** Step day number used for gaps: same-day steps count as day 1. */
const stepDay = (step: CadenceStep): number => (step.kind === 'day' ? step.day : 1);

const DONE_STATUSES: readonly LeadStatus[] = ['appointment', 'shown'];

// Module-level helpers rather than closures inside leadState, which runs per lead per tick.
function done(stepIndex: number, responseMs: number | null): LeadState {
  return { state: 'done', stepIndex, dueAt: null, overdueAt: null, overdueByMs: 0, nextChannel: null, responseMs };
}

function finite(ms: number): number | null {
  return Number.isFinite(ms) ? ms : null;
}

/**
 * Everything about a lead's next step that does not depend on the clock: which step, when it is
 * due and when it turns overdue, the channel. The state at any instant follows from it
 * (stateAt), so the background can keep plans for the popup and the popup only compares times.
 */
export type CadencePlan =
  | { kind: 'done'; stepIndex: number; responseMs: number | null }
  /** Never attempted: due at the clock's start, overdue once the first-attempt SLA passed. */
  | { kind: 'first'; dueAt: number | null; overdueAt: number | null }
  /** Attempted, with no open time left to schedule the next step in. */
  | { kind: 'unscheduled'; stepIndex: number; nextChannel: Channel; responseMs: number | null }
  | { kind: 'scheduled'; stepIndex: number; dueAt: number; overdueAt: number | null; nextChannel: Channel; responseMs: number | null };

/** The lead's cadence plan (rules at the top of this file). */
export function planOf(lead: CadenceLead, settings: CadenceSettings, hours: OpeningHours): CadencePlan {
  const attempts = sortedAttempts(lead.attempts);
  const first = attempts[0];
  const last = attempts.at(-1);
  const responseMs = first ? businessDurationMs(lead.receivedAt, first.at, hours) : null;
  const steps = settings.steps;

  // Which step comes next, and which step the last attempt completed (for the gap rule).
  let next = 0;
  let completed = -1;
  for (const a of attempts) {
    completed = Math.min(next, steps.length - 1);
    next += 1;
    if (isContact(a.outcome)) while (next < steps.length && steps[next]?.kind === 'after') next += 1;
  }

  const doneAt = (stepIndex: number): CadencePlan => ({ kind: 'done', stepIndex, responseMs });
  if (isClosed(lead.status) || DONE_STATUSES.includes(lead.status)) return doneAt(Math.min(next, steps.length));
  if (last && (last.outcome === 'appointment' || last.outcome === 'not_interested')) return doneAt(Math.min(next, steps.length));
  const step = steps[next];
  if (!step) return doneAt(steps.length);

  const clockStart = addBusinessMs(lead.receivedAt, 0, hours);

  if (!last) {
    return { kind: 'first', dueAt: finite(clockStart), overdueAt: finite(addBusinessMs(lead.receivedAt, settings.firstAttemptSlaMs, hours)) };
  }

  // Rule 1: the step's time, never before an earlier step's. Both kinds grow with their value,
  // so only the largest `after` and the largest `day` among steps 0..next matter.
  let maxAfter = -1;
  let maxDay = 0;
  for (let i = 0; i <= next; i++) {
    const s = steps[i];
    if (s?.kind === 'after') maxAfter = Math.max(maxAfter, s.ms);
    else if (s) maxDay = Math.max(maxDay, s.day);
  }
  let scheduled = -Infinity;
  if (maxAfter >= 0) scheduled = addBusinessMs(lead.receivedAt, maxAfter, hours);
  if (maxDay > 0) scheduled = Math.max(scheduled, addBusinessDays(clockStart, maxDay - 1, hours));

  // Rule 2: keep the cadence's own gap after the attempt that completed the previous step.
  const prev = steps[completed];
  let relative = -Infinity;
  if (prev) {
    if (step.kind === 'after' && prev.kind === 'after') {
      relative = addBusinessMs(last.at, (step.ms - prev.ms) / 2, hours);
    } else if (step.kind === 'day') {
      relative = addBusinessDays(last.at, step.day - stepDay(prev), hours);
    } else {
      relative = addBusinessMs(last.at, step.ms / 2, hours);
    }
  }
  const due = Math.max(scheduled, relative);
  const nextChannel = suggestChannel(attempts);
  if (!Number.isFinite(due)) return { kind: 'unscheduled', stepIndex: next, nextChannel, responseMs };

  const closing = step.kind === 'day' ? closingTimeOfDay(due, hours) : null;
  const overdueAt = closing !== null && closing > due ? closing : addBusinessMs(due, settings.graceMs, hours);
  return { kind: 'scheduled', stepIndex: next, dueAt: due, overdueAt: finite(overdueAt), nextChannel, responseMs };
}

/**
 * The state a plan gives at `now`. Only an overdue lead needs the calendar (its business time
 * late); `lateBy` lets a caller that shows few of many leads compute that on demand.
 */
export function stateAt(plan: CadencePlan, now: number, hours: OpeningHours, lateBy: LateBy = eagerLateBy): LeadState {
  switch (plan.kind) {
    case 'done':
      return done(plan.stepIndex, plan.responseMs);
    case 'first': {
      const overdue = plan.overdueAt !== null && now > plan.overdueAt;
      const state: LeadState = {
        state: overdue ? 'overdue' : 'new',
        stepIndex: 0,
        dueAt: plan.dueAt,
        overdueAt: plan.overdueAt,
        overdueByMs: 0,
        nextChannel: 'call',
        responseMs: null,
      };
      return overdue && plan.dueAt !== null ? lateBy(state, plan.dueAt, now, hours) : state;
    }
    case 'unscheduled':
      return { state: 'waiting', stepIndex: plan.stepIndex, dueAt: null, overdueAt: null, overdueByMs: 0, nextChannel: plan.nextChannel, responseMs: plan.responseMs };
    case 'scheduled': {
      // A null overdueAt is one the hours never reach: the step stays due.
      const sla: SlaState = now < plan.dueAt ? 'waiting' : plan.overdueAt !== null && now > plan.overdueAt ? 'overdue' : 'due';
      const state: LeadState = {
        state: sla,
        stepIndex: plan.stepIndex,
        dueAt: plan.dueAt,
        overdueAt: plan.overdueAt,
        overdueByMs: 0,
        nextChannel: plan.nextChannel,
        responseMs: plan.responseMs,
      };
      return sla === 'overdue' ? lateBy(state, plan.dueAt, now, hours) : state;
    }
  }
}

/** Sets an overdue state's `overdueByMs` (business time since `dueAt`), now or when first read. */
export type LateBy = (state: LeadState, dueAt: number, now: number, hours: OpeningHours) => LeadState;
const eagerLateBy: LateBy = (state, dueAt, now, hours) => {
  state.overdueByMs = businessDurationMs(dueAt, now, hours);
  return state;
};

/** The lead's SLA/cadence state at `now` (rules at the top of this file). */
export function leadState(lead: CadenceLead, settings: CadenceSettings, hours: OpeningHours, now: number): LeadState {
  return stateAt(planOf(lead, settings, hours), now, hours);
}

/** How the first response compares with the SLA; null before the first attempt. */
export function responseGrade(
  responseMs: number | null,
  settings: Pick<CadenceSettings, 'firstAttemptSlaMs' | 'stretchFirstAttemptSlaMs'> = DEFAULT_CADENCE_SETTINGS,
): 'stretch' | 'within_sla' | 'late' | null {
  if (responseMs === null) return null;
  if (responseMs <= settings.stretchFirstAttemptSlaMs) return 'stretch';
  return responseMs <= settings.firstAttemptSlaMs ? 'within_sla' : 'late';
}

/**
 * The first burst (N attempts within the first M business minutes): 'met' when enough attempts
 * fell inside the window or a conversation already happened there (the burst exists to reach
 * the customer), 'missed' once the window has passed without that, else 'pending'.
 */
export function firstBurstStatus(
  lead: Pick<CadenceLead, 'receivedAt' | 'attempts'>,
  settings: Pick<CadenceSettings, 'firstBurst'>,
  hours: OpeningHours,
  now: number,
): 'met' | 'missed' | 'pending' {
  const { attempts: needed, withinMs } = settings.firstBurst;
  const windowEnd = addBusinessMs(lead.receivedAt, withinMs, hours);
  let count = 0;
  for (const a of lead.attempts) {
    if (a.at > windowEnd) continue;
    count += 1;
    if (isContact(a.outcome) || count >= needed) return 'met';
  }
  return now > windowEnd ? 'missed' : 'pending';
}

export interface ActionItem<L extends CadenceLead> {
  lead: L;
  state: LeadState;
}

// A lead still inside its first-attempt window comes before the overdue backlog: the first
// minutes decide, and a lead that came in five minutes ago must not sit below thirty
// week-old ones. Once its SLA has passed it joins the overdue leads.
const URGENCY: Record<SlaState, number> = { new: 0, overdue: 1, due: 2, waiting: 3, done: 3 };

/**
 * The leads needing action now, most urgent first: new leads (still inside the first-attempt
 * window), then overdue (longest first), then due (earliest due first). Among new leads the one
 * closest to missing its SLA comes first — the newest has the best odds, but it still has
 * minutes left while the oldest is about to be lost; received-at breaks a tie of deadlines (all
 * overnight leads share the morning's). Ties keep the input order.
 */
export function actionList<L extends CadenceLead>(
  leads: readonly L[],
  settings: CadenceSettings,
  hours: OpeningHours,
  now: number,
): ActionItem<L>[] {
  const items: ActionItem<L>[] = [];
  for (const lead of leads) {
    // Closed and booked leads can never need action: skip them before any calendar work.
    if (isClosed(lead.status) || DONE_STATUSES.includes(lead.status)) continue;
    const state = leadState(lead, settings, hours, now);
    if (state.state === 'overdue' || state.state === 'due' || state.state === 'new') items.push({ lead, state });
  }
  return items.sort((a, b) => {
    const rank = URGENCY[a.state.state] - URGENCY[b.state.state];
    if (rank !== 0) return rank;
    switch (a.state.state) {
      case 'overdue':
        return b.state.overdueByMs - a.state.overdueByMs;
      case 'due':
        return (a.state.dueAt ?? 0) - (b.state.dueAt ?? 0);
      default:
        return (a.state.overdueAt ?? Infinity) - (b.state.overdueAt ?? Infinity) || a.lead.receivedAt - b.lead.receivedAt;
    }
  });
}
