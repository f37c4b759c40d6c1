import { cors } from 'hono/cors';
import { PAIR_CLIENT_HEADER } from '../../lib/sync/http';

// Only the extension's own pages may call the API from a browser: a CRM page or any website
// cannot read the leaderboard with a rep's token even if it got hold of one.
const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[A-Za-z0-9-]{1,64}$/;

export const extensionCors = cors({
  origin: (origin) => (EXTENSION_ORIGIN.test(origin) ? origin : null),
  allowMethods: ['GET', 'POST', 'PUT', 'OPTIONS'],
  allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match', PAIR_CLIENT_HEADER],
  exposeHeaders: ['ETag', 'Retry-After'],
  maxAge: 600,
});
