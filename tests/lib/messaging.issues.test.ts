import { describe, expect, it } from 'vitest';
// The background checks these messages and loads zod's English messages first, as here.
import '@/lib/zod-english';
import type { $ZodError } from 'zod/v4/core';
import { crmDisabledSchema, LISTED_MAX, messageSchemas, SALES_IMPORT_MAX } from '@/lib/messaging';

// Every message schema's whole answer (data, or every issue with code, path, message and bounds)
// pinned in the snapshot: the content scripts import these schemas, so moving them to zod/mini to
// keep classic zod out of the panel and list bundles must leave what the background accepts, and
// the reasons it gives, as they were.

interface Parser {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: $ZodError };
}

function answer(schema: Parser, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? { data: result.data } : { issues: result.error.issues };
}

const lead = { crm: 'demo', leadId: 'L-1', url: 'https://crm.example/leads/1', missing: [] };
const attemptId = '0190a6c8-0000-7000-8000-000000000001';

describe('message schemas', () => {
  it.each<[string, Parser, unknown]>([
    ['lead/seen: a snapshot', messageSchemas['lead/seen'], lead],
    ['lead/seen: no url', messageSchemas['lead/seen'], { ...lead, url: undefined }],
    ['lead/get: a key', messageSchemas['lead/get'], { leadKey: 'demo:L-1' }],
    ['lead/get: no colon', messageSchemas['lead/get'], { leadKey: 'demoL-1' }],
    ['lead/get: too short', messageSchemas['lead/get'], { leadKey: 'd:' }],
    ['lead/get: too long', messageSchemas['lead/get'], { leadKey: `demo:${'x'.repeat(250)}` }],
    ['lead/get: a number', messageSchemas['lead/get'], { leadKey: 7 }],
    ['attempt/log: minimal', messageSchemas['attempt/log'], { leadKey: 'demo:L-1', channel: 'call', outcome: 'reached' }],
    [
      'attempt/log: with a script',
      messageSchemas['attempt/log'],
      { leadKey: 'demo:L-1', channel: 'call', outcome: 'reached', script: { id: 'first-call', version: 2 } },
    ],
    [
      'attempt/log: a bad script',
      messageSchemas['attempt/log'],
      { leadKey: 'demo:L-1', channel: 'fax', outcome: 'reached', script: { id: '', version: -1.5 } },
    ],
    ['attempt/log: nothing', messageSchemas['attempt/log'], {}],
    ['attempt/undo: an id', messageSchemas['attempt/undo'], { leadKey: 'demo:L-1', attemptId }],
    ['attempt/undo: not a uuid', messageSchemas['attempt/undo'], { leadKey: 'demo:L-1', attemptId: 'a1' }],
    ['status/change: lost', messageSchemas['status/change'], { leadKey: 'demo:L-1', status: 'lost', lostReason: 'duplicate' }],
    ['status/change: bad status', messageSchemas['status/change'], { leadKey: 'demo:L-1', status: 'Sold', lostReason: 'nope' }],
    ['lead/open: a key', messageSchemas['lead/open'], { leadKey: 'demo:L-1' }],
    ['note/save: text', messageSchemas['note/save'], { leadKey: 'demo:L-1', text: 'rang back' }],
    ['note/save: too long', messageSchemas['note/save'], { leadKey: 'demo:L-1', text: 'x'.repeat(5001) }],
    ['leads/listed: one', messageSchemas['leads/listed'], { crm: 'demo', leads: [lead] }],
    ['leads/listed: none', messageSchemas['leads/listed'], { crm: 'demo', leads: [] }],
    ['leads/listed: too many', messageSchemas['leads/listed'], { crm: 'demo', leads: Array.from({ length: LISTED_MAX + 1 }, () => lead) }],
    ['leads/listed: a bad crm', messageSchemas['leads/listed'], { crm: 'Demo', leads: [{ ...lead, url: 'x' }] }],
    ['team/connect: trimmed', messageSchemas['team/connect'], { serverUrl: ' https://t.example ', secret: ' s ' }],
    ['team/connect: blank', messageSchemas['team/connect'], { serverUrl: '  ', secret: 'x'.repeat(501) }],
    ['team/test: empty', messageSchemas['team/test'], {}],
    ['team/test: extra key stripped', messageSchemas['team/test'], { extra: 1 }],
    ['team/disconnect: empty', messageSchemas['team/disconnect'], {}],
    ['team/sync-now: not an object', messageSchemas['team/sync-now'], null],
    ['team/leaderboard: month', messageSchemas['team/leaderboard'], { period: 'month' }],
    ['team/leaderboard: year', messageSchemas['team/leaderboard'], { period: 'decade' }],
    ['team/invitation: trimmed', messageSchemas['team/invitation'], { code: ' ABC-123 ' }],
    ['team/invitation: too long', messageSchemas['team/invitation'], { code: 'x'.repeat(33) }],
    ['team/colleague-early: dates', messageSchemas['team/colleague-early'], { from: '2025-01-01', to: '2025-01-31' }],
    ['report/team: not dates', messageSchemas['report/team'], { from: '2025-1-1', to: 20250131 }],
    ['sales/import: one', messageSchemas['sales/import'], { sales: [{ leadKey: 'demo:L-1', soldAt: 1_700_000_000_000 }] }],
    ['sales/import: none', messageSchemas['sales/import'], { sales: [] }],
    ['sales/import: a bad sale', messageSchemas['sales/import'], { sales: [{ leadKey: 'demo:L-1', soldAt: -1.5 }] }],
    [
      'sales/import: too many',
      messageSchemas['sales/import'],
      { sales: Array.from({ length: SALES_IMPORT_MAX + 1 }, () => ({ leadKey: 'demo:L-1', soldAt: 1 })) },
    ],
    ['privacy/wipe: empty', messageSchemas['privacy/wipe'], {}],
    ['privacy/wipe: an extra key', messageSchemas['privacy/wipe'], { all: true }],
    ['crm/disabled: two', crmDisabledSchema, { crms: ['demo', 'hubspot'] }],
    ['crm/disabled: a bad id', crmDisabledSchema, { crms: ['Demo'] }],
    ['crm/disabled: too many', crmDisabledSchema, { crms: Array.from({ length: 201 }, () => 'demo') }],
  ])('%s', (_name, schema, value) => {
    expect(answer(schema, value)).toMatchSnapshot();
  });

  it('covers every message', () => {
    expect(Object.keys(messageSchemas)).toMatchSnapshot();
  });
});
