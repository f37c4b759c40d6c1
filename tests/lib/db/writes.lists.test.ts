import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leadEventSchema } from '@/lib/domain/events';
import type { LeadSnapshot } from '@/lib/domain/model';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { LISTED_MAX_AGE_MS, logAttempt, readLeadView, recordLeadSeen, recordListedLeads } from '@/lib/db/writes';

const T0 = Date.parse('2026-11-26T13:00:00Z');
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const actor = (now: number) => ({ repId: 'rep-1', now });

const listed = (id: string, extra: Partial<LeadSnapshot> = {}): LeadSnapshot => ({
  crm: 'demo',
  leadId: id,
  url: `http://leadpace-demo.localhost/leads/${id}`,
  name: `Klant ${id}`,
  sourceRaw: 'Marktplaats',
  source: 'marktplaats',
  missing: ['phone', 'vehicle', 'status'],
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

const everything = async () => ({ events: await db.events.toArray(), leads: await db.leads.toArray(), notes: await db.notes.toArray() });

describe('recordListedLeads', () => {
  it('creates unknown leads with the list’s received time and source, one lead_seen each', async () => {
    const receivedAt = new Date(T0 - 7 * MIN).toISOString();
    const outcome = await recordListedLeads(db, [listed('L-1', { receivedAt }), listed('L-2', { source: undefined, sourceRaw: undefined })], actor(T0));
    expect(outcome).toEqual({ created: ['demo:L-1', 'demo:L-2'], known: 0, tooOld: 0 });

    const events = await db.events.orderBy('leadKey').toArray();
    expect(events).toHaveLength(2);
    for (const { sync, ...event } of events) {
      expect(sync).toBe('pending');
      expect(leadEventSchema.safeParse(event).success).toBe(true);
    }
    expect(events[0]).toMatchObject({ type: 'lead_seen', leadKey: 'demo:L-1', crm: 'demo', leadId: 'L-1', source: 'marktplaats', receivedAt: T0 - 7 * MIN, at: T0, repId: 'rep-1' });
    expect(events[1]).toMatchObject({ type: 'lead_seen', leadKey: 'demo:L-2', source: 'other', receivedAt: null });

    const first = await readLeadView(db, 'demo:L-1');
    expect(first).toMatchObject({ name: 'Klant L-1', source: 'marktplaats', receivedAt: T0 - 7 * MIN, attemptCount: 0, status: 'open' });
    const row = await db.leads.get('demo:L-1');
    expect(row).toMatchObject({ receivedAtKnown: true, firstSeenAt: T0, lastSeenAt: T0, open: 1, url: 'http://leadpace-demo.localhost/leads/L-1' });
    // Without a time in the list, the clock starts when Leadpace first saw the lead (PRODUCT.md).
    expect(await db.leads.get('demo:L-2')).toMatchObject({ receivedAt: T0, receivedAtKnown: false });
  });

  it('is the same first sight recordLeadSeen gives: the same event and the same lead row', async () => {
    const snapshot = listed('L-1', { receivedAt: new Date(T0 - 3 * MIN).toISOString() });
    await recordListedLeads(db, [snapshot], actor(T0));
    const other = openLeadpaceDb('t-' + crypto.randomUUID());
    try {
      await recordLeadSeen(other, snapshot, actor(T0));
      const strip = <T extends { id?: string }>({ id: _id, ...rest }: T) => rest;
      expect((await db.events.toArray()).map(strip)).toEqual((await other.events.toArray()).map(strip));
      expect(await db.leads.toArray()).toEqual(await other.leads.toArray());
    } finally {
      other.close();
      await other.delete();
    }
  });

  it('a re-rendered or revisited list writes nothing for known leads', async () => {
    await recordListedLeads(db, [listed('L-1'), listed('L-2')], actor(T0));
    const before = await everything();
    const again = await recordListedLeads(db, [listed('L-2', { name: 'Andere naam', source: 'autotrack', receivedAt: new Date(T0 - 2 * MIN).toISOString() }), listed('L-1')], actor(T0 + 5 * MIN));
    expect(again).toEqual({ created: [], known: 2, tooOld: 0 });
    expect(await everything()).toEqual(before);
  });

  it('leaves a lead opened (and worked) before it was listed exactly as it was', async () => {
    await recordLeadSeen(db, listed('L-1', { phone: '+31612345678' }), actor(T0 - 10 * MIN));
    await logAttempt(db, 'demo:L-1', { channel: 'call', outcome: 'no_answer' }, actor(T0 - 9 * MIN));
    const before = await everything();
    const outcome = await recordListedLeads(db, [listed('L-1', { name: 'Lijstnaam' }), listed('L-3')], actor(T0));
    expect(outcome).toEqual({ created: ['demo:L-3'], known: 1, tooOld: 0 });
    const after = await everything();
    expect(after.events.filter((e) => e.leadKey === 'demo:L-1')).toEqual(before.events);
    expect(after.leads.find((l) => l.key === 'demo:L-1')).toEqual(before.leads[0]);
  });

  it('a lead first listed and then opened gets the page’s details and no second lead_seen', async () => {
    await recordListedLeads(db, [listed('L-1', { receivedAt: new Date(T0 - 4 * MIN).toISOString() })], actor(T0));
    const view = await recordLeadSeen(db, listed('L-1', { phone: '+31612345678', receivedAt: new Date(T0 - 4 * MIN).toISOString(), missing: [] }), actor(T0 + MIN));
    expect(view).toMatchObject({ phone: '+31612345678', receivedAt: T0 - 4 * MIN, firstSeenAt: T0 });
    expect((await db.events.toArray()).map((e) => e.type)).toEqual(['lead_seen']);
  });

  it('counts a lead once when the list shows it twice, and crms apart', async () => {
    const outcome = await recordListedLeads(db, [listed('L-1'), listed('L-1', { name: 'Tweede keer' }), listed('L-1', { crm: 'salesforce' })], actor(T0));
    expect(outcome.created).toEqual(['demo:L-1', 'salesforce:L-1']);
    expect((await db.leads.get('demo:L-1'))?.name).toBe('Klant L-1');
    expect(await db.events.count()).toBe(2);
  });

  it('skips leads received before the discovery window; keeps those at its edge', async () => {
    const at = (ms: number) => new Date(T0 - ms).toISOString();
    const outcome = await recordListedLeads(
      db,
      [listed('old', { receivedAt: at(LISTED_MAX_AGE_MS + MIN) }), listed('edge', { receivedAt: at(LISTED_MAX_AGE_MS) }), listed('week', { receivedAt: at(7 * DAY) })],
      actor(T0),
    );
    expect(outcome).toEqual({ created: ['demo:edge', 'demo:week'], known: 0, tooOld: 1 });
    expect(await db.leads.get('demo:old')).toBeUndefined();
  });

  it('writes the batch in one transaction: a failing write leaves nothing behind', async () => {
    // The events are already written when the second lead row fails: they must roll back too.
    db.leads.hook('creating', function (_key, lead) {
      if (lead.key === 'demo:L-2') throw new Error('disk full');
    });
    await expect(recordListedLeads(db, [listed('L-1'), listed('L-2')], actor(T0))).rejects.toThrow();
    expect(await everything()).toEqual({ events: [], leads: [], notes: [] });
  });

  it('an empty batch touches nothing', async () => {
    expect(await recordListedLeads(db, [], actor(T0))).toEqual({ created: [], known: 0, tooOld: 0 });
    expect(await db.events.count()).toBe(0);
  });
});
