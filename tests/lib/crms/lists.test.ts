// @vitest-environment jsdom
import { testUrlsOf } from '@/tests/helpers/crm-test-urls';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { adapterById, ADAPTERS } from '@/lib/crms/registry';
import { LIST_READERS, listReaderById, listReaderForUrl } from '@/lib/crms/lists';
import { LIST_LABELS, readGrids, type GridSpec } from '@/lib/adapters/lists/table';
import { ROUTES } from '@/lib/crms/routes';
import { leadSnapshotSchema } from '@/lib/domain/model';

// A string, not `new URL(…)`: under jsdom the global URL is not the one node:url accepts.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/crm-lists');
const NOW = '2026-11-26T13:41:47.172Z';

const expectedSchema = z.object({
  url: z.url(),
  /** The clock for relative dates on the page ("gisteren om 16:45"). */
  now: z.iso.datetime({ offset: true }),
  leads: z.array(leadSnapshotSchema),
});

interface FixtureCase {
  crm: string;
  name: string;
  html: string;
  expected: z.infer<typeof expectedSchema>;
}

function fixtureCases(): FixtureCase[] {
  if (!existsSync(FIXTURES)) return [];
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(join(FIXTURES, dir.name))
        .filter((file) => file.endsWith('.html'))
        .map((file) => {
          const name = file.replace(/\.html$/, '');
          return {
            crm: dir.name,
            name,
            html: readFileSync(join(FIXTURES, dir.name, file), 'utf8'),
            expected: expectedSchema.parse(JSON.parse(readFileSync(join(FIXTURES, dir.name, `${name}.expected.json`), 'utf8'))),
          };
        }),
    );
}

const cases = fixtureCases();
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** Every row of the page with its cells in reverse order, header rows included. */
function reverseColumns(doc: Document): void {
  for (const row of Array.from(doc.querySelectorAll('tr, [role="row"], [data-test="lead-row"], .listHeader'))) {
    row.replaceChildren(...Array.from(row.children).reverse());
  }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('CRM list fixtures', () => {
  it('ships two saved list pages for every CRM with a list reader', () => {
    for (const reader of LIST_READERS) {
      expect(cases.filter((c) => c.crm === reader.id).length, reader.id).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(cases.map((c) => [`${c.crm}/${c.name}`, c] as const))('%s reads as expected', (_label, c) => {
    const reader = listReaderById(c.crm);
    expect(reader, `no list reader ${c.crm}`).toBeDefined();
    if (!reader) return;
    vi.setSystemTime(new Date(c.expected.now));
    const url = new URL(c.expected.url);
    expect(reader.isListPage(url)).toBe(true);
    expect(listReaderForUrl(url)?.id).toBe(c.crm);

    const leads = reader.read(parse(c.html), url);
    expect(leads).toEqual(c.expected.leads);
    expect(leads.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [`${c.crm}/${c.name}`, c] as const))(
    '%s: every lead is keyed as its own lead page keys it, and that page is on the CRM',
    (_label, c) => {
      const adapter = adapterById(c.crm);
      if (!adapter) throw new Error(`no adapter ${c.crm}`);
      const blank = parse('<!doctype html><html><body></body></html>');
      for (const lead of c.expected.leads) {
        expect(leadSnapshotSchema.parse(lead)).toEqual(lead);
        expect(lead.crm).toBe(c.crm);
        const page = new URL(lead.url);
        expect(adapter.isLeadPage(page), lead.url).toBe(true);
        // The adapter reads the id from this URL when the page shows none: the same key.
        expect(adapter.leadId(page, blank), lead.url).toBe(lead.leadId);
      }
    },
  );

  it.each(cases.map((c) => [`${c.crm}/${c.name}`, c] as const))('%s: reordered columns read the same', (_label, c) => {
    const reader = listReaderById(c.crm);
    if (!reader) throw new Error(`no list reader ${c.crm}`);
    vi.setSystemTime(new Date(c.expected.now));
    const doc = parse(c.html);
    reverseColumns(doc);
    expect(reader.read(doc, new URL(c.expected.url))).toEqual(c.expected.leads);
  });
});

// Positive list URLs per reader; every other reader must reject them.
const LIST_URLS: Record<string, string[]> = {
  demo: ['http://leadpace-demo.localhost:5173/leads', 'http://leadpace-demo.localhost:5173/', 'http://leadpace-demo.localhost/leads/?hostile=1'],
  salesforce: [
    'https://vandermeerauto.lightning.force.com/lightning/o/Lead/list?filterName=Recent',
    'https://acme-motors--uat.sandbox.lightning.force.com/lightning/o/Lead/home',
  ],
  pipedrive: ['https://lonestarmotors.pipedrive.com/leads/inbox', 'https://lonestarmotors.pipedrive.com/leads/inbox/3f1c2a90-8d4b-11ef-9a1e-2b7c5d4e6f10'],
  elead: [
    'https://www.eleadcrm.com/evo2/fresh/elead-v45/elead_track/reports/customReport.aspx?id=1836&run=yes&Column=4',
    'https://www.forddirectcrm.com/evo2/fresh/elead-v45/elead_track/Reports/Desklog/AppointmentsPage.aspx?FMV=1',
  ],
  vinsolutions: [
    'https://vinsolutions.app.coxautoinc.com/CarDashboard/Pages/LeadManagement/LeadBucket.aspx',
    'https://apps.vinmanager.com/CarDashboard/Pages/LeadManagement/ActiveLeads_NewLeadList.aspx?x=1',
  ],
};

const NOT_LISTS: Record<string, string[]> = {
  demo: ['http://leadpace-demo.localhost:5173/leads/L-1042', 'http://leadpace-demo.localhost:5173/voorraad', 'https://leadpace-demo.localhost/leads'],
  salesforce: [
    'https://vandermeerauto.lightning.force.com/lightning/o/Contact/list?filterName=Recent',
    'https://vandermeerauto.lightning.force.com/lightning/o/Opportunity/list',
    'https://vandermeerauto.lightning.force.com/lightning/r/Lead/00Q5j00000RkT3dEAF/view',
    'https://vandermeerauto.my.salesforce.com/00Q/o',
  ],
  pipedrive: [
    'https://lonestarmotors.pipedrive.com/leads/archive',
    'https://lonestarmotors.pipedrive.com/leads/inbox/not-a-uuid',
    'https://www.pipedrive.com/leads/inbox',
    'https://lonestarmotors.pipedrive.com/pipeline/1/user/everyone',
  ],
  elead: [
    'https://www.eleadcrm.com/evo2/fresh/elead-v45/elead_track/index.aspx',
    'https://www.eleadcrm.com/evo2/fresh/elead-v45/elead_track/NewProspects/OpptyDetails.aspx?lPID=24499393',
    'https://www.eleadcrm.com/evo2/fresh/elead-v45/elead_track/reports/customReport.aspx.evil',
  ],
  vinsolutions: [
    'https://vinsolutions.app.coxautoinc.com/vinconnect/#/CarDashboard/Pages/LeadManagement/ActiveLeadsLayout.aspx?leftpaneframe=LeadBucket.aspx',
    'https://vinsolutions.app.coxautoinc.com/CarDashboard/Pages/CRM/CustomerDashboard.aspx?AutoLeadID=2067692473',
  ],
};

describe('list page URLs', () => {
  it('every reader has its route: the detector and the reader agree on what a list page is', () => {
    for (const reader of LIST_READERS) {
      const route = ROUTES.find((r) => r.id === reader.id);
      expect(route?.isListPage, reader.id).toBeTypeOf('function');
      expect(adapterById(reader.id), reader.id).toBeDefined();
      for (const href of [...(LIST_URLS[reader.id] ?? []), ...(NOT_LISTS[reader.id] ?? [])]) {
        const url = new URL(href);
        expect(route?.isListPage?.(url), href).toBe(reader.isListPage(url));
      }
    }
  });

  describe.each(LIST_READERS.map((r) => [r.id, r] as const))('%s', (id, reader) => {
    it.each(LIST_URLS[id] ?? [])('reads the list page %s', (href) => {
      expect(reader.isListPage(new URL(href))).toBe(true);
      expect(listReaderForUrl(new URL(href))?.id).toBe(id);
    });
    it.each(NOT_LISTS[id] ?? [])('is not a list page: %s', (href) => {
      expect(reader.isListPage(new URL(href))).toBe(false);
    });
    const foreign = [
      ...Object.entries(LIST_URLS).flatMap(([other, urls]) => (other === id ? [] : urls)),
      ...ADAPTERS.filter((a) => a.id !== id).flatMap((a) => [...testUrlsOf(a.id).lead, ...testUrlsOf(a.id).other]),
      'https://example.com/leads',
      'http://leadpace-demo.localhost.evil.example/leads',
    ];
    it.each(foreign)('does not claim foreign URL %s', (href) => {
      expect(reader.isListPage(new URL(href))).toBe(false);
    });
  });
});

describe('broken and hostile list markup', () => {
  const DEMO_URL = new URL('http://leadpace-demo.localhost:5173/leads');
  const demo = () => {
    const reader = listReaderById('demo');
    if (!reader) throw new Error('no demo reader');
    return reader;
  };

  it('a page without a list gives no leads', () => {
    for (const reader of LIST_READERS) {
      expect(reader.read(parse('<p>Geen leads</p>'), DEMO_URL)).toEqual([]);
      expect(reader.read(parse(''), DEMO_URL)).toEqual([]);
    }
  });

  it('no header row: ids still read, fields reported missing', () => {
    const doc = parse(`<table class="lead-table"><tbody>
      <tr data-lead-id="L-1"><td><a href="/leads/L-1">Sanne</a></td><td>Marktplaats</td></tr>
    </tbody></table>`);
    const [lead, ...rest] = demo().read(doc, DEMO_URL);
    expect(rest).toEqual([]);
    expect(lead).toMatchObject({ crm: 'demo', leadId: 'L-1', url: 'http://leadpace-demo.localhost:5173/leads/L-1' });
    expect(lead?.missing).toEqual(['name', 'phone', 'source', 'vehicle', 'receivedAt', 'status']);
  });

  it('unclosed tags, short rows, spanning cells, scripts and huge cells never throw and keep their caps', () => {
    const huge = 'x'.repeat(20_000);
    const doc = parse(`<table class="lead-table"><thead><tr><th>Naam</th><th colspan="2">Bron</th><th>Aangemaakt</th></thead>
      <tbody>
      <tr data-lead-id="L-1"><td><a href="/leads/L-1">${huge}</a><td>Marktplaats<td><td>26-11-2026 14:05
      <tr data-lead-id="L-2"><td><script>document.title = 'pwned'</script>Bram</td></tr>
      <tr data-lead-id="L-3"><td colspan="9">Alles in één cel</td></tr>
      <tr data-lead-id=""><td>Zonder id</td></tr>
      <tr data-lead-id="${'L'.repeat(500)}"><td>Te lang id</td></tr>
      <tr><td><a href="javascript:alert(1)//leads/L-9">Script-link</a></td></tr>
      </tbody></table><table class="lead-table"><tr data-lead-id="L-4"><td>`);
    const leads = demo().read(doc, DEMO_URL);
    expect(leads.map((l) => l.leadId)).toEqual(['L-1', 'L-2', 'L-3', 'L-4']);
    expect(leads[0]?.name).toHaveLength(300);
    expect(leads[0]).toMatchObject({ source: 'marktplaats', receivedAt: '2026-11-26T13:05:00.000Z' });
    expect(leads[1]?.name).toContain('Bram');
    expect(doc.title).not.toBe('pwned');
    for (const lead of leads) expect(leadSnapshotSchema.safeParse(lead).success).toBe(true);
  });

  it('one row that throws while being read costs only that row', () => {
    const spec: GridSpec = {
      crm: 'demo',
      grids: (doc) => Array.from(doc.querySelectorAll('table')),
      identify(row, listUrl) {
        const id = row.getAttribute('data-lead-id');
        if (id === 'L-2') throw new Error('odd row');
        return id ? { leadId: id, url: new URL(`/leads/${id}`, listUrl) } : null;
      },
      labels: LIST_LABELS,
    };
    const doc = parse('<table><tr data-lead-id="L-1"><td>a</td></tr><tr data-lead-id="L-2"><td>b</td></tr><tr data-lead-id="L-3"><td>c</td></tr></table>');
    expect(readGrids(doc, DEMO_URL, spec).map((l) => l.leadId)).toEqual(['L-1', 'L-3']);
    expect(readGrids(doc, DEMO_URL, { ...spec, grids: () => { throw new Error('no grids'); } })).toEqual([]);
  });

  it.each([
    ['26-11-2026 14:05', '2026-11-26T13:05:00.000Z'],
    ['26.11.2026, 14:05', '2026-11-26T13:05:00.000Z'],
    ['11/26/2026 2:05 PM', '2026-11-26T13:05:00.000Z'],
    ['5 min geleden', '2026-11-26T13:36:47.172Z'],
    ['vandaag om 09:15', '2026-11-26T08:15:00.000Z'],
    ['26-11-2026', undefined],
    ['26.11.2026', undefined],
    ['3 dagen geleden', undefined],
    ['gisteren', undefined],
    ['Vandaag', undefined],
  ])('a created cell "%s" reads as %s (no guessed time of day)', (text, expected) => {
    const doc = parse(`<table class="lead-table"><thead><tr><th>Aangemaakt</th></tr></thead><tbody><tr data-lead-id="L-1"><td>${text}</td></tr></tbody></table>`);
    expect(demo().read(doc, DEMO_URL)[0]?.receivedAt).toBe(expected);
  });

  it('a header is found through sort markers and arrows, and an earlier label wins over a later one', () => {
    const doc = parse(`<table class="lead-table"><thead><tr>
      <th><span>Sort by:</span> Created Date <span>Sorted Descending</span></th><th>Datum</th><th>Naam ▲</th>
    </tr></thead><tbody><tr data-lead-id="L-1"><td>26-11-2026 14:05</td><td>01-12-2026 10:00</td><td>Sanne</td></tr></tbody></table>`);
    expect(demo().read(doc, DEMO_URL)[0]).toMatchObject({ name: 'Sanne', receivedAt: '2026-11-26T13:05:00.000Z' });
  });
});
