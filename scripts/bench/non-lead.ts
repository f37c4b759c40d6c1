/**
 * Section 3: what the content script costs on a CRM page that is not a lead page (/voorraad).
 * Main-thread time attributed to the detector (the script Leadpace registers for CRM pages) in a Chrome trace of load + 3 s idle,
 * beside an empty content script of a second extension on the same loads (the floor: what any
 * content script costs, its isolated world included), and their ratio. Then a check that DOM
 * mutations on that page do not make the extension work: 1,000 rows added in 50 tasks, compared
 * with an equally long quiet window just before. A positive control does the same inside the
 * lead region of a lead page, which the extension does observe, to show the method sees
 * observer callbacks when there are any.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../lib/extension-browser';
import { EMPTY_SCRIPT_FILE, launchBesideEmpty, registeredScriptFile } from './empty-extension';
import { atMost, recordFigure } from './figures';
import { TRACE_CATEGORIES, attribute, describeByName, markerTs, startTracing } from './trace';
import { describe, ms, num, sleep, summarise, type TableRow } from './stats';

const LOADS = 10;
const IDLE_MS = 3_000;
const WINDOW_MS = 1_000;
// Loads: IDLE_MS each (the last WINDOW_MS of it is the quiet window), then WINDOW_MS of mutations.
const MUTATIONS = 1_000;
const BATCHES = 50;
// The detector may cost at most this much more than a content script that does nothing.
const RATIO_GOAL = 1.2;

/** Adds `count` rows to `target` in `batches` separate tasks; resolves when all are in. */
function addRows(page: Page, target: string, count: number, batches: number): Promise<number> {
  return page.evaluate(
    async ({ target, count, batches }) => {
      const parent = document.querySelector(target);
      if (!parent) throw new Error(`no ${target}`);
      const tag = parent.tagName === 'TBODY' ? 'tr' : 'div';
      const cell = tag === 'tr' ? 'td' : 'span';
      const per = Math.ceil(count / batches);
      let added = 0;
      while (added < count) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        for (let i = 0; i < per && added < count; i++, added++) {
          const row = document.createElement(tag);
          row.setAttribute('data-bench-row', String(added));
          for (let c = 0; c < 3; c++) {
            const td = document.createElement(cell);
            td.textContent = `bench ${added}.${c}`;
            row.append(td);
          }
          parent.append(row);
        }
      }
      return added;
    },
    { target, count, batches },
  );
}

const stamp = (page: Page, message: string) => page.evaluate((m) => console.timeStamp(m), message);

interface LoadResult {
  loadMs: number;
  loadCpuMs: number;
  quietMs: number;
  mutateMs: number;
  quietCalls: number;
  mutateCalls: number;
  byName: string;
  mutateByName: string;
}

/** One traced load of `url`: idle, a quiet window, then mutations; attributed per script prefix. */
async function tracedLoad<K extends string>(
  context: BrowserContext,
  url: string,
  ready: string,
  mutateTarget: string,
  urlPrefixes: Record<K, string>,
): Promise<Record<K, LoadResult>> {
  const page = await context.newPage();
  try {
    const tracer = await startTracing(context, page);
    const started = Date.now();
    await page.goto(url);
    await page.waitForSelector(ready, { state: 'attached' });
    // The last WINDOW_MS of the idle period doubles as the quiet window mutations compare with.
    await sleep(Math.max(0, IDLE_MS - WINDOW_MS - (Date.now() - started)));
    await stamp(page, 'bench:quiet');
    await sleep(WINDOW_MS);
    await stamp(page, 'bench:mutate');
    const mutateStart = Date.now();
    await addRows(page, mutateTarget, MUTATIONS, BATCHES);
    await sleep(Math.max(0, WINDOW_MS - (Date.now() - mutateStart)));
    await stamp(page, 'bench:end');
    const events = await tracer.stop();
    const quiet = markerTs(events, 'bench:quiet');
    const mutate = markerTs(events, 'bench:mutate');
    const end = markerTs(events, 'bench:end');
    if (quiet === undefined || mutate === undefined || end === undefined) throw new Error('trace markers missing');
    const result = {} as Record<K, LoadResult>;
    for (const key of Object.keys(urlPrefixes) as K[]) {
      const urlPrefix = urlPrefixes[key];
      const load = attribute(events, urlPrefix, { toTs: mutate });
      const quietPart = attribute(events, urlPrefix, { fromTs: quiet, toTs: mutate });
      const mutatePart = attribute(events, urlPrefix, { fromTs: mutate, toTs: end });
      result[key] = {
        loadMs: load.wallMs,
        loadCpuMs: load.cpuMs,
        quietMs: quietPart.wallMs,
        quietCalls: quietPart.count,
        mutateMs: mutatePart.wallMs,
        mutateCalls: mutatePart.count,
        byName: describeByName(load.byName),
        mutateByName: describeByName(mutatePart.byName),
      };
    }
    return result;
  } finally {
    await page.close();
  }
}

export async function benchNonLeadPage(browser: ExtensionBrowser, crmUrl: string): Promise<TableRow[]> {
  console.log('\n== 3. Non-lead CRM page (/voorraad): main-thread time of the content script, beside an empty one ==');
  // Not the inbox: since list discovery, inboxes load the list reader (measured below).
  const inbox = new URL('/voorraad', crmUrl).href;
  // A second browser: the empty extension must be loaded at launch, beside Leadpace.
  const side = await launchBesideEmpty([`${new URL(crmUrl).origin}/*`]);
  const results: Array<Record<'leadpace' | 'empty', LoadResult>> = [];
  try {
    const prefixes = {
      leadpace: `chrome-extension://${side.leadpaceId}${side.detectorFile}`,
      empty: `chrome-extension://${side.emptyId}/${EMPTY_SCRIPT_FILE}`,
    };
    console.log(`detector: ${side.detectorFile}`);
    console.log(
      `trace categories: ${TRACE_CATEGORIES.join(', ')}; ${LOADS} loads, new page each, one browser with Leadpace and an empty content script (same origins, document_idle)`,
    );
    // One unmeasured load: the first page of a browser also pays for its renderer process.
    await tracedLoad(side.context, inbox, 'section.placeholder-page', 'section.placeholder-page', prefixes);
    for (let i = 0; i < LOADS; i++) {
      results.push(await tracedLoad(side.context, inbox, 'section.placeholder-page', 'section.placeholder-page', prefixes));
    }
  } finally {
    await side.close();
  }
  const leadpace = results.map((r) => r.leadpace);
  const empty = results.map((r) => r.empty);
  const load = summarise(leadpace.map((r) => r.loadMs));
  const floor = summarise(empty.map((r) => r.loadMs));
  const cpu = summarise(leadpace.map((r) => r.loadCpuMs));
  const quiet = summarise(leadpace.map((r) => r.quietMs));
  const mutate = summarise(leadpace.map((r) => r.mutateMs));
  const ratio = load.median / floor.median;
  console.log(`Leadpace detector, main-thread time, load + ${IDLE_MS / 1000} s idle: ${describe(load, 2)}`);
  console.log(`empty content script, same pages:                  ${describe(floor, 2)}`);
  console.log(`ratio of the medians: ${num(ratio, 2)}; goal ≤ ${RATIO_GOAL}`);
  console.log(`  thread (CPU) time: Leadpace median ${ms(cpu.median, 2)}, empty ${ms(summarise(empty.map((r) => r.loadCpuMs)).median, 2)}`);
  const middle = Math.floor(results.length / 2);
  const sample = leadpace[middle];
  if (sample) console.log(`  by trace event (one load), Leadpace: ${sample.byName || 'none'}`);
  console.log(`  by trace event (same load), empty: ${empty[middle]?.byName || 'none'}`);
  recordFigure('nonLead.extensionMs', load.median, 'ms', undefined, 'the detector on /voorraad, load + 3 s idle, median');
  recordFigure('nonLead.emptyScriptMs', floor.median, 'ms', undefined, 'an empty content script on the same loads, median');
  recordFigure('nonLead.ratio', ratio, 'x', atMost(RATIO_GOAL), 'nonLead.extensionMs / nonLead.emptyScriptMs');
  // Thread time beside the wall figures: on a loaded machine a descheduled renderer inflates
  // wall time inside an attributed event; thread time shows the script's own work.
  const emptyCpu = summarise(empty.map((r) => r.loadCpuMs));
  recordFigure('nonLead.extensionCpuMs', cpu.median, 'ms', undefined, 'the detector on /voorraad, thread time, median');
  recordFigure('nonLead.emptyScriptCpuMs', emptyCpu.median, 'ms', undefined, 'an empty content script, thread time, median');
  console.log(
    `${MUTATIONS} DOM mutations (${BATCHES} tasks) on that page: extension time median ${ms(mutate.median, 2)} in the ${WINDOW_MS} ms after them` +
      ` vs ${ms(quiet.median, 2)} in a quiet ${WINDOW_MS} ms before (max ${num(mutate.max, 2)} vs ${num(quiet.max, 2)}); n=${LOADS}`,
  );
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const mutateCalls = sum(leadpace.map((r) => r.mutateCalls));
  const quietCalls = sum(leadpace.map((r) => r.quietCalls));
  console.log(
    `  extension calls in those windows over all ${LOADS} loads: ${mutateCalls} after the mutations vs ${quietCalls} quiet` +
      ` (a document observer would add ≥ ${LOADS * BATCHES}); after, one load: ${sample?.mutateByName || 'none'}`,
  );
  // A subtree observer on the document would be called once per mutating task.
  const grows = mutate.median - quiet.median > 0.5 || mutateCalls - quietCalls >= (LOADS * BATCHES) / 2;
  console.log(
    grows
      ? '  RESULT: extension time grows with DOM mutations on a non-lead page — a document-level observer is likely active'
      : '  RESULT: no growth with DOM mutations — no document-wide observer from the extension reacts on this page',
  );

  const urlPrefix = `chrome-extension://${browser.extensionId}${await registeredScriptFile(await browser.worker())}`;
  const only = { leadpace: urlPrefix };
  // Positive control: the lead region of a lead page IS observed, so the same method must see it.
  const lead = new URL('/leads/L-1042', crmUrl).href;
  const { leadpace: control } = await tracedLoad(browser.context, lead, 'section.lead-detail[data-record-id]', 'section.lead-detail', only);
  console.log(
    `  method check (lead page, ${MUTATIONS} mutations inside the lead region the extension observes): ${ms(control.mutateMs, 2)}, ${control.mutateCalls} calls` +
      ` vs quiet ${ms(control.quietMs, 2)}, ${control.quietCalls} calls (${control.mutateByName || 'no events'})`,
  );
  // Inbox: the detector injects the list reader, which reads the list once and then watches
  // only the list's own container.
  const extension = `chrome-extension://${browser.extensionId}/`;
  const inboxRuns: LoadResult[] = [];
  for (let i = 0; i < Math.min(LOADS, 5); i++) {
    const run = await tracedLoad(browser.context, new URL('/leads', crmUrl).href, 'tr[data-lead-id]', '.lead-table tbody', { all: extension });
    inboxRuns.push(run.all);
  }
  const inboxLoad = summarise(inboxRuns.map((r) => r.loadMs));
  console.log(`inbox (list discovery), all extension scripts, load + ${IDLE_MS / 1000} s idle: ${describe(inboxLoad, 2)}`);
  return [
    { metric: 'non-lead page: detector main-thread (load+3s)', value: describe(load, 2) },
    { metric: 'non-lead page: empty content script, same loads', value: describe(floor, 2) },
    { metric: 'non-lead page: detector / empty script', value: num(ratio, 2), goal: `≤ ${RATIO_GOAL}` },
    { metric: 'inbox page (list discovery): ext. main-thread (load+3s)', value: describe(inboxLoad, 2) },
    {
      metric: `non-lead page: +${MUTATIONS} mutations`,
      value: `${ms(mutate.median, 2)} vs ${ms(quiet.median, 2)} quiet, ${mutateCalls} vs ${quietCalls} calls (${grows ? 'GROWS' : 'no growth'})`,
    },
  ];
}
