import { userAdapterSchema, USER_ADAPTER_KIND } from '@/lib/adapters/user/schema';
import { draftToAdapter, selectorsOf, slugOf, type Candidate, type Draft, type FieldPick } from '@/lib/picker/draft';

const ID_RE = /^user-[a-z0-9][a-z0-9-]{0,33}$/;

const candidate = (selector: string, count = 1): Candidate => ({ selector, count, preview: 'x' });
const pick = (selectors: string[], chosen = 0): FieldPick => ({ candidates: selectors.map((s) => candidate(s)), chosen });

function draft(overrides: Partial<Draft> = {}): Draft {
  return {
    name: 'Garage CRM',
    origin: 'https://crm.garage.nl',
    fields: { name: pick(['h1.lead-title', 'main > h1']) },
    idFromUrl: { path: '/klant/{id}' },
    createdAt: '2026-11-26T08:00:00.000Z',
    ...overrides,
  };
}

describe('slugOf', () => {
  it.each([
    ['crm.garage.nl', 'user-crm-garage-nl'],
    ['www.garage-jansen.nl', 'user-garage-jansen-nl'],
    ['WWW.Garage.NL', 'user-garage-nl'],
    ['crm.www.garage.nl', 'user-crm-www-garage-nl'],
    ['localhost', 'user-localhost'],
    ['192.168.1.10', 'user-192-168-1-10'],
    ['[::1]', 'user-1'],
    ['xn--mller-kva.de', 'user-xn-mller-kva-de'],
    ['', 'user-crm'],
    ['www.', 'user-crm'],
    ['---', 'user-crm'],
    // The cut at 33 characters lands on the dash of ".nl": it is not left dangling.
    [`${'a'.repeat(32)}.nl`, `user-${'a'.repeat(32)}`],
  ])('%j → %s', (host, slug) => {
    expect(slugOf(host)).toBe(slug);
    expect(slugOf(host)).toMatch(ID_RE);
  });

  it.each([
    ['a'.repeat(60) + '.nl'],
    ['sales-and-leads.dealer-group-holland-noord.example.com'],
  ])('keeps a long host within the id limit: %s', (host) => {
    const slug = slugOf(host);
    expect(slug.length).toBeLessThanOrEqual('user-'.length + 33);
    expect(slug).toMatch(ID_RE);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('selectorsOf', () => {
  it.each<[string, FieldPick | undefined, string[] | undefined]>([
    ['nothing picked', undefined, undefined],
    ['no candidates', { candidates: [], chosen: 0 }, undefined],
    ['the chosen one out of range', { candidates: [candidate('h1')], chosen: 3 }, undefined],
    ['the first chosen', pick(['a', 'b', 'c']), ['a', 'b', 'c']],
    ['another one chosen', pick(['a', 'b', 'c'], 2), ['c', 'a', 'b']],
    [
      'fallbacks that find nothing dropped',
      { candidates: [candidate('a'), candidate('b', 0), candidate('c', 3)], chosen: 0 },
      ['a', 'c'],
    ],
    ['the chosen one kept even when it finds nothing', { candidates: [candidate('a', 0), candidate('b')], chosen: 0 }, ['a', 'b']],
    ['at most eight', pick(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']],
  ])('%s', (_case, fieldPick, selectors) => {
    expect(selectorsOf(fieldPick)).toEqual(selectors);
  });
});

describe('draftToAdapter', () => {
  it('builds a valid adapter from a draft with the id from the URL', () => {
    const result = draftToAdapter(
      draft({
        name: '  Garage CRM ',
        fields: {
          name: pick(['h1.lead-title', 'main > h1']),
          leadId: pick(['.lead-id']),
          phone: { candidates: [candidate('a.phone'), candidate('a[href^="tel:"]', 0)], chosen: 0 },
        },
      }),
    );
    if (!result.ok) throw new Error(result.reasons.join('; '));
    expect(result.adapter).toEqual({
      kind: USER_ADAPTER_KIND,
      version: 1,
      id: 'user-crm-garage-nl',
      name: 'Garage CRM',
      origin: 'https://crm.garage.nl',
      idFromUrl: { path: '/klant/{id}' },
      // The id comes from the URL: a picked lead-id element is not stored as well.
      fields: { name: ['h1.lead-title', 'main > h1'], phone: ['a.phone'] },
      createdAt: '2026-11-26T08:00:00.000Z',
    });
    expect(userAdapterSchema.safeParse(result.adapter).success).toBe(true);
  });

  it('keeps the lead id element when the id is not taken from the URL', () => {
    const result = draftToAdapter(draft({ idFromUrl: null, fields: { name: pick(['h1']), leadId: pick(['.lead-id', 'dd:nth-of-type(1)']) } }));
    expect(result.ok && result.adapter.fields.leadId).toEqual(['.lead-id', 'dd:nth-of-type(1)']);
    expect(result.ok && 'idFromUrl' in result.adapter).toBe(false);
  });

  it('names the CRM after its host when the name is left empty', () => {
    const result = draftToAdapter(draft({ name: '   ', origin: 'http://localhost:5173' }));
    expect(result.ok && [result.adapter.name, result.adapter.id, result.adapter.origin]).toEqual([
      'localhost',
      'user-localhost',
      'http://localhost:5173',
    ]);
  });

  it.each<[string, Partial<Draft>, string]>([
    ['no name picked', { fields: {} }, 'fields.name'],
    ['no lead id at all', { idFromUrl: null }, 'fields.leadId'],
    ['a URL pattern with two {id}', { idFromUrl: { path: '/klant/{id}/{id}' } }, 'idFromUrl.path'],
    ['a name that is too long', { name: 'x'.repeat(81) }, 'name'],
    ['an origin with a path', { origin: 'https://crm.garage.nl/app' }, 'origin'],
    ['a created time that is not ISO', { createdAt: 'gisteren' }, 'createdAt'],
  ])('refuses %s with a reason', (_case, overrides, path) => {
    const result = draftToAdapter(draft(overrides));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reasons.some((reason) => reason.startsWith(`${path}:`))).toBe(true);
  });
});
