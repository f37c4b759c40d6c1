import { describe, expect, it } from 'vitest';
import { leaderboardStatsSchema, type LeaderboardResponse, type LeaderboardStats } from '@/lib/sync/wire';
import { attempt, seen, status, voids } from '@/tests/server/events';
import { authed, json, MINUTE, push, seedTeam, type EnvRef } from '@/tests/server/harness';

/** Amsterdam wall-clock in 2026 before DST (UTC+1). */
const ams = (month: number, day: number, hh: number, mm = 0) => Date.UTC(2026, month - 1, day, hh - 1, mm);

const none = { medianResponseMs: null, p90ResponseMs: null, withinSlaShare: null };

/**
 * Computed by hand from the events below with the default opening hours (Mon–Fri 9–18,
 * Sat 9–17). The clock is Wednesday 18 March 2026, 10:00.
 */
const EXPECTED_MONTH: Record<'Alice' | 'Bob' | 'team', LeaderboardStats> = {
  // a1 3 min, a2 15 min (17:50→18:00 + 09:00→09:05), a3 1 min, a4 no attempt yet.
  Alice: {
    leads: 4,
    firstAttempts: 3,
    medianResponseMs: 3 * MINUTE,
    p90ResponseMs: 15 * MINUTE,
    withinSlaShare: 2 / 3,
    attemptsPerLead: 4 / 4,
    contactRate: 2 / 4,
    appointmentRate: 1 / 4,
    closedTooEarly: 1,
    sold: 1,
    conversion: 1 / 4,
    excluded: 0,
    backlog: 0,
    properlyWorked: 1,
  },
  // b1 70 min (Sat 16:00→17:00 + Mon 09:00→09:10; the voided attempt does not count), b2 2 min.
  Bob: {
    leads: 2,
    firstAttempts: 2,
    medianResponseMs: 36 * MINUTE,
    p90ResponseMs: 70 * MINUTE,
    withinSlaShare: 1 / 2,
    attemptsPerLead: 2 / 2,
    contactRate: 1 / 2,
    appointmentRate: 0,
    closedTooEarly: 0,
    sold: 0,
    conversion: 0,
    excluded: 0,
    backlog: 0,
    properlyWorked: 1,
  },
  team: {
    leads: 6,
    firstAttempts: 5,
    medianResponseMs: 3 * MINUTE,
    p90ResponseMs: 70 * MINUTE,
    withinSlaShare: 3 / 5,
    attemptsPerLead: 6 / 6,
    contactRate: 3 / 6,
    appointmentRate: 1 / 6,
    closedTooEarly: 1,
    sold: 1,
    conversion: 1 / 6,
    excluded: 0,
    backlog: 0,
    properlyWorked: 2,
  },
};

export function leaderboardSuite(env: EnvRef) {
  describe('leaderboard', () => {
    const setup = async () => {
      const { db, app, clock } = env();
      clock.now = ams(3, 18, 10);
      const team = await seedTeam(db, {
        visibility: 'named',
        members: [
          { key: 'alice', name: 'Alice', role: 'rep' },
          { key: 'bob', name: 'Bob', role: 'rep' },
          { key: 'carl', name: 'Carl', role: 'rep' },
          { key: 'lena', name: 'Lena', role: 'manager' },
        ],
      });
      const tok = (key: string) => team.members[key]?.token ?? '';
      const a2sold = status('a2', ams(3, 17, 12), 'sold');
      const b1mistake = attempt('b1', ams(3, 16, 9, 20), 'reached');
      await push(app, tok('alice'), [
        seen('a1', ams(3, 16, 10)),
        attempt('a1', ams(3, 16, 10, 3), 'no_answer'),
        attempt('a1', ams(3, 16, 10, 20), 'reached'),
        seen('a2', ams(3, 16, 17, 55), ams(3, 16, 17, 50)),
        attempt('a2', ams(3, 17, 9, 5), 'appointment'),
        a2sold,
        seen('a3', ams(3, 17, 11)),
        attempt('a3', ams(3, 17, 11, 1), 'no_answer'),
        status('a3', ams(3, 17, 11, 30), 'lost'),
        seen('a4', ams(3, 18, 9, 30)),
      ]);
      await push(app, tok('bob'), [
        seen('b1', ams(3, 14, 16)),
        attempt('b1', ams(3, 16, 9, 10), 'voicemail'),
        b1mistake,
        voids('b1', ams(3, 16, 9, 21), b1mistake.id),
        seen('b2', ams(3, 18, 9), ams(3, 18, 8, 45)),
        attempt('b2', ams(3, 18, 9, 2), 'reached'),
        status('b2', ams(3, 18, 9, 30), 'lost'),
        seen('b3', ams(2, 20, 10)),
        attempt('b3', ams(2, 20, 10, 4), 'no_answer'),
      ]);
      return { app, team, tok };
    };

    const get = async (app: ReturnType<EnvRef>['app'], token: string, period: string) => {
      const res = await app.request(`/v1/leaderboard?period=${period}`, authed(token));
      expect(res.status).toBe(200);
      return json<LeaderboardResponse>(res);
    };
    // The stats schema strips the row's label fields, leaving just the numbers.
    const stats = (row: unknown): LeaderboardStats => leaderboardStatsSchema.parse(row);

    it('matches the hand-computed table for the month', async () => {
      const { app, tok } = await setup();
      const body = await get(app, tok('lena'), 'month');
      expect(body).toMatchObject({ period: 'month', from: ams(3, 1, 0), to: Date.UTC(2026, 3, 1, -2), timeZone: 'Europe/Amsterdam', slaMs: 5 * MINUTE });
      expect(body.rows.map((r) => r.label)).toEqual(['Alice', 'Bob', 'Carl']);
      const [alice, bob, carl] = body.rows;
      expect(stats(alice)).toEqual(EXPECTED_MONTH.Alice);
      expect(stats(bob)).toEqual(EXPECTED_MONTH.Bob);
      expect(stats(carl)).toEqual({ leads: 0, firstAttempts: 0, ...none, attemptsPerLead: null, contactRate: null, appointmentRate: null, closedTooEarly: 0, sold: 0, conversion: null, excluded: 0, backlog: 0, properlyWorked: 0 });
      expect(body.team).toEqual(EXPECTED_MONTH.team);
    });

    it('cohorts by received time for today, week and last month', async () => {
      const { app, tok } = await setup();
      const today = await get(app, tok('lena'), 'today');
      expect(today.from).toBe(ams(3, 18, 0));
      // b2 was received at 08:45 (before opening): its clock starts at 09:00, so 2 minutes.
      expect(today.rows.find((r) => r.label === 'Bob')).toMatchObject({ leads: 1, medianResponseMs: 2 * MINUTE, withinSlaShare: 1, contactRate: 1 });
      expect(today.rows.find((r) => r.label === 'Alice')).toMatchObject({ leads: 1, firstAttempts: 0, medianResponseMs: null });

      const week = await get(app, tok('lena'), 'week');
      expect(week.from).toBe(ams(3, 16, 0));
      expect(week.rows.find((r) => r.label === 'Alice')?.leads).toBe(4);
      expect(week.rows.find((r) => r.label === 'Bob')?.leads).toBe(1);

      const last = await get(app, tok('lena'), 'last-month');
      expect(last.from).toBe(ams(2, 1, 0));
      expect(last.team).toMatchObject({ leads: 1, medianResponseMs: 4 * MINUTE, p90ResponseMs: 4 * MINUTE, withinSlaShare: 1 });
    });

    it('answers 304 to a matching If-None-Match until something changes', async () => {
      const { app, tok } = await setup();
      const first = await app.request('/v1/leaderboard?period=month', authed(tok('alice')));
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^".+"$/);
      const cached = await app.request('/v1/leaderboard?period=month', authed(tok('alice'), { headers: { 'if-none-match': etag ?? '' } }));
      expect(cached.status).toBe(304);
      expect(await cached.text()).toBe('');
      // Another viewer gets a different tag: their view differs.
      const other = await app.request('/v1/leaderboard?period=month', authed(tok('bob'), { headers: { 'if-none-match': etag ?? '' } }));
      expect(other.status).toBe(200);

      await push(app, tok('carl'), [seen('c1', ams(3, 18, 9, 45))]);
      const changed = await app.request('/v1/leaderboard?period=month', authed(tok('alice'), { headers: { 'if-none-match': etag ?? '' } }));
      expect(changed.status).toBe(200);
      expect((await json<LeaderboardResponse>(changed)).team.leads).toBe(7);
    });

    it('a rep sees their own numbers; a late void recomputes the lead', async () => {
      const { app, tok } = await setup();
      const a5attempt = attempt('a5', ams(3, 18, 9, 50), 'reached');
      await push(app, tok('alice'), [seen('a5', ams(3, 18, 9, 40)), a5attempt]);
      let alice = (await get(app, tok('alice'), 'today')).rows.find((r) => r.self);
      expect(alice).toMatchObject({ label: 'Alice', leads: 2, firstAttempts: 1, medianResponseMs: 10 * MINUTE, contactRate: 0.5 });
      await push(app, tok('alice'), [voids('a5', ams(3, 18, 9, 55), a5attempt.id)]);
      alice = (await get(app, tok('alice'), 'today')).rows.find((r) => r.self);
      expect(alice).toMatchObject({ leads: 2, firstAttempts: 0, medianResponseMs: null, contactRate: 0 });
    });
  });
}
