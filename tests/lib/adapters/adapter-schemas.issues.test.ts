// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
// Options, the picker and the background load zod's English messages first, as here; the panel
// only keeps or drops stored entries by these answers.
import '@/lib/zod-english';
import type { $ZodError } from 'zod/v4/core';
import {
  adapterOverrideSchema,
  ADAPTER_OVERRIDE_KIND,
  overrideCrmSchema,
  overrideFieldSchema,
  overrideFieldsSchema,
  OVERRIDE_FIELDS,
  parseAdapterOverride,
} from '@/lib/adapters/overrides/schema';
import {
  originSchema,
  parseUserAdapterFile,
  selectorListSchema,
  urlIdPatternSchema,
  userAdapterSchema,
  userFieldSchema,
  USER_ADAPTER_KIND,
} from '@/lib/adapters/user/schema';
import { parsePublishableUserAdapter, publishableUserAdapterSchema, userAdapterIdSchema } from '@/lib/adapters/user/team-schema';
import { teamAdapterOverrideSchema, teamAdapterOverridesSchema, teamUserAdapterSchema } from '@/lib/sync/adapter-overrides';
import { parseTeamOverrides, teamOverridesStateSchema } from '@/lib/storage/team-fixes-item';

// The adapter schemas' whole answers (data, or every issue with code, path, message and bounds)
// pinned in the snapshot: "Add my CRM" files, the picker's draft, the team's fixes and the panel's
// stored adapters all go through them, and the panel bundle imports them, so moving them to
// zod/mini (no classic zod on CRM pages) must leave what they accept and the reasons they give as
// they were. jsdom, so the selector check uses a real selector engine.

interface Parser {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: $ZodError };
}

function answer(schema: Parser, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? { data: result.data } : { issues: result.error.issues };
}

const adapter = {
  kind: USER_ADAPTER_KIND,
  version: 1,
  id: 'user-garage-crm',
  name: ' Garage CRM ',
  origin: 'https://crm.garage.example',
  pathPrefix: '/leads',
  idFromUrl: { path: '/leads/{id}' },
  fields: { name: [' h1.lead-name ', '.name'], phone: ['.phone'] },
  createdAt: '2025-03-01T10:00:00+01:00',
};
const fix = { kind: ADAPTER_OVERRIDE_KIND, version: 1, crm: 'hubspot', fields: { source: ['.src'] }, note: ' moved ' };
const teamFix = { crm: 'hubspot', version: 2, override: fix, updatedAt: 1, updatedBy: 'Lotte' };
const teamAdapter = { id: 'user-garage-crm', version: 1, adapter, updatedAt: 1, updatedBy: 'Lotte' };

describe('adapter schemas', () => {
  it.each<[string, Parser, unknown]>([
    ['selectors: trimmed', selectorListSchema, [' .a ', '#b']],
    ['selectors: none', selectorListSchema, []],
    ['selectors: too many', selectorListSchema, Array.from({ length: 9 }, () => '.a')],
    ['selectors: blank, too long, invalid', selectorListSchema, ['  ', `.${'a'.repeat(500)}`, 'div[', 7]],
    ['field: phone', userFieldSchema, 'phone'],
    ['field: email', userFieldSchema, 'email'],
    ['origin: trimmed', originSchema, ' https://crm.example.com:8443 '],
    ['origin: with a path', originSchema, 'https://crm.example.com/leads'],
    ['origin: ftp', originSchema, 'ftp://crm.example.com'],
    ['origin: a wildcard', originSchema, 'https://*.example.com'],
    ['origin: too long', originSchema, `https://${'a'.repeat(300)}.com`],
    ['origin: a number', originSchema, 7],
    ['url id: path', urlIdPatternSchema, { path: '/leads/*/{id}' }],
    ['url id: query', urlIdPatternSchema, { query: 'leadId' }],
    ['url id: both', urlIdPatternSchema, { path: '/leads/{id}', query: 'id' }],
    ['url id: neither', urlIdPatternSchema, {}],
    ['url id: bad path and query', urlIdPatternSchema, { path: 'leads/{id}/{id}?x', query: 'a b' }],
    ['adapter: valid', userAdapterSchema, adapter],
    ['adapter: id from the page', userAdapterSchema, { ...adapter, idFromUrl: undefined, fields: { name: ['.n'], leadId: ['.id'] } }],
    ['adapter: no lead id', userAdapterSchema, { ...adapter, idFromUrl: undefined }],
    [
      'adapter: everything wrong',
      userAdapterSchema,
      { kind: 'x', version: 2, id: 'garage', name: '', origin: 'nope', pathPrefix: 'leads', fields: {}, createdAt: '2025-03-01' },
    ],
    ['adapter: not an object', userAdapterSchema, 'adapter'],
    ['override field: vehicle', overrideFieldSchema, 'vehicle'],
    ['override field: leadId', overrideFieldSchema, 'leadId'],
    ['override crm: hubspot', overrideCrmSchema, 'hubspot'],
    ['override crm: a user adapter', overrideCrmSchema, 'user-garage'],
    ['override crm: upper case', overrideCrmSchema, 'HubSpot'],
    ['override fields: one', overrideFieldsSchema, { status: ['.status'] }],
    ['override fields: none', overrideFieldsSchema, {}],
    ['override fields: an unknown key', overrideFieldsSchema, { leadId: ['.id'] }],
    ['override fields: not selectors', overrideFieldsSchema, { name: ['a{color:red}', '.x;'], phone: [] }],
    ['override: valid', adapterOverrideSchema, fix],
    ['override: an extra key', adapterOverrideSchema, { ...fix, script: 'alert(1)' }],
    ['override: everything wrong', adapterOverrideSchema, { kind: 'fix', version: '1', crm: 'user-x', fields: null, note: 'x'.repeat(201) }],
    ['user adapter id: valid', userAdapterIdSchema, 'user-garage'],
    ['user adapter id: no prefix', userAdapterIdSchema, 'garage'],
    ['publishable: valid', publishableUserAdapterSchema, adapter],
    ['publishable: a built-in site', publishableUserAdapterSchema, { ...adapter, origin: 'https://app.hubspot.com' }],
    ['publishable: not a selector', publishableUserAdapterSchema, { ...adapter, fields: { name: ['a{x}'] } }],
    ['publishable: invalid', publishableUserAdapterSchema, { ...adapter, name: '' }],
    ['team fix: valid', teamAdapterOverrideSchema, teamFix],
    ['team fix: bad version and author', teamAdapterOverrideSchema, { ...teamFix, version: 0, updatedAt: -1, updatedBy: 'x'.repeat(81) }],
    ['team adapter: valid', teamUserAdapterSchema, teamAdapter],
    ['team adapter: bad id', teamUserAdapterSchema, { ...teamAdapter, id: 'garage', version: 1.5 }],
    ['team list: without user adapters', teamAdapterOverridesSchema, { overrides: [teamFix] }],
    ['team list: both', teamAdapterOverridesSchema, { overrides: [], userAdapters: [teamAdapter] }],
    ['team list: too many', teamAdapterOverridesSchema, { overrides: Array.from({ length: 41 }, () => teamFix), userAdapters: null }],
    ['stored team state: old', teamOverridesStateSchema, { teamId: 't', etag: null, overrides: [1] }],
    ['stored team state: bad', teamOverridesStateSchema, { teamId: 1, overrides: {} }],
  ])('%s', (_name, schema, value) => {
    expect(answer(schema, value)).toMatchSnapshot();
  });

  it('lists the fields a fix may re-point', () => {
    expect(OVERRIDE_FIELDS).toMatchSnapshot();
  });
});

describe('what a person reads', () => {
  it.each<[string, string]>([
    ['one adapter', JSON.stringify(adapter)],
    ['a list', JSON.stringify({ kind: `${USER_ADAPTER_KIND}s`, adapters: [adapter, { ...adapter, id: 'user-other' }] })],
    ['an empty list', JSON.stringify({ kind: `${USER_ADAPTER_KIND}s`, adapters: [] })],
    ['a list with a bad adapter', JSON.stringify({ kind: `${USER_ADAPTER_KIND}s`, adapters: [adapter, { ...adapter, origin: 'x', name: '' }] })],
    ['the same id twice', JSON.stringify({ kind: `${USER_ADAPTER_KIND}s`, adapters: [adapter, adapter] })],
    ['not JSON', '{ kind: '],
    ['a bad adapter', JSON.stringify({ ...adapter, fields: { name: [] }, createdAt: 'yesterday' })],
  ])('an "Add my CRM" file: %s', (_name, text) => {
    expect(parseUserAdapterFile(text)).toMatchSnapshot();
  });

  it.each<[string, unknown]>([
    ['valid', fix],
    ['invalid', { ...fix, crm: 'user-x', fields: {} }],
    ['not an object', null],
  ])('a team fix: %s', (_name, raw) => {
    expect(parseAdapterOverride(raw)).toMatchSnapshot();
  });

  it.each<[string, unknown]>([
    ['valid', adapter],
    ['a built-in site', { ...adapter, origin: 'https://app.hubspot.com' }],
    ['invalid', { ...adapter, id: 'x' }],
  ])('a published adapter: %s', (_name, raw) => {
    expect(parsePublishableUserAdapter(raw)).toMatchSnapshot();
  });

  it('a stored team state keeps its good entries only', () => {
    expect(
      parseTeamOverrides({
        teamId: 't',
        etag: '"e"',
        overrides: [teamFix, { ...teamFix, version: 0 }],
        userAdapters: [teamAdapter, { ...teamAdapter, id: 'user-other' }, { ...teamAdapter, adapter: { ...adapter, name: '' } }],
      }),
    ).toMatchSnapshot();
  });
});
