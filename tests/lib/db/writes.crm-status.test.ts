import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { progressFromEvents } from '@/lib/domain/lead';
import { cohortFigures, factsOf, wasClosedTooEarly } from '@/lib/domain/lead-metrics';
import type { LeadSnapshot } from '@/lib/domain/model';
import { DEFAULT_STATUS_RULES } from '@/lib/domain/status-rules';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { changeStatus, logAttempt, recordLeadSeen, recordListedLeads, type CrmFollow } from '@/lib/db/writes';
import { DEFAULT_OPENING_HOURS } from '@/lib/domain/business-time';

const T0 = Date.parse('2026-12-01T10:00:00+01:00');
const GO_LIVE = Date.parse('2026-12-01T00:00:00+01:00');
const MIN = 60_000;
const actor = (now: number) => ({ repId: 'rep-1', now });
const follow: CrmFollow = { statusRules: DEFAULT_STATUS_RULES, goLiveAt: GO_LIVE };
const KEY = 'demo:L-1';

const page = (extra: Partial<LeadSnapshot> = {}): LeadSnapshot => ({
  crm: 'demo',
  leadId: 'L-1',
  url: 'http://leadpace-demo.localhost/leads/L-1',
  name: 'Sanne de Vries',
  source: 'marktplaats',
  receivedAt: new Date(T0 - 30 * MIN).toISOString(),
  missing: [],
  ...extra,
});

let db: LeadpaceDb;
beforeEach(() => {
  db = openLeadpaceDb('t-' + crypto.randomUUID());
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const eventsOf = async (key = KEY) => (await db.events.where('leadKey').equals(key).toArray()).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
const statusEvents = async (key = KEY) => (await eventsOf(key)).filter((e) => e.type === 'status_changed');

describe('the CRM’s status on a lead page', () => {
  it('"Verkocht" records one status event by the CRM; a second visit writes nothing', async () => {
    const view = await recordLeadSeen(db, page({ statusRaw: 'Verkocht' }), actor(T0), follow);
    expect(view).toMatchObject({ status: 'sold', statusActor: 'crm', soldAt: T0, open: 0 });
    expect(await statusEvents()).toMatchObject([{ status: 'sold', actor: 'crm' }]);

    const before = await db.events.count();
    const again = await recordLeadSeen(db, page({ statusRaw: 'Verkocht' }), actor(T0 + 5 * MIN), follow);
    expect(await db.events.count()).toBe(before);
    expect(again).toMatchObject({ status: 'sold', statusActor: 'crm' });
  });

  it('follows the CRM forward on a known lead, once', async () => {
    await recordLeadSeen(db, page({ statusRaw: 'Nieuw' }), actor(T0), follow);
    await logAttempt(db, KEY, { channel: 'call', outcome: 'reached' }, actor(T0 + MIN));
    const view = await recordLeadSeen(db, page({ statusRaw: 'Afspraak' }), actor(T0 + 2 * MIN), follow);
    expect(view).toMatchObject({ status: 'appointment', statusActor: 'crm' });
    await recordLeadSeen(db, page({ statusRaw: 'Afspraak' }), actor(T0 + 3 * MIN), follow);
    expect(await statusEvents()).toHaveLength(1);
  });

  it.each([
    ['an earlier stage than Leadpace’s', 'Afspraak', 'shown' as const],
    ['the same stage', 'Showroombezoek', 'shown' as const],
    ['a loss after the lead was sold here', 'Verloren', 'sold' as const],
    ['a sale after the lead was lost here', 'Verkocht', 'lost' as const],
    ['a text no rule knows', 'Wacht op financiering', 'shown' as const],
    ['"In behandeling" (no change)', 'In behandeling', 'shown' as const],
  ])('writes nothing for %s', async (_name, statusRaw, leadpaceStatus) => {
    await recordLeadSeen(db, page(), actor(T0), follow);
    await changeStatus(db, KEY, { status: leadpaceStatus, lostReason: leadpaceStatus === 'lost' ? 'not_interested' : undefined }, actor(T0 + MIN));
    const before = await db.events.count();
    const view = await recordLeadSeen(db, page({ statusRaw }), actor(T0 + 2 * MIN), follow);
    expect(await db.events.count()).toBe(before);
    expect(view).toMatchObject({ status: leadpaceStatus, statusActor: 'rep' });
  });

  it('a lead lost in the CRM after one attempt is closed too early, as in the panel', async () => {
    await recordLeadSeen(db, page(), actor(T0), follow);
    await logAttempt(db, KEY, { channel: 'call', outcome: 'no_answer' }, actor(T0 + MIN));
    const view = await recordLeadSeen(db, page({ statusRaw: 'Verloren' }), actor(T0 + 10 * MIN), follow);
    expect(view).toMatchObject({ status: 'lost', lostReason: 'other', statusActor: 'crm', attemptsBeforeClose: 1 });
    expect(wasClosedTooEarly(view, 6)).toBe(true);
    const progress = progressFromEvents(await eventsOf());
    expect(progress && wasClosedTooEarly(progress, 6)).toBe(true);
  });

  it('a CRM loss with a reason keeps it: a duplicate is excluded, not closed too early', async () => {
    await recordLeadSeen(db, page(), actor(T0), follow);
    const view = await recordLeadSeen(db, page({ statusRaw: 'Dubbel' }), actor(T0 + MIN), follow);
    expect(view).toMatchObject({ status: 'lost', lostReason: 'duplicate' });
    expect(wasClosedTooEarly(view, 6)).toBe(false);
  });

  it('a rep who reopens a lead the CRM closed is not overruled on the next view', async () => {
    await recordLeadSeen(db, page({ statusRaw: 'Verkocht' }), actor(T0), follow);
    await changeStatus(db, KEY, { status: 'open' }, actor(T0 + MIN));
    const view = await recordLeadSeen(db, page({ statusRaw: 'Verkocht' }), actor(T0 + 2 * MIN), follow);
    expect(view).toMatchObject({ status: 'open', statusActor: 'rep' });
    expect(await statusEvents()).toHaveLength(2);
  });

  it('uses the dealer’s rules', async () => {
    const own: CrmFollow = { statusRules: [{ match: 'Wacht op financiering', status: 'appointment' }], goLiveAt: null };
    const view = await recordLeadSeen(db, page({ statusRaw: 'Wacht op financiering' }), actor(T0), own);
    expect(view).toMatchObject({ status: 'appointment', statusActor: 'crm' });
  });
});

describe('the CRM’s status in a list', () => {
  const row = (id: string, statusRaw: string | undefined, receivedAt = new Date(T0 - 20 * MIN).toISOString()): LeadSnapshot => ({
    crm: 'demo', leadId: id, url: `http://leadpace-demo.localhost/leads/${id}`, source: 'website', receivedAt, statusRaw, missing: [],
  });

  it('a new lead listed as sold is registered sold by the CRM; re-renders write nothing', async () => {
    await recordListedLeads(db, [row('L-1', 'Verkocht'), row('L-2', 'Nieuw')], actor(T0), undefined, follow);
    expect((await db.leads.get('demo:L-1'))).toMatchObject({ status: 'sold', statusActor: 'crm', open: 0 });
    expect((await db.leads.get('demo:L-2'))).toMatchObject({ status: 'open', statusActor: null, open: 1 });
    const before = await db.events.count();
    await recordListedLeads(db, [row('L-1', 'Verkocht'), row('L-2', 'Nieuw')], actor(T0 + MIN), undefined, follow);
    expect(await db.events.count()).toBe(before);
  });

  it('a known lead whose row moves on gets one status event', async () => {
    await recordListedLeads(db, [row('L-1', 'Nieuw')], actor(T0), undefined, follow);
    await recordListedLeads(db, [row('L-1', 'Verloren - elders gekocht')], actor(T0 + MIN), undefined, follow);
    await recordListedLeads(db, [row('L-1', 'Verloren - elders gekocht')], actor(T0 + 2 * MIN), undefined, follow);
    expect(await statusEvents('demo:L-1')).toMatchObject([{ status: 'lost', lostReason: 'bought_elsewhere', actor: 'crm' }]);
    expect(await db.leads.get('demo:L-1')).toMatchObject({ status: 'lost', open: 0 });
  });
});

describe('backlog: received before the CRM’s go-live', () => {
  it.each<[string, string | undefined, boolean]>([
    ['received yesterday', '2026-11-30T16:00:00+01:00', true],
    ['received this morning', '2026-12-01T08:00:00+01:00', false],
    ['no CRM time (the clock starts now)', undefined, false],
  ])('a lead page first seen, %s', async (_name, receivedAt, backlog) => {
    const view = await recordLeadSeen(db, page({ receivedAt }), actor(T0), follow);
    expect(view.backlog).toBe(backlog);
    const [seen] = await eventsOf();
    expect(seen).toMatchObject({ type: 'lead_seen' });
    expect(seen && 'backlog' in seen ? seen.backlog : undefined).toBe(backlog ? true : undefined);
  });

  it('is decided once, at the first sight: moving the go-live later changes no known lead', async () => {
    await recordLeadSeen(db, page({ receivedAt: '2026-11-30T16:00:00+01:00' }), actor(T0), { ...follow, goLiveAt: null });
    const view = await recordLeadSeen(db, page({ receivedAt: '2026-11-30T16:00:00+01:00' }), actor(T0 + MIN), follow);
    expect(view.backlog).toBe(false);
  });

  it('listed leads get the same flag, and backlog stays out of the figures', async () => {
    const yesterday = '2026-11-30T16:00:00+01:00';
    const listed = (id: string, receivedAt: string): LeadSnapshot => ({
      crm: 'demo', leadId: id, url: `http://leadpace-demo.localhost/leads/${id}`, source: 'website', receivedAt, missing: [],
    });
    await recordListedLeads(db, [listed('L-1', yesterday), listed('L-2', new Date(T0 - 5 * MIN).toISOString())], actor(T0), undefined, follow);
    const leads = await db.leads.toArray();
    expect(Object.fromEntries(leads.map((l) => [l.key, l.backlog]))).toEqual({ 'demo:L-1': true, 'demo:L-2': false });
    await logAttempt(db, 'demo:L-1', { channel: 'call', outcome: 'no_answer' }, actor(T0 + MIN));
    const all = await db.leads.toArray();
    const figures = cohortFigures(all.map(factsOf), { hours: DEFAULT_OPENING_HOURS, firstAttemptSlaMs: 5 * MIN, closeAfterAttempts: 6 });
    expect(figures.backlog).toBe(1);
    expect(figures.leads).toBe(1);
  });
});
