import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleListed, handleMessage, senderMayActFor, type HandlerDeps, type SenderInfo } from '@/lib/background/handlers';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { leadEventSchema } from '@/lib/domain/events';
import type { LeadView } from '@/lib/domain/lead';
import type { LeadSnapshot } from '@/lib/domain/model';
import type { Result } from '@/lib/messaging';
import { wasClosedTooEarly } from '@/lib/domain/lead-metrics';

const NOW = Date.parse('2025-01-15T09:00:00Z');
const EXT = 'chrome-extension://abc/';
const PAGE: SenderInfo = { url: 'http://leadpace-demo.localhost:5173/leads/L-1', tabId: 3 };
const EXT_PAGE: SenderInfo = { url: 'chrome-extension://abc/popup.html' };
const EVIL: SenderInfo = { url: 'https://evil.example/', tabId: 4 };
const KEY = 'demo:L-1';

const SNAPSHOT = {
  crm: 'demo',
  leadId: 'L-1',
  url: 'http://leadpace-demo.localhost:5173/leads/L-1',
  name: 'Sanne de Vries',
  source: 'marktplaats',
  missing: [],
};

let db: LeadpaceDb;
let log: ReturnType<typeof vi.fn<(message: string) => void>>;
let deps: HandlerDeps;

beforeEach(() => {
  db = openLeadpaceDb('t-' + crypto.randomUUID());
  log = vi.fn<(message: string) => void>();
  deps = { db: () => db, repId: async () => 'rep-1', now: () => NOW, extensionOrigin: EXT, log };
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const counts = async () => ({ events: await db.events.count(), leads: await db.leads.count(), notes: await db.notes.count() });

function expectFailure(result: Result<LeadView>, code: string) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.code).toBe(code);
  expect(result.reason.length).toBeGreaterThan(0);
}

async function seed() {
  const result = await handleMessage('lead/seen', SNAPSHOT, PAGE, deps);
  if (!result.ok) throw new Error(`seed failed: ${result.reason}`);
  log.mockClear();
  return result.value;
}

describe('handleMessage: valid messages', () => {
  it('lead/seen from the CRM page records the lead and answers with its view', async () => {
    const result = await handleMessage('lead/seen', SNAPSHOT, PAGE, deps);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ key: KEY, name: 'Sanne de Vries', source: 'marktplaats', receivedAt: NOW, attemptCount: 0 });
    expect(await counts()).toEqual({ events: 1, leads: 1, notes: 0 });
    const [event] = await db.events.toArray();
    expect(event).toMatchObject({ repId: 'rep-1', at: NOW, type: 'lead_seen' });
    expect(log).not.toHaveBeenCalled();
  });

  it('runs every write message from the CRM page', async () => {
    await seed();
    const logged = await handleMessage('attempt/log', { leadKey: KEY, channel: 'call', outcome: 'reached' }, PAGE, deps);
    expect(logged.ok && logged.value.status).toBe('contacted');
    const attemptId = logged.ok ? logged.value.undoableAttemptId : null;
    const undone = await handleMessage('attempt/undo', { leadKey: KEY, attemptId }, PAGE, deps);
    expect(undone.ok && undone.value.attemptCount).toBe(0);
    const lost = await handleMessage('status/change', { leadKey: KEY, status: 'lost', lostReason: 'duplicate' }, PAGE, deps);
    expect(lost.ok && lost.value.lostReason).toBe('duplicate');
    const noted = await handleMessage('note/save', { leadKey: KEY, text: 'call back' }, PAGE, deps);
    expect(noted.ok && noted.value.note).toBe('call back');
    const got = await handleMessage('lead/get', { leadKey: KEY }, PAGE, deps);
    expect(got.ok && got.value).toMatchObject({ status: 'lost', note: 'call back', attemptCount: 0 });
    // seen, attempt, void, status: notes are never events.
    expect(await counts()).toEqual({ events: 4, leads: 1, notes: 1 });
  });

  it('an extension page may act for a lead', async () => {
    await seed();
    const result = await handleMessage('status/change', { leadKey: KEY, status: 'sold' }, EXT_PAGE, deps);
    expect(result.ok && result.value.status).toBe('sold');
  });

  it('unknown keys are stripped, never stored', async () => {
    const result = await handleMessage('lead/seen', { ...SNAPSHOT, extra: { deep: { secret: 'x' } }, __proto__: { polluted: true } }, PAGE, deps);
    expect(result.ok).toBe(true);
    const stored = JSON.stringify([await db.events.toArray(), await db.leads.toArray()]);
    expect(stored).not.toContain('extra');
    expect(stored).not.toContain('secret');
    expect(stored).not.toContain('polluted');
  });
});

const long = (n: number) => 'x'.repeat(n);
const withoutLeadId = Object.fromEntries(Object.entries(SNAPSHOT).filter(([key]) => key !== 'leadId'));

describe('handleMessage: settings-driven and optional fields', () => {
  it.each([
    { name: 'below the threshold without contact → closed too early', threshold: 3, attempts: 2, tooEarly: true },
    { name: 'at the threshold → not too early', threshold: 2, attempts: 2, tooEarly: false },
  ])('status/change to lost: $name (the view carries the effort; the threshold applies when read)', async ({ threshold, attempts, tooEarly }) => {
    await seed();
    for (let i = 0; i < attempts; i += 1) {
      await handleMessage('attempt/log', { leadKey: KEY, channel: 'call', outcome: 'no_answer' }, PAGE, deps);
    }
    const result = await handleMessage('status/change', { leadKey: KEY, status: 'lost' }, PAGE, deps);
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.attemptsBeforeClose).toBe(attempts);
    expect(wasClosedTooEarly(result.value, threshold)).toBe(tooEarly);
  });

  it('attempt/log stores the script id and version it was logged with', async () => {
    await seed();
    await handleMessage('attempt/log', { leadKey: KEY, channel: 'call', outcome: 'reached', script: { id: 'default-first-contact', version: 1 } }, PAGE, deps);
    const attempt = (await db.events.toArray()).find((e) => e.type === 'attempt_logged');
    expect(attempt).toMatchObject({ scriptId: 'default-first-contact', scriptVersion: 1 });
  });
});

describe('handleMessage: invalid payloads are rejected and write nothing', () => {
  it.each<{ name: string; type: Parameters<typeof handleMessage>[0]; raw: unknown; path?: string }>([
    { name: 'lead/seen without leadId', type: 'lead/seen', raw: withoutLeadId, path: 'leadId' },
    { name: 'lead/seen with a blank leadId', type: 'lead/seen', raw: { ...SNAPSHOT, leadId: '   ' }, path: 'leadId' },
    { name: 'lead/seen with a huge name', type: 'lead/seen', raw: { ...SNAPSHOT, name: long(100_000) }, path: 'name' },
    { name: 'lead/seen with a huge leadId', type: 'lead/seen', raw: { ...SNAPSHOT, leadId: long(201) }, path: 'leadId' },
    { name: 'lead/seen with a nested name', type: 'lead/seen', raw: { ...SNAPSHOT, name: { first: 'Sanne' } }, path: 'name' },
    { name: 'lead/seen with a nested leadId', type: 'lead/seen', raw: { ...SNAPSHOT, leadId: ['L-1'] }, path: 'leadId' },
    { name: 'lead/seen with a bad crm id', type: 'lead/seen', raw: { ...SNAPSHOT, crm: 'Demo CRM' }, path: 'crm' },
    { name: 'lead/seen with a malformed url', type: 'lead/seen', raw: { ...SNAPSHOT, url: 'not a url' }, path: 'url' },
    { name: 'lead/seen with an unknown missing field', type: 'lead/seen', raw: { ...SNAPSHOT, missing: ['password'] }, path: 'missing' },
    { name: 'lead/seen with a non-ISO receivedAt', type: 'lead/seen', raw: { ...SNAPSHOT, receivedAt: 'yesterday' }, path: 'receivedAt' },
    { name: 'null', type: 'lead/seen', raw: null },
    { name: 'a string', type: 'lead/seen', raw: 'demo:L-1' },
    { name: 'a number', type: 'attempt/log', raw: 42 },
    { name: 'an array', type: 'lead/get', raw: [KEY] },
    { name: 'undefined', type: 'lead/get', raw: undefined },
    { name: 'attempt/log with a wrong channel', type: 'attempt/log', raw: { leadKey: KEY, channel: 'fax', outcome: 'reached' }, path: 'channel' },
    { name: 'attempt/log with a wrong outcome', type: 'attempt/log', raw: { leadKey: KEY, channel: 'call', outcome: 'sold' }, path: 'outcome' },
    { name: 'attempt/log with a nested channel', type: 'attempt/log', raw: { leadKey: KEY, channel: { value: 'call' }, outcome: 'reached' }, path: 'channel' },
    { name: 'attempt/log without a crm in the key', type: 'attempt/log', raw: { leadKey: 'L-1', channel: 'call', outcome: 'reached' }, path: 'leadKey' },
    { name: 'attempt/log with a huge key', type: 'attempt/log', raw: { leadKey: `demo:${long(300)}`, channel: 'call', outcome: 'reached' }, path: 'leadKey' },
    { name: 'attempt/undo with a non-uuid attempt id', type: 'attempt/undo', raw: { leadKey: KEY, attemptId: 'last' }, path: 'attemptId' },
    { name: 'status/change to an unknown status', type: 'status/change', raw: { leadKey: KEY, status: 'won' }, path: 'status' },
    { name: 'status/change with an unknown reason', type: 'status/change', raw: { leadKey: KEY, status: 'lost', lostReason: 'meh' }, path: 'lostReason' },
    { name: 'note/save with a huge note', type: 'note/save', raw: { leadKey: KEY, text: long(5001) }, path: 'text' },
    { name: 'note/save with a nested note', type: 'note/save', raw: { leadKey: KEY, text: { html: '<b>x</b>' } }, path: 'text' },
  ])('$name', async ({ type, raw, path }) => {
    await seed();
    const before = await counts();
    const result = await handleMessage(type, raw, PAGE, deps);
    expectFailure(result, 'invalid');
    if (path && !result.ok) expect(result.reason).toContain(path);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toMatch(new RegExp(`^rejected ${type}: `));
    expect(await counts()).toEqual(before);
  });

  it('keeps the reason short for a payload with many problems', async () => {
    const result = await handleMessage('lead/seen', { missing: 'all' }, PAGE, deps);
    expectFailure(result, 'invalid');
    if (!result.ok) expect(result.reason.split('; ').length).toBeLessThanOrEqual(5);
  });
});

describe('handleMessage: the sender decides, never the body', () => {
  it.each<{ name: string; sender: SenderInfo; type: Parameters<typeof handleMessage>[0]; raw: unknown }>([
    { name: 'lead/seen from another origin', sender: EVIL, type: 'lead/seen', raw: SNAPSHOT },
    { name: 'attempt/log from another origin', sender: EVIL, type: 'attempt/log', raw: { leadKey: KEY, channel: 'call', outcome: 'reached' } },
    { name: 'status/change from another origin', sender: EVIL, type: 'status/change', raw: { leadKey: KEY, status: 'lost' } },
    { name: 'note/save from another origin', sender: EVIL, type: 'note/save', raw: { leadKey: KEY, text: 'pwned' } },
    { name: 'lead/get from another origin', sender: EVIL, type: 'lead/get', raw: { leadKey: KEY } },
    { name: 'a sender without a URL', sender: { tabId: 3 }, type: 'lead/get', raw: { leadKey: KEY } },
    { name: 'the demo origin over https', sender: { url: 'https://leadpace-demo.localhost/leads/L-1' }, type: 'lead/seen', raw: SNAPSHOT },
    {
      name: 'a look-alike host',
      sender: { url: 'http://leadpace-demo.localhost.evil.example/leads/L-1' },
      type: 'lead/seen',
      raw: SNAPSHOT,
    },
    {
      name: 'a crm id with no adapter, from a CRM page',
      sender: PAGE,
      type: 'lead/seen',
      raw: { ...SNAPSHOT, crm: 'salesforce' },
    },
    {
      name: 'a lead key of a crm with no adapter, from a CRM page',
      sender: PAGE,
      type: 'attempt/log',
      raw: { leadKey: 'salesforce:L-1', channel: 'call', outcome: 'reached' },
    },
  ])('$name → forbidden, nothing written', async ({ sender, type, raw }) => {
    await seed();
    const before = await counts();
    const result = await handleMessage(type, raw, sender, deps);
    expectFailure(result, 'forbidden');
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^rejected /));
    expect(await counts()).toEqual(before);
    expect(await db.notes.get(KEY)).toBeUndefined();
  });
});

describe('handleMessage: failures while running', () => {
  it('lead/get for an unknown lead → not-found', async () => {
    const result = await handleMessage('lead/get', { leadKey: 'demo:L-404' }, PAGE, deps);
    expectFailure(result, 'not-found');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('lead/get failed'));
  });

  it.each<{ type: Parameters<typeof handleMessage>[0]; raw: unknown }>([
    { type: 'attempt/log', raw: { leadKey: 'demo:L-404', channel: 'call', outcome: 'reached' } },
    { type: 'status/change', raw: { leadKey: 'demo:L-404', status: 'sold' } },
    { type: 'note/save', raw: { leadKey: 'demo:L-404', text: 'x' } },
  ])('$type on an unknown lead → not-found, nothing written', async ({ type, raw }) => {
    const result = await handleMessage(type, raw, PAGE, deps);
    expectFailure(result, 'not-found');
    expect(await counts()).toEqual({ events: 0, leads: 0, notes: 0 });
  });

  it('undo of an attempt that is not the last → invalid, nothing written', async () => {
    await seed();
    const first = await handleMessage('attempt/log', { leadKey: KEY, channel: 'call', outcome: 'no_answer' }, PAGE, deps);
    await handleMessage('attempt/log', { leadKey: KEY, channel: 'call', outcome: 'voicemail' }, PAGE, deps);
    const before = await counts();
    const result = await handleMessage('attempt/undo', { leadKey: KEY, attemptId: first.ok ? first.value.undoableAttemptId : null }, PAGE, deps);
    expectFailure(result, 'invalid');
    expect(await counts()).toEqual(before);
  });

  it('a closed database → db, with the Dexie error in the reason', async () => {
    await seed();
    db.close({ disableAutoOpen: true });
    const result = await handleMessage('attempt/log', { leadKey: KEY, channel: 'call', outcome: 'reached' }, PAGE, deps);
    expectFailure(result, 'db');
    if (!result.ok) expect(result.reason).toMatch(/DatabaseClosedError/);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^attempt\/log failed: DatabaseClosedError/));
    await db.open();
    expect(await db.events.count()).toBe(1);
  });

  it('a database that cannot open → db, nothing written', async () => {
    const fresh = openLeadpaceDb('t-' + crypto.randomUUID());
    const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      const result = await handleMessage('lead/seen', SNAPSHOT, PAGE, { ...deps, db: () => fresh });
      expectFailure(result, 'db');
      if (!result.ok) expect(result.reason).toMatch(/QuotaExceededError|OpenFailedError/);
      expect(open).toHaveBeenCalled();
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/^lead\/seen failed: /));
    } finally {
      open.mockRestore();
      fresh.close();
    }
    expect(await counts()).toEqual({ events: 0, leads: 0, notes: 0 });
  });

  it('a failing repId lookup → unknown, and is logged', async () => {
    const result = await handleMessage('lead/seen', SNAPSHOT, PAGE, { ...deps, repId: () => Promise.reject(new Error('storage gone')) });
    expectFailure(result, 'unknown');
    if (!result.ok) expect(result.reason).toBe('storage gone');
    expect(log).toHaveBeenCalledWith('lead/seen failed: storage gone');
    expect(await counts()).toEqual({ events: 0, leads: 0, notes: 0 });
  });

  it('every stored event from the handlers is schema-valid', async () => {
    await seed();
    await handleMessage('attempt/log', { leadKey: KEY, channel: 'email', outcome: 'appointment' }, PAGE, deps);
    await handleMessage('status/change', { leadKey: KEY, status: 'shown' }, EXT_PAGE, deps);
    for (const { sync, ...event } of await db.events.toArray()) {
      expect(sync).toBe('pending');
      expect(leadEventSchema.safeParse(event).success).toBe(true);
    }
  });
});

describe('senderMayActFor', () => {
  it.each<{ name: string; sender: SenderInfo; crm: string; expected: boolean }>([
    { name: 'demo page, demo crm', sender: PAGE, crm: 'demo', expected: true },
    { name: 'demo page on the default port', sender: { url: 'http://leadpace-demo.localhost/leads/L-1' }, crm: 'demo', expected: true },
    { name: 'demo inbox page', sender: { url: 'http://leadpace-demo.localhost:5173/' }, crm: 'demo', expected: true },
    { name: 'demo page, unknown crm', sender: PAGE, crm: 'salesforce', expected: false },
    { name: 'evil page, demo crm', sender: EVIL, crm: 'demo', expected: false },
    { name: 'https demo host', sender: { url: 'https://leadpace-demo.localhost/leads/L-1' }, crm: 'demo', expected: false },
    { name: 'look-alike subdomain host', sender: { url: 'http://leadpace-demo.localhost.evil.example/' }, crm: 'demo', expected: false },
    { name: 'demo host only in the query', sender: { url: 'https://evil.example/?u=http://leadpace-demo.localhost/' }, crm: 'demo', expected: false },
    { name: 'demo host as userinfo', sender: { url: 'http://leadpace-demo.localhost@evil.example/' }, crm: 'demo', expected: false },
    { name: 'extension page, demo crm', sender: EXT_PAGE, crm: 'demo', expected: true },
    { name: 'extension page, any crm', sender: EXT_PAGE, crm: 'salesforce', expected: true },
    { name: 'another extension', sender: { url: 'chrome-extension://xyz/popup.html' }, crm: 'demo', expected: false },
    { name: 'an extension id that starts with ours', sender: { url: 'chrome-extension://abcdef/popup.html' }, crm: 'demo', expected: false },
    { name: 'no url', sender: { tabId: 1 }, crm: 'demo', expected: false },
    { name: 'empty url', sender: { url: '' }, crm: 'demo', expected: false },
    { name: 'malformed url', sender: { url: 'not a url' }, crm: 'demo', expected: false },
    { name: 'file url', sender: { url: 'file:///leads/L-1' }, crm: 'demo', expected: false },
  ])('$name → $expected', ({ sender, crm, expected }) => {
    expect(senderMayActFor(sender, crm, EXT)).toBe(expected);
  });
});

describe('handleListed (new-lead discovery from CRM lists)', () => {
  const INBOX: SenderInfo = { url: 'http://leadpace-demo.localhost:5173/leads', tabId: 3 };
  const lead = (id: string, extra: Record<string, unknown> = {}) => ({
    crm: 'demo',
    leadId: id,
    url: `http://leadpace-demo.localhost:5173/leads/${id}`,
    name: `Klant ${id}`,
    source: 'marktplaats',
    receivedAt: new Date(NOW - 5 * 60_000).toISOString(),
    missing: ['phone'],
    ...extra,
  });
  const listedBody = (...leads: Record<string, unknown>[]) => ({ crm: 'demo', leads });

  it('registers the new leads of a list page of their CRM and answers how many', async () => {
    const result = await handleListed(listedBody(lead('L-1'), lead('L-2')), INBOX, deps);
    expect(result).toEqual({ ok: true, value: { created: 2 } });
    expect(await counts()).toEqual({ events: 2, leads: 2, notes: 0 });
    expect(await db.leads.get('demo:L-1')).toMatchObject({ receivedAt: NOW - 5 * 60_000, firstSeenAt: NOW });
    expect(log).not.toHaveBeenCalled();
  });

  it('a list shown again creates nothing and answers 0', async () => {
    await handleListed(listedBody(lead('L-1')), INBOX, deps);
    const before = await counts();
    expect(await handleListed(listedBody(lead('L-1')), INBOX, deps)).toEqual({ ok: true, value: { created: 0 } });
    expect(await counts()).toEqual(before);
  });

  it.each<{ name: string; sender: SenderInfo; raw: unknown }>([
    { name: 'a list from another origin', sender: EVIL, raw: listedBody(lead('L-1')) },
    { name: 'a sender without a URL', sender: { tabId: 3 }, raw: listedBody(lead('L-1')) },
    { name: 'the demo origin over https', sender: { url: 'https://leadpace-demo.localhost/leads' }, raw: listedBody(lead('L-1')) },
    { name: 'a demo page listing for salesforce', sender: INBOX, raw: { crm: 'salesforce', leads: [lead('L-1', { crm: 'salesforce', url: 'https://x.lightning.force.com/lightning/r/Lead/00Q5j00000RkT3dEAF/view' })] } },
    { name: 'one lead of another crm in the batch', sender: INBOX, raw: listedBody(lead('L-1'), lead('00Q5j00000RkT3dEAF', { crm: 'salesforce' })) },
    { name: 'a lead whose page is on another site', sender: INBOX, raw: listedBody(lead('L-1'), lead('L-2', { url: 'https://evil.example/leads/L-2' })) },
    { name: 'a lead whose page is a javascript: url', sender: INBOX, raw: listedBody(lead('L-2', { url: 'javascript:alert(1)' })) },
    { name: 'a crm with no adapter, from an extension page', sender: EXT_PAGE, raw: { crm: 'nocrm', leads: [lead('L-1', { crm: 'nocrm' })] } },
  ])('$name → forbidden, nothing written', async ({ sender, raw }) => {
    const result = await handleListed(raw, sender, deps);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe('forbidden');
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^rejected leads\/listed: /));
    expect(await counts()).toEqual({ events: 0, leads: 0, notes: 0 });
  });

  it.each<{ name: string; raw: unknown; path?: string }>([
    { name: 'no leads', raw: listedBody(), path: 'leads' },
    { name: 'more than 200 leads', raw: listedBody(...Array.from({ length: 201 }, (_, i) => lead(`L-${i}`))), path: 'leads' },
    { name: 'a lead without leadId', raw: listedBody({ ...lead('L-1'), leadId: undefined }), path: 'leads.0.leadId' },
    { name: 'a lead with a non-ISO receivedAt', raw: listedBody(lead('L-1', { receivedAt: 'gisteren' })), path: 'receivedAt' },
    { name: 'a bad crm id', raw: { crm: 'Demo CRM', leads: [lead('L-1')] }, path: 'crm' },
    { name: 'leads that are not an array', raw: { crm: 'demo', leads: lead('L-1') }, path: 'leads' },
    { name: 'null', raw: null },
  ])('$name → invalid, nothing written', async ({ raw, path }) => {
    const result = await handleListed(raw, INBOX, deps);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('invalid');
      if (path) expect(result.reason).toContain(path);
    }
    expect(await counts()).toEqual({ events: 0, leads: 0, notes: 0 });
  });

  it('an extension page may list for a built-in CRM; 200 leads fit in one message', async () => {
    const result = await handleListed(listedBody(...Array.from({ length: 200 }, (_, i) => lead(`L-${i}`))), EXT_PAGE, deps);
    expect(result).toEqual({ ok: true, value: { created: 200 } });
  });

  it('a closed database → db, and is logged', async () => {
    db.close({ disableAutoOpen: true });
    const result = await handleListed(listedBody(lead('L-1')), INBOX, deps);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe('db');
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^leads\/listed failed: DatabaseClosedError/));
    await db.open();
    expect(await db.events.count()).toBe(0);
  });
});


describe('handleMessage: adapter health', () => {
  it('tells the health log of each lead page read, and only of valid ones', async () => {
    const noteLeadPage = vi.fn<(snapshot: LeadSnapshot, at: number) => void>();
    deps = { ...deps, noteLeadPage };
    await handleMessage('lead/seen', SNAPSHOT, PAGE, deps);
    expect(noteLeadPage).toHaveBeenCalledWith(expect.objectContaining({ crm: SNAPSHOT.crm, leadId: SNAPSHOT.leadId }), NOW);
    await handleMessage('lead/seen', { ...SNAPSHOT, leadId: '' }, PAGE, deps);
    await handleMessage('lead/seen', SNAPSHOT, { url: 'https://evil.example/' }, deps);
    expect(noteLeadPage).toHaveBeenCalledTimes(1);
  });
});
