import { safeParse, type $ZodType, type output } from 'zod/v4/core';
import { errorResponseSchema } from './wire';

/** The slice of `fetch` the sync needs; tests inject a fake. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * Sent with every pairing request. The server refuses pairing without it: an HTML form on
 * some web page cannot set a custom header, and a cross-site script needs a CORS preflight
 * that only the extension's origin passes.
 */
export const PAIR_CLIENT_HEADER = 'x-leadpace';

/** Every fetch gets a timeout of at most 20 s: a hung server must never hold a sync alarm. */
export const FETCH_TIMEOUT_MS = 20_000;

/**
 * Why a request to the team server did not give what we asked for. `retryable` follows the
 * server's contract: only network errors, timeouts, 408, 429 and 5xx are worth a retry; any
 * other 4xx says the same request will fail again.
 */
export class TeamApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
    /** Milliseconds the server asked us to wait (`Retry-After`), 0 when it did not say. */
    readonly retryAfterMs = 0,
    readonly body: unknown = undefined,
  ) {
    super(message);
    this.name = 'TeamApiError';
  }
}

export const isRetryableStatus = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/** `Retry-After` as seconds or an HTTP date; 0 when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number {
  if (!header) return 0;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.min(seconds, 24 * 3600)) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? 0 : Math.max(0, Math.min(date - now, 24 * 3600 * 1000));
}

/** Hosts where a team server runs on the rep's own machine, usually without TLS. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const isLocalHost = (hostname: string): boolean => LOCAL_HOSTS.has(hostname) || hostname.endsWith('.localhost');

/**
 * The server URL as stored: http(s) only, no trailing slash, no query or fragment. A bare
 * host ("team.example.nl") gets `https://`, since a team server holds tokens and must use
 * TLS; a bare local host gets `http://`, because a server on the rep's own machine rarely
 * has a certificate. An address typed with a scheme keeps it.
 */
export function normaliseServerUrl(raw: string): string | null {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  let url: URL;
  try {
    if (hasScheme) {
      url = new URL(trimmed);
    } else {
      const host = new URL(`http://${trimmed}`);
      url = isLocalHost(host.hostname) ? host : new URL(`https://${trimmed}`);
    }
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export interface RequestOptions {
  fetch: FetchLike;
  now: () => number;
  timeoutMs?: number;
}

/**
 * One request with a timeout (AbortController) whose answer is checked with zod. Resolves
 * with the parsed body, or `null` for 304; every failure becomes a TeamApiError.
 */
export async function requestJson<S extends $ZodType>(
  options: RequestOptions,
  url: string,
  init: RequestInit,
  schema: S,
  accept: (status: number) => boolean = (status) => status >= 200 && status < 300,
): Promise<{ status: number; body: output<S> | null; headers: Headers }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.min(options.timeoutMs ?? FETCH_TIMEOUT_MS, FETCH_TIMEOUT_MS));
  let response: Response;
  let text: string;
  try {
    response = await options.fetch(url, { ...init, signal: controller.signal });
    // The body read is inside the timeout too: a server that stalls mid-body is a timeout.
    text = response.status === 304 ? '' : await response.text();
  } catch (error) {
    const timedOut = controller.signal.aborted;
    throw new TeamApiError(
      timedOut ? 'timeout' : 'network',
      timedOut ? `no answer within ${Math.round((options.timeoutMs ?? FETCH_TIMEOUT_MS) / 1000)} s` : `network error: ${error instanceof Error ? error.message : String(error)}`,
      null,
      true,
    );
  } finally {
    clearTimeout(timer);
  }
  if (response.status === 304) return { status: 304, body: null, headers: response.headers };
  let json: unknown;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!accept(response.status)) {
    const error = errorResponseSchema.safeParse(json);
    const status = response.status;
    // Without our error shape, a 4xx comes from something that is not a Leadpace server (a
    // web site's 404 page); a 5xx may be a proxy in front of one that is down.
    const code = error.success ? error.data.error : status >= 500 ? `http_${status}` : 'not_leadpace';
    const message = error.success ? error.data.message : `the server answered ${status}`;
    throw new TeamApiError(code, message, status, isRetryableStatus(status), retryAfterMs(response.headers.get('retry-after'), options.now()), json);
  }
  // Core's parse, so answers checked with classic and with zod/mini schemas (the team's fixes,
  // which the panel shares) go through the same call.
  const parsed = safeParse(schema, json);
  if (!parsed.success) {
    // Not JSON at all (an HTML page): another service on that address. JSON of the wrong
    // shape: a Leadpace server of another version. Both are retried later by the sync.
    const code = json === undefined || json === null || typeof json !== 'object' ? 'not_leadpace' : 'bad_response';
    throw new TeamApiError(code, `unexpected answer from the server (${response.status})`, response.status, true);
  }
  return { status: response.status, body: parsed.data, headers: response.headers };
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
