import { testUrlsOf } from '@/tests/helpers/crm-test-urls';
import { ADAPTERS, adapterForUrl } from '@/lib/crms/registry';
import { matchesAny } from '@/lib/adapters/match-pattern';

// URLs of pages no built-in adapter may claim, whatever their path looks like.
const FOREIGN_URLS = [
  'https://www.google.com/search?q=leads',
  'https://example.com/leads/L-1042',
  'http://localhost:5173/leads/L-1042',
  'http://leadpace-demo.localhost.evil.example/leads/L-1042',
  'https://leadpace-demo.localhost/leads/L-1042',
];

describe('adapter URL matrix', () => {
  it('every adapter has a unique id and test URLs', () => {
    const ids = ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const adapter of ADAPTERS) {
      expect(testUrlsOf(adapter.id).lead.length, adapter.id).toBeGreaterThan(0);
      expect(testUrlsOf(adapter.id).other.length, adapter.id).toBeGreaterThan(0);
    }
  });

  describe.each(ADAPTERS.map((a) => [a.id, a] as const))('%s', (_id, adapter) => {
    it.each([...testUrlsOf(adapter.id).lead])('claims its lead page %s', (href) => {
      const url = new URL(href);
      expect(matchesAny(adapter.matches, url)).toBe(true);
      expect(adapter.isLeadPage(url)).toBe(true);
      expect(adapterForUrl(url)?.id).toBe(adapter.id);
    });

    it.each([...testUrlsOf(adapter.id).other])('runs on, but is not a lead page: %s', (href) => {
      const url = new URL(href);
      expect(matchesAny(adapter.matches, url)).toBe(true);
      expect(adapter.isLeadPage(url)).toBe(false);
    });

    const foreign = [
      ...ADAPTERS.filter((other) => other.id !== adapter.id).flatMap((other) => [
        ...testUrlsOf(other.id).lead,
        ...testUrlsOf(other.id).other,
      ]),
      ...FOREIGN_URLS,
    ];
    it.each(foreign)('does not claim foreign URL %s', (href) => {
      const url = new URL(href);
      expect(matchesAny(adapter.matches, url)).toBe(false);
      expect(adapter.isLeadPage(url)).toBe(false);
    });
  });

  it.each(FOREIGN_URLS)('no adapter for %s', (href) => {
    expect(adapterForUrl(new URL(href))).toBeUndefined();
  });
});
