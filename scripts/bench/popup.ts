/**
 * Section 4: popup first render over a large local database. The popup page creates the
 * database (Dexie), the benchmark fills it with raw IndexedDB from that page in bulk
 * transactions, then opens the popup in a new page each time and reads, in the page's own timeline
 * (performance.now() = ms since navigation start), when the first lead row and the "today"
 * numbers are in the DOM, and when that frame is painted (next animation frame + 0 ms timeout).
 * The same is measured for an empty React page of the extension (the floor), and what the page
 * reads of the raw events until its team board is shown.
 */
import { plannedKeys } from '../lib/plan-row';
import type { BrowserContext, Page } from 'playwright-core';
import { EXTENSION_DIR, type ExtensionBrowser } from '../lib/extension-browser';
import { atMost, recordFigure } from './figures';
import { EMPTY_POPUP_PAGE, writeEmptyPopup } from './popup-empty';
import { initScript } from './page-script';
import { buildPopupSeed } from './popup-data';
import { describe, ms, num, summarise, type TableRow } from './stats';
import { markerTs, startTracing, threadBreakdown, threadOfScript, type Tracer } from './trace';

const OPENS = 5;
const GOAL_MS = 150;
const RATIO_GOAL = 2;

interface PopupProbe {
  firstRow: number | null;
  today: number | null;
  painted: number | null;
  /** Records read from the events store by this page so far (values, cursor steps). */
  eventsRead: number;
}

type ProbeWindow = Window & { __leadpaceBench?: PopupProbe };

/** What the probe logs once the frame is painted (a literal: the probe runs in the page). */
const PAINTED_MESSAGE = 'leadpace-bench:popup-painted';

/** Main world of popup.html, before its scripts. */
export function installPopupProbe(): void {
  const probe: PopupProbe = { firstRow: null, today: null, painted: null, eventsRead: 0 };
  (window as ProbeWindow).__leadpaceBench = probe;
  // Counts what the page reads of the raw events, whichever code reads them.
  const counted = (request: IDBRequest, source: IDBObjectStore | IDBIndex) => {
    const store = source instanceof IDBIndex ? source.objectStore : source;
    if (store.name !== 'events') return request;
    request.addEventListener('success', () => {
      const result: unknown = request.result;
      probe.eventsRead += Array.isArray(result) ? result.length : result ? 1 : 0;
    });
    return request;
  };
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
    for (const method of ['get', 'getAll', 'openCursor'] as const) {
      const original = proto[method] as (this: IDBObjectStore | IDBIndex, ...args: unknown[]) => IDBRequest;
      Object.defineProperty(proto, method, {
        configurable: true,
        value(this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
          return counted(original.apply(this, args), this);
        },
      });
    }
  }
  const check = () => {
    // The empty React page (popup-empty.ts): its one element stands for both.
    if (probe.firstRow === null && document.querySelector('[data-testid="empty-popup"]')) {
      probe.firstRow = performance.now();
      probe.today = probe.firstRow;
    }
    if (probe.firstRow === null && document.querySelector('[data-testid="lead-row"]')) probe.firstRow = performance.now();
    const seen = document.querySelector('[data-testid="today"] [data-testid="today-leads-seen"]');
    if (probe.today === null && seen && (seen.textContent ?? '').trim() !== '') probe.today = performance.now();
    if (probe.firstRow !== null && probe.today !== null) {
      observer.disconnect();
      requestAnimationFrame(() =>
        setTimeout(() => {
          probe.painted = performance.now();
          console.timeStamp('bench:popup-painted');
          console.debug('leadpace-bench:popup-painted');
        }, 0),
      );
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/**
 * What the background does after writes it sees (lib/background/popup-plan.ts), for rows seeded
 * behind its back with raw IndexedDB: its minute tick makes the missing plan row. Waits until
 * the row is there; returns how many open leads it plans.
 */
export async function makePlanRow(page: Page): Promise<number> {
  await page.evaluate(() => chrome.runtime.sendMessage({ leadpaceTest: 'tick' }));
  const planned = (await plannedKeys(page))?.length ?? -1;
  if (planned < 0) throw new Error('the background made no plan row after its tick');
  return planned;
}

/** One bulk readwrite transaction into an existing store of the `leadpace` database. */
export function putRows(page: Page, store: 'leads' | 'events' | 'summary', rows: unknown[], clear: boolean): Promise<number> {
  // As one JSON string: Playwright's structured argument format is much slower for 1000s of objects.
  return page.evaluate(
    ({ store, json, clear }) =>
      new Promise<number>((resolve, reject) => {
        const rows: unknown[] = JSON.parse(json);
        const open = indexedDB.open('leadpace');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            reject(new Error(`no object store ${store} (version ${db.version})`));
            return;
          }
          const tx = db.transaction(store, 'readwrite', { durability: 'relaxed' });
          const os = tx.objectStore(store);
          if (clear) os.clear();
          for (const row of rows) os.put(row);
          tx.oncomplete = () => {
            db.close();
            resolve(rows.length);
          };
          tx.onerror = () => {
            db.close();
            reject(tx.error ?? new Error('transaction failed'));
          };
        };
      }),
    { store, json: JSON.stringify(rows), clear },
  );
}

function startOfLocalDay(): number {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

export interface RenderResult {
  firstRow: number;
  today: number;
  painted: number;
  domContentLoaded: number;
}

/** Events the page read once its own team board is on screen (it loads after the first paint). */
async function eventsReadByBoard(page: Page): Promise<number> {
  await page.waitForSelector('[data-testid="team-leaderboard"]', { state: 'attached', timeout: 30_000 });
  await page.waitForTimeout(300);
  return page.evaluate(() => (window as ProbeWindow).__leadpaceBench?.eventsRead ?? Number.NaN);
}

/**
 * Opens `url` in a new page, as the toolbar opens the popup (a new document each time; the
 * previous one was closed, not reloaded: a reload tears the old page down, Dexie and all, and
 * collects its garbage inside the measured load), and waits for the probe's console message,
 * running nothing in the page until it has painted: Playwright's waitForFunction would first
 * compile its injected script in the page's main world (~30 ms in a trace) and then poll every
 * frame, on the thread the popup renders on. `beforeOpen` runs on the blank page (tracing).
 */
export async function openAndProbe(context: BrowserContext, url: string, beforeOpen?: (page: Page) => Promise<void>): Promise<{ page: Page; result: RenderResult }> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.addInitScript(initScript(installPopupProbe));
  await beforeOpen?.(page);
  const painted = page.waitForEvent('console', { predicate: (message) => message.text() === PAINTED_MESSAGE, timeout: 30_000 });
  await Promise.all([painted, page.goto(url)]);
  return { page, result: await readProbe(page) };
}

/** The same wait for a reload of an open page (the profiling script's warm reloads). */
export async function reloadAndProbe(page: Page): Promise<RenderResult> {
  const painted = page.waitForEvent('console', { predicate: (message) => message.text() === PAINTED_MESSAGE, timeout: 30_000 });
  await Promise.all([painted, page.reload()]);
  return readProbe(page);
}

export async function readProbe(page: Page): Promise<RenderResult> {
  await page.waitForFunction(() => (window as ProbeWindow).__leadpaceBench?.painted != null, undefined, { timeout: 30_000 });
  const result = await page.evaluate(() => {
    const probe = (window as ProbeWindow).__leadpaceBench;
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      firstRow: probe?.firstRow ?? Number.NaN,
      today: probe?.today ?? Number.NaN,
      painted: probe?.painted ?? Number.NaN,
      domContentLoaded: nav instanceof PerformanceNavigationTiming ? nav.domContentLoadedEventEnd : Number.NaN,
    };
  });
  return result;
}

export async function benchPopup(browser: ExtensionBrowser): Promise<TableRow[]> {
  console.log('\n== 4. Popup first render with 5,000 leads and 30,000 events ==');
  const seed = buildPopupSeed();
  const types = Object.entries(seed.byType)
    .map(([type, count]) => `${count.toLocaleString('en-US')} ${type}`)
    .join(', ');
  console.log(`seed: ${seed.leads.length.toLocaleString('en-US')} leads (${seed.openLeads.toLocaleString('en-US')} open), ${seed.events.length.toLocaleString('en-US')} events (${types}), all sync 'pending'`);
  const seeder = await browser.context.newPage();
  let page = seeder;
  try {
    const url = `chrome-extension://${browser.extensionId}/popup.html`;
    // First open creates the database (Dexie's schema) on an empty profile.
    await seeder.goto(url);
    await seeder.waitForSelector('[data-testid="my-leads"], [data-testid="db-error"]', { state: 'attached' });
    const seedStart = Date.now();
    await putRows(seeder, 'leads', seed.leads, true);
    await putRows(seeder, 'events', seed.events, true);
    // What the background keeps with every write (lib/db/summary.ts), built the same way.
    await putRows(seeder, 'summary', seed.summary, true);
    const planned = await makePlanRow(seeder);
    console.log(`seeded with raw IndexedDB, one bulk transaction per table (cleared first), plan row of ${planned.toLocaleString('en-US')} open leads made by the background: ${Date.now() - seedStart} ms`);

    // The seeding page is closed: like a real popup, each measured one is the only one open.
    await seeder.close();

    const runs: RenderResult[] = [];
    const eventsRead: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      const run = await openAndProbe(browser.context, url);
      runs.push(run.result);
      eventsRead.push(await eventsReadByBoard(run.page));
      await run.page.close();
    }
    // One more open, traced: where the popup's main thread spends the time until painted.
    const tracing: { tracer?: Tracer } = {};
    const tracedRun = await openAndProbe(browser.context, url, async (blank) => {
      tracing.tracer = await startTracing(browser.context, blank);
    });
    page = tracedRun.page;
    const traced = tracedRun.result;
    const events = (await tracing.tracer?.stop()) ?? [];
    const thread = threadOfScript(events, '/chunks/popup-');
    const breakdown = thread ? threadBreakdown(events, thread, { toTs: markerTs(events, 'bench:popup-painted') }) : [];
    // The same reads the popup makes, with raw IndexedDB: how much of the time is the database.
    const rawRead = await page.evaluate(
      (dayStart) =>
        new Promise<{ openMs: number; open: number; todayMs: number; today: number }>((resolve, reject) => {
          const request = indexedDB.open('leadpace');
          request.onerror = () => reject(request.error ?? new Error('open failed'));
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction(['leads', 'events'], 'readonly');
            const t0 = performance.now();
            const openRows = tx.objectStore('leads').index('[open+receivedAt]').getAll(IDBKeyRange.bound([1, -Infinity], [1, Infinity]));
            openRows.onsuccess = () => {
              const t1 = performance.now();
              const todayRows = tx.objectStore('events').index('at').getAll(IDBKeyRange.lowerBound(dayStart));
              todayRows.onsuccess = () => {
                const t2 = performance.now();
                db.close();
                resolve({ openMs: t1 - t0, open: openRows.result.length, todayMs: t2 - t1, today: todayRows.result.length });
              };
            };
          };
        }),
      startOfLocalDay(),
    );
    const firstRow = summarise(runs.map((r) => r.firstRow));
    const today = summarise(runs.map((r) => r.today));
    const painted = summarise(runs.map((r) => r.painted));
    const dcl = summarise(runs.map((r) => r.domContentLoaded));
    const dom = await page.evaluate(() => {
      const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
      let nodes = 0;
      while (walker.nextNode()) nodes += 1;
      return {
        elements: document.getElementsByTagName('*').length,
        nodes,
        rows: document.querySelectorAll('[data-testid="lead-row"]').length,
        leadsSeen: document.querySelector('[data-testid="today-leads-seen"]')?.textContent ?? '',
        attempts: document.querySelector('[data-testid="today-attempts"]')?.textContent ?? '',
        median: document.querySelector('[data-testid="today-median"]')?.textContent ?? '',
      };
    });
    console.log(`viewport 400×600, ${OPENS} opens of ${url.replace(browser.extensionId, '<id>')} in a new page each; times from navigation start`);
    console.log(`popup → first lead row in DOM: median ${ms(firstRow.median)} (p90 ${num(firstRow.p90)}, min ${num(firstRow.min)}, max ${num(firstRow.max)}, n=${firstRow.n}; goal ≤ ${GOAL_MS} ms)`);
    console.log(`popup → today numbers in DOM:  ${describe(today)}`);
    console.log(`popup → that frame painted:    ${describe(painted)}`);
    console.log(`  (DOMContentLoaded: ${describe(dcl)})`);
    console.log(`popup DOM: ${dom.elements.toLocaleString('en-US')} elements, ${dom.nodes.toLocaleString('en-US')} nodes in total; ${dom.rows.toLocaleString('en-US')} lead rows rendered`);
    console.log(
      `  traced open (first row ${ms(traced.firstRow)}, painted ${ms(traced.painted)}); main thread until painted: ` +
        breakdown
          .slice(0, 8)
          .map(([name, total]) => `${name} ${total.toFixed(1)}`)
          .join(', ') +
        ' (ms)',
    );
    console.log(
      `  raw IndexedDB getAll of the same data: ${rawRead.open.toLocaleString('en-US')} open leads ${ms(rawRead.openMs)},` +
        ` ${rawRead.today.toLocaleString('en-US')} events since local midnight ${ms(rawRead.todayMs)}`,
    );
    console.log(`  today as shown: ${dom.leadsSeen} leads seen, ${dom.attempts} attempts, median first response ${dom.median}`);
    console.log(`  summary rows seeded: ${seed.summary.length}; events read by the page up to the team board: ${eventsRead.join(', ')}`);

    // The floor, same browser and profile: an extension page with React and one element.
    await writeEmptyPopup(EXTENSION_DIR);
    const emptyUrl = `chrome-extension://${browser.extensionId}/${EMPTY_POPUP_PAGE}`;
    const emptyRuns: RenderResult[] = [];
    await page.close();
    // One open not counted, as the popup had its seeding page: the first load of a file.
    page = (await openAndProbe(browser.context, emptyUrl)).page;
    await page.close();
    for (let i = 0; i < OPENS; i++) {
      const run = await openAndProbe(browser.context, emptyUrl);
      emptyRuns.push(run.result);
      page = run.page;
      await page.close();
    }
    const empty = summarise(emptyRuns.map((r) => r.painted));
    const ratio = painted.median / empty.median;
    console.log(`empty React page → painted:      ${describe(empty)}`);
    console.log(`popup painted ÷ empty painted:   ${ratio.toFixed(2)} (goal ≤ ${RATIO_GOAL})`);
    recordFigure('popup.firstRender.medianMs', painted.median, 'ms', atMost(GOAL_MS), 'popup page → first lead row and today numbers painted');
    recordFigure('popup.firstRender.p90Ms', painted.p90, 'ms');
    recordFigure('popup.firstRow.medianMs', firstRow.median, 'ms', atMost(GOAL_MS));
    recordFigure('popup.empty.medianMs', empty.median, 'ms', undefined, 'an extension page with React and one element, painted');
    recordFigure('popup.firstRender.ratio', ratio, 'x', atMost(RATIO_GOAL), 'popup painted ÷ empty React page painted, same run');
    recordFigure('popup.teamBoard.rawEventsRead', Math.max(...eventsRead), 'events', atMost(0), 'records read from the events store until the board is shown');
    return [
      { metric: 'popup → first lead row', value: describe(firstRow), goal: `≤ ${GOAL_MS} ms` },
      { metric: 'popup → today numbers', value: describe(today), goal: `≤ ${GOAL_MS} ms` },
      { metric: 'popup → painted', value: describe(painted) },
      { metric: 'empty React page → painted', value: describe(empty) },
      { metric: 'popup ÷ empty', value: ratio.toFixed(2), goal: `≤ ${RATIO_GOAL}` },
      { metric: 'events read until the team board', value: eventsRead.join(', '), goal: '0' },
      { metric: 'popup DOM size', value: `${dom.elements.toLocaleString('en-US')} elements, ${dom.nodes.toLocaleString('en-US')} nodes, ${dom.rows.toLocaleString('en-US')} rows` },
    ];
  } finally {
    if (!page.isClosed()) await page.close();
  }
}
