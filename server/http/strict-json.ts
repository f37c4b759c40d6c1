import { createMiddleware } from 'hono/factory';
import { ApiError } from './errors';

const WITHOUT_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

function carriesBody(method: string, headers: { contentLength?: string; transferEncoding?: string }): boolean {
  if (!WITHOUT_BODY.has(method)) return true;
  return (headers.contentLength !== undefined && headers.contentLength !== '0') || headers.transferEncoding !== undefined;
}

/** `application/json`, optionally with `charset=utf-8`: the one body format the API reads. */
export function isJsonMediaType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => param === '' || param === 'charset=utf-8');
}

/**
 * Refuses any body that does not say it is JSON. Besides catching client bugs early, this is
 * what keeps a web page from posting to the API with a plain HTML form or `text/plain`
 * fetch: a browser only sends `application/json` cross-site after a CORS preflight, which
 * only the extension's own origin passes.
 */
export const requireJsonBody = createMiddleware(async (c, next) => {
  const method = c.req.method.toUpperCase();
  const headers = { contentLength: c.req.header('content-length'), transferEncoding: c.req.header('transfer-encoding') };
  if (carriesBody(method, headers) && !isJsonMediaType(c.req.header('content-type'))) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as JSON with "Content-Type: application/json".');
  }
  await next();
});
