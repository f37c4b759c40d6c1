import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { wasClosedTooEarly } from '@/lib/domain/lead-metrics';

// A browser that ran the v2 database: lead rows carry a stored closed-too-early verdict and
// none of the facts the metrics kernel reads. Opening it with today's code re-folds them.

const dbs: LeadpaceDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const T0 = Date.UTC(2026, 10, 24, 9, 0);
const MIN = 60_000;
const base = (n: number, at: number) => ({ id: `0199a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a${String(n).padStart(2, '0')}`, v: 1, leadKey: 'demo:1', at, repId: 'r', sync: 'sent' });

describe('Dexie v3 upgrade', () => {
  it('re-folds every lead from its events: facts added, the stored verdict gone, notes and events kept', async () => {
    const name = 'upgrade-v3-' + crypto.randomUUID();
    const v2 = new Dexie(name);
    v2.version(1).stores({
      events: '&id, leadKey, at, type, sync',
      leads: '&key, [open+receivedAt], status, source, firstSeenAt, lastSeenAt, receivedAt, firstAttemptAt',
      notes: '&leadKey',
    });
    v2.version(2).stores({ syncState: '&key', teamCache: '&period', restoredEvents: '&id, lead' });
    await v2.table('events').bulkAdd([
      { ...base(1, T0), type: 'lead_seen', crm: 'demo', leadId: '1', source: 'website', receivedAt: null },
      { ...base(2, T0 + MIN), type: 'attempt_logged', channel: 'call', outcome: 'reached' },
      // v2 stored the verdict at closing time: not too early, because of the conversation…
      { ...base(3, T0 + 2 * MIN), type: 'status_changed', status: 'lost', lostReason: 'not_interested' },
      // …which was then undone. The stored flag below went stale; the fold must not.
      { ...base(4, T0 + 3 * MIN), type: 'event_voided', voids: base(2, 0).id },
    ]);
    await v2.table('leads').add({
      key: 'demo:1', crm: 'demo', leadId: '1', url: 'http://leadpace-demo.localhost/leads/1', name: 'Sanne', missing: [],
      source: 'website', receivedAt: T0, receivedAtKnown: false, firstSeenAt: T0, status: 'lost', lostReason: 'not_interested',
      contactCount: 1, firstAttemptAt: T0 + MIN, lastAttemptAt: T0 + MIN, soldAt: null, closedTooEarly: false,
      lastSeenAt: T0, attemptCount: 1, lastOutcome: 'reached', attemptLog: [], open: 0,
    });
    await v2.table('notes').add({ leadKey: 'demo:1', text: 'belt terug', updatedAt: T0 });
    v2.close();

    const db = openLeadpaceDb(name);
    dbs.push(db);
    const lead = await db.leads.get('demo:1');
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(lead).toMatchObject({ name: 'Sanne', status: 'lost', attemptCount: 0, contactCount: 0, attemptsBeforeClose: 0, contactsBeforeClose: 0, furthest: 'open', backlog: false });
    expect(lead).not.toHaveProperty('closedTooEarly');
    if (!lead) throw new Error('lead missing');
    expect(wasClosedTooEarly(lead, 6)).toBe(true);
    expect(await db.events.count()).toBe(4);
    expect(await db.notes.get('demo:1')).toMatchObject({ text: 'belt terug' });
  });
});
