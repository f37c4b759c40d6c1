import { createMiddleware } from 'hono/factory';
import { findPrincipal } from '../sql/principal';
import { sha256Hex, TOKEN_PREFIX } from '../security/secrets';
import { addressKey, clientAddress } from './client-address';
import type { AppEnv, Runtime } from './context';
import { ApiError } from './errors';
import { tooManyRequests } from './rate-limit';

const TOKEN_SHAPE = new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`);

/**
 * Bearer-token auth plus the rate limits. A rotated or removed member's token simply no
 * longer matches a stored hash, so every failure looks the same to the caller.
 *
 * A known token has its own bucket. A random well-formed token has none to exhaust, so
 * unknown tokens are counted per caller address instead, and an address that used up its
 * allowance is answered 429 before the database is asked again.
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
    const ownWait = rt.limiter.wait(tokenKey);
    if (ownWait > 0) throw tooManyRequests(ownWait, 'Too many requests');
    const caller = addressKey(clientAddress(c, rt.trustedProxies));
    const callerWait = rt.unknownTokenLimiter.wait(caller);
    if (callerWait > 0) throw tooManyRequests(callerWait, 'Too many requests with unknown tokens');

    const principal = await findPrincipal(rt.db, token);
    if (!principal) {
      const wait = rt.unknownTokenLimiter.take(caller);
      if (wait > 0) throw tooManyRequests(wait, 'Too many requests with unknown tokens');
      throw new ApiError(401, 'invalid_token', 'The token is unknown, rotated or revoked.');
    }
    const wait = rt.limiter.take(tokenKey);
    if (wait > 0) throw tooManyRequests(wait, 'Too many requests');
    c.set('principal', principal);
    c.set('tokenKey', tokenKey);
    await next();
  });
}
