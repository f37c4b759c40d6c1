/**
 * Leadpace benchmarks (`npm run bench`): prints figures next to their goals, asserts nothing.
 *   1. bundle sizes (raw, gzip)              4. popup first render, 5,000 leads / 30,000 events
 *   2. lead anchor → panel painted           5. domain benchmark (scripts/bench-domain.ts)
 *   3. content script cost on a non-lead page 6. team server benchmark (scripts/bench-server.ts)
 *   3b. a large, busy lead page (≥ 5,000 elements, ~50 DOM changes/s): extension ms per second, one extraction
 * Options: --skip-server (skip 6), --no-build (use the existing .output/chrome-mv3-e2e),
 *          --headed (show the browser; timings are for headless),
 *          --json <file> (write every figure with its stable name, goal and verdict; scripts/bench/figures.ts).
 * Sections 2–4 share one warm, headless Chromium with the e2e build and a fresh profile.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { EXTENSION_DIR, launchWithExtension, removeProfile, startCrm } from './lib/extension-browser';
import { benchAnchorToPanel } from './bench/anchor-panel';
import { runChild } from './bench/child';
import { benchLargePage } from './bench/large-page';
import { benchNonLeadPage } from './bench/non-lead';
import { benchPopup } from './bench/popup';
import { benchReport } from './bench/report';
import { benchSync } from './bench/sync';
import { benchSizes } from './bench/size';
import { formatTable, type TableRow } from './bench/stats';
import { CHILD_FIGURES_ENV, allFigures, readChildFigures, writeFiguresJson } from './bench/figures';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const argv = process.argv.slice(2);
const jsonAt = argv.indexOf('--json');
const jsonFile = jsonAt >= 0 ? argv[jsonAt + 1] : undefined;
if (jsonAt >= 0 && (!jsonFile || jsonFile.startsWith('--'))) {
  console.error('bench: --json needs a file name, e.g. npm run bench -- --json bench.json');
  process.exit(2);
}
const args = new Set(argv.filter((_, i) => i !== jsonAt && i !== jsonAt + 1));
const known = new Set(['--skip-server', '--no-build', '--headed']);
for (const arg of args) {
  if (!known.has(arg)) {
    console.error(`bench: unknown option ${arg} (known: ${[...known].join(', ')})`);
    process.exit(2);
  }
}

const rows: TableRow[] = [];
let failed = false;

async function section(name: string, run: () => Promise<TableRow[]> | TableRow[]): Promise<void> {
  try {
    rows.push(...(await run()));
  } catch (error) {
    failed = true;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.error(`${name} FAILED: ${message}`);
    rows.push({ metric: name, value: `FAILED: ${message ?? ''}` });
  }
}

const started = Date.now();
console.log(`Leadpace benchmarks — Node ${process.version}, ${new Date().toISOString()}`);

if (!args.has('--no-build')) {
  console.log('\n== build: node scripts/build-e2e.mjs ==');
  const build = await runChild('node', ['scripts/build-e2e.mjs'], { echo: false });
  if (build.code !== 0) {
    console.error(build.output);
    console.error('bench: the e2e build failed');
    process.exit(1);
  }
  console.log(`built ${EXTENSION_DIR} in ${(build.ms / 1000).toFixed(1)} s`);
}

await section('bundle sizes', () => benchSizes(EXTENSION_DIR));

const browserStart = Date.now();
const crm = await startCrm();
const browser = await launchWithExtension(undefined, { headless: !args.has('--headed') });
try {
  const version = browser.context.browser()?.version() ?? (await browser.worker().then((w) => w.evaluate(() => navigator.userAgent)));
  console.log(`\nChromium: ${version}; ${args.has('--headed') ? 'headed' : 'headless'}; fake CRM at ${crm.url}`);
  await section('anchor→panel painted', () => benchAnchorToPanel(browser, crm.url));
  await section('non-lead page', () => benchNonLeadPage(browser, crm.url));
  await section('large page', () => benchLargePage(browser));
  await section('popup', () => benchPopup(browser));
} finally {
  await browser.close();
  await crm.close();
  removeProfile(browser.profileDir);
}
// A fresh profile: the popup section left 30,000 seeded events pending in the shared one.
const syncBrowser = await launchWithExtension(undefined, { headless: !args.has('--headed') });
try {
  await section('team sync', () => benchSync(syncBrowser));
} finally {
  await syncBrowser.close();
  removeProfile(syncBrowser.profileDir);
}
const browserSeconds = (Date.now() - browserStart) / 1000;

console.log('\n== 5. Domain benchmark: npx tsx scripts/bench-domain.ts ==');
await section('domain benchmark', async () => {
  const domain = await runChild('npx', ['tsx', 'scripts/bench-domain.ts']);
  const line = domain.output.split('\n').find((l) => l.includes('actionList') && l.includes('median'));
  const figure = line?.replace(/^actionList\s+/, '').replace(/\s+—.*$/, '') ?? 'see above';
  const rows: TableRow[] = [{ metric: 'domain: actionList, 5,000 leads', value: `${figure} (exit ${domain.code})`, goal: '≤ 20 ms' }];
  for (const l of domain.output.split('\n').filter((x) => x.startsWith('business time'))) {
    rows.push({ metric: `domain: ${l.slice(0, l.indexOf(':'))}`, value: l.slice(l.indexOf(':') + 2), goal: '—' });
  }
  return rows;
});

console.log('\n== 5b. Source report over 100,000 leads (computation) ==');
await section('source report', () => {
  const r = benchReport();
  return [
    { metric: 'report: last 12 months, 100,000 leads (compute)', value: `${r.year.toFixed(0)} ms`, goal: '≤ 300 ms with the read' },
    { metric: 'report: switch to one month (compute)', value: `${r.month.toFixed(0)} ms`, goal: '≤ 100 ms' },
    { metric: 'report: CSV of every table', value: `${r.csv.toFixed(0)} ms`, goal: '≤ 2 s' },
  ];
});

const serverScript = resolve('scripts/bench-server.ts');
if (!existsSync(serverScript)) {
  console.log('\n== 6. Team server benchmark: scripts/bench-server.ts not present, skipped ==');
} else if (args.has('--skip-server')) {
  console.log('\n== 6. Team server benchmark: skipped (--skip-server) ==');
  rows.push({ metric: 'server benchmark', value: 'skipped (--skip-server)' });
} else {
  console.log('\n== 6. Team server benchmark: npx tsx scripts/bench-server.ts (takes a few minutes) ==');
  await section('server benchmark', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadpace-bench-'));
    const figuresFile = join(dir, 'server-figures.jsonl');
    process.env[CHILD_FIGURES_ENV] = figuresFile;
    const server = await runChild('npx', ['tsx', 'scripts/bench-server.ts']);
    delete process.env[CHILD_FIGURES_ENV];
    readChildFigures(figuresFile);
    rmSync(dir, { recursive: true, force: true });
    return [{ metric: 'server benchmark', value: `ran in ${(server.ms / 1000).toFixed(0)} s (exit ${server.code}); figures above` }];
  });
}

console.log(`\n== Summary (browser sections: ${browserSeconds.toFixed(0)} s; total ${((Date.now() - started) / 1000).toFixed(0)} s) ==`);
console.log(formatTable(rows));
const goals = allFigures().filter((f) => f.goal);
console.log(`\nGoals met: ${goals.filter((f) => f.met).length} of ${goals.length}${goals.some((f) => !f.met) ? ` (missed: ${goals.filter((f) => !f.met).map((f) => f.name).join(', ')})` : ''}`);
if (jsonFile) {
  writeFiguresJson(jsonFile, { node: process.version, at: new Date().toISOString(), cores: String(os.cpus().length) });
  console.log(`figures written to ${jsonFile}`);
}
if (failed) process.exitCode = 1;
