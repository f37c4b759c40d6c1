/**
 * Section 1: bundle sizes of the built test extension, raw and gzip, per entry point. An HTML
 * page (popup, options, report) counts every script it loads before its first render: its
 * script tags and module preloads (the entry and its static imports), not chunks it imports
 * lazily. Script entries (background, detector, panel, list reader, picker) are one file each.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { atMost, recordFigure, type Goal } from './figures';
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

/** The scripts an HTML page loads up front: its module script tags and modulepreload links. */
export function pageScripts(html: string): string[] {
  const files = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  return [...new Set(files.filter(Boolean))];
}

export interface EntrySize {
  /** Stable figure name part: `size.<name>.gzipKb`. */
  name: string;
  files: FileSize[];
  raw: number;
  gzip: number;
}

interface EntrySpec {
  name: string;
  /** A script file, or an HTML page whose up-front scripts count. */
  file: string;
  goal?: Goal;
}

const ENTRIES: readonly EntrySpec[] = [
  { name: 'background', file: 'background.js' },
  // The detector on every page of an enabled CRM (an unlisted script the background registers).
  { name: 'detector', file: 'crm-detector.js' },
  { name: 'panel', file: 'crm-panel.js', goal: atMost(120) },
  { name: 'list', file: 'crm-list.js' },
  { name: 'picker', file: 'picker.js' },
  { name: 'popup', file: 'popup.html', goal: atMost(110) },
  { name: 'options', file: 'options.html' },
  { name: 'report', file: 'report.html' },
];

export function entrySize(dir: string, spec: EntrySpec): EntrySize | null {
  const files = spec.file.endsWith('.html')
    ? existsSync(join(dir, spec.file))
      ? pageScripts(readFileSync(join(dir, spec.file), 'utf8'))
      : []
    : [spec.file];
  const sizes = files.map((file) => fileSize(dir, file)).filter((s): s is FileSize => s !== null);
  if (sizes.length === 0) return null;
  const sum = (pick: (s: FileSize) => number) => sizes.reduce((total, s) => total + pick(s), 0);
  // gzip per file and added: each file is fetched and decompressed on its own.
  return { name: spec.name, files: sizes, raw: sum((s) => s.raw), gzip: sum((s) => s.gzip) };
}

export function benchSizes(dir: string): TableRow[] {
  console.log(`\n== 1. Bundle sizes per entry (${relative(process.cwd(), dir) || dir}) ==`);
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no manifest.json in ${dir}: build the e2e extension first`);
  const rows: TableRow[] = [];
  for (const spec of ENTRIES) {
    const size = entrySize(dir, spec);
    if (!size) {
      console.log(`${spec.name.padEnd(13)} ${spec.file}: not in this build`);
      continue;
    }
    const goal = spec.goal ? `; goal ≤ ${spec.goal.value} kB gzip` : '';
    console.log(`${spec.name.padEnd(13)} ${kB(size.raw).padStart(9)} raw ${kB(size.gzip).padStart(9)} gzip  ${spec.file}${goal}`);
    if (size.files.length > 1) {
      for (const f of size.files) console.log(`${''.padEnd(15)}${kB(f.raw).padStart(9)} raw ${kB(f.gzip).padStart(9)} gzip  ${f.file}`);
    }
    recordFigure(`size.${spec.name}.rawKb`, size.raw / 1000, 'kB', undefined, spec.file);
    recordFigure(`size.${spec.name}.gzipKb`, size.gzip / 1000, 'kB', spec.goal, spec.file);
    rows.push({ metric: `${spec.name} scripts`, value: `${kB(size.raw)} raw, ${kB(size.gzip)} gzip`, ...(spec.goal ? { goal: `≤ ${spec.goal.value} kB gzip` } : {}) });
  }
  return rows;
}
