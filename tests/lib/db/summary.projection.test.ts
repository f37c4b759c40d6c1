import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { changeStatus, logAttempt, recordLeadSeen, recordListedLeads, undoAttempt, readLeadView } from '@/lib/db/writes';
import { importSales } from '@/lib/db/import-writes';
import { clearExpiredDetails } from '@/lib/db/retention-writes';
import { progressFromEvents, toLeadRecord, type LeadRecord } from '@/lib/domain/lead';
import { buildSummaryRows, decodeRow, type SummaryRow } from '@/lib/domain/popup-summary';
import { buildPlanRow, decodePlanRow, PLAN_ROW_ID, rankPlannedLeads, type PlanRow } from '@/lib/domain/popup-plan';
import { keepPlan } from '@/lib/db/summary-plan';
import type { OpeningHours } from '@/lib/domain/business-time';
import type { CadenceSettings } from '@/lib/domain/cadence';
import { detailsRemovalOf } from '@/lib/domain/retention';
import { loadPopupData } from '@/components/popup/use-popup-data';
import { openLeads } from '@/lib/db/queries';
import { readReceivedLeads } from '@/lib/db/summary';
import { DEFAULT_OPENING_HOURS } from '@/lib/domain/business-time';
import { DEFAULT_CADENCE_SETTINGS } from '@/lib/domain/cadence';
import { dayBounds, rankOpenLeads, todayStats } from '@/lib/domain/metrics';
import { monthPacing } from '@/lib/domain/pacing';
import { periodBounds } from '@/lib/domain/periods';
import { rankSummaryLeads, summaryFacts, summaryTodayStats } from '@/lib/domain/popup-summary-read';
import { ownStats, ownStatsFromFacts } from '@/lib/sync/local-stats';
import { LEADERBOARD_PERIODS } from '@/lib/sync/wire';
import { CHANNELS, OUTCOMES, type LeadSnapshot, type LeadStatus } from '@/lib/domain/model';

// The summary is a projection: after any history of writes through every write path, the
// summary the middleware kept equals one rebuilt from the events (and the details on the rows),
// and every figure and order read from it equals the one read from the lead rows and events.

const dbs: LeadpaceDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = Date.UTC(2026, 10, 30, 20, 0);

const snapshot = (lead: number, extra: Partial<LeadSnapshot> = {}): LeadSnapshot => ({
  crm: 'demo',
  leadId: `L-${lead}`,
  url: `http://leadpace-demo.localhost/leads/L-${lead}`,
  name: `Klant ${lead}`,
  source: 'website',
  missing: [],
  ...extra,
});

type Op =
  | { kind: 'seen'; lead: number; receivedAgo: number | null; source: 'website' | 'phone' }
  | { kind: 'listed'; leads: number[] }
  | { kind: 'attempt'; lead: number; channel: number; outcome: number }
  | { kind: 'undo'; lead: number }
  | { kind: 'status'; lead: number; status: LeadStatus }
  | { kind: 'sale'; lead: number; ago: number }
  | { kind: 'retention' }
  | { kind: 'raw-delete'; lead: number };

const lead = fc.integer({ min: 1, max: 6 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('seen' as const), lead, receivedAgo: fc.option(fc.integer({ min: 0, max: 5 * DAY })), source: fc.constantFrom('website' as const, 'phone' as const) }),
  fc.record({ kind: fc.constant('listed' as const), leads: fc.array(lead, { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('attempt' as const), lead, channel: fc.nat(CHANNELS.length - 1), outcome: fc.nat(OUTCOMES.length - 1) }),
  fc.record({ kind: fc.constant('undo' as const), lead }),
  fc.record({ kind: fc.constant('status' as const), lead, status: fc.constantFrom<LeadStatus>('open', 'contacted', 'sold', 'lost', 'appointment') }),
  fc.record({ kind: fc.constant('sale' as const), lead, ago: fc.integer({ min: 0, max: 40 * DAY }) }),
  fc.record({ kind: fc.constant('retention' as const) }),
  fc.record({ kind: fc.constant('raw-delete' as const), lead }),
);

async function run(db: LeadpaceDb, o: Op, now: number): Promise<void> {
  const actor = { repId: 'rep-1', now };
  const key = (n: number) => `demo:L-${n}`;
  const known = async (n: number) => (await db.leads.get(key(n))) !== undefined;
  switch (o.kind) {
    case 'seen':
      await recordLeadSeen(db, snapshot(o.lead, { source: o.source, receivedAt: o.receivedAgo === null ? undefined : new Date(now - o.receivedAgo).toISOString() }), actor, { statusRules: [], goLiveAt: now - DAY });
      return;
    case 'listed':
      await recordListedLeads(db, o.leads.map((n) => snapshot(n, { receivedAt: new Date(now - 2 * DAY).toISOString() })), actor, undefined, { statusRules: [], goLiveAt: now - DAY });
      return;
    case 'attempt':
      if (await known(o.lead)) await logAttempt(db, key(o.lead), { channel: CHANNELS[o.channel] ?? 'call', outcome: OUTCOMES[o.outcome] ?? 'no_answer' }, actor);
      return;
    case 'undo': {
      if (!(await known(o.lead))) return;
      const view = await readLeadView(db, key(o.lead));
      if (view.undoableAttemptId) await undoAttempt(db, key(o.lead), view.undoableAttemptId, actor);
      return;
    }
    case 'status':
      if (await known(o.lead)) await changeStatus(db, key(o.lead), { status: o.status }, actor);
      return;
    case 'sale':
      await importSales(db, [{ leadKey: key(o.lead), soldAt: now - o.ago }], actor);
      return;
    case 'retention':
      await clearExpiredDetails(db, now + 200 * DAY, 30);
      return;
    case 'raw-delete':
      // Not a write path of the extension, but the summary follows any write to the table.
      await db.leads.delete(key(o.lead));
      return;
  }
}

/** The summary rebuilt from the events, with each row's details as the table holds them. */
async function rebuilt(db: LeadpaceDb): Promise<ReturnType<typeof buildSummaryRows>> {
  const leads = await db.leads.toArray();
  const events = await db.events.toArray();
  const records: LeadRecord[] = [];
  for (const row of leads) {
    const progress = progressFromEvents(events.filter((e) => e.leadKey === row.key));
    if (!progress) continue;
    const { crm, leadId, url, name, phone, email, vehicle, sourceRaw, missing } = row;
    const removal = detailsRemovalOf(row) ?? {};
    records.push({ ...toLeadRecord({ crm, leadId, url, name, phone, email, vehicle, sourceRaw, missing }, progress, row.lastSeenAt), ...removal });
  }
  return buildSummaryRows(records);
}

const HOURS = DEFAULT_OPENING_HOURS;

/** What the popup and the rep's board read from the summary equals what they read from the lead rows and events. */
async function expectSameReads(db: LeadpaceDb, now: number): Promise<void> {
  for (const at of [now, now + 2 * 60 * MIN, now + 3 * DAY]) {
    const { start } = dayBounds(at, HOURS.timeZone);
    const data = await loadPopupData(db, start);
    if (!data.ok) throw new Error(data.reason);
    const leads = await db.leads.toArray();
    const reference = rankOpenLeads(await openLeads(db), at, DEFAULT_CADENCE_SETTINGS, HOURS);
    // Overdue leads ranked by due time are longest late first.
    const late = reference.filter((r) => r.state.state === 'overdue').map((r) => r.state.overdueByMs);
    expect(late).toEqual([...late].sort((x, y) => y - x));
    const ranked = rankSummaryLeads(data.open ?? [], at, DEFAULT_CADENCE_SETTINGS, HOURS);
    expect(ranked.map((r) => [r.lead.key, r.state])).toEqual(reference.map((r) => [r.lead.key, r.state]));
    const seenToday = leads.filter((l) => l.firstSeenAt >= start || (l.firstAttemptAt !== null && l.firstAttemptAt >= start));
    const attempts = leads.filter((l) => l.lastSeenAt >= start).flatMap((l) => l.attemptLog.filter((a) => a.at >= start));
    expect(summaryTodayStats({ leads: data.todayLeads, attempts: data.todayAttempts, now: at, hours: HOURS })).toEqual(
      todayStats({ leads: seenToday, attempts, now: at, hours: HOURS }),
    );
    const sold = leads.flatMap((l) => (l.status === 'sold' && l.soldAt !== null ? [l.soldAt] : []));
    expect(monthPacing({ target: 10, soldDates: data.soldDates, now: at, hours: HOURS })).toEqual(monthPacing({ target: 10, soldDates: sold, now: at, hours: HOURS }));
    for (const period of LEADERBOARD_PERIODS) {
      const { from, to } = periodBounds(period, at, HOURS.timeZone);
      const facts = (await readReceivedLeads(db, from, to)).map(summaryFacts);
      // What the board read before: the events of the lead rows received in the period.
      const keys = new Set(leads.filter((l) => l.receivedAt >= from && l.receivedAt < to).map((l) => l.key));
      const events = (await db.events.toArray()).filter((e) => keys.has(e.leadKey));
      expect(ownStatsFromFacts({ facts, from, to, hours: HOURS })).toEqual(ownStats({ events, from, to, hours: HOURS }));
    }
  }
}

const isSummaryRow = (row: SummaryRow | PlanRow): row is SummaryRow => row.id !== PLAN_ROW_ID;

// Settings unlike the defaults: day steps only after one same-day step, no grace, Saturday
// mornings and a short Friday, so plans made with the defaults would rank these wrongly.
const OTHER_CADENCE: CadenceSettings = {
  ...DEFAULT_CADENCE_SETTINGS,
  firstAttemptSlaMs: 15 * MIN,
  steps: [{ kind: 'after', ms: 0 }, { kind: 'after', ms: 60 * MIN }, { kind: 'day', day: 2 }, { kind: 'day', day: 3 }],
  graceMs: 0,
};
const OTHER_HOURS: OpeningHours = {
  ...DEFAULT_OPENING_HOURS,
  week: { ...DEFAULT_OPENING_HOURS.week, 5: { open: '09:00', close: '13:00' }, 6: { open: '10:00', close: '12:00' } },
};

/**
 * The plan row the background keeps ranks as the kernel does from the lead rows, at several
 * instants and for the settings it was made with; another write to the leads deletes it.
 */
async function expectSamePlans(db: LeadpaceDb, now: number): Promise<void> {
  for (const [cadence, hours] of [[DEFAULT_CADENCE_SETTINGS, HOURS], [OTHER_CADENCE, OTHER_HOURS]] as const) {
    expect(await keepPlan(db, cadence, hours)).toBe(true);
    expect(await keepPlan(db, cadence, hours)).toBe(false);
    const openRebuilt = (await rebuilt(db)).filter((r) => r.id.startsWith('open:')).flatMap(decodeRow);
    expect(await db.summary.get(PLAN_ROW_ID)).toEqual(buildPlanRow(openRebuilt, cadence, hours));
    for (const at of [now, now + 7 * MIN, now + 2 * 60 * MIN, now + 3 * DAY]) {
      const data = await loadPopupData(db, dayBounds(at, hours.timeZone).start);
      if (!data.ok) throw new Error(data.reason);
      expect(data.open).toBeNull();
      if (!data.plan) throw new Error('no plan row read');
      const reference = rankOpenLeads(await openLeads(db), at, cadence, hours);
      const late = reference.filter((r) => r.state.state === 'overdue').map((r) => r.state.overdueByMs);
      expect(late).toEqual([...late].sort((x, y) => y - x));
      const ranked = rankPlannedLeads(decodePlanRow(data.plan), at, hours);
      expect(ranked.map((r) => [r.lead.key, r.state])).toEqual(reference.map((r) => [r.lead.key, r.state]));
      for (const [i, r] of ranked.entries()) {
        const record = reference[i]?.lead;
        expect(r.lead).toMatchObject({ name: record?.name ?? null, source: record?.source, receivedAt: record?.receivedAt, attemptCount: record?.attemptCount, status: record?.status, backlog: record?.backlog === true });
      }
    }
  }
  const first = (await openLeads(db))[0];
  if (!first) return;
  await logAttempt(db, first.key, { channel: 'call', outcome: 'no_answer' }, { repId: 'rep-1', now: now + DAY });
  expect(await db.summary.get(PLAN_ROW_ID)).toBeUndefined();
  const data = await loadPopupData(db, dayBounds(now, HOURS.timeZone).start);
  expect(data.ok && data.plan === null && data.open !== null).toBe(true);
}

describe('popup summary projection', () => {
  it('equals the summary rebuilt from the events after random histories of writes, and reads the same', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(op, fc.integer({ min: 0, max: 3 * 60 * MIN })), { minLength: 1, maxLength: 25 }), async (ops) => {
        const db = openLeadpaceDb('summary-' + crypto.randomUUID());
        dbs.push(db);
        let now = T0;
        for (const [o, step] of ops) {
          now += step;
          await run(db, o, now);
        }
        const kept = (await db.summary.toArray()).filter(isSummaryRow).sort((a, b) => (a.id < b.id ? -1 : 1));
        const expected = await rebuilt(db);
        // Compared decoded, so a failure names leads and fields, not array positions.
        expect(kept.map((r) => [r.id, decodeRow(r)])).toEqual(expected.map((r) => [r.id, decodeRow(r)]));
        expect(kept).toEqual(expected);
        await expectSameReads(db, now);
        await expectSamePlans(db, now);
        await db.delete();
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('keeps concurrent writes of one transaction: every lead of a bulk write is in its rows', async () => {
    const db = openLeadpaceDb('summary-' + crypto.randomUUID());
    dbs.push(db);
    const outcome = await recordListedLeads(db, [1, 2, 3, 4, 5, 6, 7, 8].map((n) => snapshot(n)), { repId: 'rep-1', now: T0 });
    expect(outcome.created).toHaveLength(8);
    await db.transaction('rw', db.leads, async () => {
      const rows = await db.leads.toArray();
      await Promise.all(rows.map((row) => db.leads.put({ ...row, name: `${row.name ?? ''}!` })));
    });
    const open = (await db.summary.where('id').startsWith('open:').toArray()).filter(isSummaryRow).flatMap(decodeRow);
    expect(open.map((l) => l.name).sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `Klant ${n}!`).sort());
  });
});
