import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openLeads } from '@/lib/db/queries';
import { openLeadpaceDb, type LeadpaceDb, type StoredEvent } from '@/lib/db/schema';
import { progressFromEvents, toLeadRecord } from '@/lib/domain/lead';

// A database as every earlier version of the extension left it, opened with today's code:
// nothing the rep recorded is lost, and the popup's queries read it. The store definitions
// below are frozen copies of what each version shipped; they must never follow the code.

const SHIPPED_STORES: Record<number, Record<string, string>> = {
  1: {
    events: '&id, leadKey, at, type, sync',
    leads: '&key, [open+receivedAt], status, source, firstSeenAt, lastSeenAt, receivedAt, firstAttemptAt',
    notes: '&leadKey',
  },
  2: { syncState: '&key', teamCache: '&period', restoredEvents: '&id, lead' },
  3: {},
};

const dbs: LeadpaceDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const T0 = Date.UTC(2026, 10, 24, 9, 0);
const MIN = 60_000;
const eventId = (n: number) => `0199a3c4-5b6d-7e8f-9a0b-1c2d3e4f5b${String(n).padStart(2, '0')}`;
const base = (n: number, leadKey: string, at: number) => ({ id: eventId(n), v: 1, leadKey, at, repId: 'r', sync: 'sent' });

/** Two leads as any version recorded them: one open and worked twice, one sold. */
function history() {
  return [
    { ...base(1, 'demo:1', T0), type: 'lead_seen', crm: 'demo', leadId: '1', source: 'website', receivedAt: T0 - 5 * MIN },
    { ...base(2, 'demo:1', T0 + MIN), type: 'attempt_logged', channel: 'call', outcome: 'no_answer' },
    { ...base(3, 'demo:1', T0 + 2 * MIN), type: 'attempt_logged', channel: 'whatsapp', outcome: 'no_answer' },
    { ...base(4, 'demo:2', T0), type: 'lead_seen', crm: 'demo', leadId: '2', source: 'marktplaats', receivedAt: T0 - 60 * MIN },
    { ...base(5, 'demo:2', T0 + MIN), type: 'attempt_logged', channel: 'call', outcome: 'appointment' },
    { ...base(6, 'demo:2', T0 + 3 * MIN), type: 'status_changed', status: 'sold' },
  ];
}

/** Lead rows in the shape versions 1–2 stored (a closed-too-early verdict, no kernel facts). */
function oldLeadRows() {
  const common = { crm: 'demo', missing: [], receivedAtKnown: true, firstSeenAt: T0, lastSeenAt: T0, attemptLog: [], soldAt: null, closedTooEarly: false };
  return [
    { ...common, key: 'demo:1', leadId: '1', url: 'http://leadpace-demo.localhost/leads/1', name: 'Sanne de Vries', source: 'website', receivedAt: T0 - 5 * MIN, status: 'contacted', contactCount: 0, attemptCount: 2, firstAttemptAt: T0 + MIN, lastAttemptAt: T0 + 2 * MIN, lastOutcome: 'no_answer', open: 1 },
    { ...common, key: 'demo:2', leadId: '2', url: 'http://leadpace-demo.localhost/leads/2', name: 'Jan Bakker', source: 'marktplaats', receivedAt: T0 - 60 * MIN, status: 'sold', contactCount: 1, attemptCount: 1, firstAttemptAt: T0 + MIN, lastAttemptAt: T0 + MIN, lastOutcome: 'appointment', soldAt: T0 + 3 * MIN, open: 0 },
  ];
}

/** Lead rows as version 3 stored them: folded by the metrics kernel of that version. */
function kernelLeadRows() {
  return oldLeadRows().map((row) => {
    const events = history().filter((e) => e.leadKey === row.key) as unknown as StoredEvent[];
    const progress = progressFromEvents(events);
    if (!progress) throw new Error(`no progress for ${row.key}`);
    const { crm, leadId, url, name, missing } = row;
    return toLeadRecord({ crm, leadId, url, name, missing }, progress, row.lastSeenAt);
  });
}

async function databaseOfVersion(version: number): Promise<string> {
  const name = `upgrade-from-v${version}-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  for (let v = 1; v <= version; v += 1) old.version(v).stores(SHIPPED_STORES[v] ?? {});
  await old.open();
  await old.table('events').bulkAdd(history());
  await old.table('leads').bulkAdd(version >= 3 ? kernelLeadRows() : oldLeadRows());
  await old.table('notes').add({ leadKey: 'demo:1', text: 'belt na 17:00 terug', updatedAt: T0 });
  if (version >= 2) await old.table('syncState').add({ key: 'outbox', lastSuccessAt: T0, lastError: null, nextAttemptAt: 0, failures: 0 });
  old.close();
  return name;
}

describe.each(Object.keys(SHIPPED_STORES).map(Number))('a database left by version %i', (version) => {
  it('opens with the current code and keeps every event, lead and note', async () => {
    const name = await databaseOfVersion(version);
    const db = openLeadpaceDb(name);
    dbs.push(db);
    await db.open();
    expect(db.verno).toBeGreaterThan(version);
    expect(await db.events.count()).toBe(6);
    expect(await db.notes.get('demo:1')).toMatchObject({ text: 'belt na 17:00 terug' });
    const open = await openLeads(db);
    expect(open.map((lead) => lead.key)).toEqual(['demo:1']);
    expect(open[0]).toMatchObject({ name: 'Sanne de Vries', attemptCount: 2, source: 'website' });
    expect(await db.leads.get('demo:2')).toMatchObject({ status: 'sold', name: 'Jan Bakker' });
    if (version >= 2) expect(await db.syncState.toArray()).toMatchObject([{ lastSuccessAt: T0 }]);
  });
});
