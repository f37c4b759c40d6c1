import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { PAIR_CLIENT_HEADER } from '../../lib/sync/http';
import { pairRequestSchema, type PairResponse } from '../../lib/sync/wire';
import { normalizePairingCode, sha256Hex } from '../security/secrets';
import { findPrincipalByMember } from '../sql/principal';
import { DataError } from '../sql/errors';
import { redeemPairingCode } from '../sql/tenancy';
import { addressKey, clientAddress } from '../http/client-address';
import type { Runtime } from '../http/context';
import { ApiError } from '../http/errors';
import { tooManyRequests } from '../http/rate-limit';
import { readJson } from '../http/read-json';
import { meBody } from './me';

const ALL = 'all';

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
      // The one endpoint that works without a token. A custom header cannot be sent by an
      // HTML form, and a script on another site only sends it after a CORS preflight that
      // only the extension passes: so no web page can redeem a code a rep pasted somewhere.
      if (c.req.header(PAIR_CLIENT_HEADER) !== '1') {
        throw new ApiError(403, 'client_header_required', `Pairing needs the "${PAIR_CLIENT_HEADER}: 1" header the extension sends.`);
      }
      // Codes are short, so guessing is throttled per caller, per code and over the whole
      // server (many addresses) on top of the 15-minute expiry.
      const caller = `pair:${addressKey(clientAddress(c, rt.trustedProxies))}`;
      const callerWait = rt.pairLimiter.take(caller);
      if (callerWait > 0) throw tooManyRequests(callerWait, 'Too many pairing attempts');
      const failuresWait = rt.pairFailureLimiter.wait(ALL);
      if (failuresWait > 0) throw tooManyRequests(failuresWait, 'Too many failed pairing attempts on this server');

      const request = pairRequestSchema.safeParse(await readJson(c));
      if (!request.success) throw new ApiError(400, 'invalid_body', 'Send {"code": "<pairing code>", "keyFingerprint": "<64 hex>"}.');
      const codeWait = rt.pairCodeLimiter.take(sha256Hex(normalizePairingCode(request.data.code)));
      if (codeWait > 0) throw tooManyRequests(codeWait, 'Too many attempts with this pairing code');

      let redeemed: Awaited<ReturnType<typeof redeemPairingCode>>;
      try {
        redeemed = await redeemPairingCode(rt.db, request.data.code, rt.now(), request.data.keyFingerprint);
      } catch (error) {
        if (error instanceof DataError && error.code === 'conflict') {
          rt.pairFailureLimiter.take(ALL);
          throw new ApiError(400, 'team_key_mismatch', "This invitation's key does not match the team. Ask your manager for a new invitation.");
        }
        throw error;
      }
      const principal = redeemed ? await findPrincipalByMember(rt.db, redeemed.memberId) : null;
      if (!redeemed || !principal) {
        rt.pairFailureLimiter.take(ALL);
        throw new ApiError(400, 'invalid_pairing_code', 'The pairing code is unknown, expired or already used.');
      }
      const body: PairResponse = { token: redeemed.token, me: meBody(principal) };
      rt.log.info('paired', { memberId: redeemed.memberId, teamId: principal.teamId });
      return c.json(body, 200);
    },
  );
  return app;
}
