import type { AttemptSummary, LeadRecord } from './lead';
import { detailsRemovalOf } from './retention';
import { CHANNELS, LOST_REASONS, OUTCOMES, STATUSES, type Channel, type LeadStatus, type LostReason, type Outcome } from './model';

/**
 * The popup summary: a projection of the leads table kept in a few dozen rows, so the popup
 * and the rep's own board read tens of rows instead of thousands of lead records and events.
 *
 * Only time-independent facts are kept: ages, SLA states, "today" and the month are computed
 * when the summary is read, from the same facts the lead row has. Each lead is placed in the
 * rows its readers look in:
 * - `open:<n>`: open leads, spread over a fixed number of rows by a hash of the key;
 * - `day:<yyyy-mm-dd>`: leads first seen, first attempted or last seen on that UTC day;
 * - `sold:<yyyy-mm>`: sold leads, by the UTC month of the sale;
 * - `rcv:<yyyy-mm-dd>`: every lead, by the UTC day it was received (the board's cohorts).
 * UTC days and months are finer than any zone's day and month, so a reader takes the rows that
 * cover its local range and filters the leads exactly.
 *
 * Rows are stored column by column (arrays of strings and numbers): the browser reads such a
 * row in a fraction of the time it needs for the same leads as objects.
 */

/** One lead as the summary keeps it: what the popup rows, its ranking and the figures read. */
export interface SummaryLead {
  key: string;
  name: string | null;
  /** Set once retention removed the customer details (see removedDetailsLabel). */
  detailsRemovedAt: number | null;
  detailsRemovedAfterDays: number | null;
  source: string;
  receivedAt: number;
  receivedAtKnown: boolean;
  firstSeenAt: number;
  lastSeenAt: number;
  status: LeadStatus;
  lostReason: LostReason | null;
  furthest: LeadStatus;
  backlog: boolean;
  open: 0 | 1;
  firstAttemptAt: number | null;
  soldAt: number | null;
  contactCount: number;
  attemptsBeforeClose: number;
  contactsBeforeClose: number;
  phoneAttemptsBeforeClose: number;
  attemptCount: number;
  attemptLog: AttemptSummary[];
}

/** A stored summary row (see the columns in encodeRow). */
export interface SummaryRow {
  id: string;
  keys: string[];
  names: (string | null)[];
  sources: string[];
  /** `status|furthest|lostReason` per lead. */
  states: string[];
  /** NUMS numbers per lead, in NUM_FIELDS order. */
  nums: (number | null)[];
  /** Every lead's attempts one after the other: time, and channel × outcome as one code. */
  attemptAt: number[];
  attemptCode: number[];
}

export const OPEN_ROWS = 16;

const NUM_FIELDS = [
  'receivedAt',
  'firstSeenAt',
  'lastSeenAt',
  'firstAttemptAt',
  'soldAt',
  'contactCount',
  'attemptsBeforeClose',
  'contactsBeforeClose',
  'phoneAttemptsBeforeClose',
  'flags',
  'detailsRemovedAt',
  'detailsRemovedAfterDays',
  'attemptCount',
  'logLength',
] as const;
const NUMS = NUM_FIELDS.length;

const FLAG_KNOWN = 1;
const FLAG_BACKLOG = 2;
const FLAG_OPEN = 4;

const removalOf = (lead: LeadRecord): { at: number | null; days: number | null } => {
  const mark = detailsRemovalOf(lead);
  return mark ? { at: mark.detailsRemovedAt, days: mark.detailsRemovedAfterDays } : { at: null, days: null };
};

/** What the summary keeps of a lead row. */
export function summaryLeadOf(lead: LeadRecord): SummaryLead {
  const removal = removalOf(lead);
  const attemptLog = (lead.attemptLog ?? []).map(({ at, channel, outcome }) => ({ at, channel, outcome }));
  return {
    key: lead.key,
    name: lead.name ?? null,
    detailsRemovedAt: removal.at,
    detailsRemovedAfterDays: removal.days,
    source: lead.source,
    receivedAt: lead.receivedAt,
    receivedAtKnown: lead.receivedAtKnown,
    firstSeenAt: lead.firstSeenAt,
    lastSeenAt: lead.lastSeenAt,
    status: lead.status,
    lostReason: lead.lostReason ?? null,
    furthest: lead.furthest,
    backlog: lead.backlog === true,
    open: lead.open,
    firstAttemptAt: lead.firstAttemptAt,
    soldAt: lead.soldAt,
    contactCount: lead.contactCount,
    attemptsBeforeClose: lead.attemptsBeforeClose,
    contactsBeforeClose: lead.contactsBeforeClose,
    phoneAttemptsBeforeClose: lead.phoneAttemptsBeforeClose,
    attemptCount: lead.attemptCount,
    attemptLog,
  };
}

/** FNV-1a over the key: the same lead always lands in the same open row. */
export function openRowOf(key: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `open:${String((hash >>> 0) % OPEN_ROWS).padStart(2, '0')}`;
}

const iso = (at: number): string => {
  const date = new Date(at);
  // Times outside what a Date can hold still need a row; they sort after every real day.
  return Number.isNaN(date.getTime()) ? '9999-12-31' : date.toISOString().slice(0, 10);
};
export const dayRowOf = (at: number): string => `day:${iso(at)}`;
export const soldRowOf = (at: number): string => `sold:${iso(at).slice(0, 7)}`;
export const receivedRowOf = (at: number): string => `rcv:${iso(at)}`;

/** The rows a lead belongs in (see the top of this file). */
export function placementsOf(lead: SummaryLead): Set<string> {
  const rows = new Set<string>([receivedRowOf(lead.receivedAt), dayRowOf(lead.firstSeenAt), dayRowOf(lead.lastSeenAt)]);
  if (lead.open === 1) rows.add(openRowOf(lead.key));
  if (lead.firstAttemptAt !== null) rows.add(dayRowOf(lead.firstAttemptAt));
  if (lead.status === 'sold' && lead.soldAt !== null) rows.add(soldRowOf(lead.soldAt));
  return rows;
}

const CHANNEL_CODE = new Map<Channel, number>(CHANNELS.map((c, i) => [c, i]));
const OUTCOME_CODE = new Map<Outcome, number>(OUTCOMES.map((o, i) => [o, i]));
const CODES = OUTCOMES.length;

/** Leads in key order, so a row's content never depends on the order of the writes. */
export function encodeRow(id: string, leads: Iterable<SummaryLead>): SummaryRow {
  const sorted = [...leads].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const row: SummaryRow = { id, keys: [], names: [], sources: [], states: [], nums: [], attemptAt: [], attemptCode: [] };
  for (const lead of sorted) {
    row.keys.push(lead.key);
    row.names.push(lead.name);
    row.sources.push(lead.source);
    row.states.push(`${lead.status}|${lead.furthest}|${lead.lostReason ?? ''}`);
    const flags = (lead.receivedAtKnown ? FLAG_KNOWN : 0) | (lead.backlog ? FLAG_BACKLOG : 0) | (lead.open === 1 ? FLAG_OPEN : 0);
    row.nums.push(
      lead.receivedAt,
      lead.firstSeenAt,
      lead.lastSeenAt,
      lead.firstAttemptAt,
      lead.soldAt,
      lead.contactCount,
      lead.attemptsBeforeClose,
      lead.contactsBeforeClose,
      lead.phoneAttemptsBeforeClose,
      flags,
      lead.detailsRemovedAt,
      lead.detailsRemovedAfterDays,
      // toLeadRecord makes these two equal; both are kept so a row is rebuilt as it was.
      lead.attemptCount,
      lead.attemptLog.length,
    );
    for (const a of lead.attemptLog) {
      row.attemptAt.push(a.at);
      row.attemptCode.push((CHANNEL_CODE.get(a.channel) ?? 0) * CODES + (OUTCOME_CODE.get(a.outcome) ?? 0));
    }
  }
  return row;
}


const num = (value: number | null | undefined): number => value ?? 0;

/** The leads of a stored row, in key order. */
export function decodeRow(row: SummaryRow): SummaryLead[] {
  const leads: SummaryLead[] = [];
  let next = 0;
  for (let i = 0; i < row.keys.length; i++) {
    const n = i * NUMS;
    const { status, furthest, lostReason } = stateOf(row.states[i] ?? '');
    const flags = num(row.nums[n + 9]);
    const logLength = num(row.nums[n + 13]);
    const attemptLog: AttemptSummary[] = [];
    for (let k = 0; k < logLength; k++, next++) {
      const code = row.attemptCode[next] ?? 0;
      attemptLog.push({
        at: row.attemptAt[next] ?? 0,
        channel: CHANNELS[Math.floor(code / CODES)] ?? 'call',
        outcome: OUTCOMES[code % CODES] ?? 'no_answer',
      });
    }
    leads.push({
      key: row.keys[i] ?? '',
      name: row.names[i] ?? null,
      detailsRemovedAt: row.nums[n + 10] ?? null,
      detailsRemovedAfterDays: row.nums[n + 11] ?? null,
      source: row.sources[i] ?? 'other',
      receivedAt: num(row.nums[n]),
      receivedAtKnown: (flags & FLAG_KNOWN) !== 0,
      firstSeenAt: num(row.nums[n + 1]),
      lastSeenAt: num(row.nums[n + 2]),
      status,
      lostReason,
      furthest,
      backlog: (flags & FLAG_BACKLOG) !== 0,
      open: (flags & FLAG_OPEN) !== 0 ? 1 : 0,
      firstAttemptAt: row.nums[n + 3] ?? null,
      soldAt: row.nums[n + 4] ?? null,
      contactCount: num(row.nums[n + 5]),
      attemptsBeforeClose: num(row.nums[n + 6]),
      contactsBeforeClose: num(row.nums[n + 7]),
      phoneAttemptsBeforeClose: num(row.nums[n + 8]),
      attemptCount: num(row.nums[n + 12]),
      attemptLog,
    });
  }
  return leads;
}

const statusOf = (value: string | undefined): LeadStatus => STATUSES.find((s) => s === value) ?? 'open';
const lostReasonOf = (value: string | undefined): LostReason | null => LOST_REASONS.find((r) => r === value) ?? null;

// A few dozen distinct combinations among thousands of leads: each is parsed once.
const states = new Map<string, { status: LeadStatus; furthest: LeadStatus; lostReason: LostReason | null }>();
function stateOf(text: string): { status: LeadStatus; furthest: LeadStatus; lostReason: LostReason | null } {
  let state = states.get(text);
  if (!state) {
    const [status, furthest, lost] = text.split('|');
    state = { status: statusOf(status), furthest: statusOf(furthest), lostReason: lostReasonOf(lost) };
    states.set(text, state);
  }
  return state;
}

/** A change of one lead row: what it was before the write and what it is after (undefined: none). */
export interface LeadChange {
  key: string;
  before: LeadRecord | undefined;
  after: LeadRecord | undefined;
}

/** The ids of the rows a batch of changes touches. */
export function rowsTouched(changes: readonly LeadChange[]): Set<string> {
  const ids = new Set<string>();
  for (const change of changes) {
    for (const lead of [change.before, change.after]) if (lead) for (const id of placementsOf(summaryLeadOf(lead))) ids.add(id);
  }
  return ids;
}

/**
 * Applies the changes to the touched rows (decoded, by id). Returns the rows to write (encoded)
 * and the ids of rows left empty, to delete.
 */
export function applyLeadChanges(
  current: ReadonlyMap<string, readonly SummaryLead[]>,
  changes: readonly LeadChange[],
): { put: SummaryRow[]; remove: string[] } {
  const rows = new Map<string, Map<string, SummaryLead>>();
  const rowFor = (id: string) => {
    let row = rows.get(id);
    if (!row) {
      row = new Map((current.get(id) ?? []).map((lead) => [lead.key, lead]));
      rows.set(id, row);
    }
    return row;
  };
  for (const change of changes) {
    if (change.before) for (const id of placementsOf(summaryLeadOf(change.before))) rowFor(id).delete(change.key);
    if (change.after) {
      const lead = summaryLeadOf(change.after);
      for (const id of placementsOf(lead)) rowFor(id).set(change.key, lead);
    }
  }
  const put: SummaryRow[] = [];
  const remove: string[] = [];
  for (const [id, leads] of rows) {
    if (leads.size === 0) remove.push(id);
    else put.push(encodeRow(id, leads.values()));
  }
  return { put, remove };
}

/** The whole summary of a set of lead rows (the reference the kept summary must equal). */
export function buildSummaryRows(leads: Iterable<LeadRecord>): SummaryRow[] {
  const rows = new Map<string, SummaryLead[]>();
  for (const record of leads) {
    const lead = summaryLeadOf(record);
    for (const id of placementsOf(lead)) {
      const list = rows.get(id);
      if (list) list.push(lead);
      else rows.set(id, [lead]);
    }
  }
  return [...rows].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, list]) => encodeRow(id, list));
}
