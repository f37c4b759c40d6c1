import type { CrmAdapter } from '../adapters/types';
import type { LeadSnapshot } from '../domain/model';
import { waitForElement } from './wait-for';

export interface LeadWatcherCallbacks {
  /** A lead is shown (first time, after navigation, or switched in place). */
  onLead: (snapshot: LeadSnapshot, adapter: CrmAdapter) => void;
  /** No lead is shown any more (left the lead page, or the lead view disappeared). */
  onNoLead: () => void;
}

// Re-reading after mutations in the lead's region. The region must be quiet (no mutation) for
// QUIET_MS before it is read again, so a drawer that renders in steps is read once, settled.
// Quiet is checked on a tick every TICK_MS while mutations are pending, never with a timer per
// mutation: on a busy CRM page (a ticking clock, a live feed inside the region) re-arming a
// timer on every observer callback was most of Leadpace's main-thread time there. See watchLead
// for what happens when the region is never quiet.
const QUIET_MS = 150;
const TICK_MS = QUIET_MS / 2;
// A region that never goes quiet (mutations every < 150 ms) is read anyway after MAX_WAIT_MS,
// so a lead switched in place on a busy page still shows within about a second…
const MAX_WAIT_MS = 1_000;
// …but never more often than COST_FACTOR times what an extraction costs here (≤ 0.25% of the
// main thread for an adapter that is slow on a huge page), and at least every MAX_WAIT_CAP_MS.
// The cost is the cheaper of the last two extractions: the first on a page pays one-time JIT
// and library set-up (tens of ms), and one read can be hit by a GC pause.
const COST_FACTOR = 400;
const MAX_WAIT_CAP_MS = 10_000;

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

function safeExtract(adapter: CrmAdapter, doc: Document, url: URL): LeadSnapshot | null {
  try {
    return adapter.extract(doc, url);
  } catch (error) {
    // Adapters fail soft; if one still throws, the CRM page must never see it.
    console.debug('[leadpace] extract failed', error);
    return null;
  }
}

const sameSnapshot = (a: LeadSnapshot | null, b: LeadSnapshot | null) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Follows the lead shown on one URL: waits for the adapter's anchor, reports the snapshot,
 * then watches only the lead's own region (never the whole document) for an in-place switch.
 *
 * Watching has two modes. Normally a MutationObserver on the region starts a wait on the first
 * mutation, and the region is read once it has been quiet for QUIET_MS (or after the max wait).
 * A region that never went quiet during a whole max wait is busy (a ticking clock, a live feed
 * inside it): then every observer callback tells us nothing new, and each one costs a call into
 * the extension. So the observer is disconnected and the region read on a timer every max wait;
 * after each such read the observer is reconnected for QUIET_MS to see whether the page has
 * calmed down (back to the normal mode) or is still busy (disconnected again at once).
 * Returns a stop function.
 */
export function watchLead(adapter: CrmAdapter, doc: Document, url: URL, callbacks: LeadWatcherCallbacks): () => void {
  const controller = new AbortController();
  let observer: MutationObserver | null = null;
  let observe: () => void = () => undefined;
  let last: LeadSnapshot | null = null;
  let connectedCheck: ReturnType<typeof setInterval> | undefined;
  // The one pending timer: a quiet check (waiting), the next read (polling) or the end of a probe.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let mode: 'idle' | 'waiting' | 'polling' | 'probing' = 'idle';
  let mutatedSinceTick = false;
  let quietMs = 0;
  let waitedMs = 0;
  let maxWaitMs = MAX_WAIT_MS;
  let lastCostMs = Number.NaN;

  const report = () => {
    const started = now();
    const snapshot = safeExtract(adapter, doc, url);
    const costMs = now() - started;
    // NaN (one sample so far) leaves the wait at MAX_WAIT_MS.
    const estimate = Math.min(costMs, lastCostMs);
    lastCostMs = costMs;
    if (Number.isFinite(estimate)) maxWaitMs = Math.min(MAX_WAIT_CAP_MS, Math.max(MAX_WAIT_MS, estimate * COST_FACTOR));
    if (sameSnapshot(snapshot, last)) return;
    last = snapshot;
    if (snapshot) callbacks.onLead(snapshot, adapter);
    else callbacks.onNoLead();
  };

  const schedule = (next: typeof mode, ms: number, run: () => void) => {
    clearTimeout(timer);
    mode = next;
    timer = setTimeout(() => {
      timer = undefined;
      if (!controller.signal.aborted) run();
    }, ms);
  };

  const stopObserving = () => {
    observer?.disconnect();
    observer = null;
    clearInterval(connectedCheck);
    clearTimeout(timer);
    timer = undefined;
    mode = 'idle';
  };

  const reattach = () => {
    stopObserving();
    last = null;
    void attach();
  };

  /** Reads the region, or finds the lead again when the region was replaced. False if replaced. */
  const read = (region: Element): boolean => {
    if (!region.isConnected) {
      reattach();
      return false;
    }
    report();
    return true;
  };

  const poll = (region: Element) => {
    if (!read(region)) return;
    // Still busy? Listen for one quiet period.
    observe();
    schedule('probing', QUIET_MS, () => {
      mode = 'idle'; // quiet: back to waiting for mutations
    });
  };

  const startPolling = (region: Element) => {
    observer?.disconnect();
    schedule('polling', maxWaitMs, () => poll(region));
  };

  const onTick = (region: Element) => {
    waitedMs += TICK_MS;
    if (mutatedSinceTick) quietMs = 0;
    else quietMs += TICK_MS;
    const settled = !mutatedSinceTick && quietMs >= QUIET_MS;
    mutatedSinceTick = false;
    if (!settled && waitedMs < maxWaitMs) {
      schedule('waiting', TICK_MS, () => onTick(region));
      return;
    }
    mode = 'idle';
    if (!read(region)) return;
    // Never quiet for a whole max wait: read on a timer instead of listening.
    if (!settled) startPolling(region);
  };

  const onMutation = (region: Element) => {
    switch (mode) {
      case 'waiting':
        mutatedSinceTick = true;
        return;
      case 'probing':
        startPolling(region); // still busy
        return;
      case 'polling':
        return; // records queued before the observer was disconnected
      case 'idle':
        // The mutation that starts a wait counts as the start of the quiet period.
        mutatedSinceTick = false;
        quietMs = 0;
        waitedMs = 0;
        schedule('waiting', TICK_MS, () => onTick(region));
    }
  };

  const attach = async () => {
    const anchor = await waitForElement(doc, adapter.anchor, { signal: controller.signal });
    if (controller.signal.aborted) return;
    if (!anchor) {
      callbacks.onNoLead();
      return;
    }
    // On a SPA route change the old lead view can still be found and then be replaced in the
    // same task: only a connected anchor shows the current lead.
    if (!anchor.isConnected) {
      void attach();
      return;
    }
    report();
    const region = (adapter.watch ? anchor.closest(adapter.watch) : null) ?? anchor;
    const parent = region.parentNode;
    const regionObserver = new MutationObserver(() => onMutation(region));
    observer = regionObserver;
    observe = () => {
      regionObserver.observe(region, { subtree: true, childList: true, attributes: true, characterData: true });
      if (parent) regionObserver.observe(parent, { childList: true });
    };
    observe();
    // A CRM may replace an ancestor further up, which no observer on the region would see.
    connectedCheck = setInterval(() => {
      if (!controller.signal.aborted && !region.isConnected) reattach();
    }, 1_000);
  };

  void attach();
  return () => {
    controller.abort();
    stopObserving();
  };
}
