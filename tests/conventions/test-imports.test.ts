import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// Tests reach source and shared helpers through one spelling, `@/<path from the repo root>`, so a
// file can move between test folders without its imports changing and a search for
// `@/lib/domain/cadence` finds every test of it. A relative specifier is allowed only for a file
// in the test's own folder or below (`./harness`, `./suites/pull`): never `../`.
const ROOT = join(__dirname, '..', '..');
const TESTS = join(ROOT, 'tests');
const UP = '../';
const SKIPPED = new Set(['node_modules', 'screenshots', 'public']);

// Static and dynamic imports, re-exports, vi.mock/doMock/importActual, import.meta.glob.
const SPECIFIER =
  /(?:\bfrom\s+|\bimport\s+|\bimport\s*\(\s*|\b(?:mock|doMock|unmock|importActual|importMock|glob)\s*(?:<[^>]*>)?\(\s*)(['"`])(\.\.\/[^'"`]*)\1/g;

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIPPED.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return /\.(ts|tsx|mts)$/.test(name) ? [path] : [];
  });
}

export function parentRelativeSpecifiers(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((match) => match[2] ?? '');
}

describe('test imports', () => {
  it('recognises every way a test names a module', () => {
    // Spelled through UP so that this file's own samples are not findings of the scan below.
    const source = [
      `import { a } from '${UP}../lib/a';`,
      `import type { B } from '${UP}b';`,
      `export { c } from '${UP}../c';`,
      `import '${UP}setup-side-effect';`,
      `const d = await import('${UP}../server/d');`,
      `vi.mock('${UP}../lib/e', () => ({}));`,
      `const f = await vi.importActual<typeof import('@/lib/f')>('${UP}../lib/f');`,
      `const g = import.meta.glob('${UP}../lib/crms/*/test-urls.ts', { eager: true });`,
      "import { h } from './harness';",
      "import { i } from '@/lib/i';",
      `const path = join(__dirname, '${UP}fixtures');`,
    ].join('\n');
    expect(parentRelativeSpecifiers(source)).toEqual([
      '../../lib/a',
      '../b',
      '../../c',
      '../setup-side-effect',
      '../../server/d',
      '../../lib/e',
      '../../lib/f',
      '../../lib/crms/*/test-urls.ts',
    ]);
  });

  const files = testFiles(TESTS);

  it('finds the test files it checks', () => {
    expect(files.length).toBeGreaterThan(200);
  });

  it('no test imports a module through a parent-relative path (use @/)', () => {
    const hits = files.flatMap((file) =>
      parentRelativeSpecifiers(readFileSync(file, 'utf8')).map((spec) => `${relative(ROOT, file)}: ${spec}`),
    );
    expect(hits).toEqual([]);
  });
});
