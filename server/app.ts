// Zod's English messages: refusals of team fixes and published adapters carry zod's reasons.
import '../lib/zod-english';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DEFAULT_RETENTION_MS } from './domain/screen-events';
import { requireToken } from './http/auth';
import type { AppDeps, AppEnv, Runtime } from './http/context';
import { extensionCors } from './http/cors';
import { ApiError, errorJson } from './http/errors';
import { TrustedProxies } from './http/client-address';
import { DEFAULT_ABUSE_LIMITS, DEFAULT_EVENT_RATE_LIMIT, DEFAULT_RATE_LIMIT, DEFAULT_REFOLD_RATE_LIMIT, RateLimiter } from './http/rate-limit';
import { requireJsonBody } from './http/strict-json';
import { silentLogger } from './log';
import { DEFAULT_INGEST_LIMITS } from './sql/ingest';
import { eventRoutes } from './routes/events';
import { leaderboardRoutes } from './routes/leaderboard';
import { meRoutes } from './routes/me';
import { pairRoutes } from './routes/pair';
import { reportRoutes } from './routes/report';
import { leadRefRoutes } from './routes/lead-refs';
import { teamKeyRoutes } from './routes/team-key';
import { teamAuditRoutes } from './routes/team-audit';
import { teamSettingsRoutes } from './routes/team-settings';
import { adapterOverrideRoutes } from './routes/adapter-overrides';

export type { AppDeps } from './http/context';

/** The HTTP API, with no port of its own: tests call `app.request(...)`, main.ts serves it. */
export function createApp(deps: AppDeps) {
  const now = deps.now ?? Date.now;
  const abuse = { ...DEFAULT_ABUSE_LIMITS, ...deps.abuseLimits };
  const rt: Runtime = {
    db: deps.db,
    log: deps.log ?? silentLogger,
    now,
    retentionMs: deps.retentionMs ?? DEFAULT_RETENTION_MS,
    limiter: new RateLimiter(deps.rateLimit ?? DEFAULT_RATE_LIMIT, now),
    unknownTokenLimiter: new RateLimiter(abuse.unknownToken, now),
    pairLimiter: new RateLimiter(abuse.pairPerAddress, now),
    pairCodeLimiter: new RateLimiter(abuse.pairPerCode, now),
    pairFailureLimiter: new RateLimiter(abuse.pairFailures, now),
    eventLimiter: new RateLimiter(deps.eventRateLimit ?? DEFAULT_EVENT_RATE_LIMIT, now),
    refoldLimiter: new RateLimiter(deps.refoldRateLimit ?? DEFAULT_REFOLD_RATE_LIMIT, now),
    ingestLimits: { ...DEFAULT_INGEST_LIMITS, ...deps.ingestLimits },
    trustedProxies: new TrustedProxies(deps.trustedProxies ?? []),
  };

  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    rt.log.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      member: c.get('principal')?.memberId,
    });
  });
  app.use('/v1/*', extensionCors);
  app.use('/v1/*', requireJsonBody);

  app.get('/healthz', async (c) => {
    await rt.db.kysely.selectFrom('teams').select('id').limit(1).execute();
    return c.json({ ok: true, engine: rt.db.engine }, 200);
  });

  app.route('/v1/pair', pairRoutes(rt));
  app.use('/v1/me', requireToken(rt));
  app.use('/v1/events', requireToken(rt));
  app.use('/v1/leaderboard', requireToken(rt));
  app.route('/v1/me', meRoutes());
  app.route('/v1/events', eventRoutes(rt));
  app.route('/v1/leaderboard', leaderboardRoutes(rt));
  app.use('/v1/report', requireToken(rt));
  app.route('/v1/report', reportRoutes(rt));
  app.use('/v1/lead-refs', requireToken(rt));
  app.route('/v1/lead-refs', leadRefRoutes(rt));
  app.use('/v1/team-key', requireToken(rt));
  app.use('/v1/team-key/*', requireToken(rt));
  app.route('/v1/team-key', teamKeyRoutes(rt));
  app.use('/v1/team/audit', requireToken(rt));
  app.route('/v1/team/audit', teamAuditRoutes(rt));
  app.use('/v1/team/settings/*', requireToken(rt));
  app.route('/v1/team/settings', teamSettingsRoutes(rt));
  app.use('/v1/team/adapters/*', requireToken(rt));
  app.route('/v1/team/adapters', adapterOverrideRoutes(rt));

  app.notFound((c) => errorJson(c, 404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`));
  app.onError((err, c) => {
    if (err instanceof ApiError) {
      for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
      return errorJson(c, err.status, err.code, err.message);
    }
    if (err instanceof HTTPException) return errorJson(c, err.status, 'http_error', err.message || 'Request refused.');
    rt.log.error('unhandled', { path: c.req.path, error: err instanceof Error ? err.message : String(err) });
    return errorJson(c, 500, 'internal', 'Internal server error.');
  });

  return app;
}
