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

  const report = () => {
    const snapshot = safeExtract(adapter, doc, url);
    if (sameSnapshot(snapshot, last)) return;
    last = snapshot;
    if (snapshot) callbacks.onLead(snapshot, adapter);
    else callbacks.onNoLead();
  };

  const attach = async () => {
    const anchor = await waitForElement(doc, adapter.anchor, { signal: controller.signal });
    if (controller.signal.aborted) return;
    if (!anchor) {
      callbacks.onNoLead();
      return;
    }
    report();
    const region = (adapter.watch ? anchor.closest(adapter.watch) : null) ?? anchor;
    const parent = region.parentNode;
    observer = new MutationObserver(() => {
      clearTimeout(debounce);
      debounce = setTimeout(() => {
        if (controller.signal.aborted) return;
        if (!region.isConnected) {
          // The CRM re-rendered the lead view: start over with the new element.
          observer?.disconnect();
          last = null;
          void attach();
          return;
        }
        report();
      }, RE_EXTRACT_DEBOUNCE_MS);
    });
    observer.observe(region, { subtree: true, childList: true, attributes: true, characterData: true });
    if (parent) observer.observe(parent, { childList: true });
  };

  void attach();
  return () => {
    controller.abort();
    observer?.disconnect();
    clearTimeout(debounce);
  };
}
