import type { Transaction } from 'kysely';
import { appendToFold, type ResumableFold } from '../../lib/domain/lead-fold-append';
import type { FoldEvent } from '../../lib/domain/lead';
import type { WireEvent } from '../../lib/sync/wire';
import type { Db } from '../db/connect';
import type { Database, LeadFactsTable } from '../db/schema';
import { foldEventFromStored } from '../domain/lead-facts';
import { eventsToday, factsColumnsOf, foldStateOfHistory, parseFoldState, utcDay, DAY_MS, type LeadFoldState } from '../domain/lead-fold-state';
import type { MetricSettings } from '../../lib/domain/lead-metrics';
import { settingsOfRollupKey } from '../domain/daily-rollup';
import { rangesOfDays, rollupDayOf, rollupsOfDays, rollupSettingsForWrite } from './daily-rollups';
import { ingestIo, type FactRow, type HoldMode, type IngestIo } from './ingest-io';
import { TeamTurns } from './team-turns';
import { RetryPush, withPushRetries } from './push-retry';

type Trx = Transaction<Database>;

export interface IngestResult {
  accepted: number;
  duplicates: number;
  /** Events refused for good (a lead over its lifetime limit), with the reason. */
  rejected: { id: string; reason: string }[];
  /**
   * Events not stored because their lead reached today's limit: fine events, to be sent again
   * once the UTC day has turned (`retryAfterSeconds`), when they count against a new day.
   */
  deferred: { ids: string[]; retryAfterSeconds: number; why: DeferralReason[] } | null;
}

/** Why fine events were put off: their lead's day is full, or the token's refold allowance. */
export type DeferralReason = 'lead_day_limit' | 'refold_allowance';

/**
 * Most events one rep may store for one lead. A real lead has tens; without a ceiling one token
 * could grow a lead without bound, and a push that has to fold a lead again (an event that
 * arrives late, a correction of a stored one) folds all of it.
 */
export const MAX_EVENTS_PER_LEAD = 1000;

export interface IngestLimits {
  /** Events one rep may store for one lead, ever (refused beyond, for good). */
  perLead: number;
  /** Events one rep may store for one lead per UTC day (deferred beyond, to the next day). */
  perLeadPerDay: number;
}

/** A busy lead gets a few dozen events on its busiest day; 200 leaves room for imports. */
export const DEFAULT_INGEST_LIMITS: IngestLimits = { perLead: MAX_EVENTS_PER_LEAD, perLeadPerDay: 200 };

interface LeadCounts {
  total: number;
  today: number;
}

/**
 * Stores one rep's already-validated events and refreshes the facts of every lead they touch,
 * all in one transaction (docs/architecture.md "Team server"):
 * - in PostgreSQL the rep's member row is locked first (their lead rows are read, then
 *   written); the team row's `seq` is bumped by the last statement, the events insert, which
 *   holds that row until commit: a team's commits are serialised only there, so sequence
 *   order is commit order and a pull cursor never skips a late commit, while the rest of
 *   pushes by different reps of one team runs side by side;
 * - `ON CONFLICT (team_id, id) DO NOTHING` makes retries idempotent (ids are per team, so another
 *   team's id is neither an oracle nor a collision); an event keeps its first seq;
 * - each touched lead's stored fold is carried forward by the new events alone, with the same
 *   fold the extension uses; when that is not possible (an event replays before the last one
 *   folded, a correction voids a stored event, no state yet) the lead is folded again from all
 *   of the rep's stored events for it, which the lifetime limit bounds. Either way the facts
 *   equal a local fold of the same events. Only facts are stored; verdicts are read-time.
 */
export async function ingestEvents(
  db: Db,
  input: {
    teamId: string;
    memberId: string;
    events: readonly WireEvent[];
    /** Events' JSON by id as already made (the screening's), so a push stringifies each once. */
    bodies?: ReadonlyMap<string, string>;
    now: number;
    limits?: IngestLimits;
    /**
     * Pays for folding a lead again from `cost` stored events; answers 0 when paid, else the
     * seconds until it could be (that lead's events then wait). None: every refold is free.
     */
    refoldAllowance?: (cost: number) => number;
  },
): Promise<IngestResult> {
  const { teamId, memberId } = input;
  const limits = input.limits ?? DEFAULT_INGEST_LIMITS;
  const unique = [...new Map(input.events.map((e) => [e.id, e])).values()];
  if (unique.length === 0) return { accepted: 0, duplicates: 0, rejected: [], deferred: null };

  // One rep's pushes take turns (they read and then write that rep's rows); reps of one team
  // run side by side and meet only at the sequence bump, the last statement before commit.
  return turnsOf(db).run(`${teamId} ${memberId}`, () =>
    withPushRetries((mode) => db.kysely.transaction().execute((trx) => pushOnce(db, trx, mode, input, unique, limits))),
  );
}

async function pushOnce(
  db: Db,
  trx: Trx,
  mode: HoldMode,
  input: { teamId: string; memberId: string; now: number; bodies?: ReadonlyMap<string, string>; refoldAllowance?: (cost: number) => number },
  unique: readonly WireEvent[],
  limits: IngestLimits,
): Promise<IngestResult> {
  const { teamId, memberId, now } = input;
  const io = ingestIo(db, trx);
  // What follows reads the rep's lead states this push then writes: held first, so a
  // concurrent push of the same rep (another server process) waits and then reads this one's
  // result instead of a state it would overwrite.
  const { rollupKey } = await io.holdTeam(teamId, memberId, mode);
  const rollups = rollupKey === null ? null : settingsOfRollupKey(rollupKey);
  // Making the team's roll-ups reads every rep's facts: only with the team to itself.
  if (!rollups && mode === 'shared') throw new RetryPush('the team has no roll-ups yet');
  // Events already stored are duplicates whatever the limits say: a retry never counts twice.
  // The batch's lead rows are read with them (of a lead whose events are all known too).
  const { knownIds, states, receivedAt, counts } = await readBatch(io, teamId, memberId, unique, now);
  const fresh = unique.filter((e) => !knownIds.has(e.id));
  if (fresh.length === 0) return { accepted: 0, duplicates: unique.length, rejected: [], deferred: null };

  const storedTotals = new Map(counts);
  const rejected: IngestResult['rejected'] = [];
  const deferredIds: string[] = [];
  const dayAdmitted = fresh.filter((e) => {
    const n = counts.get(e.lead) ?? { total: 0, today: 0 };
    if (n.total >= limits.perLead) {
      rejected.push({ id: e.id, reason: `lead_event_limit: a lead takes at most ${limits.perLead} events per rep` });
      return false;
    }
    if (n.today >= limits.perLeadPerDay) {
      deferredIds.push(e.id);
      return false;
    }
    counts.set(e.lead, { total: n.total + 1, today: n.today + 1 });
    return true;
  });
  const why: DeferralReason[] = [];
  let retryAfterSeconds = Number.POSITIVE_INFINITY;
  if (deferredIds.length > 0) {
    why.push('lead_day_limit');
    retryAfterSeconds = Math.max(1, Math.ceil(((utcDay(now) + 1) * DAY_MS - now) / 1000));
  }

  // A lead that has to be folded again costs its whole history, so that work is paid from the
  // token's refold allowance; a lead it cannot pay for now waits, its events deferred.
  const storedTargets = await readStoredTargets(io, teamId, memberId, dayAdmitted);
  const unpaid = new Set<string>();
  // A lead carried forward here is carried by the same batch below (a lead waits whole).
  const carried = new Map<string, ResumableFold>();
  for (const [lead, batch] of groupByLead(dayAdmitted)) {
    const state = states.get(lead);
    const next = state ? appendToFold(state.resumable, batch, (id) => storedTargets.has(`${lead} ${id}`)) : null;
    if (next) {
      carried.set(lead, next);
      continue;
    }
    const cost = storedTotals.get(lead)?.total ?? 0;
    const wait = cost > 0 && input.refoldAllowance ? input.refoldAllowance(cost) : 0;
    if (wait <= 0) continue;
    unpaid.add(lead);
    retryAfterSeconds = Math.min(retryAfterSeconds, wait);
  }
  const admitted = dayAdmitted.filter((e) => {
    if (!unpaid.has(e.lead)) return true;
    deferredIds.push(e.id);
    return false;
  });
  if (unpaid.size > 0) why.push('refold_allowance');
  const deferred = deferredIds.length === 0 ? null : { ids: deferredIds, retryAfterSeconds, why };
  if (admitted.length === 0) return { accepted: 0, duplicates: knownIds.size, rejected, deferred };

  const rows = admitted.map((e) => ({
    id: e.id,
    team_id: teamId,
    member_id: memberId,
    lead: e.lead,
    type: e.type,
    at: e.at,
    body: input.bodies?.get(e.id) ?? JSON.stringify(e),
    stored_at: now,
  }));
  await refreshFacts(trx, io, { teamId, memberId, now, byLead: groupByLead(admitted), rows, states, carried, receivedAt, storedTotals, rollups });
  const insertedIds = await io.appendEvents(teamId, rows);
  // The facts above counted every admitted event. Only another rep of the team storing one of
  // the same ids since this push read them makes the insert skip one (ids are per team); then
  // this attempt is undone and the next one finds it stored.
  if (insertedIds.size !== admitted.length) throw new RetryPush('another rep stored one of its ids');
  return { accepted: insertedIds.size, duplicates: knownIds.size, rejected, deferred };
}

const turns = new WeakMap<Db, TeamTurns>();
function turnsOf(db: Db): TeamTurns {
  let kept = turns.get(db);
  if (!kept) turns.set(db, (kept = new TeamTurns()));
  return kept;
}

function groupByLead(events: readonly WireEvent[]): Map<string, WireEvent[]> {
  const byLead = new Map<string, WireEvent[]>();
  for (const e of events) {
    const list = byLead.get(e.lead);
    if (list) list.push(e);
    else byLead.set(e.lead, [e]);
  }
  return byLead;
}

/**
 * The void targets of a batch that are already stored, as `${lead} ${id}`: read before the
 * batch is written, so what it finds was stored before this push. A correction of one of
 * those needs the history it corrects.
 */
async function readStoredTargets(io: IngestIo, teamId: string, memberId: string, batch: readonly WireEvent[]): Promise<Set<string>> {
  const ids = new Set(batch.map((e) => e.id));
  const targets = batch.flatMap((e) => (e.type === 'event_voided' && !ids.has(e.voids) ? [e.voids] : []));
  if (targets.length === 0) return new Set();
  return io.storedTargets(teamId, memberId, targets);
}

/**
 * The batch's ids already stored, and per lead of the batch: the stored fold state when it
 * has one (a lead without a lead_seen has none), the received time of its stored row (the
 * day roll-up it is counted in until now), and its stored and today's event counts, from the
 * state, else counted (which the lifetime limit bounds). All in one read.
 */
async function readBatch(
  io: IngestIo,
  teamId: string,
  memberId: string,
  events: readonly WireEvent[],
  now: number,
): Promise<{ knownIds: Set<string>; states: Map<string, LeadFoldState>; receivedAt: Map<string, number | null>; counts: Map<string, LeadCounts> }> {
  const dayStart = utcDay(now) * DAY_MS;
  const leads = [...new Set(events.map((e) => e.lead))];
  const read = await io.read(teamId, memberId, events.map((e) => e.id), leads, dayStart);
  const states = new Map<string, LeadFoldState>();
  const receivedAt = new Map<string, number | null>();
  const counts = new Map<string, LeadCounts>();
  const unreadable: string[] = [];
  for (const row of read.leads) {
    if (row.stored) receivedAt.set(row.lead, row.stored.receivedAt);
    const state = row.stored ? parseFoldState(row.stored.foldState) : null;
    if (state) {
      states.set(row.lead, state);
      counts.set(row.lead, { total: state.events, today: eventsToday(state, now) });
    } else if (row.counts) {
      if (row.counts.total > 0) counts.set(row.lead, row.counts);
    } else {
      unreadable.push(row.lead);
    }
  }
  if (unreadable.length > 0) for (const [lead, n] of await io.counts(teamId, memberId, unreadable, dayStart)) counts.set(lead, n);
  return { knownIds: read.known, states, receivedAt, counts };
}

async function refreshFacts(
  trx: Trx,
  io: IngestIo,
  input: {
    teamId: string;
    memberId: string;
    now: number;
    byLead: ReadonlyMap<string, readonly WireEvent[]>;
    /** The batch's event rows as they will be stored (inserted last, after the facts). */
    rows: readonly { lead: string; body: string; stored_at: number }[];
    states: ReadonlyMap<string, LeadFoldState>;
    /** The folds of leads whose stored state this batch carries forward (the others fold again). */
    carried: ReadonlyMap<string, ResumableFold>;
    /** The received time each touched lead's stored row had before this push. */
    receivedAt: ReadonlyMap<string, number | null>;
    /** Events each lead had stored before this push (absent: none). */
    storedTotals: ReadonlyMap<string, LeadCounts>;
    /** The settings the team's roll-ups were made with, read with the team; null: none yet. */
    rollups: MetricSettings | null;
  },
): Promise<void> {
  const { teamId, memberId, now, byLead, rows: batchRows, states, carried, receivedAt, storedTotals } = input;
  if (byLead.size === 0) return;

  const next = new Map<string, LeadFoldState>();
  const refold: string[] = [];
  const today = utcDay(now);
  for (const [lead, batch] of byLead) {
    const state = states.get(lead);
    const resumable = carried.get(lead);
    if (state && resumable) {
      next.set(lead, { v: 1, resumable, events: state.events + batch.length, day: today, dayEvents: eventsToday(state, now) + batch.length });
    } else if (!state && !storedTotals.has(lead)) {
      // Nothing stored before this push: its history is this batch, folded from nothing.
      next.set(lead, foldStateOfHistory(batch.map((event) => ({ event, storedAt: now })), now));
    } else {
      refold.push(lead);
    }
  }
  if (refold.length > 0) {
    const byRefold = new Map<string, { event: FoldEvent | null; storedAt: number }[]>();
    // The stored history, and this batch as it will be stored (read back the same way).
    const refolded = new Set(refold);
    const batch = batchRows.filter((r) => refolded.has(r.lead));
    for (const row of [...(await io.history(teamId, memberId, refold)), ...batch]) {
      const entry = { event: foldEventFromStored(row.body), storedAt: row.stored_at };
      const list = byRefold.get(row.lead);
      if (list) list.push(entry);
      else byRefold.set(row.lead, [entry]);
    }
    for (const lead of refold) next.set(lead, foldStateOfHistory(byRefold.get(lead) ?? [], now));
  }

  const rows: LeadFactsTable[] = [];
  const withoutSeen: string[] = [];
  for (const [lead, state] of next) {
    const facts = factsColumnsOf(state.resumable.fold);
    if (facts) rows.push({ team_id: teamId, member_id: memberId, lead, ...facts, fold_state: JSON.stringify(state), updated_at: now });
    else withoutSeen.push(lead);
  }
  // A lead whose lead_seen is not (or no longer) in effect belongs to no cohort; without a
  // row it keeps no state either, so its next push folds it in full (the limit bounds that).
  if (withoutSeen.length > 0) await io.deleteFacts(teamId, memberId, withoutSeen);

  // A lead's roll-up day is the one it was received on before and the one it is now (a
  // corrected lead_seen can move it, a void can take it out); only those days are re-tallied,
  // from the day ranges read with the facts' write, this push's leads put in as written.
  const settings = input.rollups;
  if (!settings) {
    // No roll-ups (or unreadable settings): they are made from the facts, this push's included.
    await io.writeFacts(teamId, memberId, rows, []);
    await rollupSettingsForWrite(trx, teamId, now);
    return;
  }
  const days = new Set<number>();
  for (const row of rows) {
    const day = rollupDayOf(row.received_at, settings);
    if (day !== null) days.add(day);
  }
  for (const lead of next.keys()) {
    const day = rollupDayOf(receivedAt.get(lead) ?? null, settings);
    if (day !== null) days.add(day);
  }
  const read = await io.writeFacts(teamId, memberId, rows, rangesOfDays(days, settings));
  const facts: FactRow[] = read.filter((f) => typeof f.lead !== 'string' || !next.has(f.lead));
  for (const row of rows) facts.push(row);
  const tallied = rollupsOfDays(teamId, memberId, days, facts, settings);
  await io.writeRollups(teamId, memberId, tallied.rows, tallied.emptied);
}
