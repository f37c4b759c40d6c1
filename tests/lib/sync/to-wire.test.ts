import { describe, expect, it } from 'vitest';
import { leadEventSchema, type LeadEvent } from '@/lib/domain/events';
import { NotSyncableError, toWireEvent } from '@/lib/sync/to-wire';
import { wireEventSchema } from '@/lib/sync/wire';

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
