import { describe, expect, it } from 'vitest';
import type { $ZodError } from 'zod/v4/core';
import { EVENT_SCHEMA_VERSION, leadEventSchema } from '@/lib/domain/events';
import {
  channelSchema,
  crmIdSchema,
  leadIdSchema,
  leadSnapshotSchema,
  lostReasonSchema,
  outcomeSchema,
  sourceIdSchema,
  statusSchema,
} from '@/lib/domain/model';
import { detailsRemovalSchema, retentionDaysSchema } from '@/lib/domain/retention';
import { statusRulesSchema } from '@/lib/domain/status-rules';

// The vocabulary's schemas, and the event and rule schemas built from them: their whole answer
// (data, or every issue with code, path, message and bounds) pinned in the snapshot, so a change
// of zod flavour leaves what the adapters, the background and the server accept as it was.

interface Parser {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: $ZodError };
}

function answer(schema: Parser, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? { data: result.data } : { issues: result.error.issues };
}

const snapshot = { crm: 'demo', leadId: 'L-1', url: 'https://crm.example/leads/1', missing: [] };
const base = { id: '0190a6c8-0000-7000-8000-000000000001', v: EVENT_SCHEMA_VERSION, leadKey: 'demo:L-1', at: 1_700_000_000_000, repId: 'rep-1' };

describe('vocabulary and snapshot', () => {
  it.each<[string, Parser, unknown]>([
    ['channel: call', channelSchema, 'call'],
    ['channel: fax', channelSchema, 'fax'],
    ['outcome: reached', outcomeSchema, 'reached'],
    ['outcome: a number', outcomeSchema, 3],
    ['status: sold', statusSchema, 'sold'],
    ['status: Sold', statusSchema, 'Sold'],
    ['lost reason: duplicate', lostReasonSchema, 'duplicate'],
    ['lost reason: none', lostReasonSchema, undefined],
    ['source: website', sourceIdSchema, 'website'],
    ['source: Web Site', sourceIdSchema, 'Web Site'],
    ['source: 41 characters', sourceIdSchema, `a${'b'.repeat(40)}`],
    ['crm: Demo', crmIdSchema, 'Demo'],
    ['lead id: trimmed', leadIdSchema, '  L-1 '],
    ['lead id: blank', leadIdSchema, '   '],
    ['lead id: 201 characters', leadIdSchema, 'x'.repeat(201)],
    ['snapshot: minimal', leadSnapshotSchema, snapshot],
    [
      'snapshot: every field',
      leadSnapshotSchema,
      { ...snapshot, name: ' Jan ', phone: '06 1234', email: 'a@b.nl', sourceRaw: 'Web', source: 'website', vehicle: 'Golf', receivedAt: '2025-01-15T09:00:00+01:00', statusRaw: 'Nieuw', missing: ['status'] },
    ],
    ['snapshot: not a URL', leadSnapshotSchema, { ...snapshot, url: 'crm/leads/1' }],
    ['snapshot: a URL too long', leadSnapshotSchema, { ...snapshot, url: `https://crm.example/${'x'.repeat(4000)}` }],
    ['snapshot: a time without offset', leadSnapshotSchema, { ...snapshot, receivedAt: '2025-01-15T09:00:00' }],
    ['snapshot: an empty name', leadSnapshotSchema, { ...snapshot, name: ' ' }],
    ['snapshot: an unknown missing field', leadSnapshotSchema, { ...snapshot, missing: ['email'] }],
    ['snapshot: eleven missing fields', leadSnapshotSchema, { ...snapshot, missing: Array.from({ length: 11 }, () => 'name') }],
    ['snapshot: no lead id, bad source', leadSnapshotSchema, { crm: 'demo', url: snapshot.url, source: 'Web', missing: [] }],
  ])('%s', (_name, schema, value) => {
    expect(answer(schema, value)).toMatchSnapshot();
  });
});

describe('retention', () => {
  it.each<[string, Parser, unknown]>([
    ['days: 29', retentionDaysSchema, 29],
    ['days: 30', retentionDaysSchema, 30],
    ['days: 3650', retentionDaysSchema, 3650],
    ['days: 3651', retentionDaysSchema, 3651],
    ['days: 30.5', retentionDaysSchema, 30.5],
    ['removal mark', detailsRemovalSchema, { detailsRemovedAt: 5, detailsRemovedAfterDays: 180, name: 'kept out' }],
    ['removal mark: negative time, 10 days', detailsRemovalSchema, { detailsRemovedAt: -1, detailsRemovedAfterDays: 10 }],
    ['removal mark: none', detailsRemovalSchema, { name: 'Jan' }],
  ])('%s', (_name, schema, value) => {
    expect(answer(schema, value)).toMatchSnapshot();
  });
});

describe('events and status rules built from the vocabulary', () => {
  it.each<[string, Parser, unknown]>([
    ['lead seen', leadEventSchema, { ...base, type: 'lead_seen', crm: 'demo', leadId: ' L-1 ', source: 'website', receivedAt: null }],
    ['lead seen: a bad source and crm', leadEventSchema, { ...base, type: 'lead_seen', crm: 'Demo', leadId: 'L-1', source: 'Web', receivedAt: 1 }],
    ['attempt: fax', leadEventSchema, { ...base, type: 'attempt_logged', channel: 'fax', outcome: 'reached' }],
    ['status changed: lost, no reason', leadEventSchema, { ...base, type: 'status_changed', status: 'lost' }],
    ['status changed: an unknown reason', leadEventSchema, { ...base, type: 'status_changed', status: 'lost', lostReason: 'price' }],
    ['source changed: from nothing', leadEventSchema, { ...base, type: 'source_changed', from: '', to: 'website' }],
    ['an unknown type', leadEventSchema, { ...base, type: 'lead_deleted' }],
    ['rules: a loss with its reason', statusRulesSchema, [{ match: ' Verloren ', status: 'lost', lostReason: 'other' }]],
    ['rules: an unknown status and reason', statusRulesSchema, [{ match: 'x', status: 'won' }, { match: 'y', status: 'lost', lostReason: 'price' }]],
  ])('%s', (_name, schema, value) => {
    expect(answer(schema, value)).toMatchSnapshot();
  });
});
