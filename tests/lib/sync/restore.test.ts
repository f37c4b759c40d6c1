import Dexie from 'dexie';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { logAttempt, readLeadView, recordLeadSeen, changeStatus } from '@/lib/db/writes';
import { runSync, type SyncDeps } from '@/lib/sync/client';
import type { TeamConnection } from '@/lib/sync/connection';
import { connect } from '@/lib/sync/connection';
import type { FetchLike } from '@/lib/sync/http';
import { ownStats } from '@/lib/sync/local-stats';
import { DEFAULT_OPENING_HOURS } from '@/lib/domain/business-time';
import { dumpAllTables, makeApp, seedTeam, sqliteEngine, type App, type TeamFixture } from '@/tests/server/harness';
import type { Db } from '@/server/db/connect';
import { createPairingCode } from '@/server/sql/tenancy';

// Restore against the real server app (in process, SQLite): browser A pushes, a wiped
// browser B connected with the same rep token pulls its own events back.

const NOW = Date.UTC(2026, 2, 18, 9, 0); // Wed 10:00 in Amsterdam
let server: { db: Db; cleanup(): Promise<void> };
let app: App;
let team: TeamFixture;
const clock = { now: NOW };
const dbs: LeadpaceDb[] = [];

beforeAll(async () => {
  server = await sqliteEngine.open();
  app = makeApp(server.db, clock);
  team = await seedTeam(server.db, {
    members: [
      { key: 'anna', name: 'Anna', role: 'rep' },
      { key: 'bram', name: 'Bram', role: 'rep' },
    ],
  });
});
afterAll(async () => {
  await server.cleanup();
});
beforeEach(() => {
  clock.now = NOW;
  // A fresh app per test: its in-memory rate limiter must not see the clock go backwards.
  app = makeApp(server.db, clock);
});
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

const appFetch: FetchLike = (url, init) => Promise.resolve(app.fetch(new Request(url, init)));

function browserDb(): LeadpaceDb {
  const db = openLeadpaceDb('restore-' + crypto.randomUUID());
  dbs.push(db);
  return db;
}

async function connectAs(key: string): Promise<TeamConnection> {
  const member = team.members[key];
  if (!member) throw new Error(key);
  return connect({ fetch: appFetch, now: () => clock.now }, { serverUrl: 'http://team.local/', secret: `${member.token}#${team.teamKey}` });
}

function deps(db: LeadpaceDb, conn: TeamConnection, repId = 'rep-b'): SyncDeps {
  return { db, fetch: appFetch, now: () => clock.now, random: () => 0.5, connection: () => Promise.resolve(conn), repId: () => Promise.resolve(repId) };
}

const rep = (minutes: number, repId = 'rep-a') => ({ repId, now: NOW + minutes * 60_000 });
const snap = (id: string, extra: Record<string, string> = {}) => ({
  crm: 'demo',
  leadId: id,
  url: `http://leadpace-demo.localhost/leads/${id}`,
  missing: [],
  ...extra,
});

describe('restore', () => {
  it('a wiped browser gets its own events back: numbers at once, full lead history once the lead is reopened', async () => {
    const conn = await connectAs('anna');
    expect(conn.me).toMatchObject({ name: 'Anna', role: 'rep' });
    expect(conn.teamKey).toBe(team.teamKey);
    const a = browserDb();
    const customer = { name: 'Jan Jansen', phone: '+31612345678', email: 'jan.jansen@example.com' };
    const key1 = 'demo:R-1';
    await recordLeadSeen(a, snap('R-1', { ...customer, receivedAt: new Date(NOW).toISOString(), source: 'website' }), rep(0));
    await logAttempt(a, key1, { channel: 'call', outcome: 'no_answer' }, rep(2));
    await logAttempt(a, key1, { channel: 'whatsapp', outcome: 'reached' }, rep(10));
    await recordLeadSeen(a, snap('R-2', { name: 'Eva de Vries', receivedAt: new Date(NOW).toISOString() }), rep(1));
    await changeStatus(a, 'demo:R-2', { status: 'lost', lostReason: 'not_interested' }, rep(3));
    await a.notes.put({ leadKey: key1, text: 'Wil een trekhaak', updatedAt: NOW });
    expect(await runSync(deps(a, conn, 'rep-a'))).toMatchObject({ status: 'ok', sent: 5, pulled: 0 });

    // The server never saw the customer data or the note.
    const dump = await dumpAllTables(server.db);
    for (const secret of [...Object.values(customer), 'Eva de Vries', 'Wil een trekhaak', 'R-1', 'demo:']) expect(dump).not.toContain(secret);

    // Browser B: same rep token, empty database.
    const b = browserDb();
    const outcome = await runSync(deps(b, conn));
    expect(outcome).toMatchObject({ status: 'ok', sent: 0, pulled: 5, adopted: 0 });
    expect(await b.events.count()).toBe(0);
    expect(await b.restoredEvents.count()).toBe(5);

    // 1. The rep's own numbers count the restored events right away.
    const stats = ownStats({
      events: await b.events.toArray(),
      restored: (await b.restoredEvents.toArray()).map((r) => r.event),
      from: NOW - 3600_000,
      to: NOW + 3600_000,
      hours: DEFAULT_OPENING_HOURS,
    });
    expect(stats).toMatchObject({ leads: 2, firstAttempts: 1, attemptsPerLead: 1, contactRate: 0.5, closedTooEarly: 1 });

    // 2. Reopening R-1 in the CRM: the hash matches and its history comes back.
    clock.now = NOW + 60 * 60_000;
    await recordLeadSeen(b, snap('R-1', { name: 'Jan Jansen' }), { repId: 'rep-b', now: clock.now });
    const after = await runSync(deps(b, conn));
    // Only the re-sighting itself is new for the server.
    expect(after).toMatchObject({ status: 'ok', sent: 1, adopted: 3 });
    const view = await readLeadView(b, key1);
    expect(view.attemptCount).toBe(2);
    expect(view.status).toBe('contacted');
    expect(view.firstSeenAt).toBe(NOW); // the original clock, not the reopening
    expect(view.receivedAt).toBe(NOW);
    expect(view.note).toBe(''); // notes never left browser A
    expect(await b.restoredEvents.count()).toBe(2); // R-2 waits until it is reopened
    // Adopted events are already on the server: never pushed again.
    expect(await b.events.where('sync').equals('pending').count()).toBe(0);
    expect((await b.events.toArray()).filter((e) => e.sync === 'sent')).toHaveLength(4);

    // 3. Pulls resume from the cursor: nothing new comes twice.
    expect(await runSync(deps(b, conn))).toMatchObject({ status: 'ok', pulled: 0, adopted: 0 });
  });

  it("a rep never pulls a colleague's events", async () => {
    const anna = await connectAs('anna');
    const bram = await connectAs('bram');
    const a = browserDb();
    await recordLeadSeen(a, snap('S-1'), rep(0));
    await runSync(deps(a, anna, 'rep-a'));
    const b = browserDb();
    expect(await runSync(deps(b, bram))).toMatchObject({ status: 'ok', pulled: 0 });
    expect(await b.restoredEvents.count()).toBe(0);
  });

  it('connects with a one-time pairing code', async () => {
    const { code } = await createPairingCode(server.db, team.members.bram?.memberId ?? '', NOW);
    const conn = await connect({ fetch: appFetch, now: () => clock.now }, { serverUrl: 'http://team.local', secret: `${code}#${team.teamKey}` });
    expect(conn.me.name).toBe('Bram');
    expect(conn.token).toMatch(/^lp_/);
    await expect(connect({ fetch: appFetch, now: () => clock.now }, { serverUrl: 'http://team.local', secret: `${code}#${team.teamKey}` })).rejects.toMatchObject({
      code: 'invalid_pairing_code',
      retryable: false,
    });
  });
});

describe('Dexie v2 upgrade', () => {
  it('keeps v1 events, leads and notes and adds the team tables', async () => {
    const name = 'upgrade-' + crypto.randomUUID();
    const v1 = new Dexie(name);
    v1.version(1).stores({
      events: '&id, leadKey, at, type, sync',
      leads: '&key, [open+receivedAt], status, source, firstSeenAt, lastSeenAt, receivedAt, firstAttemptAt',
      notes: '&leadKey',
    });
    await v1.table('events').add({ id: '0199a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b', leadKey: 'demo:1', at: 1, type: 'lead_seen', sync: 'pending' });
    await v1.table('notes').add({ leadKey: 'demo:1', text: 'x', updatedAt: 1 });
    v1.close();
    const db = openLeadpaceDb(name);
    dbs.push(db);
    expect(await db.events.where('sync').equals('pending').count()).toBe(1);
    expect(await db.notes.get('demo:1')).toMatchObject({ text: 'x' });
    expect(await db.syncState.count()).toBe(0);
    expect(await db.teamCache.count()).toBe(0);
    expect(await db.restoredEvents.count()).toBe(0);
    expect(db.verno).toBeGreaterThanOrEqual(3);
  });
});
