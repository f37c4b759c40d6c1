import { createMiddleware } from 'hono/factory';
import { findPrincipal } from '../store/principal';
import { sha256Hex, TOKEN_PREFIX } from '../security/secrets';
import type { AppEnv, Runtime } from './context';
import { ApiError } from './errors';

const TOKEN_SHAPE = new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`);

/**
 * Bearer-token auth plus the per-token rate limit. A rotated or removed member's token simply
 * no longer matches a stored hash, so every failure looks the same to the caller.
 */
export function requireToken(rt: Runtime) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) throw new ApiError(401, 'missing_token', 'Send "Authorization: Bearer <token>".');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const token = match?.[1];
    if (!token || !TOKEN_SHAPE.test(token)) {
      throw new ApiError(401, 'invalid_token', 'The token is malformed.');
    }
    const tokenKey = sha256Hex(token);
    const wait = rt.limiter.take(tokenKey);
    if (wait > 0) {
      throw new ApiError(429, 'rate_limited', `Too many requests; retry in ${wait} s.`, { 'Retry-After': String(wait) });
    }
    const principal = await findPrincipal(rt.db, token);
    if (!principal) throw new ApiError(401, 'invalid_token', 'The token is unknown, rotated or revoked.');
    c.set('principal', principal);
    c.set('tokenKey', tokenKey);
    await next();
  });
}
