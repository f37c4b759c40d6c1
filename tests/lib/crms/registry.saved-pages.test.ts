// @vitest-environment jsdom
import { testUrlsOf } from '@/tests/helpers/crm-test-urls';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { leadSnapshotSchema } from '@/lib/domain/model';
import { ADAPTERS, adapterById } from '@/lib/crms/registry';
import { crmReadingTimeZone, setCrmReadingTimeZone } from '@/lib/adapters/parse-date';
import { DEFAULT_TIME_ZONE } from '@/lib/domain/model';

// A string, not `new URL(…)`: under jsdom the global URL is not the one node:url accepts.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/crm');

const expectedSchema = z.object({
  url: z.url(),
  /** The clock for relative dates on the page ("2 uur geleden"). */
  now: z.iso.datetime({ offset: true }),
  /**
   * The dealer zone the page is read in, as the rep's settings would set it: a US store's page
   * prints wall-clock times without a zone, so it is read in that store's zone. Absent: the
   * default zone (Europe/Amsterdam).
   */
  timeZone: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone }).format(0);
        return true;
      } catch {
        return false;
      }
    }, 'an IANA time zone such as America/Chicago')
    .optional(),
  /** null: the page is not (yet) a lead, extract must say so. */
  snapshot: z.nullable(leadSnapshotSchema),
});

interface FixtureCase {
  adapterId: string;
  name: string;
  html: string;
  expectedPath: string;
}

function fixtureCases(): FixtureCase[] {
  if (!existsSync(FIXTURES)) return [];
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(join(FIXTURES, dir.name))
        .filter((file) => file.endsWith('.html'))
        .map((file) => ({
          adapterId: dir.name,
          name: file.replace(/\.html$/, ''),
          html: join(FIXTURES, dir.name, file),
          expectedPath: join(FIXTURES, dir.name, file.replace(/\.html$/, '.expected.json')),
        })),
    );
}

const cases = fixtureCases();

describe('CRM fixtures', () => {
  afterEach(() => {
    vi.useRealTimers();
    setCrmReadingTimeZone(DEFAULT_TIME_ZONE);
  });

  it('has fixtures for every built-in adapter', () => {
    for (const adapter of ADAPTERS) {
      expect(cases.filter((c) => c.adapterId === adapter.id).length, adapter.id).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(cases.map((c) => [`${c.adapterId}/${c.name}`, c] as const))('%s extracts as expected', (_label, c) => {
    const adapter = adapterById(c.adapterId);
    expect(adapter, `no adapter with id ${c.adapterId}`).toBeDefined();
    if (!adapter) return;
    expect(existsSync(c.expectedPath), `missing ${c.expectedPath}`).toBe(true);
    const expected = expectedSchema.parse(JSON.parse(readFileSync(c.expectedPath, 'utf8')));
    if (expected.snapshot) expect(expected.snapshot.crm).toBe(adapter.id);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(expected.now));
    setCrmReadingTimeZone(expected.timeZone ?? DEFAULT_TIME_ZONE);
    expect(crmReadingTimeZone()).toBe(expected.timeZone ?? DEFAULT_TIME_ZONE);
    const doc = new DOMParser().parseFromString(readFileSync(c.html, 'utf8'), 'text/html');
    const url = new URL(expected.url);

    const snapshot = adapter.extract(doc, url);
    expect(snapshot).toEqual(expected.snapshot);
    if (snapshot) {
      expect(leadSnapshotSchema.parse(snapshot)).toEqual(snapshot);
      expect(adapter.leadId(url, doc)).toBe(snapshot.leadId);
    }
  });
});

describe.each(ADAPTERS.map((a) => [a.id, a] as const))('%s on pages it does not know', (_id, adapter) => {
  const odd = [
    '',
    '<p>Bron:</p>',
    '<section data-record-id="   "></section>',
    `<section data-record-id="${'x'.repeat(500)}"><h1>${'y'.repeat(5000)}</h1></section>`,
    '<dl><dt>Bron</dt><dd>Marktplaats</dd><dt>Aangemaakt</dt><dd><time datetime="gisteren">?</time></dd></dl>',
  ];

  it.each(odd)('never throws, and only returns valid snapshots (%#)', (html) => {
    for (const href of [...testUrlsOf(adapter.id).lead, ...testUrlsOf(adapter.id).other]) {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const url = new URL(href);
      const snapshot = adapter.extract(doc, url);
      if (snapshot !== null) expect(leadSnapshotSchema.safeParse(snapshot).success).toBe(true);
      if (!adapter.isLeadPage(url) && adapter.leadId(url, doc) === null) expect(snapshot).toBeNull();
    }
  });
});
