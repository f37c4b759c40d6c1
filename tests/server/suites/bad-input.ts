import { describe, expect, it } from 'vitest';
import { attempt, seen } from '@/tests/server/events';
import { authed, HOUR, json, NOW, push, seedTeam, storedEventIds, type EnvRef } from '@/tests/server/harness';

const DAY = 24 * HOUR;

export function badInputSuite(env: EnvRef) {
  describe('bad input', () => {
    const setup = async () => {
      const { db, app } = env();
      const team = await seedTeam(db, {
        members: [
          { key: 'rep', name: 'Alice', role: 'rep' },
          { key: 'lead', name: 'Lena', role: 'manager' },
        ],
      });
      const token = team.members.rep?.token ?? '';
      const raw = (body: string) => app.request('/v1/events', authed(token, { method: 'POST', body }));
      return { db, app, team, token, raw };
    };

    it.each([
      ['malformed JSON', '{"events": [', 400, 'invalid_json'],
      ['an empty body', '', 400, 'empty_body'],
      ['a top-level array', '[]', 400, 'invalid_body'],
      ['events that is not an array', '{"events": {"0": 1}}', 400, 'invalid_body'],
      ['an extra top-level key', '{"events": [], "repId": "someone-else"}', 400, 'invalid_body'],
      ['an empty batch', '{"events": []}', 400, 'empty_batch'],
    ])('refuses %s with a clear 4xx', async (_label, body, statusCode, code) => {
      const { db, team, raw } = await setup();
      const res = await raw(body);
      expect(res.status).toBe(statusCode);
      expect(await json(res)).toEqual({ error: code, message: expect.any(String) });
      expect(await storedEventIds(db, team.teamId)).toEqual([]);
    });

    it('refuses more than 500 events and bodies over 512 KB with 413', async () => {
      const { db, team, token, app, raw } = await setup();
      const many = Array.from({ length: 501 }, (_, i) => seen(`L${i}`, NOW - HOUR));
      const tooMany = await push(app, token, many);
      expect(tooMany.status).toBe(413);
      expect(await json(tooMany)).toMatchObject({ error: 'too_many_events' });

      const huge = await raw(JSON.stringify({ events: [{ ...seen('L', NOW), source: 'x'.repeat(600 * 1024) }] }));
      expect(huge.status).toBe(413);
      expect(await json(huge)).toMatchObject({ error: 'body_too_large' });
      expect(await storedEventIds(db, team.teamId)).toEqual([]);
    });

    it.each([
      ['a wrong type', { ...seen('L', NOW), at: '2026-03-18T10:00:00Z' }, /^invalid_field: at/],
      ['a huge string', { ...attempt('L', NOW), scriptId: 's'.repeat(200_000) }, /^invalid_field: scriptId/],
      ['a non-hex lead', { ...seen('L', NOW), lead: 'crm:12345' }, /^invalid_field: lead/],
      ['an unknown event type', { ...seen('L', NOW), type: 'customer_called' }, /^unknown_type/],
      ['customer data in an extra field', { ...seen('L', NOW), name: 'Piet Jansen' }, /^unknown_field: name/],
      ['a rep id in the body', { ...seen('L', NOW), repId: 'someone-else' }, /^unknown_field: repId/],
      ['a future schema version', { ...seen('L', NOW), v: 2 }, /^invalid_field: v/],
      ['a time more than 24 h ahead', seen('L', NOW + DAY + 60_000), /^in_future/],
      ['a time older than the retention window', seen('L', NOW - 401 * DAY), /^too_old/],
      ['a receivedAt far in the future', seen('L', NOW, NOW + 2 * DAY), /^in_future: receivedAt/],
      ['a non-uuid id', { ...seen('L', NOW), id: 'abc' }, /^invalid_field: id/],
    ])('rejects %s with a reason and stores nothing', async (_label, event, reason) => {
      const { db, team, token, app } = await setup();
      const res = await push(app, token, [event]);
      expect(res.status).toBe(422);
      const body = await json(res);
      expect(body).toMatchObject({ error: 'all_rejected', accepted: 0, duplicates: 0 });
      expect(body.rejected).toEqual([{ id: expect.anything(), reason: expect.stringMatching(reason) }]);
      expect(await storedEventIds(db, team.teamId)).toEqual([]);
    });

    it('does not echo a huge id back', async () => {
      const { token, app } = await setup();
      const res = await push(app, token, [{ ...seen('L', NOW), id: 'i'.repeat(10_000) }]);
      const body = await json<{ rejected: { id: string | null }[] }>(res);
      expect(body.rejected[0]?.id).toBeNull();
    });

    it('keeps valid events next to every kind of bad one', async () => {
      const { db, team, token, app } = await setup();
      const good = seen('L', NOW - HOUR);
      const res = await push(app, token, [
        { ...seen('X', NOW), type: 'nope' },
        good,
        { ...seen('Y', NOW), email: 'a@b.nl' },
        seen('Z', NOW + 3 * DAY),
      ]);
      expect(res.status).toBe(200);
      expect(await json(res)).toMatchObject({ accepted: 1, duplicates: 0 });
      expect(await storedEventIds(db, team.teamId)).toEqual([good.id]);
    });

    it('refuses pushes from a lead token', async () => {
      const { db, team, app } = await setup();
      const res = await push(app, team.members.lead?.token ?? '', [seen('L', NOW)]);
      expect(res.status).toBe(403);
      expect(await json(res)).toMatchObject({ error: 'forbidden_role' });
      expect(await storedEventIds(db, team.teamId)).toEqual([]);
    });

    it.each([
      ['/v1/leaderboard?period=year', 'invalid_period'],
      ['/v1/events?after=-1', 'invalid_query'],
      ['/v1/events?after=abc', 'invalid_query'],
      ['/v1/events?limit=0', 'invalid_query'],
      ['/v1/events?limit=100000', 'invalid_query'],
    ])('refuses the query %s', async (path, code) => {
      const { token, app } = await setup();
      const res = await app.request(path, authed(token));
      expect(res.status).toBe(400);
      expect(await json(res)).toMatchObject({ error: code });
    });

    it('answers unknown routes with a JSON 404', async () => {
      const { app } = env();
      const res = await app.request('/v1/nothing-here');
      expect(res.status).toBe(404);
      expect(await json(res)).toMatchObject({ error: 'not_found' });
    });
  });
}
