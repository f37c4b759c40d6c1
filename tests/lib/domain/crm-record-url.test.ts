import { describe, expect, it } from 'vitest';
import { crmRecordOf } from '@/lib/domain/crm-record-url';

describe('crmRecordOf', () => {
  it.each([
    ['demo:LD-1', { crm: 'demo', recordId: 'LD-1', url: 'http://leadpace-demo.localhost/leads/LD-1' }],
    ['demo:a b', { crm: 'demo', recordId: 'a b', url: 'http://leadpace-demo.localhost/leads/a%20b' }],
    ['salesforce:00Q5g00000AbCdE', { crm: 'salesforce', recordId: '00Q5g00000AbCdE', url: null }],
    ['user-abc:12:34', { crm: 'user-abc', recordId: '12:34', url: null }],
    ['constructor:1', { crm: 'constructor', recordId: '1', url: null }],
    ['nocolon', null],
    [':1', null],
    ['demo:', null],
  ])('%s', (leadKey, expected) => {
    expect(crmRecordOf(leadKey)).toEqual(expected);
  });

  it('builds the address on the origin this browser knows the CRM on', () => {
    const origins = new Map([
      ['demo', 'http://leadpace-demo.localhost:5173'],
      ['salesforce', 'https://dealer.my.salesforce.com'],
    ]);
    expect(crmRecordOf('demo:LD-1', origins)?.url).toBe('http://leadpace-demo.localhost:5173/leads/LD-1');
    expect(crmRecordOf('salesforce:00Q1', origins)?.url).toBeNull();
  });
});
