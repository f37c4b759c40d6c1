import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorResponse } from '../../lib/sync/wire';
import { capText } from '../../lib/validation';

/** Thrown anywhere in a handler; app.onError turns it into the JSON error body. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Every error body goes through here, so no refusal can echo a caller's megabyte back. */
export function errorJson(c: Context, status: ContentfulStatusCode, code: string, message: string): Response {
  const body: ErrorResponse = { error: capText(code, 64), message: capText(message) };
  return c.json(body, status);
}
