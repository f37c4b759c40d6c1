import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIST_READERS } from '@/lib/crms/lists';
import { ADAPTERS } from '@/lib/crms/registry';
import { ROUTES } from '@/lib/crms/routes';
import { CRM_TEST_URLS } from '@/tests/helpers/crm-test-urls';

// Adding a CRM means one folder, lib/crms/<id>/, plus its saved pages and a README row. Each
// forgotten step fails here by name, instead of as a panel that silently never appears.

const CRMS_DIR = 'lib/crms';
const FIXTURES_DIR = 'tests/fixtures/crm';
const MIN_SAVED_PAGES = 3;

const folders = readdirSync(CRMS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function supportedCrmsSection(): string {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf('### Supported CRMs');
  if (start < 0) return '';
  const end = readme.indexOf('\n### ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

const ids = (list: readonly { id: string }[]) => list.map((item) => item.id).sort();

describe('CRM folders', () => {
  it('finds the CRM folders', () => {
    expect(folders.length).toBeGreaterThanOrEqual(10);
  });

  it('lists the same CRMs in the routes, the adapters and the folders', () => {
    expect(ids(ROUTES)).toEqual(folders);
    expect(ids(ADAPTERS)).toEqual(folders);
    expect(new Set(ids(ROUTES)).size).toBe(ROUTES.length);
  });

  it('has a list reader exactly for the folders with a list.ts, and a list route for each', () => {
    const withList = folders.filter((id) => existsSync(join(CRMS_DIR, id, 'list.ts')));
    expect(ids(LIST_READERS)).toEqual(withList);
    for (const id of withList) {
      expect(ROUTES.find((route) => route.id === id)?.isListPage, `${id}: route.ts has no isListUrl`).toBeTypeOf('function');
    }
  });

  it('keeps extraction code out of the worker: the background imports routes, never adapters', () => {
    const sources = ['entrypoints/background', 'lib/background'].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.tsx?$/.test(file))
        .map((file) => join(dir, file)),
    );
    expect(sources.length).toBeGreaterThan(5);
    for (const file of sources) {
      const imports = [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? '');
      for (const spec of imports) expect(spec, `${file} imports ${spec}`).not.toMatch(/crms\/(registry|lists|[a-z]+\/(adapter|list))$/);
    }
  });

  describe.each(folders)('%s', (id) => {
    it('has a route, an adapter and test URLs', () => {
      for (const file of ['route.ts', 'adapter.ts', 'test-urls.ts']) {
        expect(existsSync(join(CRMS_DIR, id, file)), `lib/crms/${id}/${file}`).toBe(true);
      }
      const urls = CRM_TEST_URLS.get(id);
      expect(urls?.lead.length ?? 0, `lib/crms/${id}/test-urls.ts: lead URLs`).toBeGreaterThan(0);
      expect(urls?.other.length ?? 0, `lib/crms/${id}/test-urls.ts: other URLs`).toBeGreaterThan(0);
    });

    it('builds its adapter on its own route', () => {
      const route = ROUTES.find((r) => r.id === id);
      const adapter = ADAPTERS.find((a) => a.id === id);
      expect(adapter?.isLeadPage, `lib/crms/${id}/adapter.ts must call defineAdapter(<its route>, …)`).toBe(route?.isLeadPage);
      expect(adapter?.matches).toBe(route?.matches);
    });

    it('keeps its route free of extraction code', () => {
      const source = readFileSync(join(CRMS_DIR, id, 'route.ts'), 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const spec of imports) expect(['../define', '../../adapters/match-pattern'], `lib/crms/${id}/route.ts imports ${spec}`).toContain(spec);
    });

    it(`has at least ${MIN_SAVED_PAGES} saved pages, each with its expected snapshot`, () => {
      const dir = join(FIXTURES_DIR, id);
      const pages = existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.html')) : [];
      expect(pages.length, `${dir}: saved pages`).toBeGreaterThanOrEqual(MIN_SAVED_PAGES);
      for (const page of pages) {
        const expected = join(dir, page.replace(/\.html$/, '.expected.json'));
        expect(existsSync(expected), expected).toBe(true);
      }
    });

    it('has a row in the README table of supported CRMs', () => {
      expect(supportedCrmsSection(), `README.md "Supported CRMs" has no row naming (\`${id}\`)`).toMatch(
        new RegExp(`^\\|[^\\n|]*\\(\`${id}\`\\)[^\\n]*\\|`, 'm'),
      );
    });
  });
});
