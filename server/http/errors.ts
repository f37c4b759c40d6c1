import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorResponse } from '../../lib/sync/wire';

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

export function errorJson(c: Context, status: ContentfulStatusCode, code: string, message: string): Response {
  const body: ErrorResponse = { error: code, message };
  return c.json(body, status);
}
