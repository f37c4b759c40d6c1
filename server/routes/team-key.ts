import { isManagerRole } from '../../lib/sync/roles';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { teamKeyAdoptSchema, teamKeyRegisterSchema } from '../../lib/sync/wire';
import type { AppEnv, Runtime } from '../http/context';
import { ApiError } from '../http/errors';
import { readJson } from '../http/read-json';
import type { Principal } from '../sql/principal';
import { DataError } from '../sql/errors';
import { forgetLegacyTeamKey, readLegacyTeamKey, registerTeamKey } from '../sql/team-key';

const MAX_BODY_BYTES = 1024;

function requireManager(principal: Principal): void {
  if (!isManagerRole(principal.role)) throw new ApiError(403, 'forbidden_role', "Only the team's manager holds the team key.");
}

const small = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new ApiError(413, 'body_too_large', `The body exceeds ${MAX_BODY_BYTES} bytes.`);
  },
});

/**
 * The team key's bookkeeping: the first manager registers the fingerprint of the key their
 * browser made; for a team from before that, the manager's browser reads the old key once and
 * then tells the server to forget it.
 */
export function teamKeyRoutes(rt: Runtime) {
  const app = new Hono<AppEnv>();

  app.put('/', small, async (c) => {
    const principal = c.get('principal');
    requireManager(principal);
    const body = teamKeyRegisterSchema.safeParse(await readJson(c));
    if (!body.success) throw new ApiError(400, 'invalid_body', 'Send {"fingerprint": "<64 hex>"}.');
    try {
      await registerTeamKey(rt.db, principal.teamId, body.data.fingerprint);
    } catch (error) {
      if (error instanceof DataError && error.code === 'conflict') {
        throw new ApiError(409, 'team_key_exists', 'This team already has a key: connect with an invitation that carries it.');
      }
      throw error;
    }
    rt.log.info('team key registered', { team: principal.teamId, member: principal.memberId });
    return c.json({ fingerprint: body.data.fingerprint }, 200);
  });

  app.get('/legacy', async (c) => {
    const principal = c.get('principal');
    requireManager(principal);
    const teamKey = await readLegacyTeamKey(rt.db, principal.teamId);
    if (teamKey === null) throw new ApiError(404, 'no_legacy_key', 'The server holds no team key: a browser of the team has it.');
    c.header('Cache-Control', 'no-store');
    return c.json({ teamKey }, 200);
  });

  app.post('/adopt', small, async (c) => {
    const principal = c.get('principal');
    requireManager(principal);
    const body = teamKeyAdoptSchema.safeParse(await readJson(c));
    if (!body.success) throw new ApiError(400, 'invalid_body', 'Send {"fingerprint": "<64 hex>"}.');
    try {
      await forgetLegacyTeamKey(rt.db, principal.teamId, body.data.fingerprint);
    } catch (error) {
      if (error instanceof DataError && error.code === 'conflict') {
        throw new ApiError(409, 'team_key_mismatch', "This key does not match the team's key.");
      }
      throw error;
    }
    rt.log.info('team key taken over by the browser', { team: principal.teamId, member: principal.memberId });
    return c.json({ fingerprint: body.data.fingerprint }, 200);
  });

  return app;
}
