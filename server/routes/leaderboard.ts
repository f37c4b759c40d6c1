import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { leaderboardPeriodSchema, type LeaderboardResponse, type LeaderboardStats } from '../../lib/sync/wire';
import { SLA_MS } from '../domain/lead-fold';
import { periodBounds } from '../../lib/domain/periods';
import { addTotals, emptyTotals, statsFrom } from '../domain/stats';
import { openingHoursFromJson } from '../domain/team-hours';
import { boardMembers, visibleRows } from '../domain/visibility';
import { cohortSummary, teamRoster, teamVersion } from '../store/leaderboard-query';
import type { AppEnv, Runtime } from '../http/context';
import { ApiError } from '../http/errors';

const querySchema = z.object({ period: leaderboardPeriodSchema.default('today') });

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
}

export function leaderboardRoutes(rt: Runtime) {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const query = querySchema.safeParse(c.req.query());
    if (!query.success) {
      throw new ApiError(400, 'invalid_period', 'period must be one of today, week, month, last-month.');
    }
    const period = query.data.period;
    const principal = c.get('principal');
    const hours = openingHoursFromJson(principal.openingHours);
    const { from, to } = periodBounds(period, rt.now(), hours.timeZone);

    const version = await teamVersion(rt.db, principal.teamId);
    if (!version) throw new ApiError(401, 'invalid_token', 'The team no longer exists.');
    // Everything the answer depends on, without computing it: new events bump seq, roster and
    // visibility changes bump revision, and the window and viewer decide what is shown.
    const etag = `"${createHash('sha256')
      .update(
        [version.seq, version.revision, version.visibility, principal.openingHours, period, from, to, principal.memberId, principal.role].join('|'),
      )
      .digest('base64url')
      .slice(0, 27)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'private, no-cache');
    if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304);

    const [roster, { totals, responses }] = await Promise.all([
      teamRoster(rt.db, principal.teamId),
      cohortSummary(rt.db, principal.teamId, from, to),
    ]);
    const stats = new Map<string, LeaderboardStats>();
    let teamTotals = emptyTotals();
    for (const [memberId, memberTotals] of totals) {
      stats.set(memberId, statsFrom(memberTotals, responses.get(memberId) ?? []));
      teamTotals = addTotals(teamTotals, memberTotals);
    }
    const teamResponses = [...responses.values()].flat().sort((a, b) => a - b);

    const body: LeaderboardResponse = {
      period,
      from,
      to,
      timeZone: hours.timeZone,
      visibility: principal.visibility,
      slaMs: SLA_MS,
      team: statsFrom(teamTotals, teamResponses),
      rows: visibleRows({
        mode: principal.visibility,
        viewer: { memberId: principal.memberId, role: principal.role },
        members: boardMembers(roster, new Set(totals.keys())),
        stats,
        empty: statsFrom(emptyTotals(), []),
        salt: principal.pseudonymSalt,
      }),
    };
    return c.json(body, 200);
  });

  return app;
}
