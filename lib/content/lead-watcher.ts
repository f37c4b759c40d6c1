import type { CrmAdapter } from '../adapters/types';
import type { LeadSnapshot } from '../domain/model';
import { waitForElement } from './wait-for';

export interface LeadWatcherCallbacks {
  /** A lead is shown (first time, after navigation, or switched in place). */
  onLead: (snapshot: LeadSnapshot, adapter: CrmAdapter) => void;
  /** No lead is shown any more (left the lead page, or the lead view disappeared). */
  onNoLead: () => void;
}

const RE_EXTRACT_DEBOUNCE_MS = 150;

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
 * Returns a stop function.
 */
export function watchLead(adapter: CrmAdapter, doc: Document, url: URL, callbacks: LeadWatcherCallbacks): () => void {
  const controller = new AbortController();
  let observer: MutationObserver | null = null;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let last: LeadSnapshot | null = null;
  let connectedCheck: ReturnType<typeof setInterval> | undefined;

  const report = () => {
    const snapshot = safeExtract(adapter, doc, url);
    if (sameSnapshot(snapshot, last)) return;
    last = snapshot;
    if (snapshot) callbacks.onLead(snapshot, adapter);
    else callbacks.onNoLead();
  };

  const stopObserving = () => {
    observer?.disconnect();
    observer = null;
    clearInterval(connectedCheck);
  };

  const reattach = () => {
    stopObserving();
    last = null;
    void attach();
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
    observer = new MutationObserver(() => {
      clearTimeout(debounce);
      debounce = setTimeout(() => {
        if (controller.signal.aborted) return;
        if (!region.isConnected) reattach();
        else report();
      }, RE_EXTRACT_DEBOUNCE_MS);
    });
    observer.observe(region, { subtree: true, childList: true, attributes: true, characterData: true });
    if (parent) observer.observe(parent, { childList: true });
    // A CRM may replace an ancestor further up, which no observer on the region would see.
    connectedCheck = setInterval(() => {
      if (!controller.signal.aborted && !region.isConnected) reattach();
    }, 1_000);
  };

  void attach();
  return () => {
    controller.abort();
    stopObserving();
    clearTimeout(debounce);
  };
}
