/**
 * What takes the room in a built bundle: bytes of minified output per source module, from the
 * source maps of a `LEADPACE_SOURCEMAP=1` build. Usage:
 *   LEADPACE_SOURCEMAP=1 LEADPACE_E2E_DIR=maps node scripts/build-e2e.mjs
 *   npx tsx scripts/bench/bundle-contents.ts .output/maps [top=25]
 * node_modules are grouped per package (zod, react-dom, ...); project files are listed by path.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';

function jsFiles(dir: string, sub = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, sub))) {
    const rel = join(sub, name);
    if (statSync(join(dir, rel)).isDirectory()) out.push(...jsFiles(dir, rel));
    else if (name.endsWith('.js') && existsSync(join(dir, `${rel}.map`))) out.push(rel);
  }
  return out;
}

function groupOf(source: string): string {
  const at = source.lastIndexOf('node_modules/');
  if (at < 0) return source.replace(/^(\.\.\/)+/, '');
  const rest = source.slice(at + 'node_modules/'.length).split('/');
  const pkg = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? source);
  // zod: classic and mini are worth telling apart.
  if (pkg === 'zod') return `zod/${rest.slice(1, 4).join('/')}`;
  return pkg;
}

/** Bytes of `code` attributed to each source group (unmapped bytes under "(unmapped)"). */
export function bytesBySource(code: string, map: TraceMap): Map<string, number> {
  const lines = code.split('\n');
  const sizes = new Map<string, number>();
  const add = (key: string, n: number) => sizes.set(key, (sizes.get(key) ?? 0) + n);
  let last: { line: number; column: number; group: string } | null = null;
  const flush = (line: number, column: number) => {
    if (!last) return;
    if (line === last.line) add(last.group, column - last.column);
    else add(last.group, (lines[last.line]?.length ?? 0) - last.column);
  };
  eachMapping(map, (m) => {
    const line = m.generatedLine - 1;
    flush(line, m.generatedColumn);
    last = { line, column: m.generatedColumn, group: m.source ? groupOf(m.source) : '(unmapped)' };
  });
  if (last !== null) {
    const end: { line: number } = last;
    flush(end.line + 1, 0);
  }
  return sizes;
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx scripts/bench/bundle-contents.ts <build dir> [top]');
  process.exit(2);
}
const top = Number(process.argv[3] ?? 25);
for (const file of jsFiles(dir)) {
  const code = readFileSync(join(dir, file), 'utf8');
  const map = new TraceMap(readFileSync(join(dir, `${file}.map`), 'utf8'));
  const sizes = [...bytesBySource(code, map)].sort((a, b) => b[1] - a[1]);
  console.log(`\n${relative(process.cwd(), join(dir, file))}: ${(code.length / 1000).toFixed(1)} kB`);
  for (const [group, bytes] of sizes.slice(0, top)) console.log(`  ${(bytes / 1000).toFixed(1).padStart(7)} kB  ${group}`);
}
