import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { EventsPage, LeaderboardResponse } from '@/lib/sync/wire';
import { createApp } from '@/server/app';
import { pairingCodeHash, sha256Hex } from '@/server/security/secrets';
import { addMember, createPairingCode, removeMember, rotateToken } from '@/server/sql/tenancy';
import { dumpEveryTable, onEveryEngine } from './engines';
import { attempt, seen, voids } from './events';
import { authed, HOUR, json, NOW, push, seedTeam, storedEventIds, type App } from './harness';

const pairRequest = (app: App, code: string, headers: Record<string, string> = { 'content-type': 'application/json', 'x-leadpace': '1' }) =>
  app.request('/v1/pair', { method: 'POST', headers, body: JSON.stringify({ code }) });

const randomToken = () => `lp_${Buffer.from(uuidv7() + uuidv7()).toString('base64url').slice(0, 43)}`;

onEveryEngine('hardening', (env) => {
  describe('tokens and pairing codes', () => {
    it('rotating a token voids every pending pairing code of that member', async () => {
      const { db, app } = env();
      const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Alice', role: 'rep' }, { key: 'other', name: 'Olga', role: 'rep' }] });
      const member = team.members.rep?.memberId ?? '';
      const early = await createPairingCode(db, member, NOW);
      const other = await createPairingCode(db, team.members.other?.memberId ?? '', NOW);
      const rotated = await rotateToken(db, member);
      const res = await pairRequest(app, early.code);
      expect(res.status).toBe(400);
      expect(await json(res)).toMatchObject({ error: 'invalid_pairing_code' });
      // A code made after the rotation works; a colleague's code was never touched.
      expect((await pairRequest(app, (await createPairingCode(db, member, NOW)).code)).status).toBe(200);
      expect((await pairRequest(app, other.code)).status).toBe(200);
      expect((await app.request('/v1/me', authed(rotated.token))).status).toBe(200);
    });

    it('removing a member voids their pending pairing codes', async () => {
      const { db, app } = env();
      const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Bob', role: 'rep' }] });
      const member = team.members.rep?.memberId ?? '';
      const { code } = await createPairingCode(db, member, NOW);
      await removeMember(db, member);
      expect((await pairRequest(app, code)).status).toBe(400);
    });

    it('stores tokens only as their SHA-256 and pairing codes only as a slow hash', async () => {
      const { db, app } = env();
      const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Cleo', role: 'rep' }] });
      const member = team.members.rep?.memberId ?? '';
      const pending = await createPairingCode(db, member, NOW);
      const used = await createPairingCode(db, member, NOW);
      const paired = await json<{ token: string }>(await pairRequest(app, used.code));
      const secrets = [team.members.rep?.token ?? '', paired.token, pending.code, used.code];
      const { text } = await dumpEveryTable(db);
      for (const secret of secrets) {
        expect(secret.length).toBeGreaterThan(7);
        expect(text).not.toContain(secret);
        expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
      }
      const tokens = await db.kysely.selectFrom('tokens').select('hash').where('member_id', '=', member).execute();
      expect(tokens.map((t) => t.hash).sort()).toEqual([sha256Hex(team.members.rep?.token ?? ''), sha256Hex(paired.token)].sort());
      const codes = await db.kysely.selectFrom('pairing_codes').select('code_hash').where('member_id', '=', member).execute();
      expect(codes.map((c) => c.code_hash).sort()).toEqual([await pairingCodeHash(pending.code), await pairingCodeHash(used.code)].sort());
      // Not the plain SHA-256 either: that would be reversed by trying every code.
      expect(text).not.toContain(sha256Hex(pending.code));
    });
  });

  describe('pseudonyms', () => {
    it('stay the same when colleagues join', async () => {
      const { db, app } = env();
      const team = await seedTeam(db, {
        visibility: 'pseudonymous',
        members: [
          { key: 'viewer', name: 'Vera', role: 'rep' },
          { key: 'a', name: 'Anna', role: 'rep' },
          { key: 'b', name: 'Bram', role: 'rep' },
        ],
      });
      const viewer = team.members.viewer?.token ?? '';
      const labels = async () => (await json<LeaderboardResponse>(await app.request('/v1/leaderboard?period=today', authed(viewer)))).rows.filter((r) => !r.self).map((r) => r.label);
      const before = await labels();
      expect(before).toHaveLength(2);
      for (let i = 0; i < 8; i++) await addMember(db, { teamId: team.teamId, name: `Hire ${i}`, role: 'rep' });
      const after = await labels();
      expect(after).toHaveLength(10);
      expect(new Set(after).size).toBe(10);
      for (const label of before) expect(after).toContain(label);
      for (const label of after) expect(label).toMatch(/^Rep [A-Z]{4,}$/);
    });
  });

  describe('event identity', () => {
    it('an id replayed in capitals is the same event, not a second one', async () => {
      const { db, app } = env();
      const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Dirk', role: 'rep' }] });
      const token = team.members.rep?.token ?? '';
      const event = seen('case-lead', NOW - HOUR);
      expect(await json(await push(app, token, [event]))).toMatchObject({ accepted: 1 });
      const replay = await json(await push(app, token, [{ ...event, id: event.id.toUpperCase() }]));
      expect(replay).toMatchObject({ accepted: 0, duplicates: 1 });
      // A void that names its target in capitals still voids it.
      expect(await json(await push(app, token, [{ ...voids('case-lead', NOW - HOUR + 1, event.id.toUpperCase()) }]))).toMatchObject({ accepted: 1 });
      const pulled = await json<EventsPage>(await app.request('/v1/events', authed(token)));
      expect(pulled.events.map((e) => e.id)).toEqual([event.id, expect.any(String)]);
      expect(pulled.events[1]).toMatchObject({ voids: event.id });
      expect(await storedEventIds(db, team.teamId)).toHaveLength(2);
    });

    it("another team's event id is neither refused nor reported as a duplicate", async () => {
      const { db, app } = env();
      const north = await seedTeam(db, { members: [{ key: 'rep', name: 'Noor', role: 'rep' }] });
      const south = await seedTeam(db, { members: [{ key: 'rep', name: 'Sem', role: 'rep' }] });
      const event = seen('shared-id', NOW - HOUR);
      expect(await json(await push(app, north.members.rep?.token ?? '', [event]))).toMatchObject({ accepted: 1 });
      expect(await json(await push(app, south.members.rep?.token ?? '', [{ ...event, lead: attempt('other', NOW).lead }]))).toMatchObject({ accepted: 1, duplicates: 0 });
      expect(await storedEventIds(db, north.teamId)).toEqual([event.id]);
      expect(await storedEventIds(db, south.teamId)).toEqual([event.id]);
    });
  });

  describe('strict HTTP', () => {
    it.each([
      ['text/plain', JSON.stringify({ events: [] })],
      ['application/x-www-form-urlencoded', 'events=1'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="events"\r\n\r\n1\r\n--x--'],
      ['application/json; charset=latin1', '{}'],
      ['', '{}'],
    ])('refuses a %s body with a JSON 415', async (type, body) => {
      const { db, app } = env();
      const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Eva', role: 'rep' }] });
      const headers: Record<string, string> = { authorization: `Bearer ${team.members.rep?.token ?? ''}` };
      if (type) headers['content-type'] = type;
      for (const path of ['/v1/events', '/v1/pair']) {
        const res = await app.request(path, { method: 'POST', headers: { ...headers, 'x-leadpace': '1' }, body });
        expect(res.status).toBe(415);
        expect(await json(res)).toEqual({ error: 'unsupported_media_type', message: expect.any(String) });
      }
      expect(await storedEventIds(db, team.teamId)).toEqual([]);
    });

    it('accepts application/json with a utf-8 charset', async () => {
      const { db, app } = env();
      const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Fay', role: 'rep' }] });
      const res = await app.request('/v1/events', {
        method: 'POST',
        headers: { authorization: `Bearer ${team.members.rep?.token ?? ''}`, 'content-type': 'Application/JSON; charset=UTF-8' },
        body: JSON.stringify({ events: [seen('L', NOW - HOUR)] }),
      });
      expect(res.status).toBe(200);
    });

    it('pairing needs the extension header, so a cross-site form cannot use a code', async () => {
      const { db, app } = env();
      const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Gijs', role: 'rep' }] });
      const { code } = await createPairingCode(db, team.members.rep?.memberId ?? '', NOW);
      const bare = await pairRequest(app, code, { 'content-type': 'application/json' });
      expect(bare.status).toBe(403);
      expect(await json(bare)).toMatchObject({ error: 'client_header_required' });
      // The refused attempt did not use the code up.
      expect((await pairRequest(app, code)).status).toBe(200);
      const preflight = await app.request('/v1/pair', {
        method: 'OPTIONS',
        headers: { origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-leadpace' },
      });
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-leadpace');
    });
  });

  describe('pull cursor', () => {
    it("is opaque, tied to the rep, and says nothing about colleagues' pushes", async () => {
      const { db, app } = env();
      const team = await seedTeam(db, { members: [{ key: 'a', name: 'Ann', role: 'rep' }, { key: 'b', name: 'Ben', role: 'rep' }] });
      const a = team.members.a?.token ?? '';
      const b = team.members.b?.token ?? '';
      const first = seen('a1', NOW - HOUR);
      const second = seen('a2', NOW - HOUR);
      await push(app, a, [first]);
      await push(app, b, Array.from({ length: 37 }, (_, i) => seen(`b${i}`, NOW - HOUR)));
      await push(app, a, [second]);

      const page1 = await json<EventsPage>(await app.request('/v1/events?limit=1', authed(a)));
      const page2 = await json<EventsPage>(await app.request(`/v1/events?limit=1&after=${page1.next ?? ''}`, authed(a)));
      expect(page1.events.map((e) => e.id)).toEqual([first.id]);
      expect(page2.events.map((e) => e.id)).toEqual([second.id]);
      for (const cursor of [page1.next, page2.next]) {
        expect(cursor).toMatch(/^[A-Za-z0-9_-]{22}$/);
        expect(cursor).not.toMatch(/^\d+$/);
      }
      // B cannot use (or learn from) A's cursor.
      const stolen = await app.request(`/v1/events?after=${page1.next ?? ''}`, authed(b));
      expect(stolen.status).toBe(400);
      expect(await json(stolen)).toMatchObject({ error: 'invalid_query' });
      // A number (the old cursor format, or a probe) starts from the beginning.
      for (const probe of ['1', '38', '39']) {
        const res = await json<EventsPage>(await app.request(`/v1/events?after=${probe}`, authed(a)));
        expect(res.events.map((e) => e.id)).toEqual([first.id, second.id]);
      }
      const done = await json<EventsPage>(await app.request(`/v1/events?after=${page2.next ?? ''}`, authed(a)));
      expect(done).toEqual({ events: [], next: null });
    });
  });

  describe('rate limits', () => {
    it('limits random well-formed tokens per caller', async () => {
      const { db, clock } = env();
      const app = createApp({ db, now: () => clock.now, abuseLimits: { unknownToken: { capacity: 5, refillPerSecond: 0.5 } } });
      for (let i = 0; i < 5; i++) expect((await app.request('/v1/me', authed(randomToken()))).status).toBe(401);
      const limited = await app.request('/v1/me', authed(randomToken()));
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('2');
      expect(await json(limited)).toMatchObject({ error: 'rate_limited' });
      clock.now += 2000;
      expect((await app.request('/v1/me', authed(randomToken()))).status).toBe(401);
    });

    it('limits attempts per pairing code whatever the address, and per address', async () => {
      const { db, clock } = env();
      const perCode = createApp({ db, now: () => clock.now, abuseLimits: { pairPerCode: { capacity: 3, refillPerSecond: 0.01 } } });
      for (let i = 0; i < 3; i++) expect((await pairRequest(perCode, 'ABCD-EFGH')).status).toBe(400);
      // Spelling the same code differently is the same code.
      const limited = await pairRequest(perCode, 'abcdefgh');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await pairRequest(perCode, 'HJKMNPQR')).status).toBe(400);

      const perAddress = createApp({ db, now: () => clock.now, abuseLimits: { pairPerAddress: { capacity: 2, refillPerSecond: 0.2 } } });
      expect((await pairRequest(perAddress, 'AAAAAAAA')).status).toBe(400);
      expect((await pairRequest(perAddress, 'BBBBBBBB')).status).toBe(400);
      expect((await pairRequest(perAddress, 'CCCCCCCC')).status).toBe(429);
    });

    it('limits failed pairing over the whole server', async () => {
      const { db, clock } = env();
      const app = createApp({ db, now: () => clock.now, abuseLimits: { pairFailures: { capacity: 2, refillPerSecond: 0.1 } } });
      const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Hugo', role: 'rep' }] });
      const { code } = await createPairingCode(db, team.members.rep?.memberId ?? '', clock.now);
      expect((await pairRequest(app, 'DDDDDDDD')).status).toBe(400);
      expect((await pairRequest(app, 'EEEEEEEE')).status).toBe(400);
      expect((await pairRequest(app, code)).status).toBe(429);
      clock.now += 10_000;
      expect((await pairRequest(app, code)).status).toBe(200);
    });
  });
});
