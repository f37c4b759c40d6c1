import { v7 as uuidv7 } from 'uuid';
import { EVENT_SCHEMA_VERSION, leadEventSchema, type LeadEvent } from '../domain/events';
import {
  progressFromEvents,
  toLeadRecord,
  toLeadView,
  type LeadDetails,
  type LeadView,
} from '../domain/lead';
import type { Channel, LeadSnapshot, LeadStatus, LostReason, Outcome } from '../domain/model';
import { leadKey as makeLeadKey } from '../domain/model';
import { isBacklog } from '../domain/backlog';
import { crmStatusChange, DEFAULT_STATUS_RULES, readCrmStatus, type StatusRule } from '../domain/status-rules';
import type { LeadpaceDb, StoredEvent } from './schema';

// The only code that writes to the database. Each operation appends its events and rewrites
// the lead projection in one transaction, so a crash never leaves them disagreeing.

export class LeadNotFoundError extends Error {
  constructor(key: string) {
    super(`No lead ${key} in this browser`);
    this.name = 'LeadNotFoundError';
  }
}

type NewEvent = LeadEvent extends infer E
  ? E extends LeadEvent
    ? Omit<E, 'id' | 'v' | 'at' | 'repId' | 'leadKey'>
    : never
  : never;

interface Actor {
  repId: string;
  now: number;
}

function buildEvent(leadKey: string, body: NewEvent, actor: Actor): StoredEvent {
  const event = leadEventSchema.parse({
    ...body,
    id: uuidv7(),
    v: EVENT_SCHEMA_VERSION,
    leadKey,
    at: actor.now,
    repId: actor.repId,
  });
  return { ...event, sync: 'pending' };
}

async function reproject(db: LeadpaceDb, key: string, details?: LeadDetails, seenAt?: number): Promise<LeadView> {
  const events = await db.events.where('leadKey').equals(key).toArray();
  const progress = progressFromEvents(events);
  const existing = await db.leads.get(key);
  const base: LeadDetails | undefined = details ?? existing;
  if (!progress || !base) throw new LeadNotFoundError(key);
  const record = toLeadRecord(
    {
      crm: base.crm,
      leadId: base.leadId,
      url: base.url,
      name: base.name,
      phone: base.phone,
      email: base.email,
      vehicle: base.vehicle,
      sourceRaw: base.sourceRaw,
      missing: base.missing,
    },
    progress,
    seenAt ?? existing?.lastSeenAt ?? progress.firstSeenAt,
  );
  await db.leads.put(record);
  return toLeadView(record, progress, (await db.notes.get(key))?.text ?? '');
}

/** How a lead's CRM is followed: its status rules, and its go-live (null: none recorded). */
export interface CrmFollow {
  statusRules: readonly StatusRule[];
  goLiveAt: number | null;
}

/** Without a go-live nothing is backlog; the CRM's status is read with the default rules. */
export const DEFAULT_FOLLOW: CrmFollow = { statusRules: DEFAULT_STATUS_RULES, goLiveAt: null };

/** The first sight of a lead: its clock, its source, and whether it was in the CRM before go-live. */
function firstSight(key: string, snapshot: LeadSnapshot, receivedAt: number | null, actor: Actor, follow: CrmFollow): StoredEvent {
  const backlog = isBacklog(receivedAt, actor.now, follow.goLiveAt);
  return buildEvent(
    key,
    { type: 'lead_seen', crm: snapshot.crm, leadId: snapshot.leadId, source: snapshot.source ?? 'other', receivedAt, ...(backlog ? { backlog } : {}) },
    actor,
  );
}

/** The statuses the CRM has set on this lead before (it never sets one twice). */
const statusesSetByCrm = (events: readonly LeadEvent[]): LeadStatus[] =>
  events.flatMap((e) => (e.type === 'status_changed' && e.actor === 'crm' ? [e.status] : []));

/** The status event a CRM's status text asks of a lead at `status`, if any (see crmStatusChange). */
function followCrmStatus(
  key: string,
  snapshot: LeadSnapshot,
  lead: { status: LeadStatus },
  events: readonly LeadEvent[],
  actor: Actor,
  follow: CrmFollow,
): StoredEvent | null {
  if (snapshot.statusRaw === undefined) return null;
  const change = crmStatusChange(lead, readCrmStatus(snapshot.statusRaw, follow.statusRules), statusesSetByCrm(events));
  if (!change) return null;
  return buildEvent(key, { type: 'status_changed', status: change.status, lostReason: change.lostReason, actor: 'crm' }, actor);
}

/**
 * Registers what a CRM page showed. The first sight starts the lead's clock (and decides
 * whether the lead is backlog); a later CRM creation time, a re-coded source or a CRM status
 * further along than the lead's are recorded as events, never overwritten silently.
 */
export async function recordLeadSeen(
  db: LeadpaceDb,
  snapshot: LeadSnapshot,
  actor: Actor,
  follow: CrmFollow = DEFAULT_FOLLOW,
): Promise<LeadView> {
  const key = makeLeadKey(snapshot.crm, snapshot.leadId);
  const receivedAt = snapshot.receivedAt ? Date.parse(snapshot.receivedAt) : null;
  return db.transaction('rw', db.events, db.leads, db.notes, async () => {
    const events = await db.events.where('leadKey').equals(key).toArray();
    const progress = progressFromEvents(events);
    const fresh: StoredEvent[] = [];
    if (!progress) {
      fresh.push(firstSight(key, snapshot, receivedAt, actor, follow));
    } else {
      if (!progress.receivedAtKnown && receivedAt !== null) {
        fresh.push(buildEvent(key, { type: 'lead_seen', crm: snapshot.crm, leadId: snapshot.leadId, source: progress.source, receivedAt }, actor));
      }
      if (snapshot.source && snapshot.source !== progress.source) {
        fresh.push(buildEvent(key, { type: 'source_changed', from: progress.source, to: snapshot.source }, actor));
      }
    }
    const crmStatus = followCrmStatus(key, snapshot, progress ?? { status: 'open' }, events, actor, follow);
    if (crmStatus) fresh.push(crmStatus);
    if (fresh.length) await db.events.bulkAdd(fresh);
    const previous = await db.leads.get(key);
    const details: LeadDetails = {
      crm: snapshot.crm,
      leadId: snapshot.leadId,
      // A drawer-switched lead keeps the URL it was first opened at, which does show it.
      url: previous?.url && snapshot.url !== previous.url ? previous.url : snapshot.url,
      // A partial page must not erase what an earlier complete page showed.
      name: snapshot.name ?? previous?.name,
      phone: snapshot.phone ?? previous?.phone,
      email: snapshot.email ?? previous?.email,
      vehicle: snapshot.vehicle ?? previous?.vehicle,
      sourceRaw: snapshot.sourceRaw ?? previous?.sourceRaw,
      missing: snapshot.missing,
    };
    return reproject(db, key, details, actor.now);
  });
}

async function appendAndReproject(db: LeadpaceDb, key: string, body: NewEvent, actor: Actor): Promise<LeadView> {
  return db.transaction('rw', db.events, db.leads, db.notes, async () => {
    if (!(await db.leads.get(key))) throw new LeadNotFoundError(key);
    await db.events.add(buildEvent(key, body, actor));
    return reproject(db, key);
  });
}

export function logAttempt(
  db: LeadpaceDb,
  key: string,
  attempt: { channel: Channel; outcome: Outcome; scriptId?: string; scriptVersion?: number },
  actor: Actor,
): Promise<LeadView> {
  return appendAndReproject(db, key, { type: 'attempt_logged', ...attempt }, actor);
}

export class NothingToUndoError extends Error {
  constructor() {
    super('That attempt is not the last one in effect');
    this.name = 'NothingToUndoError';
  }
}

/** Voids the last attempt in effect. The attempt id guards against a double click undoing two. */
export async function undoAttempt(db: LeadpaceDb, key: string, attemptId: string, actor: Actor): Promise<LeadView> {
  return db.transaction('rw', db.events, db.leads, db.notes, async () => {
    const events = await db.events.where('leadKey').equals(key).toArray();
    const progress = progressFromEvents(events);
    if (!progress) throw new LeadNotFoundError(key);
    if (progress.attempts.at(-1)?.id !== attemptId) throw new NothingToUndoError();
    await db.events.add(buildEvent(key, { type: 'event_voided', voids: attemptId }, actor));
    return reproject(db, key);
  });
}

/**
 * Changes the status. Whether a close as lost came too early is not decided here: it is
 * derived from the effective events and the current threshold wherever it is shown, so an
 * undo after the close or a changed threshold can never leave a stale verdict.
 */
export async function changeStatus(
  db: LeadpaceDb,
  key: string,
  change: { status: LeadStatus; lostReason?: LostReason },
  actor: Actor,
): Promise<LeadView> {
  const lostReason = change.status === 'lost' ? (change.lostReason ?? 'other') : undefined;
  return db.transaction('rw', db.events, db.leads, db.notes, async () => {
    const progress = progressFromEvents(await db.events.where('leadKey').equals(key).toArray());
    if (!progress || !(await db.leads.get(key))) throw new LeadNotFoundError(key);
    const body: NewEvent = { type: 'status_changed', status: change.status, lostReason };
    await db.events.add(buildEvent(key, body, actor));
    return reproject(db, key);
  });
}

export async function readLeadView(db: LeadpaceDb, key: string): Promise<LeadView> {
  return db.transaction('r', db.events, db.leads, db.notes, async () => {
    const record = await db.leads.get(key);
    const progress = progressFromEvents(await db.events.where('leadKey').equals(key).toArray());
    if (!record || !progress) throw new LeadNotFoundError(key);
    return toLeadView(record, progress, (await db.notes.get(key))?.text ?? '');
  });
}

/** Saves the rep's note on a lead (local only; an empty note removes it). */
export async function saveNote(db: LeadpaceDb, key: string, text: string, now: number): Promise<LeadView> {
  return db.transaction('rw', db.events, db.leads, db.notes, async () => {
    if (!(await db.leads.get(key))) throw new LeadNotFoundError(key);
    if (text.trim() === '') await db.notes.delete(key);
    else await db.notes.put({ leadKey: key, text, updatedAt: now });
    return readLeadView(db, key);
  });
}

// --- new-lead discovery from CRM inbox/list pages ---

/**
 * A listed lead received longer ago than this is history, not a new lead: the whole default
 * cadence (day 7 in business days) has long passed, and starting a clock on every old row of an
 * "All leads" list view would bury today's leads in overdue ones. Opening such a lead still
 * registers it.
 */
export const LISTED_MAX_AGE_MS = 14 * 24 * 60 * 60_000;

export interface ListedOutcome {
  /** Keys of the leads this batch created, in list order. */
  created: string[];
  /** Leads already known here: left exactly as they were. */
  known: number;
  /** Leads received before the discovery window: not registered. */
  tooOld: number;
}

/**
 * Registers the leads a CRM inbox or list shows, before anyone opens them. A lead not known yet
 * gets exactly what a first `recordLeadSeen` gives it: one `lead_seen` event with the list's
 * received time (else the clock starts now), source and backlog flag, a status event when the
 * row's CRM status is further along, and its lead row. A known lead gets nothing but that status
 * event — lists re-render every few seconds and are revisited all day, and its own page is where
 * its details and a late CRM creation time are recorded. One transaction for the batch.
 */
export async function recordListedLeads(
  db: LeadpaceDb,
  snapshots: readonly LeadSnapshot[],
  actor: Actor,
  maxAgeMs: number = LISTED_MAX_AGE_MS,
  follow: CrmFollow = DEFAULT_FOLLOW,
): Promise<ListedOutcome> {
  // One lead once per batch: a list may show a lead twice (pinned and in place).
  const byKey = new Map<string, LeadSnapshot>();
  for (const snapshot of snapshots) {
    const key = makeLeadKey(snapshot.crm, snapshot.leadId);
    if (!byKey.has(key)) byKey.set(key, snapshot);
  }
  const keys = [...byKey.keys()];
  if (keys.length === 0) return { created: [], known: 0, tooOld: 0 };
  return db.transaction('rw', db.events, db.leads, db.notes, async () => {
    const rows = await db.leads.bulkGet(keys);
    // Events without a lead row would still make it known to recordLeadSeen; so here too.
    const withEvents = new Set((await db.events.where('leadKey').anyOf(keys).keys()).map(String));
    const outcome: ListedOutcome = { created: [], known: 0, tooOld: 0 };
    const events: StoredEvent[] = [];
    const records: ReturnType<typeof toLeadRecord>[] = [];
    // Known leads whose row shows a later CRM status: followed after the new ones are written.
    const moved: { key: string; snapshot: LeadSnapshot }[] = [];
    keys.forEach((key, i) => {
      const snapshot = byKey.get(key);
      if (!snapshot) return;
      const row = rows[i];
      if (row || withEvents.has(key)) {
        outcome.known += 1;
        // Cheap on every re-render: only a row whose status reads further along than the lead's.
        if (row && snapshot.statusRaw !== undefined && crmStatusChange(row, readCrmStatus(snapshot.statusRaw, follow.statusRules))) {
          moved.push({ key, snapshot });
        }
        return;
      }
      const receivedAt = snapshot.receivedAt ? Date.parse(snapshot.receivedAt) : null;
      if (receivedAt !== null && actor.now - receivedAt > maxAgeMs) {
        outcome.tooOld += 1;
        return;
      }
      const seen = firstSight(key, snapshot, receivedAt, actor, follow);
      const crmStatus = followCrmStatus(key, snapshot, { status: 'open' }, [], actor, follow);
      const fresh = crmStatus ? [seen, crmStatus] : [seen];
      const progress = progressFromEvents(fresh);
      if (!progress) return;
      const details: LeadDetails = {
        crm: snapshot.crm,
        leadId: snapshot.leadId,
        url: snapshot.url,
        name: snapshot.name,
        phone: snapshot.phone,
        email: snapshot.email,
        vehicle: snapshot.vehicle,
        sourceRaw: snapshot.sourceRaw,
        missing: snapshot.missing,
      };
      events.push(...fresh);
      records.push(toLeadRecord(details, progress, actor.now));
      outcome.created.push(key);
    });
    if (events.length > 0) {
      await db.events.bulkAdd(events);
      await db.leads.bulkPut(records);
    }
    for (const { key, snapshot } of moved) {
      const history = await db.events.where('leadKey').equals(key).toArray();
      const progress = progressFromEvents(history);
      if (!progress) continue;
      const crmStatus = followCrmStatus(key, snapshot, progress, history, actor, follow);
      if (!crmStatus) continue;
      await db.events.add(crmStatus);
      await reproject(db, key);
    }
    return outcome;
  });
}
