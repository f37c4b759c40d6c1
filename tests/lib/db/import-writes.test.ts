import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleSalesImport, type HandlerDeps } from '@/lib/background/handlers';
import { importSales } from '@/lib/db/import-writes';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { changeStatus, recordLeadSeen } from '@/lib/db/writes';

const NOW = Date.parse('2026-11-25T10:00:00Z');
const SOLD = Date.parse('2026-11-20T11:00:00Z');
const EXT = 'chrome-extension://abc/';

let db: LeadpaceDb;
let deps: HandlerDeps;
beforeEach(async () => {
  db = openLeadpaceDb('t-' + crypto.randomUUID());
  deps = { db: () => db, repId: async () => 'rep-1', now: () => NOW, extensionOrigin: EXT, log: vi.fn() };
  for (const id of ['L-1', 'L-2', 'L-3']) {
    await recordLeadSeen(db, { crm: 'demo', leadId: id, url: `http://leadpace-demo.localhost/leads/${id}`, missing: [] }, { repId: 'rep-1', now: NOW - 10 * 86_400_000 });
  }
  await changeStatus(db, 'demo:L-2', { status: 'sold' }, { repId: 'rep-1', now: NOW - 86_400_000 });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('importSales', () => {
  it('marks leads sold at the deal time with actor import, and a second run changes nothing', async () => {
    const sales = [
      { leadKey: 'demo:L-1', soldAt: SOLD },
      { leadKey: 'demo:L-2', soldAt: SOLD },
      { leadKey: 'demo:L-9', soldAt: SOLD },
    ];
    expect(await importSales(db, sales, { repId: 'rep-1' })).toEqual({ sold: 1, alreadySold: 1, unknown: 1 });
    const lead = await db.leads.get('demo:L-1');
    expect([lead?.status, lead?.statusActor, lead?.soldAt, lead?.open]).toEqual(['sold', 'import', SOLD, 0]);
    const events = await db.events.count();
    expect(await importSales(db, sales, { repId: 'rep-1' })).toEqual({ sold: 0, alreadySold: 2, unknown: 1 });
    expect(await db.events.count()).toBe(events);
  });

  it('does not import a lead twice even when a later loss undid the imported sale', async () => {
    await importSales(db, [{ leadKey: 'demo:L-3', soldAt: SOLD }], { repId: 'rep-1' });
    await changeStatus(db, 'demo:L-3', { status: 'lost', lostReason: 'other' }, { repId: 'rep-1', now: NOW });
    expect(await importSales(db, [{ leadKey: 'demo:L-3', soldAt: SOLD }], { repId: 'rep-1' })).toEqual({ sold: 0, alreadySold: 1, unknown: 0 });
  });
});

describe('handleSalesImport', () => {
  it('runs for a Leadpace page', async () => {
    const result = await handleSalesImport({ sales: [{ leadKey: 'demo:L-1', soldAt: SOLD }] }, { url: `${EXT}report.html` }, deps);
    expect(result).toEqual({ ok: true, value: { sold: 1, alreadySold: 0, unknown: 0 } });
  });

  it.each([
    ['a CRM page', { url: 'http://leadpace-demo.localhost/leads/L-1' }, 'forbidden'],
    ['no sender url', {}, 'forbidden'],
  ])('refuses %s', async (_name, sender, code) => {
    const result = await handleSalesImport({ sales: [{ leadKey: 'demo:L-1', soldAt: SOLD }] }, sender, deps);
    expect(result).toMatchObject({ ok: false, code });
    expect((await db.leads.get('demo:L-1'))?.status).toBe('open');
  });

  it.each([
    ['no sales', { sales: [] }],
    ['a bad key', { sales: [{ leadKey: 'nocolon', soldAt: SOLD }] }],
    ['a negative time', { sales: [{ leadKey: 'demo:L-1', soldAt: -1 }] }],
    ['not an object', 'sell everything'],
  ])('refuses %s as invalid', async (_name, body) => {
    expect(await handleSalesImport(body, { url: `${EXT}report.html` }, deps)).toMatchObject({ ok: false, code: 'invalid' });
  });
});
