import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleListed, handleMessage, type HandlerDeps, type SenderInfo } from '@/lib/background/handlers';
import { recordGoLive } from '@/lib/background/crm-follow';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { recordLeadSeen } from '@/lib/db/writes';
import { readGoLives, setGoLive } from '@/lib/storage/go-live-item';
import { readUnknownStatuses, saveStatusRules } from '@/lib/storage/status-rules-item';

// The worker follows each CRM with what is in storage: the dealer's status rules and the CRM's
// go-live, recorded the first time it is needed.

const NOW = Date.parse('2026-12-01T10:00:00+01:00');
const TODAY = Date.parse('2026-12-01T00:00:00+01:00');
const PAGE: SenderInfo = { url: 'http://leadpace-demo.localhost:5173/leads/L-1', tabId: 3 };
const snapshot = (id: string, extra: Record<string, unknown> = {}) => ({
  crm: 'demo',
  leadId: id,
  url: `http://leadpace-demo.localhost:5173/leads/${id}`,
  source: 'website',
  missing: [],
  ...extra,
});

let db: LeadpaceDb;
let deps: HandlerDeps;
beforeEach(() => {
  fakeBrowser.reset();
  db = openLeadpaceDb('t-' + crypto.randomUUID());
  deps = { db: () => db, repId: async () => 'rep-1', now: () => NOW, extensionOrigin: 'chrome-extension://abc/', log: vi.fn() };
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('lead/seen follows the CRM from storage', () => {
  it('records today as go-live on first use; a lead from yesterday is backlog, one from this morning is not', async () => {
    const old = await handleMessage('lead/seen', snapshot('L-1', { receivedAt: '2026-11-30T15:00:00+01:00' }), PAGE, deps);
    const fresh = await handleMessage('lead/seen', snapshot('L-2', { receivedAt: '2026-12-01T09:55:00+01:00' }), PAGE, deps);
    expect(await readGoLives()).toEqual({ demo: TODAY });
    expect(old.ok && old.value.backlog).toBe(true);
    expect(fresh.ok && fresh.value.backlog).toBe(false);
  });

  it('a CRM used before go-live existed starts on the day of its first lead', async () => {
    await recordLeadSeen(db, snapshot('L-9', { receivedAt: '2026-11-20T11:00:00+01:00' }), { repId: 'rep-1', now: Date.parse('2026-11-20T11:05:00+01:00') });
    expect(await recordGoLive(db, 'demo', NOW)).toBe(Date.parse('2026-11-20T00:00:00+01:00'));
    const result = await handleMessage('lead/seen', snapshot('L-3', { receivedAt: '2026-11-25T09:00:00+01:00' }), PAGE, deps);
    expect(result.ok && result.value.backlog).toBe(false);
  });

  it('the dealer’s go-live wins', async () => {
    await setGoLive('demo', Date.parse('2026-11-01T00:00:00+01:00'));
    const result = await handleMessage('lead/seen', snapshot('L-1', { receivedAt: '2026-11-30T15:00:00+01:00' }), PAGE, deps);
    expect(result.ok && result.value.backlog).toBe(false);
  });

  it('a CRM "Verkocht" closes the lead by the CRM, once', async () => {
    const first = await handleMessage('lead/seen', snapshot('L-1', { statusRaw: 'Verkocht' }), PAGE, deps);
    expect(first.ok && first.value).toMatchObject({ status: 'sold', statusActor: 'crm' });
    const events = await db.events.count();
    await handleMessage('lead/seen', snapshot('L-1', { statusRaw: 'Verkocht' }), PAGE, deps);
    expect(await db.events.count()).toBe(events);
  });

  it('remembers status texts no rule knows, with counts, and forgets them once a rule maps them', async () => {
    await handleMessage('lead/seen', snapshot('L-1', { statusRaw: 'Wacht op financiering' }), PAGE, deps);
    await handleMessage('lead/seen', snapshot('L-2', { statusRaw: 'Wacht op financiering' }), PAGE, deps);
    await handleMessage('lead/seen', snapshot('L-3', { statusRaw: 'Nieuw' }), PAGE, deps);
    await vi.waitFor(async () => expect(await readUnknownStatuses()).toMatchObject([{ crm: 'demo', text: 'Wacht op financiering', count: 2 }]));

    await saveStatusRules([{ match: 'financiering', status: 'appointment' }]);
    expect(await readUnknownStatuses()).toEqual([]);
    const mapped = await handleMessage('lead/seen', snapshot('L-4', { statusRaw: 'Wacht op financiering' }), PAGE, deps);
    expect(mapped.ok && mapped.value).toMatchObject({ status: 'appointment', statusActor: 'crm' });
  });
});

describe('leads/listed follows the CRM too', () => {
  it('registers backlog and the rows’ CRM statuses', async () => {
    const result = await handleListed(
      {
        crm: 'demo',
        leads: [
          snapshot('L-1', { receivedAt: '2026-11-25T09:00:00+01:00', statusRaw: 'Verkocht' }),
          snapshot('L-2', { receivedAt: '2026-11-30T09:00:00+01:00', statusRaw: 'In behandeling' }),
          snapshot('L-3', { receivedAt: '2026-12-01T09:58:00+01:00', statusRaw: 'Nieuw' }),
        ],
      },
      PAGE,
      deps,
    );
    expect(result).toEqual({ ok: true, value: { created: 3 } });
    const leads = Object.fromEntries((await db.leads.toArray()).map((l) => [l.leadId, { status: l.status, backlog: l.backlog }]));
    expect(leads).toEqual({
      'L-1': { status: 'sold', backlog: true },
      'L-2': { status: 'open', backlog: true },
      'L-3': { status: 'open', backlog: false },
    });
  });
});
