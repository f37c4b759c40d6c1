import { isManagerRole } from '../../lib/sync/roles';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ADAPTER_OVERRIDE_KIND, parseAdapterOverride, overrideCrmSchema, type AdapterOverride } from '../../lib/adapters/overrides/schema';
import { USER_ADAPTER_PREFIX, type UserAdapter } from '../../lib/adapters/user/schema';
import { parsePublishableUserAdapter, userAdapterIdSchema } from '../../lib/adapters/user/team-schema';
import type { TeamAdapterOverrides } from '../../lib/sync/adapter-overrides';
import type { AppEnv, Runtime } from '../http/context';
import { ApiError } from '../http/errors';
import { matchesEtag } from '../http/etag';
import { readJson } from '../http/read-json';
import { changeTeamOverride, readTeamOverrides } from '../sql/adapter-overrides';
import { DataError } from '../sql/errors';
import type { Principal } from '../sql/principal';

/** Seven fields of eight selectors of 500 characters fit well inside; anything bigger is no fix or adapter. */
const MAX_OVERRIDE_BODY_BYTES = 48 * 1024;

function requireManager(principal: Principal, what: string): void {
  if (!isManagerRole(principal.role)) throw new ApiError(403, 'forbidden_role', `Only the team's manager can ${what}.`);
}

/** A built-in CRM's id (a fix of its selectors) or a user-… id (a whole published user adapter). */
function crmParam(raw: string): string {
  const crm = (raw.startsWith(USER_ADAPTER_PREFIX) ? userAdapterIdSchema : overrideCrmSchema).safeParse(raw);
  if (!crm.success) throw new ApiError(400, 'invalid_crm', `"${raw.slice(0, 60)}" is not the id of a built-in CRM or of a user adapter (user-…).`);
  return crm.data;
}

/** The body for this id, validated as what the id says it is; data only, never code. */
function bodyFor(crm: string, raw: unknown): AdapterOverride | UserAdapter {
  if (crm.startsWith(USER_ADAPTER_PREFIX)) {
    const parsed = parsePublishableUserAdapter(raw);
    if (!parsed.ok) throw new ApiError(400, 'invalid_adapter', `The adapter was not saved: ${parsed.reason}.`);
    if (parsed.adapter.id !== crm) throw new ApiError(400, 'invalid_adapter', `The adapter is ${parsed.adapter.id}, but was sent to ${crm}.`);
    return parsed.adapter;
  }
  const parsed = parseAdapterOverride(raw);
  if (!parsed.ok) throw new ApiError(400, 'invalid_override', `The fix was not saved: ${parsed.reason}.`);
  if (parsed.override.crm !== crm) throw new ApiError(400, 'invalid_override', `The fix is for ${parsed.override.crm}, but was sent to ${crm}.`);
  return parsed.override;
}

function fromStoreError(error: unknown): never {
  if (error instanceof DataError) {
    if (error.code === 'not_found') throw new ApiError(404, 'no_override', `${error.message}.`);
    if (error.code === 'conflict') throw new ApiError(409, 'override_conflict', `${error.message}; reload and try again.`);
    throw new ApiError(400, 'invalid_override', `The fix was not saved: ${error.message}.`);
  }
  throw error;
}

/**
 * The team's fixes of built-in adapters and its published user adapters: every member reads
 * them, only the manager changes them.
 */
export function adapterOverrideRoutes(rt: Runtime) {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const { teamId } = c.get('principal');
    const list = await readTeamOverrides(rt.db, teamId);
    const etag = `"ao-${teamId}-${list.tag}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'private, no-cache');
    if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    const body: TeamAdapterOverrides = { overrides: list.overrides, userAdapters: list.userAdapters };
    return c.json(body, 200);
  });

  app.put(
    '/:crm',
    bodyLimit({
      maxSize: MAX_OVERRIDE_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, 'body_too_large', `The body exceeds ${MAX_OVERRIDE_BODY_BYTES} bytes.`);
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      requireManager(principal, 'publish a CRM fix');
      const crm = crmParam(c.req.param('crm'));
      const body = bodyFor(crm, await readJson(c));
      const now = rt.now();
      const saved = await changeTeamOverride(
        rt.db,
        { teamId: principal.teamId, crm, override: body, updatedBy: principal.name, memberId: principal.memberId },
        now,
      ).catch(fromStoreError);
      rt.log.info('adapter override published', { team: principal.teamId, member: principal.memberId, crm, version: saved.version });
      const meta = { version: saved.version, updatedAt: now, updatedBy: principal.name.trim().slice(0, 80) };
      return c.json(body.kind === ADAPTER_OVERRIDE_KIND ? { crm, override: body, ...meta } : { id: crm, adapter: body, ...meta }, 200);
    },
  );

  // A POST rather than DELETE: the extension's CORS allows GET, POST and PUT only.
  app.post('/:crm/withdraw', async (c) => {
    const principal = c.get('principal');
    requireManager(principal, 'withdraw a CRM fix');
    const crm = crmParam(c.req.param('crm'));
    const saved = await changeTeamOverride(
      rt.db,
      { teamId: principal.teamId, crm, override: null, updatedBy: principal.name, memberId: principal.memberId },
      rt.now(),
    ).catch(fromStoreError);
    rt.log.info('adapter override withdrawn', { team: principal.teamId, member: principal.memberId, crm, version: saved.version });
    return c.json({ crm, version: saved.version, withdrawn: true }, 200);
  });

  return app;
}
