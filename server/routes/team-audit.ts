import { isManagerRole } from '../../lib/sync/roles';
import { Hono } from 'hono';
import { z } from 'zod';
import { AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX } from '../../lib/sync/team-audit';
import type { AppEnv, Runtime } from '../http/context';
import { ApiError } from '../http/errors';
import { readAudit } from '../sql/audit';

const querySchema = z.object({
  before: z
    .string()
    .regex(/^[0-9a-f-]{36}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(AUDIT_PAGE_DEFAULT),
});

/** GET /v1/team/audit: the team's change history, for its manager only. */
export function teamAuditRoutes(rt: Runtime) {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const principal = c.get('principal');
    if (!isManagerRole(principal.role)) throw new ApiError(403, 'forbidden_role', "Only the team's manager can read the change history.");
    const query = querySchema.safeParse({ before: c.req.query('before'), limit: c.req.query('limit') });
    if (!query.success) {
      throw new ApiError(400, 'invalid_query', `Use ?limit=1..${AUDIT_PAGE_MAX} and ?before=<id of an entry>.`);
    }
    const page = await readAudit(rt.db, principal.teamId, { before: query.data.before ?? null, limit: query.data.limit });
    c.header('Cache-Control', 'private, no-cache');
    return c.json(page, 200);
  });
  return app;
}
