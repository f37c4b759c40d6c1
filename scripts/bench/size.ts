/** Section 1: bundle sizes of the built test extension (raw and gzip). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kB, type TableRow } from './stats';

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

export function fileSize(dir: string, file: string): FileSize | null {
  const path = join(dir, file);
  if (!existsSync(path)) return null;
  const bytes = readFileSync(path);
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

function listJs(dir: string, sub: string): string[] {
  const full = join(dir, sub);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((name) => name.endsWith('.js') && statSync(join(full, name)).isFile())
    .map((name) => relative(dir, join(full, name)));
}

export function benchSizes(dir: string): TableRow[] {
  console.log(`\n== 1. Bundle sizes (${relative(process.cwd(), dir) || dir}) ==`);
  const content = fileSize(dir, 'content-scripts/crm.js');
  if (!content) throw new Error(`no content-scripts/crm.js in ${dir}: build the e2e extension first`);
  const describeSize = (s: FileSize) => `${kB(s.raw)} raw, ${kB(s.gzip)} gzip`;
  console.log(`content script: ${describeSize(content)}  (content-scripts/crm.js)`);
  const others = ['background.js', ...listJs(dir, 'chunks')]
    .map((file) => fileSize(dir, file))
    .filter((s): s is FileSize => s !== null);
  for (const s of others) console.log(`  for information: ${s.file}: ${describeSize(s)}`);
  // What the popup page loads: the script tags of popup.html (entry + its static imports).
  const popupHtml = existsSync(join(dir, 'popup.html')) ? readFileSync(join(dir, 'popup.html'), 'utf8') : '';
  const popupFiles = [...popupHtml.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1] ?? '').filter(Boolean);
  const popupSizes = popupFiles.map((file) => fileSize(dir, file)).filter((s): s is FileSize => s !== null);
  const popupRaw = popupSizes.reduce((sum, s) => sum + s.raw, 0);
  const popupGzip = popupSizes.reduce((sum, s) => sum + s.gzip, 0);
  if (popupSizes.length > 0) {
    console.log(`  popup page scripts (${popupSizes.map((s) => s.file).join(' + ')}): ${kB(popupRaw)} raw, ${kB(popupGzip)} gzip`);
  }
  return [
    { metric: 'content script crm.js', value: describeSize(content) },
    ...(popupSizes.length > 0 ? [{ metric: 'popup page scripts', value: `${kB(popupRaw)} raw, ${kB(popupGzip)} gzip` }] : []),
  ];
}
