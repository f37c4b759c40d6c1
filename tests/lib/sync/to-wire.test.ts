import { describe, expect, it } from 'vitest';
import { leadEventSchema, type LeadEvent } from '@/lib/domain/events';
import { NotSyncableError, toWireEvent, wireScriptId } from '@/lib/sync/to-wire';
import { wireEventSchema, WIRE_SLUG } from '@/lib/sync/wire';
import { DEFAULT_LIBRARY } from '@/lib/domain/scripts-library';
import { newScriptId } from '@/lib/storage/scripts-item';
import { progressFromEvents } from '@/lib/domain/lead';
import { fromWireEvent } from '@/lib/db/sync-writes';

const HASH = 'a'.repeat(64);
const base = { id: '0199a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b', v: 1, leadKey: 'demo:L-1043', at: 1773824400000, repId: 'rep-secret-id' };
const ev = (fields: Record<string, unknown>): LeadEvent => leadEventSchema.parse({ ...base, ...fields });

const common = { id: base.id, v: 1, lead: HASH, at: base.at };

describe('toWireEvent', () => {
  it.each<[string, LeadEvent, Record<string, unknown>]>([
    [
      'lead_seen drops crm and record id',
      ev({ type: 'lead_seen', crm: 'demo', leadId: 'L-1043', source: 'autoscout24', receivedAt: 1773823500000 }),
      { ...common, type: 'lead_seen', source: 'autoscout24', receivedAt: 1773823500000 },
    ],
    [
      'lead_seen without a CRM time',
      ev({ type: 'lead_seen', crm: 'demo', leadId: 'L-1', source: 'other', receivedAt: null }),
      { ...common, type: 'lead_seen', source: 'other', receivedAt: null },
    ],
    [
      'attempt with script',
      ev({ type: 'attempt_logged', channel: 'call', outcome: 'reached', scriptId: 'first-call', scriptVersion: 3 }),
      { ...common, type: 'attempt_logged', channel: 'call', outcome: 'reached', scriptId: 'first-call', scriptVersion: 3 },
    ],
    [
      'attempt with an empty script id (none)',
      ev({ type: 'attempt_logged', channel: 'sms', outcome: 'no_answer', scriptId: '', scriptVersion: 0 }),
      { ...common, type: 'attempt_logged', channel: 'sms', outcome: 'no_answer' },
    ],
    ['undo', ev({ type: 'event_voided', voids: '0199a3c4-6c7d-7e8f-9a0b-1c2d3e4f5a6c' }), { ...common, type: 'event_voided', voids: '0199a3c4-6c7d-7e8f-9a0b-1c2d3e4f5a6c' }],
    [
      'lost, closed too early',
      ev({ type: 'status_changed', status: 'lost', lostReason: 'unreachable', closedTooEarly: true }),
      { ...common, type: 'status_changed', status: 'lost', lostReason: 'unreachable', closedTooEarly: true },
    ],
    ['sold', ev({ type: 'status_changed', status: 'sold' }), { ...common, type: 'status_changed', status: 'sold' }],
    ['source change', ev({ type: 'source_changed', from: 'other', to: 'marktplaats' }), { ...common, type: 'source_changed', from: 'other', to: 'marktplaats' }],
  ])('%s', (_name, local, expected) => {
    const wire = toWireEvent(local, HASH);
    expect(wire).toEqual(expected);
    expect(wireEventSchema.safeParse(wire).success).toBe(true);
  });

  it('never carries the rep id, lead key, CRM id or any customer field', () => {
    const wire = toWireEvent(ev({ type: 'lead_seen', crm: 'demo', leadId: 'L-1043', source: 'website', receivedAt: null }), HASH);
    const text = JSON.stringify(wire);
    for (const secret of ['rep-secret-id', 'demo:L-1043', 'L-1043', 'repId', 'leadKey', 'crm']) expect(text).not.toContain(secret);
  });

  it.each(['name', 'phone', 'email', 'note', 'vehicle'])('refuses a local event that carries %s (privacy assertion)', (field) => {
    const local = { ...ev({ type: 'attempt_logged', channel: 'call', outcome: 'reached' }), [field]: 'Jan Jansen +31612345678' };
    expect(() => toWireEvent(local, HASH)).toThrow(NotSyncableError);
    expect(() => toWireEvent(local, HASH)).toThrow(new RegExp(field));
  });

  it('refuses a lead hash that is not 64 hex characters', () => {
    expect(() => toWireEvent(ev({ type: 'status_changed', status: 'sold' }), 'demo:L-1043')).toThrow(/invalid_field: lead/);
  });
});

describe('script ids on the wire are slugs', () => {
  const HASH = 'b'.repeat(64);
  const attempt = (scriptId: string) =>
    leadEventSchema.parse({
      id: '0199a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b',
      v: 1,
      leadKey: 'demo:L-1',
      at: 1773824400000,
      repId: 'r',
      type: 'attempt_logged',
      channel: 'call',
      outcome: 'reached',
      scriptId,
      scriptVersion: 2,
    });

  it('sends every default script id and every id the app makes unchanged', () => {
    const ids = [...DEFAULT_LIBRARY.map((s) => s.id), newScriptId(), newScriptId()];
    for (const id of ids) {
      expect(id).toMatch(WIRE_SLUG);
      expect(toWireEvent(attempt(id), HASH)).toMatchObject({ scriptId: id, scriptVersion: 2 });
    }
  });

  it.each([
    ['an underscore', 'welcome_call'],
    ['80 characters', `a${'b'.repeat(79)}`],
    ['a name and phone number in it', 'Piet Jansen 06-12345678'],
  ])('maps an imported id with %s to a stable slug', (_label, id) => {
    const wire = toWireEvent(attempt(id), HASH);
    expect(wire).toMatchObject({ scriptId: wireScriptId(id), scriptVersion: 2 });
    expect(wireScriptId(id)).toMatch(/^script-[0-9a-f]{16}$/);
    expect(wireScriptId(id)).toBe(wireScriptId(id));
    expect(wireScriptId(id)).not.toBe(wireScriptId(`${id}x`));
    expect(JSON.stringify(wire)).not.toContain(id);
  });
});

// The team server folds the wire events with the same fold as the browser: the backlog flag and
// the status actor must travel, or its figures would count backlog leads and CRM closes as a rep's.
describe('backlog and status actor on the wire', () => {

  const HASH = 'b'.repeat(64);
  const base = { v: 1, leadKey: 'demo:L-7', repId: 'rep-1' };
  const seen = leadEventSchema.parse({
    ...base, id: '0199a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a01', at: 1_000, type: 'lead_seen', crm: 'demo', leadId: 'L-7', source: 'website', receivedAt: 500, backlog: true,
  });
  const closed = leadEventSchema.parse({
    ...base, id: '0199a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a02', at: 2_000, type: 'status_changed', status: 'lost', lostReason: 'bought_elsewhere', actor: 'crm',
  });

  it.each<[string, LeadEvent, Record<string, unknown>]>([
    ['lead_seen keeps backlog', seen, { backlog: true }],
    ['status_changed keeps its actor', closed, { actor: 'crm', lostReason: 'bought_elsewhere' }],
  ])('%s', (_name, event, expected) => {
    const wire = toWireEvent(event, HASH);
    expect(wire).toMatchObject(expected);
    expect(wireEventSchema.parse(wire)).toEqual(wire);
  });

  it('an event without them sends neither key', () => {
    const plain = leadEventSchema.parse({ ...closed, actor: undefined });
    expect(Object.keys(toWireEvent(plain, HASH))).not.toContain('actor');
  });

  it('rejects an unknown actor on the wire', () => {
    const wire = { ...toWireEvent(closed, HASH), actor: 'robot' };
    expect(wireEventSchema.safeParse(wire).success).toBe(false);
  });

  it('a restored lead folds the same as the original', () => {
    const restored = [seen, closed].map((e) => fromWireEvent(toWireEvent(e, HASH), 'demo:L-7', 'rep-1'));
    const original = progressFromEvents([seen, closed]);
    expect(progressFromEvents(restored)).toEqual(original);
    expect(original).toMatchObject({ backlog: true, statusActor: 'crm', status: 'lost' });
  });
});
