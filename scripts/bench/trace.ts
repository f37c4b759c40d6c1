/**
 * Chrome tracing over CDP and attribution of main-thread time to the extension's content
 * script. Chromium 156 emits, for a content script:
 *   EvaluateScript {data.url}            the script's first run (contains v8.compile + v8.run)
 *   v8.compile / v8.run {fileName, worldId, worldName}
 *   FunctionCall {data.url}              every callback: timers, events, MutationObserver, ...
 *   v8.callFunction {worldId, worldName} the V8 side of such a call (no URL)
 * We take every complete event on the renderer thread that names the script's URL, plus every
 * event tagged with the isolated world the script ran in, and add up the union of their
 * intervals, so nested events (EvaluateScript > v8.run > FunctionCall) count once.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
];

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toTraceEvent(value: unknown): TraceEvent | null {
  if (!isRecord(value)) return null;
  const { name, ph, pid, tid, ts } = value;
  if (typeof name !== 'string' || typeof ph !== 'string' || typeof pid !== 'number' || typeof tid !== 'number' || typeof ts !== 'number') {
    return null;
  }
  return {
    name,
    ph,
    pid,
    tid,
    ts,
    cat: typeof value.cat === 'string' ? value.cat : undefined,
    dur: typeof value.dur === 'number' ? value.dur : undefined,
    tdur: typeof value.tdur === 'number' ? value.tdur : undefined,
    args: isRecord(value.args) ? value.args : undefined,
  };
}

export interface Tracer {
  cdp: CDPSession;
  stop(): Promise<TraceEvent[]>;
}

/** Starts tracing for `page` (call before navigating it). */
export async function startTracing(context: BrowserContext, page: Page): Promise<Tracer> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (payload) => {
    for (const raw of payload.value) {
      const event = toTraceEvent(raw);
      if (event) events.push(event);
    }
  });
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
  return {
    cdp,
    async stop() {
      const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach().catch(() => undefined);
      return events;
    },
  };
}

function stringAt(record: Record<string, unknown> | undefined, ...path: string[]): string | undefined {
  let current: unknown = record;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return typeof current === 'string' ? current : undefined;
}

function numberAt(record: Record<string, unknown> | undefined, key: string): number | undefined {
  const value = record?.[key];
  return typeof value === 'number' ? value : undefined;
}

const scriptUrlOf = (e: TraceEvent): string | undefined =>
  stringAt(e.args, 'data', 'url') ?? stringAt(e.args, 'fileName') ?? stringAt(e.args, 'data', 'scriptName');

export interface Attribution {
  /** Union of the attributed intervals on the renderer main thread, ms (wall clock). */
  wallMs: number;
  /** Thread (CPU) time of the outermost attributed events, ms. */
  cpuMs: number;
  /** Outermost attributed events (roughly: calls into the extension). */
  count: number;
  /** Outermost attributed events by name: count and wall ms. */
  byName: Map<string, { count: number; ms: number }>;
}

/**
 * Main-thread time attributed to scripts whose URL starts with `urlPrefix`, within
 * [fromTs, toTs) (trace clock, µs) when given.
 */
export function attribute(events: readonly TraceEvent[], urlPrefix: string, window?: { fromTs?: number; toTs?: number }): Attribution {
  // The isolated worlds the script ran in, per renderer process.
  const worlds = new Set<string>();
  for (const e of events) {
    const worldId = numberAt(e.args, 'worldId');
    if (worldId !== undefined && scriptUrlOf(e)?.startsWith(urlPrefix)) worlds.add(`${e.pid}:${worldId}`);
  }
  const from = window?.fromTs ?? -Infinity;
  const to = window?.toTs ?? Infinity;
  const hits = events
    .filter((e) => e.ph === 'X' && typeof e.dur === 'number' && e.ts >= from && e.ts < to)
    .filter((e) => {
      if (scriptUrlOf(e)?.startsWith(urlPrefix)) return true;
      const worldId = numberAt(e.args, 'worldId');
      return worldId !== undefined && worlds.has(`${e.pid}:${worldId}`);
    })
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let wall = 0;
  let cpu = 0;
  let count = 0;
  const byName = new Map<string, { count: number; ms: number }>();
  // Per thread: merge nested/overlapping intervals; only outermost events count.
  const open = new Map<string, number>();
  for (const e of hits) {
    const thread = `${e.pid}:${e.tid}`;
    const end = e.ts + (e.dur ?? 0);
    const coveredUntil = open.get(thread) ?? -Infinity;
    if (end <= coveredUntil) continue; // nested in an event already counted
    const start = Math.max(e.ts, coveredUntil);
    wall += end - start;
    if (e.ts >= coveredUntil) {
      cpu += e.tdur ?? e.dur ?? 0;
      count += 1;
      const entry = byName.get(e.name) ?? { count: 0, ms: 0 };
      entry.count += 1;
      entry.ms += (e.dur ?? 0) / 1000;
      byName.set(e.name, entry);
    }
    open.set(thread, end);
  }
  return { wallMs: wall / 1000, cpuMs: cpu / 1000, count, byName };
}

export function markerTs(events: readonly TraceEvent[], message: string): number | undefined {
  return events.find((e) => e.name === 'TimeStamp' && stringAt(e.args, 'data', 'message') === message)?.ts;
}

export function describeByName(byName: Map<string, { count: number; ms: number }>): string {
  return [...byName]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([name, { count, ms }]) => `${name}×${count} ${ms.toFixed(2)} ms`)
    .join(', ');
}

/** The renderer main thread that compiled/ran a script whose URL contains `urlPart`. */
export function threadOfScript(events: readonly TraceEvent[], urlPart: string): { pid: number; tid: number } | null {
  const onMainThread = new Set(['EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.run', 'FunctionCall']);
  const hit = events.find((e) => onMainThread.has(e.name) && (scriptUrlOf(e) ?? '').includes(urlPart));
  return hit ? { pid: hit.pid, tid: hit.tid } : null;
}

const TASK_WRAPPERS = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadPool_RunTask']);

/**
 * Where one thread's time went: the work directly inside each task (the children of RunTask),
 * summed by event name, in ms, biggest first. Time in a task not covered by a child is "other".
 */
export function threadBreakdown(
  events: readonly TraceEvent[],
  thread: { pid: number; tid: number },
  window: { fromTs?: number; toTs?: number } = {},
): Array<[string, number]> {
  const from = window.fromTs ?? -Infinity;
  const to = window.toTs ?? Infinity;
  const list = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && typeof e.dur === 'number' && e.ts >= from && e.ts < to)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const totals = new Map<string, number>();
  const add = (name: string, us: number) => totals.set(name, (totals.get(name) ?? 0) + us / 1000);
  const stack: TraceEvent[] = [];
  const childTime = new Map<TraceEvent, number>();
  for (const e of list) {
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top && top.ts + (top.dur ?? 0) <= e.ts) stack.pop();
      else break;
    }
    const parent = stack[stack.length - 1];
    if (!TASK_WRAPPERS.has(e.name) && (parent === undefined || TASK_WRAPPERS.has(parent.name))) {
      add(e.name, e.dur ?? 0);
      if (parent) childTime.set(parent, (childTime.get(parent) ?? 0) + (e.dur ?? 0));
    }
    stack.push(e);
  }
  let taskTotal = 0;
  let covered = 0;
  // Outermost tasks only: a task nested in another is already inside its parent's time.
  const outer: TraceEvent[] = [];
  let until = -Infinity;
  for (const e of list) {
    if (!TASK_WRAPPERS.has(e.name)) continue;
    if (e.ts + (e.dur ?? 0) <= until) continue;
    outer.push(e);
    until = e.ts + (e.dur ?? 0);
  }
  for (const task of outer) {
    taskTotal += task.dur ?? 0;
    covered += childTime.get(task) ?? 0;
  }
  if (taskTotal > covered) add('other (in tasks)', taskTotal - covered);
  return [...totals].sort((a, b) => b[1] - a[1]);
}
