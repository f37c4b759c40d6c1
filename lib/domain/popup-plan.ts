import { businessDurationMs, type OpeningHours } from './business-time';
import { planOf, stateAt, type CadencePlan, type CadenceSettings, type LateBy } from './cadence';
import { byUrgency } from './metrics';
import { CHANNELS, STATUSES, type Channel, type LeadStatus } from './model';
import type { RankedPopupLead } from './popup-summary-read';
import type { SummaryLead } from './popup-summary';

/**
 * The popup's plan row: every open lead with what its popup row shows and its cadence plan
 * (cadence.ts planOf), kept by the background for the settings it names. Plans do not depend on
 * the clock, so the popup ranks thousands of open leads with a few comparisons each instead of
 * running the cadence engine's calendar arithmetic for every one of them on its first screen.
 *
 * Any write to the leads deletes the row in its own transaction (summary.ts), and the
 * background writes a new one after it; a popup that finds none, or one made for other
 * settings, ranks the summary's open leads itself. Stored column by column, as summary rows.
 */

export const PLAN_ROW_ID = 'plan';

export interface PlanRow {
  id: typeof PLAN_ROW_ID;
  /** planFingerprint of the cadence settings and opening hours the plans were made with. */
  fingerprint: string;
  keys: string[];
  names: (string | null)[];
  sources: string[];
  statuses: string[];
  /** PLAN_NUMS numbers per lead, in the order of the fields below. */
  nums: (number | null)[];
}

const PLAN_NUMS = 11;
const FLAG_KNOWN = 1;
const FLAG_BACKLOG = 2;
const KINDS: readonly CadencePlan['kind'][] = ['done', 'first', 'unscheduled', 'scheduled'];

/** Whether a stored value is a plan row (a read of the summary store returns any row). */
export const isPlanRow = (value: unknown): value is PlanRow =>
  typeof value === 'object' &&
  value !== null &&
  'id' in value &&
  value.id === PLAN_ROW_ID &&
  'fingerprint' in value &&
  typeof value.fingerprint === 'string' &&
  'keys' in value &&
  Array.isArray(value.keys) &&
  'nums' in value &&
  Array.isArray(value.nums);

/** Which settings a plan was made with: plans made with others rank nothing. */
export const planFingerprint = (cadence: CadenceSettings, hours: OpeningHours): string => JSON.stringify([cadence, hours]);

/** An open lead as the plan row keeps it: its popup row and its plan. */
export interface PlannedLead {
  lead: {
    key: string;
    name: string | null;
    source: string;
    receivedAt: number;
    receivedAtKnown: boolean;
    attemptCount: number;
    status: LeadStatus;
    open: 1;
    backlog: boolean;
    detailsRemovedAt: number | null;
    detailsRemovedAfterDays: number | null;
  };
  plan: CadencePlan;
}

/** The plan row for the summary's open leads under the given settings. */
export function buildPlanRow(openLeads: readonly SummaryLead[], cadence: CadenceSettings, hours: OpeningHours): PlanRow {
  const row: PlanRow = { id: PLAN_ROW_ID, fingerprint: planFingerprint(cadence, hours), keys: [], names: [], sources: [], statuses: [], nums: [] };
  const sorted = openLeads.filter((lead) => lead.open === 1).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const lead of sorted) {
    const plan = planOf({ receivedAt: lead.receivedAt, status: lead.status, attempts: lead.attemptLog }, cadence, hours);
    row.keys.push(lead.key);
    row.names.push(lead.name);
    row.sources.push(lead.source);
    row.statuses.push(lead.status);
    const flags = (lead.receivedAtKnown ? FLAG_KNOWN : 0) | (lead.backlog ? FLAG_BACKLOG : 0);
    const step = plan.kind === 'first' ? 0 : plan.stepIndex;
    const dueAt = plan.kind === 'first' || plan.kind === 'scheduled' ? plan.dueAt : null;
    const overdueAt = plan.kind === 'first' || plan.kind === 'scheduled' ? plan.overdueAt : null;
    const channel = plan.kind === 'unscheduled' || plan.kind === 'scheduled' ? CHANNELS.indexOf(plan.nextChannel) : null;
    const responseMs = plan.kind === 'first' ? null : plan.responseMs;
    row.nums.push(
      lead.receivedAt,
      flags,
      lead.attemptCount,
      lead.detailsRemovedAt,
      lead.detailsRemovedAfterDays,
      KINDS.indexOf(plan.kind),
      step,
      dueAt,
      overdueAt,
      channel,
      responseMs,
    );
  }
  return row;
}

const num = (value: number | null | undefined): number => value ?? 0;
const channelOf = (code: number | null | undefined): Channel => CHANNELS[num(code)] ?? 'call';
const statusOf = (value: string | undefined): LeadStatus => STATUSES.find((s) => s === value) ?? 'open';

function planAt(nums: readonly (number | null)[], n: number): CadencePlan {
  const kind = KINDS[num(nums[n + 5])] ?? 'done';
  const stepIndex = num(nums[n + 6]);
  const dueAt = nums[n + 7] ?? null;
  const overdueAt = nums[n + 8] ?? null;
  const responseMs = nums[n + 10] ?? null;
  switch (kind) {
    case 'done':
      return { kind, stepIndex, responseMs };
    case 'first':
      return { kind, dueAt, overdueAt };
    case 'unscheduled':
      return { kind, stepIndex, nextChannel: channelOf(nums[n + 9]), responseMs };
    case 'scheduled':
      return { kind, stepIndex, dueAt: num(dueAt), overdueAt, nextChannel: channelOf(nums[n + 9]), responseMs };
  }
}

/** The leads of a stored plan row, in key order. */
export function decodePlanRow(row: PlanRow): PlannedLead[] {
  const leads: PlannedLead[] = [];
  for (let i = 0; i < row.keys.length; i++) {
    const n = i * PLAN_NUMS;
    const flags = num(row.nums[n + 1]);
    leads.push({
      lead: {
        key: row.keys[i] ?? '',
        name: row.names[i] ?? null,
        source: row.sources[i] ?? 'other',
        receivedAt: num(row.nums[n]),
        receivedAtKnown: (flags & FLAG_KNOWN) !== 0,
        attemptCount: num(row.nums[n + 2]),
        status: statusOf(row.statuses[i]),
        open: 1,
        backlog: (flags & FLAG_BACKLOG) !== 0,
        detailsRemovedAt: row.nums[n + 3] ?? null,
        detailsRemovedAfterDays: row.nums[n + 4] ?? null,
      },
      plan: planAt(row.nums, n),
    });
  }
  return leads;
}

// An overdue lead's business time late is shown for the few rows on screen only: computing it
// for every overdue lead would build the calendar back to the oldest one on the first screen.
const lazyLateBy: LateBy = (state, dueAt, now, hours) => {
  let value: number | undefined;
  return Object.defineProperty(state, 'overdueByMs', {
    enumerable: true,
    get: () => (value ??= businessDurationMs(dueAt, now, hours)),
  });
};

/**
 * Open leads with their state at `now`, most urgent first: the kernel's order (byUrgency), from
 * plans instead of the cadence engine.
 */
export function rankPlannedLeads(leads: readonly PlannedLead[], now: number, hours: OpeningHours): RankedPopupLead[] {
  return leads.map(({ lead, plan }) => ({ lead, state: stateAt(plan, now, hours, lazyLateBy) })).sort(byUrgency);
}
