import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leadEventSchema } from '@/lib/domain/events';
import type { LeadSnapshot } from '@/lib/domain/model';
import { openLeadpaceDb, type LeadpaceDb, type StoredEvent } from '@/lib/db/schema';
import { wasClosedTooEarly } from '@/lib/domain/lead-metrics';
import {
  changeStatus,
  LeadNotFoundError,
  logAttempt,
  NothingToUndoError,
  readLeadView,
  recordLeadSeen,
  saveNote,
  undoAttempt,
} from '@/lib/db/writes';

const T = (iso: string) => Date.parse(iso);
const MIN = 60_000;
const T0 = T('2025-01-15T09:00:00Z');
const actor = (now: number) => ({ repId: 'rep-1', now });
const KEY = 'demo:L-1';

const FULL: LeadSnapshot = {
  crm: 'demo',
  leadId: 'L-1',
  url: 'http://leadpace-demo.localhost/leads/L-1',
  name: 'Sanne de Vries',
  phone: '+31612345678',
  email: 'sanne@example.com',
  vehicle: 'Volkswagen Golf 1.5 eTSI',
  sourceRaw: 'Marktplaats',
  source: 'marktplaats',
  missing: ['receivedAt'],
};

let db: LeadpaceDb;

beforeEach(() => {
  db = openLeadpaceDb('t-' + crypto.randomUUID());
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const events = () => db.events.where('leadKey').equals(KEY).sortBy('at');
const types = async () => (await events()).map((e) => e.type);

/** Every table's full content, to prove a failed operation wrote nothing. */
async function everything() {
  return {
    events: await db.events.toArray(),
    leads: await db.leads.toArray(),
    notes: await db.notes.toArray(),
  };
}

describe('recordLeadSeen', () => {
  it('first sight: one lead_seen event and the lead row', async () => {
    const view = await recordLeadSeen(db, FULL, actor(T0));
    const stored = await events();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      type: 'lead_seen',
      leadKey: KEY,
      crm: 'demo',
      leadId: 'L-1',
      source: 'marktplaats',
      receivedAt: null,
      at: T0,
      repId: 'rep-1',
      sync: 'pending',
    });
    const row = await db.leads.get(KEY);
    expect(row).toMatchObject({
      key: KEY,
      name: 'Sanne de Vries',
      phone: '+31612345678',
      vehicle: 'Volkswagen Golf 1.5 eTSI',
      source: 'marktplaats',
      receivedAt: T0,
      receivedAtKnown: false,
      firstSeenAt: T0,
      lastSeenAt: T0,
      status: 'open',
      open: 1,
      attemptCount: 0,
    });
    expect(view).toMatchObject({ key: KEY, attempts: [], undoableAttemptId: null, note: '' });
  });

  it('without a source, records "other"', async () => {
    await recordLeadSeen(db, { ...FULL, source: undefined, sourceRaw: undefined }, actor(T0));
    expect((await db.leads.get(KEY))?.source).toBe('other');
  });

  it('a CRM time on first sight becomes receivedAt', async () => {
    await recordLeadSeen(db, { ...FULL, receivedAt: '2025-01-15T08:30:00+01:00' }, actor(T0));
    expect(await db.leads.get(KEY)).toMatchObject({ receivedAt: T('2025-01-15T07:30:00Z'), receivedAtKnown: true });
    expect((await events())[0]).toMatchObject({ receivedAt: T('2025-01-15T07:30:00Z') });
  });

  it('a second sight adds no event, only moves lastSeenAt', async () => {
    await recordLeadSeen(db, FULL, actor(T0));
    await recordLeadSeen(db, FULL, actor(T0 + 5 * MIN));
    expect(await db.events.count()).toBe(1);
    expect(await db.leads.get(KEY)).toMatchObject({ firstSeenAt: T0, lastSeenAt: T0 + 5 * MIN, receivedAt: T0 });
  });

  it('a partial second snapshot does not erase name, phone, email, vehicle or raw source', async () => {
    await recordLeadSeen(db, FULL, actor(T0));
    const partial: LeadSnapshot = {
      crm: 'demo',
      leadId: 'L-1',
      url: FULL.url,
      missing: ['name', 'phone', 'source', 'vehicle', 'receivedAt', 'status'],
    };
    const view = await recordLeadSeen(db, partial, actor(T0 + MIN));
    expect(view).toMatchObject({
      name: 'Sanne de Vries',
      phone: '+31612345678',
      email: 'sanne@example.com',
      vehicle: 'Volkswagen Golf 1.5 eTSI',
      sourceRaw: 'Marktplaats',
      source: 'marktplaats',
      missing: partial.missing,
    });
    expect(await db.leads.get(KEY)).toMatchObject({ name: 'Sanne de Vries', phone: '+31612345678' });
    // A missing source is not a re-coding.
    expect(await types()).toEqual(['lead_seen']);
  });

  it('a newer value from the page replaces the old one', async () => {
    await recordLeadSeen(db, FULL, actor(T0));
    await recordLeadSeen(db, { ...FULL, phone: '+31687654321' }, actor(T0 + MIN));
    expect((await db.leads.get(KEY))?.phone).toBe('+31687654321');
  });

  it('keeps the URL the lead was first opened at', async () => {
    await recordLeadSeen(db, FULL, actor(T0));
    await recordLeadSeen(db, { ...FULL, url: 'http://leadpace-demo.localhost/leads/L-9' }, actor(T0 + MIN));
    expect((await db.leads.get(KEY))?.url).toBe(FULL.url);
  });

  it('a CRM time seen later adds a lead_seen event and updates receivedAt/receivedAtKnown', async () => {
    await recordLeadSeen(db, FULL, actor(T0));
    const view = await recordLeadSeen(db, { ...FULL, receivedAt: '2025-01-15T08:00:00Z' }, actor(T0 + MIN));
    const stored = await events();
    expect(stored.map((e) => e.type)).toEqual(['lead_seen', 'lead_seen']);
    expect(stored[1]).toMatchObject({ receivedAt: T('2025-01-15T08:00:00Z'), source: 'marktplaats', at: T0 + MIN });
    expect(view).toMatchObject({ receivedAt: T('2025-01-15T08:00:00Z'), receivedAtKnown: true, firstSeenAt: T0 });
    expect(await db.leads.get(KEY)).toMatchObject({ receivedAt: T('2025-01-15T08:00:00Z'), receivedAtKnown: true });
  });

  it('a known CRM time is not recorded again, nor overwritten by a different one', async () => {
    await recordLeadSeen(db, { ...FULL, receivedAt: '2025-01-15T08:00:00Z' }, actor(T0));
    await recordLeadSeen(db, { ...FULL, receivedAt: '2025-01-15T08:45:00Z' }, actor(T0 + MIN));
    expect(await db.events.count()).toBe(1);
    expect((await db.leads.get(KEY))?.receivedAt).toBe(T('2025-01-15T08:00:00Z'));
  });

  it('a re-coded source records a source_changed event', async () => {
    await recordLeadSeen(db, FULL, actor(T0));
    const view = await recordLeadSeen(db, { ...FULL, sourceRaw: 'AutoTrack', source: 'autotrack' }, actor(T0 + MIN));
    const stored = await events();
    expect(stored.map((e) => e.type)).toEqual(['lead_seen', 'source_changed']);
    expect(stored[1]).toMatchObject({ from: 'marktplaats', to: 'autotrack', at: T0 + MIN });
    expect(view.source).toBe('autotrack');
    // Seeing the re-coded source again changes nothing.
    await recordLeadSeen(db, { ...FULL, sourceRaw: 'AutoTrack', source: 'autotrack' }, actor(T0 + 2 * MIN));
    expect(await db.events.count()).toBe(2);
  });

  it('a CRM time and a re-code on the same sight give two events', async () => {
    await recordLeadSeen(db, FULL, actor(T0));
    await recordLeadSeen(db, { ...FULL, source: 'website', receivedAt: '2025-01-15T08:00:00Z' }, actor(T0 + MIN));
    expect(await types()).toEqual(['lead_seen', 'lead_seen', 'source_changed']);
    expect(await db.leads.get(KEY)).toMatchObject({ source: 'website', receivedAtKnown: true });
  });

  it('keeps other leads apart', async () => {
    await recordLeadSeen(db, FULL, actor(T0));
    await recordLeadSeen(db, { ...FULL, leadId: 'L-2', url: 'http://leadpace-demo.localhost/leads/L-2' }, actor(T0));
    expect((await db.leads.toArray()).map((l) => l.key).sort()).toEqual(['demo:L-1', 'demo:L-2']);
    expect(await db.events.count()).toBe(2);
  });
});

describe('logAttempt', () => {
  it('appends the attempt and reprojects the lead in one go', async () => {
    await recordLeadSeen(db, FULL, actor(T0));
    const view = await logAttempt(db, KEY, { channel: 'whatsapp', outcome: 'reached' }, actor(T0 + 3 * MIN));
    const stored = await events();
    expect(stored.map((e) => e.type)).toEqual(['lead_seen', 'attempt_logged']);
    expect(stored[1]).toMatchObject({ channel: 'whatsapp', outcome: 'reached', at: T0 + 3 * MIN, sync: 'pending' });
    expect(view).toMatchObject({
      attemptCount: 1,
      contactCount: 1,
      status: 'contacted',
      firstAttemptAt: T0 + 3 * MIN,
      lastOutcome: 'reached',
      undoableAttemptId: stored[1]?.id,
    });
    expect(await db.leads.get(KEY)).toMatchObject({ attemptCount: 1, status: 'contacted', firstAttemptAt: T0 + 3 * MIN });
    // The projection keeps the page's details.
    expect((await db.leads.get(KEY))?.name).toBe('Sanne de Vries');
  });

  it('keeps the script id and version on the event', async () => {
    await recordLeadSeen(db, FULL, actor(T0));
    await logAttempt(db, KEY, { channel: 'call', outcome: 'no_answer', scriptId: 'default-first-contact', scriptVersion: 1 }, actor(T0 + MIN));
    expect((await events())[1]).toMatchObject({ scriptId: 'default-first-contact', scriptVersion: 1 });
  });

  it('on an unknown lead throws LeadNotFoundError and writes nothing', async () => {
    await recordLeadSeen(db, FULL, actor(T0));
    const before = await everything();
    await expect(logAttempt(db, 'demo:nope', { channel: 'call', outcome: 'no_answer' }, actor(T0 + MIN))).rejects.toBeInstanceOf(
      LeadNotFoundError,
    );
    expect(await everything()).toEqual(before);
  });

  it('on an empty database throws LeadNotFoundError and writes nothing', async () => {
    await expect(logAttempt(db, KEY, { channel: 'call', outcome: 'no_answer' }, actor(T0))).rejects.toBeInstanceOf(LeadNotFoundError);
    expect(await db.events.count()).toBe(0);
    expect(await db.leads.count()).toBe(0);
  });
});

describe('undoAttempt', () => {
  async function twoAttempts() {
    await recordLeadSeen(db, FULL, actor(T0));
    const first = await logAttempt(db, KEY, { channel: 'call', outcome: 'appointment' }, actor(T0 + MIN));
    const second = await logAttempt(db, KEY, { channel: 'sms', outcome: 'no_answer' }, actor(T0 + 2 * MIN));
    return { first: first.undoableAttemptId ?? '', second: second.undoableAttemptId ?? '' };
  }

  it('voids only the last attempt in effect and reprojects', async () => {
    const { first, second } = await twoAttempts();
    const view = await undoAttempt(db, KEY, second, actor(T0 + 3 * MIN));
    const stored = await events();
    expect(stored.map((e) => e.type)).toEqual(['lead_seen', 'attempt_logged', 'attempt_logged', 'event_voided']);
    expect(stored[3]).toMatchObject({ voids: second });
    expect(view).toMatchObject({ attemptCount: 1, lastOutcome: 'appointment', lastAttemptAt: T0 + MIN, undoableAttemptId: first, status: 'appointment' });
    expect(await db.leads.get(KEY)).toMatchObject({ attemptCount: 1, lastAttemptAt: T0 + MIN });
  });

  it('two undos in a row walk back one attempt each', async () => {
    const { first, second } = await twoAttempts();
    await undoAttempt(db, KEY, second, actor(T0 + 3 * MIN));
    const view = await undoAttempt(db, KEY, first, actor(T0 + 4 * MIN));
    expect(view).toMatchObject({ attemptCount: 0, status: 'open', firstAttemptAt: null, undoableAttemptId: null });
  });

  it.each([
    { name: 'an older attempt', pick: (ids: { first: string; second: string }) => ids.first },
    { name: 'an unknown id', pick: () => '00000000-0000-7000-8000-000000000000' },
  ])('$name throws NothingToUndoError and writes nothing', async ({ pick }) => {
    const ids = await twoAttempts();
    const before = await everything();
    await expect(undoAttempt(db, KEY, pick(ids), actor(T0 + 3 * MIN))).rejects.toBeInstanceOf(NothingToUndoError);
    expect(await everything()).toEqual(before);
  });

  it('a double click (same attempt twice) undoes only one', async () => {
    const { first, second } = await twoAttempts();
    await undoAttempt(db, KEY, second, actor(T0 + 3 * MIN));
    await expect(undoAttempt(db, KEY, second, actor(T0 + 3 * MIN))).rejects.toBeInstanceOf(NothingToUndoError);
    expect((await readLeadView(db, KEY)).undoableAttemptId).toBe(first);
    expect((await events()).filter((e) => e.type === 'event_voided')).toHaveLength(1);
  });

  it('on an unknown lead throws LeadNotFoundError', async () => {
    await expect(undoAttempt(db, KEY, '00000000-0000-7000-8000-000000000000', actor(T0))).rejects.toBeInstanceOf(LeadNotFoundError);
    expect(await db.events.count()).toBe(0);
  });
});

describe('changeStatus', () => {
  it.each([
    { name: 'lost without a reason → other', change: { status: 'lost' as const }, reason: 'other' },
    { name: 'lost with a reason keeps it', change: { status: 'lost' as const, lostReason: 'duplicate' as const }, reason: 'duplicate' },
    { name: 'a reason on sold is dropped', change: { status: 'sold' as const, lostReason: 'duplicate' as const }, reason: undefined },
  ])('$name', async ({ change, reason }) => {
    await recordLeadSeen(db, FULL, actor(T0));
    const view = await changeStatus(db, KEY, change, actor(T0 + MIN));
    const last = (await events()).at(-1);
    expect(last?.type).toBe('status_changed');
    expect(last && 'lostReason' in last ? last.lostReason : undefined).toBe(reason);
    expect(view.status).toBe(change.status);
    expect(view.lostReason).toBe(reason);
    expect(view.open).toBe(0);
    expect((await db.leads.get(KEY))?.open).toBe(0);
  });

  it.each([
    { name: 'lost with no attempts', outcomes: [], status: 'lost' as const, tooEarly: true },
    { name: 'lost after attempts below the threshold', outcomes: ['no_answer', 'voicemail'] as const, status: 'lost' as const, tooEarly: true },
    { name: 'lost after a contact', outcomes: ['reached'] as const, status: 'lost' as const, tooEarly: false },
    { name: 'lost at the threshold', outcomes: ['no_answer', 'no_answer', 'no_answer'] as const, status: 'lost' as const, tooEarly: false },
    { name: 'sold with no attempts', outcomes: [], status: 'sold' as const, tooEarly: false },
  ])('closed too early (threshold 3): $name → $tooEarly', async ({ outcomes, status, tooEarly }) => {
    await recordLeadSeen(db, FULL, actor(T0));
    for (const [i, outcome] of outcomes.entries()) {
      await logAttempt(db, KEY, { channel: 'call', outcome }, actor(T0 + (i + 1) * MIN));
    }
    const view = await changeStatus(db, KEY, { status }, actor(T0 + 10 * MIN));
    expect(wasClosedTooEarly(view, 3)).toBe(tooEarly);
    // No verdict is stored: an undo or a changed threshold must be able to change it.
    const last = (await events()).at(-1);
    expect(last).not.toHaveProperty('closedTooEarly');
  });

  it('reopening a lost lead sets the open flag again', async () => {
    await recordLeadSeen(db, FULL, actor(T0));
    await changeStatus(db, KEY, { status: 'lost', lostReason: 'unreachable' }, actor(T0 + MIN));
    const view = await changeStatus(db, KEY, { status: 'contacted' }, actor(T0 + 2 * MIN));
    expect(view).toMatchObject({ status: 'contacted', open: 1 });
    expect(view.lostReason).toBeUndefined();
  });

  it('on an unknown lead throws LeadNotFoundError and writes nothing', async () => {
    await expect(changeStatus(db, KEY, { status: 'sold' }, actor(T0))).rejects.toBeInstanceOf(LeadNotFoundError);
    expect(await db.events.count()).toBe(0);
  });
});

describe('saveNote', () => {
  it('stores, replaces and deletes notes without creating events', async () => {
    await recordLeadSeen(db, FULL, actor(T0));
    const saved = await saveNote(db, KEY, 'wants to trade in a Polo', T0 + MIN);
    expect(saved.note).toBe('wants to trade in a Polo');
    expect(await db.notes.get(KEY)).toEqual({ leadKey: KEY, text: 'wants to trade in a Polo', updatedAt: T0 + MIN });

    const replaced = await saveNote(db, KEY, 'call after 17:00', T0 + 2 * MIN);
    expect(replaced.note).toBe('call after 17:00');
    expect(await db.notes.count()).toBe(1);

    const removed = await saveNote(db, KEY, '   \n ', T0 + 3 * MIN);
    expect(removed.note).toBe('');
    expect(await db.notes.get(KEY)).toBeUndefined();
    expect(await types()).toEqual(['lead_seen']);
  });

  it('the note shows up in later views', async () => {
    await recordLeadSeen(db, FULL, actor(T0));
    await saveNote(db, KEY, 'bring the spare key', T0 + MIN);
    expect((await logAttempt(db, KEY, { channel: 'call', outcome: 'no_answer' }, actor(T0 + 2 * MIN))).note).toBe('bring the spare key');
    expect((await recordLeadSeen(db, FULL, actor(T0 + 3 * MIN))).note).toBe('bring the spare key');
  });

  it('on an unknown lead throws LeadNotFoundError and stores nothing', async () => {
    await expect(saveNote(db, KEY, 'x', T0)).rejects.toBeInstanceOf(LeadNotFoundError);
    expect(await db.notes.count()).toBe(0);
  });
});

describe('readLeadView', () => {
  it('throws LeadNotFoundError for an unknown lead', async () => {
    await expect(readLeadView(db, KEY)).rejects.toBeInstanceOf(LeadNotFoundError);
  });
});

describe('stored events', () => {
  async function busyLead(): Promise<StoredEvent[]> {
    await recordLeadSeen(db, FULL, actor(T0));
    await recordLeadSeen(db, { ...FULL, source: 'autotrack', receivedAt: '2025-01-15T08:00:00Z' }, actor(T0 + MIN));
    await saveNote(db, KEY, 'Sanne prefers WhatsApp, +31612345678', T0 + 2 * MIN);
    const a = await logAttempt(db, KEY, { channel: 'call', outcome: 'no_answer' }, actor(T0 + 3 * MIN));
    await undoAttempt(db, KEY, a.undoableAttemptId ?? '', actor(T0 + 4 * MIN));
    await logAttempt(db, KEY, { channel: 'whatsapp', outcome: 'reached' }, actor(T0 + 5 * MIN));
    await changeStatus(db, KEY, { status: 'lost' }, actor(T0 + 6 * MIN));
    return db.events.toArray();
  }

  it('cover every event type, each valid against leadEventSchema and pending sync', async () => {
    const stored = await busyLead();
    expect(new Set(stored.map((e) => e.type))).toEqual(
      new Set(['lead_seen', 'source_changed', 'attempt_logged', 'event_voided', 'status_changed']),
    );
    for (const event of stored) {
      const { sync, ...body } = event;
      expect(sync).toBe('pending');
      expect(leadEventSchema.safeParse(body).success).toBe(true);
    }
    expect(new Set(stored.map((e) => e.id)).size).toBe(stored.length);
  });

  it('never contain customer data (name, phone, email, vehicle, notes)', async () => {
    const stored = await busyLead();
    const secrets = ['Sanne', 'de Vries', '31612345678', '0612345678', 'sanne@example.com', 'Golf', 'WhatsApp, +', 'prefers'];
    const forbiddenKeys = ['name', 'phone', 'email', 'vehicle', 'note', 'text', 'url', 'sourceRaw'];
    for (const event of stored) {
      const json = JSON.stringify(event);
      for (const secret of secrets) expect(json).not.toContain(secret);
      for (const key of forbiddenKeys) expect(Object.keys(event)).not.toContain(key);
    }
  });
});
