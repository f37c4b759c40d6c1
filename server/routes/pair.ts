import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getConnInfo } from '@hono/node-server/conninfo';
import { pairRequestSchema, type PairResponse } from '../../lib/sync/wire';
import { findPrincipalByMember } from '../store/principal';
import { redeemPairingCode } from '../store/tenancy';
import type { Runtime } from '../http/context';
import { ApiError } from '../http/errors';
import { readJson } from '../http/read-json';
import { meBody } from './me';

/** The caller's address when served over node:http; tests calling app.request have none. */
function callerKey(c: Context): string {
  try {
    return `pair:${getConnInfo(c).remote.address ?? 'unknown'}`;
  } catch {
    return 'pair:unknown';
  }
}

export function pairRoutes(rt: Runtime) {
  const app = new Hono();
  app.post(
    '/',
    bodyLimit({
      maxSize: 4096,
      onError: () => {
        throw new ApiError(413, 'body_too_large', 'The pairing request is too large.');
      },
    }),
    async (c) => {
      // Codes are short, so guessing is throttled per caller on top of the 15-minute expiry.
      const wait = rt.pairLimiter.take(callerKey(c));
      if (wait > 0) {
        throw new ApiError(429, 'rate_limited', `Too many pairing attempts; retry in ${wait} s.`, { 'Retry-After': String(wait) });
      }
      const request = pairRequestSchema.safeParse(await readJson(c));
      if (!request.success) throw new ApiError(400, 'invalid_body', 'Send {"code": "<pairing code>"}.');
      const redeemed = await redeemPairingCode(rt.db, request.data.code, rt.now());
      if (!redeemed) {
        throw new ApiError(400, 'invalid_pairing_code', 'The pairing code is unknown, expired or already used.');
      }
      const principal = await findPrincipalByMember(rt.db, redeemed.memberId);
      if (!principal) throw new ApiError(400, 'invalid_pairing_code', 'The member was removed.');
      const body: PairResponse = { token: redeemed.token, me: meBody(principal) };
      rt.log.info('paired', { memberId: redeemed.memberId, teamId: principal.teamId });
      return c.json(body, 200);
    },
  );
  return app;
}
