import { isManagerRole } from '../../lib/sync/roles';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { leadRefsRequestSchema, type LeadRefsResponse } from '../../lib/sync/wire';
import type { AppEnv, Runtime } from '../http/context';
import { ApiError } from '../http/errors';
import { readJson } from '../http/read-json';
import { latestLeadRefs } from '../sql/lead-refs';

const MAX_BODY_BYTES = 32 * 1024;

/**
 * POST /v1/lead-refs: the encrypted references of leads the manager's report lists, so their
 * browser can open them in the CRM. Managers only: a rep has no list of colleagues' leads.
 */
export function leadRefRoutes(rt: Runtime) {
  const app = new Hono<AppEnv>();
  app.post(
    '/',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, 'body_too_large', `The body exceeds ${MAX_BODY_BYTES} bytes.`);
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      if (!isManagerRole(principal.role)) throw new ApiError(403, 'forbidden_role', "Only the team's manager opens colleagues' leads.");
      const request = leadRefsRequestSchema.safeParse(await readJson(c));
      if (!request.success) throw new ApiError(400, 'invalid_body', 'Send {"leads": ["<64 hex>", …]} with at most 200 leads.');
      const refs = await latestLeadRefs(rt.db, principal.teamId, request.data.leads);
      const body: LeadRefsResponse = { refs: [...refs].map(([lead, ref]) => ({ lead, ref })) };
      c.header('Cache-Control', 'private, no-store');
      return c.json(body, 200);
    },
  );
  return app;
}
