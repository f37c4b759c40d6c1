import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { MAX_EVENTS_PER_PUSH, MAX_PUSH_BODY_BYTES, type EventsPage, type PushResponse } from '../../lib/sync/wire';
import { screenEvents } from '../domain/screen-events';
import { pullEvents } from '../sql/events-pull';
import { decodePullCursor, encodePullCursor } from '../security/pull-cursor';
import { ingestEvents } from '../sql/ingest';
import type { AppEnv, Runtime } from '../http/context';
import { ApiError } from '../http/errors';
import { tooManyRequests } from '../http/rate-limit';
import { readJson } from '../http/read-json';
import { capText } from '../../lib/validation';

// The envelope is checked first and each event on its own afterwards, so one bad event is
// reported by id instead of failing the whole batch.
const envelopeSchema = z.strictObject({ events: z.array(z.unknown()) });

const LEGACY_CURSOR = /^\d{1,15}$/;

const pullQuerySchema = z.object({
  after: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, 'after must be a cursor returned by this endpoint')
    .optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export function eventRoutes(rt: Runtime) {
  const app = new Hono<AppEnv>();

  app.post(
    '/',
    bodyLimit({
      maxSize: MAX_PUSH_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, 'body_too_large', `The body exceeds ${MAX_PUSH_BODY_BYTES} bytes; send smaller batches.`);
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      if (principal.role !== 'rep') {
        throw new ApiError(403, 'forbidden_role', 'Only a rep token can push events; a lead token reads the team.');
      }
      const envelope = envelopeSchema.safeParse(await readJson(c));
      if (!envelope.success) {
        throw new ApiError(400, 'invalid_body', 'Send {"events": [...]} and nothing else.');
      }
      const raw = envelope.data.events;
      if (raw.length === 0) throw new ApiError(400, 'empty_batch', 'The batch has no events.');
      if (raw.length > MAX_EVENTS_PER_PUSH) {
        throw new ApiError(413, 'too_many_events', `At most ${MAX_EVENTS_PER_PUSH} events per request.`);
      }

      // Every event sent costs, valid or not: what it bounds is the work one token can cause.
      const tokenKey = c.get('tokenKey');
      const wait = rt.eventLimiter.take(tokenKey, raw.length);
      if (wait > 0) throw tooManyRequests(wait, 'This token has sent too many events for now');

      const now = rt.now();
      const screened = screenEvents(raw, now, rt.retentionMs);
      const stored = await ingestEvents(rt.db, {
        teamId: principal.teamId,
        memberId: principal.memberId,
        events: screened.fresh,
        bodies: screened.bodies,
        now,
        limits: rt.ingestLimits,
        refoldAllowance: (cost) => rt.refoldLimiter.take(tokenKey, cost),
      });
      if (stored.deferred) {
        // The rest is stored; the retry brings those back as duplicates and these in once the
        // wait is over.
        const { ids, retryAfterSeconds, why } = stored.deferred;
        const reasons = why.map((w) =>
          w === 'lead_day_limit'
            ? `a lead takes at most ${rt.ingestLimits.perLeadPerDay} events per rep per day`
            : "folding their leads again is over this token's allowance",
        );
        throw tooManyRequests(retryAfterSeconds, `${ids.length} event(s) were not stored (${reasons.join('; ')}); the rest of the batch was stored`);
      }
      const body: PushResponse = {
        accepted: stored.accepted,
        duplicates: stored.duplicates + screened.duplicates,
        // A reason may quote what was refused (an unknown key, say): capped, never echoed whole.
        rejected: [...screened.rejected, ...stored.rejected].map((r) => ({ id: r.id, reason: capText(r.reason) })),
      };
      if (body.accepted + body.duplicates === 0) {
        // Nothing usable: a 4xx tells the client to quarantine rather than retry.
        return c.json({ error: 'all_rejected', message: 'Every event in the batch was rejected.', ...body }, 422);
      }
      return c.json(body, 200);
    },
  );

  app.get('/', async (c) => {
    const query = pullQuerySchema.safeParse(c.req.query());
    if (!query.success) {
      throw new ApiError(400, 'invalid_query', query.error.issues[0]?.message ?? 'Invalid query.');
    }
    const principal = c.get('principal');
    const raw = query.data.after;
    // Cursors from before they were encrypted were the team sequence: such a client simply
    // pulls again from the start (events are stored idempotently by id), so a made-up
    // number cannot be used to probe where colleagues' commits lie.
    const after = raw === undefined || LEGACY_CURSOR.test(raw) ? 0 : decodePullCursor(principal.pseudonymSalt, principal.memberId, raw);
    if (after === null) throw new ApiError(400, 'invalid_query', 'after must be a cursor returned by this endpoint for this token.');
    const pulled = await pullEvents(rt.db, { teamId: principal.teamId, memberId: principal.memberId, after, limit: query.data.limit });
    const page: EventsPage = {
      events: pulled.events,
      // Null once a page comes back empty (caught up); a client keeps the last non-null one.
      next: pulled.lastSeq === null ? null : encodePullCursor(principal.pseudonymSalt, principal.memberId, pulled.lastSeq),
    };
    return c.json(page, 200);
  });

  return app;
}
