import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { leaderboardPeriodSchema, type LeaderboardResponse, type LeaderboardStats } from '../../lib/sync/wire';
import { periodBounds } from '../../lib/domain/periods';
import { cohortFigures } from '../../lib/domain/lead-metrics';
import { metricSettingsFromJson } from '../domain/team-hours';
import { boardMembers, visibleRows } from '../domain/visibility';
import { cohortFiguresByMember, teamRoster } from '../sql/leaderboard-query';
import type { AppEnv, Runtime } from '../http/context';
import { ApiError } from '../http/errors';
import { matchesEtag } from '../http/etag';
import { FiguresCache } from '../http/figures-cache';

// The period schema is zod/mini (the content scripts share it), so it is wrapped, not chained.
const querySchema = z.object({ period: z._default(leaderboardPeriodSchema, 'today') });

export function leaderboardRoutes(rt: Runtime) {
  const app = new Hono<AppEnv>();
  const boardFigures = new FiguresCache<Awaited<ReturnType<typeof cohortFiguresByMember>>>(64);

  app.get('/', async (c) => {
    const query = querySchema.safeParse(c.req.query());
    if (!query.success) {
      throw new ApiError(400, 'invalid_period', 'period must be one of today, week, month, last-month.');
    }
    const period = query.data.period;
    const principal = c.get('principal');
    const settings = metricSettingsFromJson(principal.settingsJson);
    const hours = settings.hours;
    const { from, to } = periodBounds(period, rt.now(), hours.timeZone);

    // Everything the answer depends on, without computing it: new events bump seq, roster and
    // visibility changes bump revision, and the window and viewer decide what is shown.
    const etag = `"${createHash('sha256')
      .update(
        [principal.seq, principal.revision, principal.visibility, principal.settingsJson, period, from, to, principal.memberId, principal.role].join('|'),
      )
      .digest('base64url')
      .slice(0, 27)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'private, no-cache');
    if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304);

    const [roster, figures] = await Promise.all([
      teamRoster(rt.db, principal.teamId),
      boardFigures.get(`${principal.teamId}|${principal.seq}|${principal.revision}|${from}|${to}|${principal.settingsJson}`, () =>
        cohortFiguresByMember(rt.db, principal.teamId, from, to, settings),
      ),
    ]);
    const stats = new Map<string, LeaderboardStats>(figures.members);

    const body: LeaderboardResponse = {
      period,
      from,
      to,
      timeZone: hours.timeZone,
      visibility: principal.visibility,
      slaMs: settings.firstAttemptSlaMs,
      team: figures.team,
      rows: visibleRows({
        mode: principal.visibility,
        viewer: { memberId: principal.memberId, role: principal.role },
        members: boardMembers(roster, new Set(figures.members.keys())),
        stats,
        empty: cohortFigures([], settings),
        salt: principal.pseudonymSalt,
      }),
    };
    return c.json(body, 200);
  });

  return app;
}
