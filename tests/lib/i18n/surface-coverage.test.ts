import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportGraph, MESSAGES_DIR, ROOT, missingTables, moduleFacts, type TableIndex } from './message-coverage';

// Each bundle carries only the message tables its modules import (lib/i18n/registry.ts). A key
// whose table a module does not load shows the user the raw key, so: every module an entry point
// can load must have, in its own static imports, the table of every key it can show. Statically
// imported means evaluated before it runs, so this also holds for a lazily loaded chunk and for a
// unit test that renders one component on its own.
//
// A key shown through a variable (`t(key)`) comes from a literal or a template somewhere: the
// module holding that literal counts as showing it, so it imports the table too.

interface Table {
  en: Record<string, string>;
}
const loaded = import.meta.glob<Record<string, Table>>('@/lib/i18n/messages/*.ts', { eager: true });

function tableIndex(): TableIndex {
  const tableOfKey = new Map<string, string>();
  const keysOfTable = new Map<string, string[]>();
  for (const [path, exports] of Object.entries(loaded)) {
    const module = `${MESSAGES_DIR}${path.split('/').pop() ?? ''}`;
    const keys = Object.values(exports).flatMap((table) => Object.keys(table.en));
    keysOfTable.set(module, keys);
    for (const key of keys) tableOfKey.set(key, module);
  }
  return { tableOfKey, keysOfTable };
}

/** Each entry point's first module: index.ts(x), or the script an HTML page loads. */
function entryModules(): Record<string, string> {
  const dir = join(ROOT, 'entrypoints');
  return Object.fromEntries(
    readdirSync(dir).map((name) => {
      for (const file of ['index.ts', 'index.tsx']) if (existsSync(join(dir, name, file))) return [name, `entrypoints/${name}/${file}`];
      const html = readFileSync(join(dir, name, 'index.html'), 'utf8');
      const script = /<script[^>]*\bsrc="\.\/([^"]+)"/.exec(html)?.[1];
      if (!script) throw new Error(`entrypoints/${name}: no index.ts(x) and no script in index.html`);
      return [name, `entrypoints/${name}/${script}`];
    }),
  );
}

const tables = tableIndex();
const graph = new ImportGraph(tables);
const entries = entryModules();

describe('message tables per surface', () => {
  it('finds every entry point and every table', () => {
    expect(Object.keys(entries).sort()).toEqual(['background', 'crm-detector', 'crm-list', 'crm-panel', 'options', 'picker', 'popup', 'report']);
    expect(tables.keysOfTable.size).toBeGreaterThanOrEqual(20);
    expect(graph.reachable(entries.popup ?? '').length).toBeGreaterThan(50);
  });

  it.each(Object.entries(entries))('%s: every key a module can show comes with its table', (_name, entry) => {
    expect(missingTables(graph, tables, entry).map((miss) => `${miss.module}: ${miss.key} needs ${miss.table}`)).toEqual([]);
  });

  it('the panel does not carry the options, report or team pages’ tables', () => {
    const panelTables = new Set(graph.reachable(entries['crm-panel'] ?? '').filter((path) => path.startsWith(MESSAGES_DIR)));
    for (const table of ['options', 'report', 'report-team', 'team-settings', 'team-audit', 'privacy', 'picker', 'setup']) {
      expect(panelTables.has(`${MESSAGES_DIR}${table}.ts`), table).toBe(false);
    }
  });
});

describe('finding what a module shows and loads', () => {
  const isKey = (text: string) => ['a.one', 'a.two', 'b.x.y', 'b.x.z', 'c.only'].includes(text);

  it('sees literal keys, keys held in data, key templates and both kinds of import', () => {
    const source = [
      "import '@/lib/i18n/messages/a';",
      "import { x } from './x';",
      "import type { T } from './types';",
      "import { type U } from './more-types';",
      "export { y } from './y';",
      "export type { V } from './v';",
      "const later = () => import('@/components/Later');",
      "const KEYS = { one: 'a.one' } as const;",
      "const label = t('a.two', { n: 1 });",
      'const built = t(`b.x.${kind}`);',
      'const unrelated = `${a}.x`;',
      "const notAKey = 'a.three';",
    ].join('\n');
    const facts = moduleFacts('m.ts', source, isKey);
    expect(facts.staticSpecifiers).toEqual(['@/lib/i18n/messages/a', './x', './y']);
    expect(facts.dynamicSpecifiers).toEqual(['@/components/Later']);
    expect(facts.literalKeys.sort()).toEqual(['a.one', 'a.two']);
    expect(facts.keyTemplates.map((m) => ['b.x.y', 'b.x.z', 'a.one'].filter((key) => m.test(key)))).toEqual([['b.x.y', 'b.x.z']]);
  });

  // A made-up project: an entry that shows keys of table a (imported) and b (only loaded by a
  // lazily imported module, so not yet there when the entry runs).
  const files: Record<string, string> = {
    'lib/i18n/messages/a.ts': "export const a = { en: { 'a.one': '' } };",
    'lib/i18n/messages/b.ts': "export const b = { en: { 'b.x.y': '' } };",
    'entry.ts': "import '@/lib/i18n/messages/a';\nimport './shows-b';\nt('a.one');\nvoid import('./lazy');",
    'shows-b.ts': 'export const show = (kind: string) => t(`b.x.${kind}`);',
    'lazy.ts': "import '@/lib/i18n/messages/b';\nt('b.x.y');",
  };
  const fake: TableIndex = {
    tableOfKey: new Map([
      ['a.one', 'lib/i18n/messages/a.ts'],
      ['b.x.y', 'lib/i18n/messages/b.ts'],
    ]),
    keysOfTable: new Map([
      ['lib/i18n/messages/a.ts', ['a.one']],
      ['lib/i18n/messages/b.ts', ['b.x.y']],
    ]),
  };

  it('reports a key whose table only a lazily loaded module imports, and nothing else', () => {
    const fakeGraph = new ImportGraph(fake, { read: (path) => files[path] ?? '', isFile: (path) => path in files });
    expect(missingTables(fakeGraph, fake, 'entry.ts')).toEqual([{ module: 'shows-b.ts', key: 'b.x.y', table: 'lib/i18n/messages/b.ts' }]);
  });
});
