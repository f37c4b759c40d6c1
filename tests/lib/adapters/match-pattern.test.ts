import { matchesPattern, parseMatchPattern } from '@/lib/adapters/match-pattern';

describe('matchesPattern', () => {
  it.each([
    // pattern, url, expected
    ['http://leadpace-demo.localhost/*', 'http://leadpace-demo.localhost/', true],
    ['http://leadpace-demo.localhost/*', 'http://leadpace-demo.localhost:5173/leads/L-1042', true],
    ['http://leadpace-demo.localhost/*', 'https://leadpace-demo.localhost/', false],
    ['http://leadpace-demo.localhost/*', 'http://other.localhost/', false],
    ['http://leadpace-demo.localhost/*', 'http://x.leadpace-demo.localhost/', false],
    ['http://LEADPACE-demo.localhost/*', 'http://leadpace-demo.localhost/a', true],
    ['*://*.example.com/*', 'https://example.com/', true],
    ['*://*.example.com/*', 'http://crm.eu.example.com/leads', true],
    ['*://*.example.com/*', 'https://badexample.com/', false],
    ['*://*.example.com/*', 'https://example.com.evil.net/', false],
    ['*://*.example.com/*', 'ftp://example.com/', false],
    ['*://*/*', 'wss://example.com/', false],
    ['https://*/*', 'https://anything.test/x?y#z', true],
    ['https://crm.example.com/leads/*', 'https://crm.example.com/leads/42', true],
    ['https://crm.example.com/leads/*', 'https://crm.example.com/lead/42', false],
    ['https://crm.example.com/leads/*', 'https://crm.example.com/leads', false],
    ['https://crm.example.com/*/detail', 'https://crm.example.com/a/b/detail', true],
    ['https://crm.example.com/*/detail', 'https://crm.example.com/a/detail?x=1', false],
    ['https://crm.example.com/*?tab=lead*', 'https://crm.example.com/x?tab=lead&id=1', true],
    ['https://crm.example.com/*?tab=lead*', 'https://crm.example.com/x#?tab=lead', false],
    ['https://crm.example.com/a.b', 'https://crm.example.com/aXb', false],
    ['http://localhost:5173/*', 'http://localhost:5173/x', true],
    ['http://localhost:5173/*', 'http://localhost:5174/x', false],
    ['http://localhost:*/*', 'http://localhost:9999/x', true],
    ['http://localhost:80/*', 'http://localhost/x', true],
    ['http://127.0.0.1/*', 'http://127.0.0.1:8080/', true],
    ['http://[::1]/*', 'http://[::1]:3000/', true],
    ['<all_urls>', 'https://example.com/', true],
    ['<all_urls>', 'file:///tmp/x.html', true],
    ['<all_urls>', 'chrome://extensions/', false],
    ['file:///*', 'file:///home/a.html', true],
    // invalid patterns match nothing
    ['http://*foo.com/*', 'http://xfoo.com/', false],
    ['http://example.com', 'http://example.com/', false],
    ['example.com/*', 'http://example.com/', false],
    ['chrome://*/*', 'chrome://extensions/', false],
    ['http:///*', 'http://example.com/', false],
  ])('%s vs %s → %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, url)).toBe(expected);
    expect(matchesPattern(pattern, new URL(url))).toBe(expected);
  });

  it('never throws on garbage', () => {
    expect(matchesPattern('http://example.com/*', 'not a url')).toBe(false);
    expect(matchesPattern('', 'http://example.com/')).toBe(false);
    expect(matchesPattern('http://example.com/[(*', 'http://example.com/[(x')).toBe(true);
  });

  it('parses port and wildcard host', () => {
    expect(parseMatchPattern('https://*.crm.test:8443/app/*')).toMatchObject({
      schemes: ['https'],
      host: 'crm.test',
      wildcardSubdomains: true,
      port: '8443',
    });
    expect(parseMatchPattern('http://leadpace-demo.localhost/*')?.port).toBeUndefined();
    expect(parseMatchPattern('nonsense')).toBeNull();
  });
});
