import { listReaderForUrl } from '@/lib/crms/lists';
import type { CrmListReader } from '../adapters/lists/types';
import { leadKey, type LeadSnapshot } from '../domain/model';
import { LISTED_MAX, sendMessage } from '../messaging';
import { extensionContextGone } from './client';
import { waitForElement } from './wait-for';

/** Sends one batch of listed leads; true when the background took it. Never throws. */
export type SendListed = (crm: string, leads: LeadSnapshot[]) => Promise<boolean>;

export interface ListWatcherOptions {
  send: SendListed;
  /** Keys already sent from this page: a re-rendered or revisited list sends only new rows. */
  sent: Set<string>;
  debounceMs?: number;
  /** How long to wait for the list to render before giving up on this URL. */
  timeoutMs?: number;
}

const DEBOUNCE_MS = 500;
const CONNECTED_CHECK_MS = 2_000;
// A batch the background did not take is tried again this much later (then twice as late), a
// few times: a server-rendered list may never change again to trigger a retry.
const RETRY_MS = 5_000;
const MAX_RETRIES = 4;
// A found row or link stands for its list: watch the grid around it, not the one element.
const LIST_ROOT = 'table, [role="grid"], [role="table"]';

function safeRead(reader: CrmListReader, doc: Document, url: URL): LeadSnapshot[] {
  try {
    return reader.read(doc, url);
  } catch (error) {
    // Readers fail soft; if one still throws, the CRM page must never see it.
    console.debug('[leadpace] list read failed', error);
    return [];
  }
}

function watchedRegion(found: Element): Element {
  if (found.matches(LIST_ROOT)) return found;
  const isRowOrLink = found.matches('tr, [role="row"], a, [onclick], [data-autoleadid]');
  return (isRowOrLink ? found.closest(LIST_ROOT) : null) ?? found;
}

/**
 * Follows one list page: waits for the reader's container, reads the list once, then re-reads
 * only when that container changes (debounced: a polling inbox re-renders every few seconds),
 * and sends only the rows this page has not sent yet, in batches of at most LISTED_MAX. A batch
 * that fails (the worker was restarting) is sent again with the next change. Returns a stop
 * function.
 */
export function watchList(reader: CrmListReader, doc: Document, url: URL, options: ListWatcherOptions): () => void {
  const controller = new AbortController();
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  let observer: MutationObserver | null = null;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let connectedCheck: ReturnType<typeof setInterval> | undefined;
  const inFlight = new Set<string>();
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retries = 0;

  const report = async () => {
    // A row counts as sent with the status it showed: a status the CRM changes while the list
    // is open is sent again, so it is followed without a reload.
    const rowKey = (snapshot: LeadSnapshot) => `${leadKey(snapshot.crm, snapshot.leadId)}|${snapshot.statusRaw ?? ''}`;
    const fresh = safeRead(reader, doc, url).filter((snapshot) => {
      const key = rowKey(snapshot);
      return snapshot.crm === reader.id && !options.sent.has(key) && !inFlight.has(key);
    });
    for (let start = 0; start < fresh.length && !controller.signal.aborted; start += LISTED_MAX) {
      const batch = fresh.slice(start, start + LISTED_MAX);
      const keys = batch.map(rowKey);
      keys.forEach((key) => inFlight.add(key));
      const ok = await options.send(reader.id, batch).catch(() => false);
      keys.forEach((key) => {
        inFlight.delete(key);
        if (ok) options.sent.add(key);
      });
      if (!ok) {
        // The next change of the list tries again, and so does a timer with backoff.
        if (retries < MAX_RETRIES && !controller.signal.aborted) {
          clearTimeout(retryTimer);
          retryTimer = setTimeout(() => void report(), RETRY_MS * 2 ** retries);
          retries += 1;
        }
        return;
      }
      retries = 0;
    }
  };

  const stopObserving = () => {
    observer?.disconnect();
    observer = null;
    clearInterval(connectedCheck);
  };

  const attach = async (): Promise<void> => {
    const found = await waitForElement(doc, reader.container, { signal: controller.signal, timeoutMs: options.timeoutMs });
    if (controller.signal.aborted || !found) return;
    // A SPA may find the old list and replace it in the same task: only a connected one counts.
    if (!found.isConnected) return attach();
    const region = watchedRegion(found);
    void report();
    const reattach = () => {
      stopObserving();
      void attach();
    };
    observer = new MutationObserver(() => {
      clearTimeout(debounce);
      debounce = setTimeout(() => {
        if (controller.signal.aborted) return;
        if (!region.isConnected) reattach();
        else void report();
      }, debounceMs);
    });
    // Rows added, removed or re-rendered; not attributes (hover and selection styling).
    observer.observe(region, { childList: true, subtree: true, characterData: true });
    // A list replaced as a whole, or an ancestor of it, is found again.
    if (region.parentNode) observer.observe(region.parentNode, { childList: true });
    connectedCheck = setInterval(() => {
      if (!controller.signal.aborted && !region.isConnected) reattach();
    }, CONNECTED_CHECK_MS);
  };

  void attach();
  return () => {
    controller.abort();
    stopObserving();
    clearTimeout(debounce);
    clearTimeout(retryTimer);
  };
}

/** The background's answer to `leads/listed`; false (not thrown) when it could not take them. */
export const sendListed: SendListed = async (crm, leads) => {
  if (extensionContextGone()) return false;
  try {
    const result = await sendMessage('leads/listed', { crm, leads });
    return result.ok;
  } catch {
    return false; // "Receiving end does not exist": the worker was restarting
  }
};

// Per page (this content script's world): a list revisited after SPA navigation sends nothing
// it sent before.
const sentFromThisPage = new Set<string>();

/**
 * Starts new-lead discovery when `url` is a list page of a CRM with a list reader. Returns a
 * stop function, or null when there is nothing to watch here.
 */
export function startListDiscovery(url: URL, doc: Document = document): (() => void) | null {
  const reader = listReaderForUrl(url);
  return reader ? watchList(reader, doc, url, { send: sendListed, sent: sentFromThisPage }) : null;
}
