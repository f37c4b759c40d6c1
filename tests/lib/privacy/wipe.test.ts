import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openLeadpaceDb } from '@/lib/db/schema';
import { recordLeadSeen, saveNote } from '@/lib/db/writes';
import { wipeEverything, type WipeDeps } from '@/lib/privacy/wipe';

const ORIGIN = 'chrome-extension://abc/';

async function setup() {
  const name = 't-' + crypto.randomUUID();
  const db = openLeadpaceDb(name);
  await recordLeadSeen(db, { crm: 'demo', leadId: 'L-1', url: 'http://leadpace-demo.localhost/leads/L-1', name: 'Sanne', source: 'website', missing: [] }, { repId: 'r', now: 1000 });
  await saveNote(db, 'demo:L-1', 'call after 5', 2000);
  const store: Record<string, unknown> = { settings: { repName: 'Kim' }, teamConnection: { token: 'x' }, userAdapters: [] };
  const calls: string[] = [];
  const deps: WipeDeps = {
    db: () => db,
    storage: {
      get: () => Promise.resolve({ ...store }),
      clear: () => {
        calls.push('storage');
        for (const key of Object.keys(store)) delete store[key];
        return Promise.resolve();
      },
    },
    withdrawFromCrms: () => {
      calls.push('crms');
      return Promise.resolve(['demo']);
    },
    extensionOrigin: ORIGIN,
    log: () => undefined,
  };
  return { name, db, store, calls, deps };
}

describe('wipeEverything', () => {
  it('withdraws from the CRMs first, then deletes the database and storage.local, and says what went', async () => {
    const { name, db, store, calls, deps } = await setup();
    const result = await wipeEverything({}, `${ORIGIN}options.html`, deps);
    expect(result).toEqual({ ok: true, value: { leads: 1, events: 1, notes: 1, storageItems: 3, crms: ['demo'], wasConnected: true } });
    expect(calls).toEqual(['crms', 'storage']);
    expect(store).toEqual({});
    expect(await Dexie.exists(name)).toBe(false);
    // A later use (the worker seeing a lead) gets an empty database, not an error.
    expect(await db.leads.count()).toBe(0);
    db.close();
    await db.delete();
  });

  it.each([
    ['a CRM page', 'http://leadpace-demo.localhost/leads/L-1', {}],
    ['no sender', undefined, {}],
    ['an unexpected field', `${ORIGIN}options.html`, { all: true }],
  ])('refuses %s and deletes nothing', async (_name, sender, data) => {
    const { name, db, store, calls, deps } = await setup();
    const result = await wipeEverything(data, sender, deps);
    expect(result.ok).toBe(false);
    expect(calls).toEqual([]);
    expect(Object.keys(store)).toHaveLength(3);
    expect(await Dexie.exists(name)).toBe(true);
    expect(await db.leads.count()).toBe(1);
    db.close();
    await db.delete();
  });
});
