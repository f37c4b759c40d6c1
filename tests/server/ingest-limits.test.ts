import { expect, it } from 'vitest';
import { createApp } from '@/server/app';
import { attempt, seen } from './events';
import { onEveryEngine } from './engines';
import { GENEROUS_LIMIT, HOUR, NOW, json, push, seedTeam, storedEventIds, type Clock } from './harness';

// One token may not cost the server more than a bounded amount of work: events per minute
// per token, and events per lead per day per rep, both answered 429 with a Retry-After the
// extension already honours. Nothing a client sends is lost: a retry after the wait fits.

onEveryEngine('ingest limits', (env) => {
  function appWith(clock: Clock, limits: Parameters<typeof createApp>[0]) {
    return createApp({ ...limits, now: () => clock.now, rateLimit: GENEROUS_LIMIT });
  }

  it('answers 429 with Retry-After once a token has sent its events for the minute, storing nothing of that push', async () => {
    const { db } = env();
    const clock: Clock = { now: NOW };
    // Ten events a minute: a burst of ten, then one every six seconds.
    const app = appWith(clock, { db, eventRateLimit: { capacity: 10, refillPerSecond: 10 / 60 } });
    const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Alice', role: 'rep' }, { key: 'other', name: 'Bob', role: 'rep' }] });
    const token = team.members.rep?.token ?? '';
    const first = Array.from({ length: 8 }, (_, i) => attempt('L1', NOW - HOUR + i));
    expect((await push(app, token, [seen('L1', NOW - HOUR), ...first.slice(1)])).status).toBe(200);

    const second = [attempt('L1', NOW - 30 * 60_000), attempt('L2', NOW - 30 * 60_000), seen('L2', NOW - HOUR), attempt('L1', NOW - 20 * 60_000), attempt('L1', NOW - 10 * 60_000)];
    const refused = await push(app, token, second);
    expect(refused.status).toBe(429);
    // Two tokens left, five wanted: three more at one per six seconds.
    expect(refused.headers.get('retry-after')).toBe('18');
    expect(await json(refused)).toMatchObject({ error: 'rate_limited' });
    const stored = await storedEventIds(db, team.teamId);
    for (const e of second) expect(stored).not.toContain(e.id);

    // Another rep's token has its own allowance.
    expect((await push(app, team.members.other?.token ?? '', [seen('L9', NOW - HOUR)])).status).toBe(200);

    clock.now += 18_000;
    const retried = await push(app, token, second);
    expect(retried.status).toBe(200);
    expect(await json(retried)).toEqual({ accepted: 5, duplicates: 0, rejected: [] });
  });

  it('stores a lead\'s events up to its daily limit, answers 429 until the next UTC day, and takes the rest then', async () => {
    const { db } = env();
    const clock: Clock = { now: NOW };
    const app = appWith(clock, { db, ingestLimits: { perLeadPerDay: 3 } });
    const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Alice', role: 'rep' }] });
    const token = team.members.rep?.token ?? '';
    const busy = [seen('L1', NOW - HOUR), attempt('L1', NOW - 50 * 60_000), attempt('L1', NOW - 40 * 60_000), attempt('L1', NOW - 30 * 60_000), attempt('L1', NOW - 20 * 60_000)];
    const quiet = seen('L2', NOW - HOUR);
    const batch = [...busy, quiet];

    const res = await push(app, token, batch);
    expect(res.status).toBe(429);
    // NOW is 09:00 UTC: fifteen hours to the next UTC day.
    expect(res.headers.get('retry-after')).toBe(String(15 * 3600));
    const body = await json<{ error: string; message: string }>(res);
    expect(body.error).toBe('rate_limited');
    expect(body.message).toMatch(/at most 3 events per rep per day/);
    expect((await storedEventIds(db, team.teamId)).sort()).toEqual([...busy.slice(0, 3), quiet].map((e) => e.id).sort());

    // The same day, a retry stores nothing more and is told to wait again; stored ones are
    // duplicates and do not count against the day.
    clock.now += HOUR;
    const again = await push(app, token, batch);
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe(String(14 * 3600));
    expect(await storedEventIds(db, team.teamId)).toHaveLength(4);

    clock.now = Date.UTC(2026, 2, 19, 0, 0, 1);
    const nextDay = await push(app, token, batch);
    expect(nextDay.status).toBe(200);
    expect(await json(nextDay)).toEqual({ accepted: 2, duplicates: 4, rejected: [] });
    const facts = await db.kysely.selectFrom('lead_facts').select(['lead', 'attempts']).where('team_id', '=', team.teamId).orderBy('attempts').execute();
    expect(facts.map((f) => f.attempts)).toEqual([0, 4]);
  });

  it('pays a late event\'s full fold from the token\'s refold allowance, and puts the lead off once it is spent', async () => {
    const { db } = env();
    const clock: Clock = { now: NOW };
    // Ten stored events folded again a minute.
    const app = appWith(clock, { db, refoldRateLimit: { capacity: 10, refillPerSecond: 10 / 60 } });
    const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Alice', role: 'rep' }] });
    const token = team.members.rep?.token ?? '';
    const history = [seen('L1', NOW - HOUR), ...Array.from({ length: 7 }, (_, i) => attempt('L1', NOW - 50 * 60_000 + i * 60_000))];
    expect((await push(app, token, history)).status).toBe(200);

    // In order: carried forward, free however often.
    for (let i = 0; i < 3; i++) expect((await push(app, token, [attempt('L1', NOW - 30 * 60_000 + i)])).status).toBe(200);
    // Late: folds the lead's 11 stored events again, which the allowance (10 at most) pays once.
    expect((await push(app, token, [attempt('L1', NOW - 59 * 60_000)])).status).toBe(200);
    const late = attempt('L1', NOW - 58 * 60_000);
    const other = seen('L2', NOW - HOUR);
    const refused = await push(app, token, [late, other]);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect((await json<{ message: string }>(refused)).message).toMatch(/allowance/);
    const stored = await storedEventIds(db, team.teamId);
    expect(stored).toContain(other.id);
    expect(stored).not.toContain(late.id);
    // Carrying forward stays free meanwhile.
    expect((await push(app, token, [attempt('L1', NOW - 20 * 60_000)])).status).toBe(200);

    clock.now += 60_000;
    const retried = await push(app, token, [late, other]);
    expect(retried.status).toBe(200);
    expect(await json(retried)).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    expect(await db.kysely.selectFrom('lead_facts').select('attempts').where('team_id', '=', team.teamId).where('attempts', '>', 0).executeTakeFirst()).toEqual({ attempts: 13 });
  });

  it('counts a lead without a lead_seen (no stored state) from its events, as one with one', async () => {
    const { db } = env();
    const clock: Clock = { now: NOW };
    const app = appWith(clock, { db, ingestLimits: { perLeadPerDay: 2 } });
    const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Alice', role: 'rep' }] });
    const token = team.members.rep?.token ?? '';
    expect((await push(app, token, [attempt('L1', NOW - HOUR), attempt('L1', NOW - HOUR + 1)])).status).toBe(200);
    const res = await push(app, token, [seen('L1', NOW - 2 * HOUR)]);
    expect(res.status).toBe(429);
    expect(await storedEventIds(db, team.teamId)).toHaveLength(2);
  });
});
