import { describe, expect, it } from 'vitest';
import type { LeaderboardResponse, WireEvent } from '@/lib/sync/wire';
import { setVisibility } from '@/server/sql/tenancy';
import { attempt, seen } from '@/tests/server/events';
import { authed, HOUR, json, NOW, pullAll, push, seedTeam, type App, type EnvRef } from '@/tests/server/harness';

async function board(app: App, token: string): Promise<LeaderboardResponse> {
  const res = await app.request('/v1/leaderboard?period=month', authed(token));
  expect(res.status).toBe(200);
  return json<LeaderboardResponse>(res);
}

export function tenancySuite(env: EnvRef) {
  describe('tenancy and visibility', () => {
    const twoTeams = async (visibility: 'named' | 'pseudonymous' | 'team-only' = 'named') => {
      const { db, app } = env();
      const north = await seedTeam(db, {
        name: 'North',
        visibility,
        members: [
          { key: 'anna', name: 'Anna North', role: 'rep' },
          { key: 'bram', name: 'Bram North', role: 'rep' },
          { key: 'cees', name: 'Cees North', role: 'rep' },
          { key: 'manager', name: 'Lotte North', role: 'manager' },
        ],
      });
      const south = await seedTeam(db, {
        name: 'South',
        visibility,
        members: [
          { key: 'sam', name: 'Sam South', role: 'rep' },
          { key: 'manager', name: 'Sara South', role: 'manager' },
        ],
      });
      const tok = (team: typeof north, key: string) => team.members[key]?.token ?? '';
      // The same lead hash in both teams: data must still never cross.
      await push(app, tok(north, 'anna'), [seen('shared', NOW - 2 * HOUR), attempt('shared', NOW - 2 * HOUR + 60_000, 'reached')]);
      await push(app, tok(north, 'bram'), [seen('b1', NOW - 2 * HOUR), seen('b2', NOW - 2 * HOUR)]);
      await push(app, tok(north, 'cees'), [seen('c1', NOW - 2 * HOUR), seen('c2', NOW - 2 * HOUR), seen('c3', NOW - 2 * HOUR)]);
      await push(app, tok(south, 'sam'), [seen('shared', NOW - 3 * HOUR), attempt('shared', NOW - HOUR, 'appointment')]);
      return { db, app, north, south, tok };
    };

    it("no token reads another team's board or events", async () => {
      const { app, north, south, tok } = await twoTeams();
      const southBoard = await board(app, tok(south, 'manager'));
      expect(southBoard.team.leads).toBe(1);
      expect(southBoard.rows.map((r) => r.label)).toEqual(['Sam South']);
      expect(JSON.stringify(southBoard)).not.toContain('North');

      const northBoard = await board(app, tok(north, 'manager'));
      expect(northBoard.team.leads).toBe(6);
      expect(JSON.stringify(northBoard)).not.toContain('South');

      const samEvents = await pullAll(app, tok(south, 'sam'));
      expect(samEvents).toHaveLength(2);
      const annaEvents = await pullAll(app, tok(north, 'anna'));
      expect(annaEvents.map((e) => e.at)).toEqual([NOW - 2 * HOUR, NOW - 2 * HOUR + 60_000]);
    });

    it("no token writes into another team: another team's event ids are stored as its own, never over them", async () => {
      const { app, db, north, south, tok } = await twoTeams();
      const annaEvents: WireEvent[] = await pullAll(app, tok(north, 'anna'));
      const forged = annaEvents.map((e) => ({ ...e, at: e.at + 1000 }));
      const res = await push(app, tok(south, 'sam'), forged);
      // Neither a duplicate (which would tell South that North has these ids) nor an overwrite.
      expect(await json(res)).toMatchObject({ accepted: 2, duplicates: 0 });
      const rows = await db.kysely.selectFrom('events').select(['team_id', 'at']).where('id', 'in', annaEvents.map((e) => e.id)).execute();
      const atOf = (teamId: string) => rows.filter((r) => r.team_id === teamId).map((r) => r.at).sort();
      expect(atOf(north.teamId)).toEqual(annaEvents.map((e) => e.at).sort());
      expect(atOf(south.teamId)).toEqual(forged.map((e) => e.at).sort());
      expect(await pullAll(app, tok(north, 'anna'))).toEqual(annaEvents);
      expect((await board(app, tok(north, 'manager'))).team.leads).toBe(6);
      expect((await board(app, tok(south, 'manager'))).team.leads).toBe(1);
    });

    it('named: everyone sees names', async () => {
      const { app, north, tok } = await twoTeams('named');
      const seenByBram = await board(app, tok(north, 'bram'));
      expect(seenByBram.rows.map((r) => r.label)).toEqual(['Anna North', 'Bram North', 'Cees North']);
      expect(seenByBram.rows.find((r) => r.self)?.label).toBe('Bram North');
    });

    it('pseudonymous: a rep sees only themself by name, others as stable pseudonyms without ids', async () => {
      const { app, north, tok } = await twoTeams('pseudonymous');
      const first = await board(app, tok(north, 'bram'));
      const text = JSON.stringify(first);
      expect(text).not.toContain('Anna North');
      expect(text).not.toContain('Cees North');
      expect(text).not.toContain(north.members.anna?.memberId);
      expect(text).not.toContain(north.members.cees?.memberId);
      const self = first.rows.find((r) => r.self);
      expect(self).toMatchObject({ label: 'Bram North', memberId: north.members.bram?.memberId, leads: 2 });
      const others = first.rows.filter((r) => !r.self);
      expect(others).toHaveLength(2);
      for (const row of others) {
        expect(row.label).toMatch(/^Rep [A-Z]+$/);
        expect(row.pseudonymous).toBe(true);
        expect(row).not.toHaveProperty('memberId');
      }
      // Stable: the same pseudonym for the same colleague on every request and for every viewer.
      const again = await board(app, tok(north, 'bram'));
      expect(again.rows.filter((r) => !r.self)).toEqual(others);
      const byAnna = await board(app, tok(north, 'anna'));
      const ceesSeenByBram = others.find((r) => r.leads === 3)?.label;
      expect(ceesSeenByBram).toMatch(/^Rep /);
      expect(byAnna.rows.find((r) => !r.self && r.leads === 3)?.label).toBe(ceesSeenByBram);

      const byLead = await board(app, tok(north, 'manager'));
      expect(byLead.rows.map((r) => r.label)).toEqual(['Anna North', 'Bram North', 'Cees North']);
    });

    it('team-only: a rep gets the team totals and only their own row; the lead gets everything', async () => {
      const { app, north, tok } = await twoTeams('team-only');
      const byCees = await board(app, tok(north, 'cees'));
      expect(byCees.team.leads).toBe(6);
      expect(byCees.rows).toHaveLength(1);
      expect(byCees.rows[0]).toMatchObject({ label: 'Cees North', self: true, leads: 3 });
      expect(JSON.stringify(byCees)).not.toContain('Anna');

      const byLead = await board(app, tok(north, 'manager'));
      expect(byLead.rows.map((r) => r.label)).toEqual(['Anna North', 'Bram North', 'Cees North']);
    });

    it('a visibility change applies at once (and changes the ETag)', async () => {
      const { app, db, north, tok } = await twoTeams('named');
      const before = await app.request('/v1/leaderboard?period=month', authed(tok(north, 'bram')));
      const etag = before.headers.get('etag') ?? '';
      await setVisibility(db, north.teamId, 'pseudonymous');
      const after = await app.request('/v1/leaderboard?period=month', authed(tok(north, 'bram'), { headers: { 'if-none-match': etag } }));
      expect(after.status).toBe(200);
      expect(JSON.stringify(await after.json())).not.toContain('Anna North');
    });
  });
}
