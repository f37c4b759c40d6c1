import { describe, expect, it } from 'vitest';
import { leadEventSchema, type LeadEvent } from '@/lib/domain/events';
import { progressFromEvents } from '@/lib/domain/lead';
import { fromWireEvent } from '@/lib/db/sync-writes';
import { toWireEvent } from '@/lib/sync/to-wire';
import { wireEventSchema } from '@/lib/sync/wire';

// The team server folds the wire events with the same fold as the browser: the backlog flag and
// the status actor must travel, or its figures would count backlog leads and CRM closes as a rep's.

const HASH = 'b'.repeat(64);
const base = { v: 1, leadKey: 'demo:L-7', repId: 'rep-1' };
const seen = leadEventSchema.parse({
  ...base, id: '0199a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a01', at: 1_000, type: 'lead_seen', crm: 'demo', leadId: 'L-7', source: 'website', receivedAt: 500, backlog: true,
});
const closed = leadEventSchema.parse({
  ...base, id: '0199a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a02', at: 2_000, type: 'status_changed', status: 'lost', lostReason: 'bought_elsewhere', actor: 'crm',
});

describe('backlog and status actor on the wire', () => {
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
