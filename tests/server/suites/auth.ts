import { describe, expect, it } from 'vitest';
import { createApp } from '@/server/app';
import { legacyKeyFingerprint } from '@/server/db/migrations-006-client-team-key';
import { addMember, createPairingCode, removeMember, rotateToken } from '@/server/sql/tenancy';
import { seen } from '@/tests/server/events';
import { authed, HOUR, json, MINUTE, NOW, push, seedTeam, storedEventIds, type EnvRef } from '@/tests/server/harness';

const ENDPOINTS = [
  ['GET', '/v1/me'],
  ['GET', '/v1/leaderboard?period=today'],
  ['GET', '/v1/events'],
  ['POST', '/v1/events'],
] as const;

export function authSuite(env: EnvRef) {
  describe('auth', () => {
    const setup = async () => {
      const { db, app } = env();
      const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Alice', role: 'rep' }] });
      return { db, app, team, member: team.members.rep ?? { memberId: '', token: '' } };
    };
    const call = (app: ReturnType<EnvRef>['app'], method: string, path: string, headers: Record<string, string>) =>
      app.request(path, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        ...(method === 'POST' ? { body: JSON.stringify({ events: [seen('L', NOW - HOUR)] }) } : {}),
      });

    it.each(ENDPOINTS)('%s %s needs a token', async (method, path) => {
      const { app, db, team } = await setup();
      const res = await call(app, method, path, {});
      expect(res.status).toBe(401);
      expect(await json(res)).toEqual({ error: 'missing_token', message: expect.any(String) });
      expect(await storedEventIds(db, team.teamId)).toEqual([]);
    });

    it.each(ENDPOINTS)('%s %s refuses a malformed or unknown token', async (method, path) => {
      const { app } = await setup();
      for (const header of ['Bearer nope', 'Basic abc', `Bearer lp_${'A'.repeat(43)}`, 'Bearer']) {
        const res = await call(app, method, path, { authorization: header });
        expect(res.status).toBe(401);
        expect(await json(res)).toMatchObject({ error: 'invalid_token' });
      }
    });

    it('/v1/me tells the extension who it is, with the fingerprint of the team key but never the key', async () => {
      const { app, team, member } = await setup();
      const res = await app.request('/v1/me', authed(member.token));
      expect(res.status).toBe(200);
      expect(await json(res)).toMatchObject({
        memberId: member.memberId,
        name: 'Alice',
        role: 'rep',
        teamId: team.teamId,
        teamKeyFingerprint: legacyKeyFingerprint(team.teamKey),
        serverHoldsKey: false,
        visibility: 'named',
        timeZone: 'Europe/Amsterdam',
        openingHours: { timeZone: 'Europe/Amsterdam' },
      });
    });

    it('a rotated token stops working at once and the new one works', async () => {
      const { app, db, member } = await setup();
      const rotated = await rotateToken(db, member.memberId);
      const old = await app.request('/v1/me', authed(member.token));
      expect(old.status).toBe(401);
      expect(await json(old)).toMatchObject({ error: 'invalid_token' });
      expect((await app.request('/v1/me', authed(rotated.token))).status).toBe(200);
    });

    it("a removed member's token can neither read nor write", async () => {
      const { app, db, team, member } = await setup();
      await removeMember(db, member.memberId);
      expect((await app.request('/v1/me', authed(member.token))).status).toBe(401);
      expect((await push(app, member.token, [seen('L', NOW - HOUR)])).status).toBe(401);
      expect(await storedEventIds(db, team.teamId)).toEqual([]);
    });

    it('a pairing code gives a working token once, and not after 15 minutes', async () => {
      const { app, db, member, team } = await setup();
      const clock = env().clock;
      const { code } = await createPairingCode(db, member.memberId, clock.now);
      const pair = (value: string) =>
        app.request('/v1/pair', { method: 'POST', headers: { 'content-type': 'application/json', 'x-leadpace': '1' }, body: JSON.stringify({ code: value }) });

      const first = await pair(code.toLowerCase().replace(/(.{4})/, '$1-'));
      expect(first.status).toBe(200);
      const body = await json<{ token: string; me: { memberId: string } }>(first);
      expect(body.me).toMatchObject({ memberId: member.memberId, teamKeyFingerprint: legacyKeyFingerprint(team.teamKey) });
      expect(JSON.stringify(body)).not.toContain(team.teamKey);
      expect((await app.request('/v1/me', authed(body.token))).status).toBe(200);
      // The pasted token keeps working: pairing adds a browser, it does not replace one.
      expect((await app.request('/v1/me', authed(member.token))).status).toBe(200);

      const again = await pair(code);
      expect(again.status).toBe(400);
      expect(await json(again)).toMatchObject({ error: 'invalid_pairing_code' });

      const late = await createPairingCode(db, member.memberId, clock.now);
      clock.now += 16 * MINUTE;
      expect((await pair(late.code)).status).toBe(400);
      expect((await pair('{')).status).toBe(400);
    });

    it('rate-limits per token with 429 and Retry-After', async () => {
      const { db } = env();
      const clock = { now: NOW };
      const app = createApp({ db, now: () => clock.now, rateLimit: { capacity: 3, refillPerSecond: 0.5 } });
      const team = await seedTeam(db, { members: [{ key: 'a', name: 'A', role: 'rep' }, { key: 'b', name: 'B', role: 'rep' }] });
      const a = team.members.a?.token ?? '';
      for (let i = 0; i < 3; i++) expect((await app.request('/v1/me', authed(a))).status).toBe(200);
      const limited = await app.request('/v1/me', authed(a));
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('2');
      expect(await json(limited)).toMatchObject({ error: 'rate_limited' });
      // Another token has its own bucket; time refills the first.
      expect((await app.request('/v1/me', authed(team.members.b?.token ?? ''))).status).toBe(200);
      clock.now += 2000;
      expect((await app.request('/v1/me', authed(a))).status).toBe(200);
    });

    it('allows CORS only for extension origins', async () => {
      const { app, member } = await setup();
      const preflight = (origin: string) =>
        app.request('/v1/events', {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
        });
      for (const origin of ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0b1c2d3e-aaaa-bbbb-cccc-123456789abc']) {
        expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBe(origin);
      }
      for (const origin of ['https://crm.example.com', 'http://localhost:3000', 'chrome-extension://x.evil.com']) {
        expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBeNull();
      }
      const get = await app.request('/v1/me', authed(member.token, { headers: { origin: 'https://evil.example' } }));
      expect(get.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('health check answers without a token', async () => {
      const { app } = env();
      const res = await app.request('/healthz');
      expect(res.status).toBe(200);
      expect(await json(res)).toMatchObject({ ok: true, engine: env().engine });
    });

    it('a new member of the team gets their own identity', async () => {
      const { db, app, team } = await setup();
      const bob = await addMember(db, { teamId: team.teamId, name: 'Bob', role: 'manager' });
      expect(await json(await app.request('/v1/me', authed(bob.token)))).toMatchObject({ name: 'Bob', role: 'manager' });
    });
  });
}
