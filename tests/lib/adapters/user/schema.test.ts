// @vitest-environment jsdom
// jsdom: selectors are checked with the page's own CSS engine, which only exists with a DOM.
import {
  exportUserAdapters,
  originMatchPattern,
  originSchema,
  parseUserAdapterFile,
  urlIdPatternSchema,
  userAdapterSchema,
  USER_ADAPTER_KIND,
} from '@/lib/adapters/user/schema';
import { matchesAny } from '@/lib/adapters/match-pattern';
import { garageAdapter } from '@/tests/fixtures/user-adapter';

const adapter = garageAdapter;

/** Plain JSON without the type: what a file on disk holds, free to break. */
function raw(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...(JSON.parse(JSON.stringify(adapter())) as Record<string, unknown>), ...overrides };
}

const file = (body: unknown) => JSON.stringify(body);

function rejected(text: string): string {
  const result = parseUserAdapterFile(text);
  if (result.ok) throw new Error(`expected the file to be rejected, got ${result.adapters.length} adapter(s)`);
  return result.reason;
}

describe('userAdapterSchema', () => {
  it('parses a valid adapter unchanged', () => {
    const parsed = userAdapterSchema.safeParse(adapter());
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(adapter());
  });

  it('accepts the lead id from the page instead of the URL', () => {
    const withoutUrl = { ...adapter(), idFromUrl: undefined, fields: { name: ['h1'], leadId: ['[data-field="id"]'] } };
    const parsed = userAdapterSchema.safeParse(withoutUrl);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.idFromUrl).toBeUndefined();
  });

  it.each([
    ['a path with {id}', { path: '/klant/{id}' }, true],
    ['a path with * and {id}', { path: '/*/leads/{id}/view' }, true],
    ['a query parameter', { query: 'lPID' }, true],
    ['a path with two {id}', { path: '/klant/{id}/{id}' }, false],
    ['a path without {id}', { path: '/klant/' }, false],
    ['a path with a query', { path: '/klant/{id}?x=1' }, false],
    ['a path not starting with /', { path: 'klant/{id}' }, false],
    ['both path and query', { path: '/klant/{id}', query: 'id' }, false],
    ['neither', {}, false],
    ['a query name with spaces', { query: 'lead id' }, false],
  ])('urlIdPatternSchema: %s → %s', (_case, pattern, ok) => {
    expect(urlIdPatternSchema.safeParse(pattern).success).toBe(ok);
  });

  it.each([
    ['https://crm.garage.nl', true],
    ['http://crm.garage.nl', true],
    ['https://crm.garage.nl:8443', true],
    ['http://localhost:5173', true],
    ['https://crm.garage.nl/', false],
    ['https://crm.garage.nl/leads', false],
    ['https://crm.garage.nl?x=1', false],
    ['ftp://crm.garage.nl', false],
    ['chrome-extension://abcdef', false],
    ['file:///C:/crm', false],
    ['javascript:alert(1)', false],
    ['crm.garage.nl', false],
    ['https://*.garage.nl', false],
    ['', false],
  ])('originSchema: %s → %s', (origin, ok) => {
    expect(originSchema.safeParse(origin).success).toBe(ok);
  });
});

describe('parseUserAdapterFile', () => {
  it('imports a single adapter', () => {
    const result = parseUserAdapterFile(file(raw()));
    expect(result).toEqual({ ok: true, adapters: [adapter()] });
  });

  it('imports a list file', () => {
    const second = raw({ id: 'user-other-crm', origin: 'https://other.example.com' });
    const result = parseUserAdapterFile(file({ kind: `${USER_ADAPTER_KIND}s`, adapters: [raw(), second] }));
    expect(result.ok && result.adapters.map((a) => a.id)).toEqual(['user-crm-garage-nl', 'user-other-crm']);
  });

  it.each([
    ['not JSON', '{"kind": "leadpace-user-adapter",', /not JSON/],
    ['empty text', '', /not JSON/],
    ['a JSON string', '"hello"', /\(file\)/],
    ['null', 'null', /\(file\)/],
    ['another kind of file', file(raw({ kind: 'leadpace-scripts' })), /kind/],
    ['another version', file(raw({ version: 2 })), /version/],
    ['an id without the user- prefix', file(raw({ id: 'salesforce' })), /^id:/],
    ['an empty list', file({ kind: `${USER_ADAPTER_KIND}s`, adapters: [] }), /adapters/],
  ])('rejects %s with a reason', (_case, text, reason) => {
    expect(rejected(text)).toMatch(reason);
  });

  it.each([
    ['unbalanced brackets', 'h2[['],
    ['a dangling combinator', 'h1 >'],
    ['an empty pierce step', 'lead-card >>> '],
    ['a bad step after a pierce', 'lead-card >>> a[['],
  ])('rejects a bad selector (%s), naming fields.name', (_case, selector) => {
    const reason = rejected(file(raw({ fields: { name: ['h1', selector] } })));
    expect(reason).toMatch(/^fields\.name\.1: /);
    expect(reason).toContain('not a valid CSS selector');
  });

  it('names the adapter inside a list file when one selector is bad', () => {
    const bad = raw({ id: 'user-b', fields: { name: ['h2[['] } });
    const reason = rejected(file({ kind: `${USER_ADAPTER_KIND}s`, adapters: [raw(), bad] }));
    expect(reason).toMatch(/^adapters\.1\.fields\.name\.0: /);
  });

  it('rejects an adapter without a lead id and without a URL pattern', () => {
    const body = raw();
    delete body.idFromUrl;
    const reason = rejected(file(body));
    expect(reason).toContain('fields.leadId');
    expect(reason).toContain('lead id');
  });

  it('rejects a URL pattern with two {id}', () => {
    expect(rejected(file(raw({ idFromUrl: { path: '/a/{id}/b/{id}' } })))).toMatch(/^idFromUrl\.path: .*exactly one \{id\}/);
  });

  it.each([
    ['with a path', 'https://crm.garage.nl/leads'],
    ['with a trailing slash', 'https://crm.garage.nl/'],
    ['not http(s)', 'ftp://crm.garage.nl'],
  ])('rejects an origin %s', (_case, origin) => {
    expect(rejected(file(raw({ origin })))).toMatch(/^origin: /);
  });

  it('rejects duplicate ids in a list, all or nothing', () => {
    const twin = raw({ name: 'Same id, other name' });
    expect(rejected(file({ kind: `${USER_ADAPTER_KIND}s`, adapters: [raw(), twin] }))).toBe('the file lists user-crm-garage-nl twice');
  });

  it('rejects the whole list when one adapter is bad', () => {
    const result = parseUserAdapterFile(file({ kind: `${USER_ADAPTER_KIND}s`, adapters: [raw(), raw({ id: 'user-b', origin: 'nope' })] }));
    expect(result.ok).toBe(false);
  });

  it('lists at most three reasons', () => {
    const reason = rejected(file({ kind: USER_ADAPTER_KIND }));
    expect(reason.split('; ')).toHaveLength(3);
  });
});

describe('exportUserAdapters', () => {
  it('round-trips one adapter as a single-adapter file', () => {
    const text = exportUserAdapters([adapter()]);
    expect((JSON.parse(text) as { kind: string }).kind).toBe(USER_ADAPTER_KIND);
    expect(parseUserAdapterFile(text)).toEqual({ ok: true, adapters: [adapter()] });
  });

  it('round-trips several adapters as a list file', () => {
    const list = [adapter(), adapter({ id: 'user-b', origin: 'http://localhost:5173', idFromUrl: { query: 'leadId' } })];
    const text = exportUserAdapters(list);
    expect((JSON.parse(text) as { kind: string }).kind).toBe(`${USER_ADAPTER_KIND}s`);
    expect(parseUserAdapterFile(text)).toEqual({ ok: true, adapters: list });
  });
});

describe('originMatchPattern', () => {
  it.each([
    ['https://crm.garage.nl', 'https://crm.garage.nl/*'],
    ['https://crm.garage.nl:8443', 'https://crm.garage.nl/*'],
    ['http://localhost:5173', 'http://localhost/*'],
  ])('%s → %s', (origin, pattern) => {
    expect(originMatchPattern(origin)).toBe(pattern);
  });

  it.each([
    ['https://crm.garage.nl/klant/1', true],
    ['https://crm.garage.nl:8443/klant/1', true],
    ['http://crm.garage.nl/klant/1', false],
    ['https://other.garage.nl/klant/1', false],
    ['https://evil.nl/crm.garage.nl/', false],
  ])('the pattern of https://crm.garage.nl:8443 covers %s: %s', (url, covered) => {
    expect(matchesAny([originMatchPattern('https://crm.garage.nl:8443')], new URL(url))).toBe(covered);
  });
});
