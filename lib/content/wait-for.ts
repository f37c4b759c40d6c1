/**
 * Resolves with the first element matching `selector`, or null on timeout/abort. Watches the
 * document only while waiting and stops at once: the cost is bounded to the lead page's
 * first render, not to the page's whole life.
 */
export function waitForElement(
  root: Document,
  selector: string,
  { signal, timeoutMs = 30_000 }: { signal: AbortSignal; timeoutMs?: number },
): Promise<Element | null> {
  const query = () => {
    try {
      return root.querySelector(selector);
    } catch {
      return null; // an invalid selector in a (user) adapter must not throw into the page
    }
  };
  if (signal.aborted) return Promise.resolve(null);
  const found = query();
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    let scheduled = false;
    const finish = (value: Element | null) => {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    // Mutations come in bursts while a SPA renders: check once per animation-free microtask
    // batch rather than once per mutation record.
    const observer = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        const element = query();
        if (element) finish(element);
      });
    });
    const onAbort = () => finish(null);
    const timer = setTimeout(() => finish(null), timeoutMs);
    signal.addEventListener('abort', onAbort);
    observer.observe(root.documentElement, { childList: true, subtree: true });
  });
}
