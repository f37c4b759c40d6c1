import { expect, it } from 'vitest';
import { attempt, seen } from '@/tests/server/events';
import { MAX_EVENTS_PER_LEAD } from '@/server/sql/ingest';
import { HOUR, json, NOW, push, seedTeam, storedEventIds, type EnvRef } from '@/tests/server/harness';

export function ingestSuite(env: EnvRef) {
  it('refuses events beyond a lead\'s ceiling with a reason, and keeps other leads working', async () => {
    const { db, app } = env();
    const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Alice', role: 'rep' }] });
    const token = team.members.rep?.token ?? '';
    const flood = [seen('L1', NOW - HOUR), ...Array.from({ length: MAX_EVENTS_PER_LEAD + 1 }, (_, i) => attempt('L1', NOW - HOUR + i))];
    const results = [];
    for (let off = 0; off < flood.length; off += 500) results.push(await json<{ accepted: number; rejected: { id: string; reason: string }[] }>(await push(app, token, flood.slice(off, off + 500))));
    expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(MAX_EVENTS_PER_LEAD);
    const refused = results.flatMap((r) => r.rejected);
    expect(refused).toHaveLength(2);
    expect(refused[0]?.reason).toMatch(/^lead_event_limit: /);
    const other = await push(app, token, [seen('L2', NOW - HOUR)]);
    expect(await json(other)).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
  });

  it('stores a batch, and a retried batch counts as duplicates without storing twice', async () => {
    const { db, app } = env();
    const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Alice', role: 'rep' }] });
    const token = team.members.rep?.token ?? '';
    const batch = [seen('L1', NOW - HOUR), attempt('L1', NOW - HOUR + 60_000), seen('L2', NOW - HOUR)];

    const first = await push(app, token, batch);
    expect(first.status).toBe(200);
    expect(await json(first)).toEqual({ accepted: 3, duplicates: 0, rejected: [] });

    const retry = await push(app, token, batch);
    expect(retry.status).toBe(200);
    expect(await json(retry)).toEqual({ accepted: 0, duplicates: 3, rejected: [] });
    expect((await storedEventIds(db, team.teamId)).sort()).toEqual(batch.map((e) => e.id).sort());
  });

  it('counts the same event twice in one batch once, and refuses a different event reusing its id', async () => {
    const { db, app } = env();
    const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Alice', role: 'rep' }] });
    const token = team.members.rep?.token ?? '';
    const e = seen('L1', NOW - HOUR);
    const impostor = { ...attempt('L1', NOW - HOUR + 1000), id: e.id };

    const res = await push(app, token, [e, e, impostor]);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(body.rejected).toEqual([{ id: e.id, reason: expect.stringMatching(/^duplicate_id/) }]);
    expect(await storedEventIds(db, team.teamId)).toEqual([e.id]);
  });

  it('keeps the valid events of a mixed batch and names each rejected one', async () => {
    const { db, app } = env();
    const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Alice', role: 'rep' }] });
    const token = team.members.rep?.token ?? '';
    const good1 = seen('L1', NOW - HOUR);
    const good2 = attempt('L1', NOW - HOUR + 60_000);
    const badType = { ...seen('L2', NOW), type: 'lead_deleted' };
    const badField = { ...attempt('L2', NOW), outcome: 'sold_a_car' };
    const future = attempt('L2', NOW + 25 * HOUR);

    const res = await push(app, token, [good1, badType, good2, badField, future, 42]);
    expect(res.status).toBe(200);
    const body = await json<{ accepted: number; duplicates: number; rejected: { id: string | null; reason: string }[] }>(res);
    expect(body.accepted).toBe(2);
    expect(body.duplicates).toBe(0);
    expect(body.rejected).toEqual([
      { id: badType.id, reason: expect.stringMatching(/^unknown_type/) },
      { id: badField.id, reason: expect.stringMatching(/^invalid_field: outcome/) },
      { id: future.id, reason: expect.stringMatching(/^in_future/) },
      { id: null, reason: expect.stringMatching(/^invalid_event/) },
    ]);
    expect((await storedEventIds(db, team.teamId)).sort()).toEqual([good1.id, good2.id].sort());
  });

  it('updates the per-lead facts in the same transaction as the events', async () => {
    const { db, app } = env();
    const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Alice', role: 'rep' }] });
    const token = team.members.rep?.token ?? '';
    // Attempt first, lead_seen later: out-of-order arrival must still fold correctly.
    await push(app, token, [attempt('L1', NOW - 30 * 60_000, 'reached')]);
    await push(app, token, [seen('L1', NOW - HOUR)]);
    const rows = await db.kysely.selectFrom('lead_facts').selectAll().where('team_id', '=', team.teamId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ received_at: NOW - HOUR, first_attempt_at: NOW - 30 * 60_000, attempts: 1, contacts: 1, status: 'contacted', furthest: 'contacted' });
    // Verdicts are computed when read, with the team's settings of that moment.
    expect(rows[0]).not.toHaveProperty('response_ms');
    expect(rows[0]).not.toHaveProperty('closed_too_early');
  });
}
