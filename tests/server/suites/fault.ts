import { expect, it } from 'vitest';
import { leaderboardStatsSchema, type LeaderboardResponse } from '@/lib/sync/wire';
import { flakyFetch } from '@/server/testing/flaky-fetch';
import { PushClient } from '@/server/testing/push-client';
import { seededRandom } from '@/server/testing/random';
import { simulateRep } from '@/server/testing/simulated-rep';
import { DEFAULT_OPENING_HOURS } from '@/lib/domain/business-time';
import { ownStats } from '@/lib/sync/local-stats';
import { authed, json, pullAll, seedTeam, storedEventIds, type EnvRef } from '@/tests/server/harness';

const TOTAL = 10_000;
const ams = (month: number, day: number, hh: number) => Date.UTC(2026, month - 1, day, hh - 1);

export function faultSuite(env: EnvRef) {
  it(
    '10,000 events from 3 reps through a server failing 30% of requests: stored exactly once, board equals local numbers',
    async () => {
      const { db, app } = env();
      const team = await seedTeam(db, {
        visibility: 'named',
        members: [
          { key: 'r0', name: 'Rep Zero', role: 'rep' },
          { key: 'r1', name: 'Rep One', role: 'rep' },
          { key: 'r2', name: 'Rep Two', role: 'rep' },
          { key: 'lead', name: 'Team Lead', role: 'manager' },
        ],
      });
      const reps = ['r0', 'r1', 'r2'].map((key, i) => {
        const member = team.members[key] ?? { memberId: '', token: '' };
        const target = Math.floor(TOTAL / 3) + (i < TOTAL % 3 ? 1 : 0);
        const history = simulateRep({ repId: key, teamKey: team.teamKey, random: seededRandom(100 + i), targetEvents: target, from: ams(3, 1, 0), until: ams(3, 16, 0) });
        return { ...member, local: history.local.slice(0, target), wire: history.wire.slice(0, target) };
      });
      expect(reps.reduce((n, r) => n + r.wire.length, 0)).toBe(TOTAL);

      const faults = flakyFetch(async (request) => app.request(request), seededRandom(42), 0.3);
      await Promise.all(
        reps.map(async (rep, i) => {
          const options = { baseUrl: 'http://leadpace.test', token: rep.token, fetch: faults.fetch, random: seededRandom(7 + i), batchSize: 250 };
          const first = new PushClient(options);
          first.enqueue(rep.wire);
          // The service worker is stopped mid-run; the next start resumes from the outbox.
          expect(await first.run(6)).toBe(false);
          const restarted = new PushClient(options);
          restarted.enqueue([...first.pending.values()]);
          expect(await restarted.run()).toBe(true);
          expect(restarted.quarantined.size + first.quarantined.size).toBe(0);
        }),
      );
      expect(faults.stats.failedBefore).toBeGreaterThan(0);
      expect(faults.stats.timedOut).toBeGreaterThan(0);
      expect(faults.stats.droppedAfterCommit).toBeGreaterThan(0);

      const stored = await storedEventIds(db, team.teamId);
      expect(stored).toHaveLength(TOTAL);
      for (const rep of reps) {
        const pulled = await pullAll(app, rep.token);
        expect(pulled).toHaveLength(rep.wire.length);
        expect(new Set(pulled.map((e) => e.id))).toEqual(new Set(rep.wire.map((e) => e.id)));
      }

      const res = await app.request('/v1/leaderboard?period=month', authed(team.members.lead?.token ?? ''));
      const board = await json<LeaderboardResponse>(res);
      for (const rep of reps) {
        const row = board.rows.find((r) => r.memberId === rep.memberId);
        // Parsing with the stats schema drops the row's label fields, leaving just the numbers.
        expect(leaderboardStatsSchema.parse(row)).toEqual(ownStats({ events: rep.local, from: board.from, to: board.to, hours: DEFAULT_OPENING_HOURS }));
      }
      expect(board.team).toEqual(ownStats({ events: reps.flatMap((r) => r.local), from: board.from, to: board.to, hours: DEFAULT_OPENING_HOURS }));
      expect(board.team.leads).toBeGreaterThan(1000);
    },
    90_000,
  );
}
