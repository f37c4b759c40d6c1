import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Which message keys each source module can show, and which tables it is sure to have loaded:
 * those of the lib/i18n/messages modules in its static import closure, evaluated before it runs.
 * A dynamic import loads later (or never), so it counts for reachability, not for coverage.
 */
export const ROOT = join(__dirname, '..', '..', '..');
export const MESSAGES_DIR = 'lib/i18n/messages/';

export interface ModuleFacts {
  staticImports: string[];
  dynamicImports: string[];
  /** String literals that are exactly a message key: `t('a.b')`, or keys held in data. */
  literalKeys: string[];
  /** Template literals that build a key, `t(\`channel.${x}\`)`, as matchers. */
  keyTemplates: RegExp[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A `head${…}middle${…}tail` template as a matcher; null without a head (it names no prefix). */
function templateMatcher(node: ts.TemplateExpression): RegExp | null {
  if (node.head.text === '') return null;
  const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
  return new RegExp(`^${parts.map(escape).join('[\\s\\S]*')}$`);
}

const isTypeOnlyImport = (node: ts.ImportDeclaration): boolean => {
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return !clause.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
};

/** Specifiers and key uses of one module's source. */
export function moduleFacts(fileName: string, source: string, isKey: (text: string) => boolean): Omit<ModuleFacts, 'staticImports' | 'dynamicImports'> & {
  staticSpecifiers: string[];
  dynamicSpecifiers: string[];
} {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const staticSpecifiers: string[] = [];
  const dynamicSpecifiers: string[] = [];
  const literalKeys = new Set<string>();
  const keyTemplates: RegExp[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!isTypeOnlyImport(node)) staticSpecifiers.push(node.moduleSpecifier.text);
      return;
    }
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) staticSpecifiers.push(node.moduleSpecifier.text);
      return;
    }
    if (ts.isImportTypeNode(node)) return;
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) dynamicSpecifiers.push(arg.text);
    }
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && isKey(node.text)) literalKeys.add(node.text);
    if (ts.isTemplateExpression(node)) {
      const matcher = templateMatcher(node);
      if (matcher) keyTemplates.push(matcher);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { staticSpecifiers, dynamicSpecifiers, literalKeys: [...literalKeys], keyTemplates };
}

const CANDIDATES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The source files, by path from the repository root. */
export interface Project {
  read(path: string): string;
  isFile(path: string): boolean;
}

export const repository: Project = {
  read: (path) => readFileSync(join(ROOT, path), 'utf8'),
  isFile: (path) => existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isFile(),
};

/** A path from the repository root for a specifier, or null for a package. */
function resolveSpecifier(project: Project, from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/') || specifier.startsWith('~/')) base = specifier.slice(2);
  else if (specifier.startsWith('.')) base = relative(ROOT, join(ROOT, dirname(from), specifier));
  else return null;
  const found = CANDIDATES.map((suffix) => base + suffix).find((path) => project.isFile(path));
  if (found === undefined) throw new Error(`${from}: cannot resolve ${specifier}`);
  return found;
}

/** The `{ en, nl }` tables of lib/i18n/messages, by module path, read from their source. */
export interface TableIndex {
  tableOfKey: Map<string, string>;
  keysOfTable: Map<string, string[]>;
}

export class ImportGraph {
  private readonly facts = new Map<string, ModuleFacts>();

  constructor(
    private readonly tables: TableIndex,
    private readonly project: Project = repository,
  ) {}

  factsOf(path: string): ModuleFacts {
    const known = this.facts.get(path);
    if (known) return known;
    // A table's own source holds every one of its keys: it defines them, it does not show them.
    const isKey = path.startsWith(MESSAGES_DIR) ? () => false : (text: string) => this.tables.tableOfKey.has(text);
    const raw = moduleFacts(path, this.project.read(path), isKey);
    const resolveAll = (specifiers: string[]) => specifiers.map((s) => resolveSpecifier(this.project, path, s)).filter((p): p is string => p !== null && /\.(ts|tsx)$/.test(p));
    const facts: ModuleFacts = {
      staticImports: resolveAll(raw.staticSpecifiers),
      dynamicImports: resolveAll(raw.dynamicSpecifiers),
      literalKeys: raw.literalKeys,
      keyTemplates: raw.keyTemplates,
    };
    this.facts.set(path, facts);
    return facts;
  }

  /** Every module an entry can load, through static and dynamic imports. */
  reachable(entry: string): string[] {
    return this.walk(entry, (f) => [...f.staticImports, ...f.dynamicImports]);
  }

  /** The message tables loaded before `path` runs. */
  loadedTables(path: string): Set<string> {
    return new Set(this.walk(path, (f) => f.staticImports).filter((p) => this.tables.keysOfTable.has(p)));
  }

  /** The keys a module can show: its literal keys, and every key one of its templates can build. */
  keysUsed(path: string): string[] {
    const facts = this.factsOf(path);
    const built = facts.keyTemplates.flatMap((matcher) => [...this.tables.tableOfKey.keys()].filter((key) => matcher.test(key)));
    return [...new Set([...facts.literalKeys, ...built])];
  }

  private walk(start: string, next: (facts: ModuleFacts) => string[]): string[] {
    const seen = new Set<string>([start]);
    const queue = [start];
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      for (const to of next(this.factsOf(path))) {
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    return [...seen];
  }
}

export interface Miss {
  module: string;
  key: string;
  table: string;
}

/** Keys a module reachable from `entry` can show whose table it has not imported. */
export function missingTables(graph: ImportGraph, tables: TableIndex, entry: string): Miss[] {
  return graph.reachable(entry).flatMap((module) => {
    const loaded = graph.loadedTables(module);
    return graph.keysUsed(module).flatMap((key) => {
      const table = tables.tableOfKey.get(key);
      return table === undefined || loaded.has(table) ? [] : [{ module, key, table }];
    });
  });
}
