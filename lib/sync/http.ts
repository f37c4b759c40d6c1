import type { z } from 'zod';
import { errorResponseSchema } from './wire';

/** The slice of `fetch` the sync needs; tests inject a fake. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/**
 * Sent with every pairing request. The server refuses pairing without it: an HTML form on
 * some web page cannot set a custom header, and a cross-site script needs a CORS preflight
 * that only the extension's origin passes.
 */
export const PAIR_CLIENT_HEADER = 'x-leadpace';

/** DESIGN.md: every fetch gets a timeout of at most 20 s. */
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

/** The server URL as stored: http(s) only, no trailing slash, no query or fragment. */
export function normaliseServerUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
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
export async function requestJson<S extends z.ZodType>(
  options: RequestOptions,
  url: string,
  init: RequestInit,
  schema: S,
  accept: (status: number) => boolean = (status) => status >= 200 && status < 300,
): Promise<{ status: number; body: z.infer<S> | null; headers: Headers }> {
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
    const code = error.success ? error.data.error : `http_${response.status}`;
    const message = error.success ? error.data.message : `the server answered ${response.status}`;
    throw new TeamApiError(
      code,
      message,
      response.status,
      isRetryableStatus(response.status),
      retryAfterMs(response.headers.get('retry-after'), options.now()),
      json,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    // A proxy's HTML page or another service on that port: a server problem, retried later.
    throw new TeamApiError('bad_response', `unexpected answer from the server (${response.status})`, response.status, true);
  }
  return { status: response.status, body: parsed.data, headers: response.headers };
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
