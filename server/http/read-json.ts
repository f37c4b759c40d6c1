import type { Context } from 'hono';
import { ApiError } from './errors';

/** The body as JSON, or a 400 that says why (the body limit has already capped its size). */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') throw new ApiError(400, 'empty_body', 'The request body is empty; send JSON.');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}
