import { urlIdPatternSchema, type UrlIdPattern } from '@/lib/adapters/user/schema';
import { idFromUrl } from '@/lib/adapters/user/to-adapter';
import { describeUrlPattern, looksLikeId, parseUrlPatternText, suggestUrlPattern } from '@/lib/picker/url-pattern';

const CRM = 'https://crm.garage.nl';

describe('suggestUrlPattern', () => {
  it.each<[string, UrlIdPattern | null]>([
    ['/klant/4711', { path: '/klant/{id}' }],
    ['/klant/4711/', { path: '/klant/{id}/' }],
    ['/leads/abc-123/view', { path: '/leads/{id}/view' }],
    ['/lead/8f14e45f-ceea-467f-a0e6-a1b2c3d4e5f6', { path: '/lead/{id}' }],
    ['/r/Lead/00Q5g00000AbCdE/view', { path: '/r/Lead/{id}/view' }],
    // Earlier id-like segments (a tenant, an account) become `*`: the adapter is bound to one
    // origin already, and the dealer's other branches on that CRM keep working.
    ['/org123/tab/Leads/456', { path: '/*/tab/Leads/{id}' }],
    ['/accounts/77/leads/4711', { path: '/accounts/*/leads/{id}' }],
    ['/klant/4711?tab=notes', { path: '/klant/{id}' }],
    ['/?lPID=123&lDID=9', { query: 'lPID' }],
    ['/view.aspx?x=abc&leadId=4711', { query: 'leadId' }],
    ['/view.aspx?ref=ab12&id=4711', { query: 'id' }],
    ['/view.aspx?foo=ab12', { query: 'foo' }],
    // Version and app segments with one digit are not ids: every lead would get the same one.
    ['/v2/lead?leadId=4711', { query: 'leadId' }],
    ['/evo2/fresh/leads/view.aspx?lPID=1234', { query: 'lPID' }],
    ['/v2/leads/4711', { path: '/v2/leads/{id}' }],
    // Parameters that stay the same on every lead page never win.
    ['/lead?user_id=42&leadId=4711', { query: 'leadId' }],
    ['/lead?session_id=abc123&lead=99', { query: 'lead' }],
    ['/lead?sessionid=abc123&rid=4711', { query: 'rid' }],
    ['/lead?userId=42', null],
    ['/leads', null],
    ['/', null],
    ['/klant/7', null],
    ['/klant/jan-de-vries', null],
    ['/dashboard?tab=leads&page=2', null],
  ])('%s → %j', (path, pattern) => {
    expect(suggestUrlPattern(new URL(`${CRM}${path}`))).toEqual(pattern);
  });

  it.each([
    '/klant/4711',
    '/leads/abc-123/view',
    '/org123/tab/Leads/456',
    '/?lPID=123&lDID=9',
    '/v2/lead?leadId=4711',
    '/klant/4711/',
  ])('suggests a valid pattern that reads the id back from %s', (path) => {
    const url = new URL(`${CRM}${path}`);
    const pattern = suggestUrlPattern(url);
    if (!pattern) throw new Error('no suggestion');
    expect(urlIdPatternSchema.safeParse(pattern).success).toBe(true);
    expect(idFromUrl(pattern, url)).toMatch(/\d{2}/);
  });

  it.each([
    ['4711', true],
    ['abc-123', true],
    ['L-1042', true],
    ['00Q5g00000AbCdE', true],
    ['8f14e45f-ceea-467f-a0e6-a1b2c3d4e5f6', true],
    ['v2', false],
    ['7', false],
    ['leads', false],
    ['view.aspx', false],
    ['', false],
    ['1'.repeat(65), false],
  ])('looksLikeId(%j) → %s', (segment, id) => {
    expect(looksLikeId(segment)).toBe(id);
  });
});

describe('describeUrlPattern / parseUrlPatternText', () => {
  it.each<[UrlIdPattern, string]>([
    [{ path: '/klant/{id}' }, '/klant/{id}'],
    [{ path: '/*/tab/Leads/{id}' }, '/*/tab/Leads/{id}'],
    [{ path: '/leads/{id}/view' }, '/leads/{id}/view'],
    [{ query: 'lPID' }, '?lPID={id}'],
    [{ query: 'lead.id' }, '?lead.id={id}'],
  ])('%j reads as %s and parses back', (pattern, text) => {
    expect(describeUrlPattern(pattern)).toBe(text);
    expect(parseUrlPatternText(text)).toEqual(pattern);
    expect(parseUrlPatternText(`  ${text}  `)).toEqual(pattern);
  });

  it.each([
    '',
    'klant/{id}',
    '/klant/',
    '/klant/{id}/{id}',
    '/klant/{id}?tab=1',
    '/klant/{id}#x',
    '/klant /{id}',
    '?lPID=123',
    '?lPID',
    '?lead id={id}',
    '?a={id}&b={id}',
    'https://crm.garage.nl/klant/{id}',
    '{id}',
  ])('rejects %j', (text) => {
    expect(parseUrlPatternText(text)).toBeNull();
  });

  it('parses only what the schema accepts', () => {
    for (const text of ['/klant/{id}', '?lPID={id}', '/*/x/{id}/y']) {
      const pattern = parseUrlPatternText(text);
      expect(pattern && urlIdPatternSchema.safeParse(pattern).success).toBe(true);
    }
  });
});
