/**
 * Section: Leadpace on a large, busy CRM page (issue 3: "≥ 5,000 DOM nodes, frequent
 * mutations: ≤ 5 ms of main-thread time per second of page activity; one extraction ≤ 10 ms").
 *
 * Pages (scripts/bench/large-page-html.ts), served through Playwright routing at the CRM's own
 * origin: the demo CRM's lead page and a Salesforce Lightning lead page, each padded to more
 * than 5,000 elements, with a page script making ~50 DOM changes a second (clock, activity
 * feed, list cells, attribute flips; some inside the lead region Leadpace watches) and an
 * in-place lead change every 5 s.
 *
 * 1. Extension main-thread time per second: Chrome trace of the page (load, panel shown,
 *    2 s settle, then a 10 s window); time attributed to the extension's scripts
 *    (chrome-extension://<id>/…: the detector and the panel bundle, by script URL and by the
 *    isolated world they run in, see trace.ts) within the window, per second. The goal figure
 *    leaves out the AFTER_SWITCH_MS after each lead change (the page stamps them into the
 *    trace): following a new lead (re-read, report, panel render) is work per lead, not per
 *    second of page activity; it is printed as "ms per lead change" and as the whole window's
 *    rate. Median of RUNS loads, a new tab each, one warm-up load first. For scale, the renderer main thread's
 *    total busy time per second (the page's own work included) is printed too. (A with/without
 *    comparison of that total was tried: its run-to-run noise, ±40 ms/s, is far above the goal.)
 * 2. One extraction: the adapters bundled with esbuild (large-page-adapters.ts) and run in the
 *    page's main world of a plain Chromium (same DOM and V8 as the content script's isolated
 *    world), `extract(document, url)` timed with performance.now() (page served cross-origin
 *    isolated, so the clock has 5 µs resolution), 5 warm-up calls, then EXTRACT_RUNS calls 10 ms
 *    apart while the page keeps mutating; the snapshot is checked against the fixture's fields.
 *    The first call on the page is printed separately: it includes one-time JIT compilation and
 *    library setup (zod, the ICU time-zone data behind Intl.DateTimeFormat) that the content
 *    script pays once per page, whatever the page's size.
 * 3. In-place lead change noticed: time from the page changing the lead (record id / source) to
 *    the panel host's attribute following it, with mutations going on.
 *
 * `npx tsx scripts/bench/large-page.ts` runs this section alone (LEADPACE_EXTENSION_DIR picks
 * the build, default .output/chrome-mv3-e2e).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, EXTENSION_DIR, launchWithExtension, removeProfile, type ExtensionBrowser } from '../lib/extension-browser';
import { demoLargePage, salesforceLargePage, SWITCH_MARKER, vinsolutionsLargePage, type LargePage, type MutatorState, type SwitchRecord } from './large-page-html';
import { describe, formatTable, ms, num, sleep, summarise, type Summary, type TableRow } from './stats';
import { attribute, describeByName, markerTs, startTracing, threadBreakdown, threadOfScript, type TraceEvent } from './trace';

const RUNS = 3;
const SETTLE_MS = 2_000;
const WINDOW_MS = 10_000;
const EXTRACT_RUNS = 50;
const GOAL_MS_PER_S = 5;
const GOAL_EXTRACT_MS = 10;
/** A lead change not followed within this long counts as missed. */
const SWITCH_DEADLINE_MS = 2_000;
/** After a lead change, this long is "following the lead" (re-read, report, panel render), not steady activity. */
const AFTER_SWITCH_MS = 2_500;

type StateWindow = Window & { __leadpaceLargePage?: MutatorState };

interface PageSize {
  elements: number;
  nodes: number;
}

interface RunResult {
  /** Extension main-thread ms per second of the window, outside the AFTER_SWITCH_MS after each lead change. */
  steadyPerS: number;
  /** The same as thread (CPU) time: without the time the thread was descheduled inside our calls. */
  steadyCpuPerS: number;
  /** The same over the whole window, lead changes included. */
  extPerS: number;
  /** Extension ms per lead change, above the steady rate (NaN without lead changes in the window). */
  perSwitchMs: number;
  extCallsPerS: number;
  extLongestMs: number;
  extByName: string;
  /** Extension main-thread ms from navigation to the start of the window (injection, mount, first extraction). */
  extStartupMs: number;
  /** Renderer main thread busy (all tasks) ms per second of the window. */
  busyPerS: number;
  changesPerS: number;
  regionPerS: number;
  outsidePerS: number;
  switchLatencies: number[];
  switchesMissed: number;
  size: PageSize;
}

async function serve(page: Page, target: LargePage, headers: Record<string, string> = {}): Promise<void> {
  await page.route('**/*', (route) => {
    const url = route.request().url().split('#')[0];
    if (url === target.url) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body: target.html });
    // No network: everything else the page might ask for is absent.
    return route.fulfill({ status: 404, contentType: 'text/plain', body: '' });
  });
}

const readState = (page: Page) =>
  page.evaluate(() => {
    const state = (window as StateWindow).__leadpaceLargePage;
    return state ? { ...state, switches: state.switches.map((s) => ({ ...s })), now: performance.now() } : null;
  });

const pageSize = (page: Page): Promise<PageSize> =>
  page.evaluate(() => {
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    let nodes = 0;
    while (walker.nextNode()) nodes += 1;
    return { elements: document.getElementsByTagName('*').length, nodes };
  });

/** The longest single call into the extension (FunctionCall/EvaluateScript naming its URL) in the window, ms. */
function longestCall(events: readonly TraceEvent[], prefix: string, fromTs: number, toTs: number): number {
  let longest = 0;
  for (const e of events) {
    if (e.ph !== 'X' || e.ts < fromTs || e.ts >= toTs || (e.name !== 'FunctionCall' && e.name !== 'EvaluateScript')) continue;
    const data = e.args?.data;
    const url = typeof data === 'object' && data !== null && 'url' in data ? (data as { url?: unknown }).url : undefined;
    if (typeof url === 'string' && url.startsWith(prefix)) longest = Math.max(longest, (e.dur ?? 0) / 1000);
  }
  return longest;
}

/** The [from, to) trace spans of AFTER_SWITCH_MS after each lead change in [fromTs, toTs), merged. */
function switchSpans(events: readonly TraceEvent[], fromTs: number, toTs: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const e of events) {
    if (e.name !== 'TimeStamp' || e.ts < fromTs || e.ts >= toTs) continue;
    const data = e.args?.data;
    if (typeof data !== 'object' || data === null || (data as { message?: unknown }).message !== SWITCH_MARKER) continue;
    const to = Math.min(toTs, e.ts + AFTER_SWITCH_MS * 1000);
    const previous = spans[spans.length - 1];
    if (previous && e.ts <= previous[1]) previous[1] = Math.max(previous[1], to);
    else spans.push([e.ts, to]);
  }
  return spans;
}

async function tracedRun(context: BrowserContext, target: LargePage, prefix: string): Promise<RunResult> {
  const page = await context.newPage();
  try {
    await serve(page, target);
    const tracer = await startTracing(context, page);
    await page.goto(target.url);
    await page.waitForSelector('leadpace-panel[data-lead-id]', { state: 'attached', timeout: 15_000 });
    const shownAt = await page.evaluate(() => performance.now());
    await sleep(SETTLE_MS);
    const before = await readState(page);
    await page.evaluate(() => console.timeStamp('bench:steady'));
    await sleep(WINDOW_MS);
    await page.evaluate(() => console.timeStamp('bench:end'));
    const after = await readState(page);
    const size = await pageSize(page);
    const events = await tracer.stop();
    if (!before || !after) throw new Error('the page script did not run');
    const steady = markerTs(events, 'bench:steady');
    const end = markerTs(events, 'bench:end');
    if (steady === undefined || end === undefined) throw new Error('trace markers missing');
    const seconds = (end - steady) / 1e6;
    const thread = threadOfScript(events, target.url);
    if (!thread) throw new Error('renderer main thread not found in the trace');
    const busy = threadBreakdown(events, thread, { fromTs: steady, toTs: end }).reduce((sum, [, value]) => sum + value, 0);

    const inWindow = attribute(events, prefix, { fromTs: steady, toTs: end });
    // Split the window: the AFTER_SWITCH_MS after each lead change vs the rest.
    const spans = switchSpans(events, steady, end);
    const inSpans = spans.map(([fromTs, toTs]) => attribute(events, prefix, { fromTs, toTs }));
    const switchMs = inSpans.reduce((sum, a) => sum + a.wallMs, 0);
    const switchCpuMs = inSpans.reduce((sum, a) => sum + a.cpuMs, 0);
    const switchSeconds = spans.reduce((sum, [from, to]) => sum + (to - from) / 1e6, 0);
    const steadyPerS = (inWindow.wallMs - switchMs) / (seconds - switchSeconds);

    const stateSeconds = (after.now - before.now) / 1000;
    const switches = after.switches.filter((s) => s.at >= shownAt && s.at <= after.now - SWITCH_DEADLINE_MS);
    const inTime = (s: SwitchRecord) => s.seenAt !== null && s.seenAt - s.at <= SWITCH_DEADLINE_MS;
    return {
      steadyPerS,
      steadyCpuPerS: (inWindow.cpuMs - switchCpuMs) / (seconds - switchSeconds),
      extPerS: inWindow.wallMs / seconds,
      perSwitchMs: spans.length > 0 ? (switchMs - steadyPerS * switchSeconds) / spans.length : Number.NaN,
      extCallsPerS: inWindow.count / seconds,
      extLongestMs: longestCall(events, prefix, steady, end),
      extByName: describeByName(inWindow.byName),
      extStartupMs: attribute(events, prefix, { toTs: steady }).wallMs,
      busyPerS: busy / seconds,
      changesPerS: (after.changes - before.changes) / stateSeconds,
      regionPerS: (after.region - before.region) / stateSeconds,
      outsidePerS: (after.outside - before.outside) / stateSeconds,
      switchLatencies: switches.flatMap((s) => (inTime(s) && s.seenAt !== null ? [s.seenAt - s.at] : [])),
      switchesMissed: switches.filter((s) => !inTime(s)).length,
      size,
    };
  } finally {
    await page.close();
  }
}

interface ExtractionResult {
  first: number;
  times: number[];
  isolated: boolean;
  snapshot: Record<string, unknown> | null;
}

function bundleAdapters(): string {
  const esbuild = resolve('node_modules/.bin/esbuild');
  const out = spawnSync(
    esbuild,
    ['scripts/bench/large-page-adapters.ts', '--bundle', '--format=iife', '--global-name=__leadpaceAdapters', '--platform=browser', '--target=chrome120', '--minify', '--log-level=warning'],
    { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 },
  );
  if (out.status !== 0) throw new Error(`esbuild failed: ${out.stderr}`);
  return out.stdout;
}

async function timeExtraction(context: BrowserContext, target: LargePage, adapterId: string, bundle: string): Promise<ExtractionResult & { size: PageSize }> {
  const page = await context.newPage();
  try {
    // Cross-origin isolated: performance.now() has 5 µs resolution instead of 100 µs.
    await serve(page, target, { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
    await page.goto(target.url);
    await page.addScriptTag({ content: bundle });
    await sleep(500);
    const result = await page.evaluate(
      async ({ id, runs }): Promise<ExtractionResult> => {
        type Adapter = { id: string; extract(doc: Document, url: URL): unknown };
        const lib = (window as Window & { __leadpaceAdapters?: Record<string, Adapter> }).__leadpaceAdapters ?? {};
        const adapter = Object.values(lib).find((a) => a.id === id);
        if (!adapter) throw new Error(`adapter ${id} not in the bundle`);
        const url = new URL(location.href);
        const firstStarted = performance.now();
        adapter.extract(document, url);
        const first = performance.now() - firstStarted;
        for (let i = 0; i < 4; i += 1) adapter.extract(document, url);
        const times: number[] = [];
        let snapshot: unknown = null;
        for (let i = 0; i < runs; i += 1) {
          // Let the page mutate in between, as it does between two real re-extractions.
          await new Promise((r) => setTimeout(r, 10));
          const started = performance.now();
          snapshot = adapter.extract(document, url);
          times.push(performance.now() - started);
        }
        return { first, times, isolated: crossOriginIsolated, snapshot: snapshot as Record<string, unknown> | null };
      },
      { id: adapterId, runs: EXTRACT_RUNS },
    );
    return { ...result, size: await pageSize(page) };
  } finally {
    await page.close();
  }
}

function mismatches(snapshot: Record<string, unknown> | null, expected: Record<string, string>): string[] {
  if (!snapshot) return ['no snapshot'];
  const wrong = Object.entries(expected).flatMap(([key, value]) => (snapshot[key] === value ? [] : [`${key}=${JSON.stringify(snapshot[key])} (want ${JSON.stringify(value)})`]));
  const missing = Array.isArray(snapshot.missing) ? snapshot.missing : [];
  return missing.length ? [...wrong, `missing: ${missing.join(', ')}`] : wrong;
}

async function launchPlain(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'leadpace-bench-plain-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  context.setDefaultTimeout(10_000);
  return {
    context,
    close: async () => {
      await context.close();
      removeProfile(dir);
    },
  };
}

const perS = (value: number, digits = 2) => `${num(value, digits)} ms/s`;
const describePerS = (s: Summary, digits = 2) =>
  `median ${perS(s.median, digits)} (min ${num(s.min, digits)}, max ${num(s.max, digits)}, n=${s.n})`;
const median = (values: number[]) => summarise(values).median;

export async function benchLargePage(browser: ExtensionBrowser): Promise<TableRow[]> {
  console.log('\n== 3b. Large busy CRM page: extension main-thread time per second, one extraction ==');
  const prefix = `chrome-extension://${browser.extensionId}/`;
  const pages = [demoLargePage(), salesforceLargePage()];
  console.log(
    `${RUNS} traced loads per page (new tab each, 1 warm-up load), window ${WINDOW_MS / 1000} s after the panel showed + ${SETTLE_MS / 1000} s settle;` +
      ` extension time = trace events of ${prefix}… scripts and their isolated world`,
  );
  const rows: TableRow[] = [];
  const withExt = new Map<string, RunResult[]>();
  for (const target of pages) {
    const warm = await browser.context.newPage();
    await serve(warm, target);
    await warm.goto(target.url);
    await warm.waitForSelector('leadpace-panel[data-lead-id]', { state: 'attached', timeout: 15_000 });
    await warm.close();
    const runs: RunResult[] = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await tracedRun(browser.context, target, prefix));
    withExt.set(target.name, runs);
  }

  // The extraction timing, in a plain Chromium.
  const plain = await launchPlain();
  const extraction = new Map<string, ExtractionResult & { size: PageSize; expected: Record<string, string> }>();
  try {
    const bundle = bundleAdapters();
    const still = [demoLargePage({ switchEveryMs: 0 }), salesforceLargePage({ switchEveryMs: 0 }), vinsolutionsLargePage()];
    for (const target of still) {
      extraction.set(target.name, { ...(await timeExtraction(plain.context, target, target.name, bundle)), expected: target.expected });
    }
  } finally {
    await plain.close();
  }

  for (const target of pages) {
    const runs = withExt.get(target.name) ?? [];
    const steadyExt = summarise(runs.map((r) => r.steadyPerS));
    const steadyCpu = median(runs.map((r) => r.steadyCpuPerS));
    const ext = summarise(runs.map((r) => r.extPerS));
    const perSwitch = median(runs.map((r) => r.perSwitchMs).filter((v) => Number.isFinite(v)));
    const sample = runs[Math.floor(runs.length / 2)];
    const size = sample?.size;
    const changes = median(runs.map((r) => r.changesPerS));
    const region = median(runs.map((r) => r.regionPerS));
    const outside = median(runs.map((r) => r.outsidePerS));
    const latencies = runs.flatMap((r) => r.switchLatencies);
    const missed = runs.reduce((sum, r) => sum + r.switchesMissed, 0);
    const busy = median(runs.map((r) => r.busyPerS));
    console.log(
      `\n${target.name}: ${size?.elements.toLocaleString('en-US')} elements, ${size?.nodes.toLocaleString('en-US')} nodes; ${num(changes, 1)} DOM changes/s` +
        ` (${num(region, 1)}/s inside the region Leadpace watches, ${num(outside, 1)}/s elsewhere); lead changed in place every 5 s`,
    );
    console.log(
      `  extension main-thread time, page activity without lead changes: ${describePerS(steadyExt)} (thread time: median ${perS(steadyCpu)}); goal ≤ ${GOAL_MS_PER_S} ms/s`,
    );
    console.log(
      `  the whole window, a lead change every 5 s included: ${describePerS(ext)}; each lead change ≈ ${ms(perSwitch, 1)} more` +
        ` (re-read, report, panel render; the ${AFTER_SWITCH_MS / 1000} s after each change set apart from the rest)`,
    );
    console.log(
      `  calls into the extension: median ${num(median(runs.map((r) => r.extCallsPerS)), 1)}/s, longest single call ${ms(Math.max(...runs.map((r) => r.extLongestMs)), 2)};` +
        ` one-time startup (injection, mount, first extraction) median ${ms(median(runs.map((r) => r.extStartupMs)), 1)}`,
    );
    if (sample) console.log(`  by trace event (one run, window): ${sample.extByName || 'none'}`);
    console.log(`  for scale: renderer main thread busy ${perS(busy, 0)} in the same window (all work, mostly the page's own style/layout)`);
    const noticed = latencies.length ? `median ${ms(median(latencies), 0)}, max ${num(Math.max(...latencies), 0)}` : 'never';
    console.log(`  in-place lead change → panel follows: ${noticed} (${latencies.length} noticed, ${missed} not within ${SWITCH_DEADLINE_MS / 1000} s)`);
    rows.push({
      metric: `large page (${target.name}): ext. main-thread/s`,
      value:
        `${describePerS(steadyExt)} (${perS(ext.median)} with a lead change every 5 s, ≈ ${ms(perSwitch, 0)} each);` +
        ` ${size?.elements.toLocaleString('en-US')} elements, ${num(changes, 0)} changes/s`,
      goal: `≤ ${GOAL_MS_PER_S} ms/s`,
    });
    rows.push({
      metric: `large page (${target.name}): lead change noticed`,
      value: `${noticed} ms; ${missed} of ${latencies.length + missed} missed`,
    });
  }

  console.log('');
  const extractionParts: string[] = [];
  for (const [name, result] of extraction) {
    const s = summarise(result.times);
    const wrong = mismatches(result.snapshot, result.expected);
    console.log(
      `one extraction, ${name} adapter on its large page (${result.size.elements.toLocaleString('en-US')} elements): ${describe(s, 2)}` +
        `; first call on the page ${ms(result.first, 1)}; ${result.isolated ? '5 µs clock' : '100 µs clock'}; snapshot ${wrong.length ? `WRONG: ${wrong.join('; ')}` : 'as expected'}`,
    );
    extractionParts.push(`${name} ${ms(s.median, 2)}${wrong.length ? ' (WRONG)' : ''}`);
  }
  rows.push({ metric: 'large page: one extraction (median)', value: extractionParts.join(', '), goal: `≤ ${GOAL_EXTRACT_MS} ms` });
  return rows;
}

// Run alone: npx tsx scripts/bench/large-page.ts
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(`extension: ${EXTENSION_DIR}`);
  const browser = await launchWithExtension(undefined, { headless: true });
  try {
    console.log(`\n${formatTable(await benchLargePage(browser))}`);
  } finally {
    await browser.close();
    removeProfile(browser.profileDir);
  }
}
