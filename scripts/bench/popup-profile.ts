/**
 * Where the popup's first render goes: one traced and CPU-profiled reload of popup.html over the
 * benchmark's 5,000 leads, after a few warm reloads. Prints the page's own timings, the main
 * thread's tasks in order from navigation start (so waits show as gaps), and the CPU samples by
 * source module (mapped through the source maps of a `LEADPACE_SOURCEMAP=1` build). Usage:
 *   LEADPACE_SOURCEMAP=1 LEADPACE_E2E_DIR=maps node scripts/build-e2e.mjs
 *   LEADPACE_EXTENSION_DIR=.output/maps npx tsx scripts/bench/popup-profile.ts [page=popup.html]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { EXTENSION_DIR, launchWithExtension, removeProfile } from '../lib/extension-browser';
import { initScript } from './page-script';
import { installPopupProbe, makePlanRow, putRows, reloadAndProbe } from './popup';
import { buildPopupSeed } from './popup-data';
import type { BrowserContext, Page } from 'playwright-core';
import { TRACE_CATEGORIES, threadOfScript, type TraceEvent } from './trace';

const PAGE = process.argv[2] ?? 'popup.html';
const WARM_RELOADS = 3;

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  parent?: number;
}

interface CpuProfile {
  nodes: CpuNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

const maps = new Map<string, TraceMap | null>();
function sourceOf(frame: CpuNode['callFrame']): string {
  const url = frame.url;
  if (!url) return frame.functionName ? `(${frame.functionName})` : '(program)';
  if (!url.startsWith('chrome-extension://')) return url;
  const file = new URL(url).pathname.slice(1);
  if (!maps.has(file)) {
    const mapPath = join(EXTENSION_DIR, `${file}.map`);
    maps.set(file, existsSync(mapPath) ? new TraceMap(readFileSync(mapPath, 'utf8')) : null);
  }
  const map = maps.get(file);
  if (!map) return file;
  let source = file;
  try {
    source = originalPositionFor(map, { line: frame.lineNumber + 1, column: Math.max(0, frame.columnNumber) }).source ?? file;
  } catch {
    // A position past the map's last line (the bundle's wrapper): keep the file name.
  }
  const at = source.lastIndexOf('node_modules/');
  if (at < 0) return source.replace(/^(\.\.\/)+/, '');
  const rest = source.slice(at + 'node_modules/'.length).split('/');
  return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? source);
}

function selfTimeBySource(profile: CpuProfile, fromTs: number, toTs: number, withFunction = false): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    if (t < fromTs || t >= toTs) return;
    const delta = profile.timeDeltas[i + 1] ?? 0;
    const node = byId.get(id);
    const key = node ? `${sourceOf(node.callFrame)}${withFunction ? ` ${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}:${node.callFrame.columnNumber + 1}` : ''}` : '(unknown)';
    totals.set(key, (totals.get(key) ?? 0) + delta / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/**
 * Self time of samples in `library` (a source group such as zod), charged to the nearest caller
 * outside it: which project code spends the library's time.
 */
function libraryTimeByCaller(profile: CpuProfile, library: string): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of (node as CpuNode & { children?: number[] }).children ?? []) parentOf.set(child, node.id);
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node || sourceOf(node.callFrame) !== library) return;
    let callerId = parentOf.get(id);
    let caller = callerId === undefined ? undefined : byId.get(callerId);
    while (caller && sourceOf(caller.callFrame) === library) {
      callerId = parentOf.get(caller.id);
      caller = callerId === undefined ? undefined : byId.get(callerId);
    }
    const key = caller ? `${sourceOf(caller.callFrame)} ${caller.callFrame.functionName || '(anonymous)'}` : '(top)';
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

const urlOf = (e: TraceEvent): string => {
  const data = e.args?.data as { url?: unknown } | undefined;
  const url = typeof data?.url === 'string' ? data.url : typeof e.args?.fileName === 'string' ? e.args.fileName : '';
  return url.replace(/^chrome-extension:\/\/[^/]+\//, '');
};

/** Top-level tasks on the page's main thread from `fromTs`, each with its biggest children. */
function mainThreadTimeline(events: readonly TraceEvent[], thread: { pid: number; tid: number }, fromTs: number, toTs: number): string[] {
  const list = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && typeof e.dur === 'number' && e.ts + (e.dur ?? 0) >= fromTs && e.ts < toTs)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const lines: string[] = [];
  let until = -Infinity;
  for (const task of list) {
    if (task.name !== 'RunTask' && task.name !== 'ThreadControllerImpl::RunTask') continue;
    const end = task.ts + (task.dur ?? 0);
    if (end <= until) continue;
    until = end;
    if ((task.dur ?? 0) < 1000) continue;
    const inside = list.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && e.name !== 'RunTask' && (e.dur ?? 0) >= 500);
    const names = inside
      .slice(0, 40)
      .map((e) => `${e.name}${urlOf(e) ? `(${urlOf(e)})` : ''} ${((e.dur ?? 0) / 1000).toFixed(1)}`)
      .slice(0, 6);
    lines.push(`  ${((task.ts - fromTs) / 1000).toFixed(1).padStart(7)} ms +${((task.dur ?? 0) / 1000).toFixed(1).padStart(6)}  ${names.join(' | ')}`);
  }
  return lines;
}

/** Tracing with the CPU profiler's samples in the trace (one clock for both). */
async function startProfiledTrace(context: BrowserContext, page: Page): Promise<{ stop(): Promise<TraceEvent[]> }> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (payload) => {
    for (const raw of payload.value) if (typeof raw.name === 'string' && typeof raw.ts === 'number') events.push(raw as unknown as TraceEvent);
  });
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: [...TRACE_CATEGORIES, 'blink.user_timing', 'loading'], recordMode: 'recordAsMuchAsPossible' },
  });
  return {
    async stop() {
      const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach().catch(() => undefined);
      return events;
    },
  };
}

/** Wall and thread (CPU) time of the outermost tasks on the thread within [fromTs, toTs). */
function mainThreadCpu(events: readonly TraceEvent[], thread: { pid: number; tid: number }, fromTs: number, toTs: number): { wallMs: number; cpuMs: number } {
  const tasks = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ts >= fromTs && e.ts < toTs)
    .sort((a, b) => a.ts - b.ts);
  let until = -Infinity;
  let wall = 0;
  let cpu = 0;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    if (end <= until) continue;
    until = end;
    wall += task.dur ?? 0;
    cpu += task.tdur ?? task.dur ?? 0;
  }
  return { wallMs: wall / 1000, cpuMs: cpu / 1000 };
}

const browser = await launchWithExtension(undefined, { headless: true });
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.addInitScript(initScript(installPopupProbe));
  const url = `chrome-extension://${browser.extensionId}/${PAGE}`;
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.waitForSelector('[data-testid="my-leads"], [data-testid="db-error"]', { state: 'attached' });
  const seed = buildPopupSeed();
  await putRows(page, 'leads', seed.leads, true);
  await putRows(page, 'events', seed.events, true);
  await putRows(page, 'summary', seed.summary, true);
  await makePlanRow(page);
  await page.goto(url);
  for (let i = 0; i < WARM_RELOADS; i++) {
    const r = await reloadAndProbe(page);
    console.log(`warm reload ${i + 1}: first row ${r.firstRow.toFixed(1)} ms, painted ${r.painted.toFixed(1)} ms`);
  }
  const tracer = await startProfiledTrace(browser.context, page);
  const run = await reloadAndProbe(page);
  const timings = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource').map((r) => ({
      name: r.name.replace(/^chrome-extension:\/\/[^/]+\//, ''),
      start: r.startTime,
      end: r instanceof PerformanceResourceTiming ? r.responseEnd : r.startTime + r.duration,
    }));
    return {
      responseEnd: nav instanceof PerformanceNavigationTiming ? nav.responseEnd : Number.NaN,
      domInteractive: nav instanceof PerformanceNavigationTiming ? nav.domInteractive : Number.NaN,
      dcl: nav instanceof PerformanceNavigationTiming ? nav.domContentLoadedEventEnd : Number.NaN,
      resources,
    };
  });
  const events = await tracer.stop();
  const paintedTs = events.find((e) => e.name === 'TimeStamp' && (e.args?.data as { message?: string } | undefined)?.message === 'bench:popup-painted')?.ts;
  const thread = threadOfScript(events, '/chunks/');
  if (paintedTs === undefined || !thread) throw new Error('no painted marker or no popup thread in the trace');
  // performance.now() of the page is ms since navigation start: painted marks the same instant.
  const navTs = paintedTs - run.painted * 1000;
  console.log(`\n${PAGE}: first row ${run.firstRow.toFixed(1)} ms, painted ${run.painted.toFixed(1)} ms; responseEnd ${timings.responseEnd.toFixed(1)}, domInteractive ${timings.domInteractive.toFixed(1)}, DOMContentLoaded ${timings.dcl.toFixed(1)}`);
  console.log('resources (start → end, ms from navigation start):');
  for (const r of timings.resources) console.log(`  ${r.start.toFixed(1).padStart(7)} → ${r.end.toFixed(1).padStart(7)}  ${r.name}`);
  const cpu0 = mainThreadCpu(events, thread, navTs, paintedTs);
  console.log(`main thread, navigation → painted: ${cpu0.wallMs.toFixed(1)} ms in tasks (wall), ${cpu0.cpuMs.toFixed(1)} ms thread CPU time`);
  console.log('main-thread tasks ≥ 1 ms (start from navigation, duration, children ≥ 0.5 ms):');
  for (const line of mainThreadTimeline(events, thread, navTs, paintedTs)) console.log(line);
  // A second reload under the sampling profiler (its own run: in the trace it slows the page down).
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const profiled = await reloadAndProbe(page);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const cpu: CpuProfile = { nodes: profile.nodes, samples: profile.samples ?? [], timeDeltas: profile.timeDeltas ?? [], startTime: profile.startTime };
  const self = selfTimeBySource(cpu, -Infinity, Infinity);
  const total = self.reduce((sum, [, v]) => sum + v, 0);
  console.log(`\nprofiled reload (first row ${profiled.firstRow.toFixed(1)} ms, painted ${profiled.painted.toFixed(1)} ms): CPU samples by source, self ms (${total.toFixed(1)} sampled, reload to painted)`);
  for (const [source, value] of self.slice(0, 40)) console.log(`  ${value.toFixed(1).padStart(7)}  ${source}`);
  for (const library of ['zod', 'dexie', 'react-dom']) {
    console.log(`${library} self time by the first caller outside it (ms):`);
    for (const [caller, value] of libraryTimeByCaller(cpu, library).slice(0, 8)) console.log(`  ${value.toFixed(1).padStart(7)}  ${caller}`);
  }
  console.log('by function (self ms):');
  for (const [fn, value] of selfTimeBySource(cpu, -Infinity, Infinity, true).slice(0, 40)) console.log(`  ${value.toFixed(1).padStart(7)}  ${fn}`);
} finally {
  await browser.close();
  removeProfile(browser.profileDir);
}
