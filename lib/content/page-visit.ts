import { safely } from '../safely';

/** The work for one followed URL: everything started for it ends when its signal aborts. */
export interface UrlScope {
  readonly url: URL;
  readonly signal: AbortSignal;
  /** Runs `stop` once, when this URL's work ends (at once if it already has). */
  own(stop: (() => void) | null | undefined): void;
}

/**
 * A content script's visit to one tab: it follows one URL at a time, and each followed URL owns
 * one AbortController. Watching the lead, reading a list and a pending panel update all hang on
 * that signal, so leaving the URL (a SPA route change, the CRM turned off, the extension
 * updated) ends all of them with one abort(), in any order and without a variable per task.
 */
export interface PageVisit {
  /** Ends the current URL's work and opens a scope for `url`. */
  follow(url: URL): UrlScope;
  /** Ends the current URL's work and follows nothing until the next `follow`. */
  pause(): void;
  /** The URL being followed, or null when paused or ended. */
  readonly current: UrlScope | null;
}

function scopeFor(url: URL, controller: AbortController): UrlScope {
  const { signal } = controller;
  return {
    url,
    signal,
    own(stop) {
      if (!stop) return;
      if (signal.aborted) safely(stop);
      else signal.addEventListener('abort', () => safely(stop), { once: true });
    },
  };
}

/** A visit that ends for good when `lifetime` aborts (the content script's context). */
export function createPageVisit(lifetime: AbortSignal): PageVisit {
  let controller: AbortController | null = null;
  let current: UrlScope | null = null;
  const pause = () => {
    controller?.abort();
    controller = null;
    current = null;
  };
  lifetime.addEventListener('abort', pause, { once: true });
  return {
    follow(url) {
      pause();
      const next = new AbortController();
      // A visit that has ended hands out scopes that are over before they start.
      if (lifetime.aborted) next.abort();
      else controller = next;
      const scope = scopeFor(url, next);
      current = lifetime.aborted ? null : scope;
      return scope;
    },
    pause,
    get current() {
      return current;
    },
  };
}
