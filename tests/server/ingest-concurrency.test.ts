import { expect, it } from 'vitest';
import type { FoldEvent } from '@/lib/domain/lead';
import type { WireEvent } from '@/lib/sync/wire';
import type { Db } from '@/server/db/connect';
import { currentLeadFactsRow, foldEventFromStored } from '@/server/domain/lead-facts';
import { rebuildRollupsOfTeam } from '@/server/sql/daily-rollups';
import { ingestEvents } from '@/server/sql/ingest';
import { attempt, seen, status } from './events';
import { onEveryEngine } from './engines';
import { HOUR, MINUTE, NOW, seedTeam } from './harness';

// Reps of one team push side by side (in PostgreSQL they meet only at the sequence bump). The
// team's commits must still be numbered without gaps or repeats, an id sent by two reps at
// once stored once, and every rep's facts and roll-ups those of the events stored for them.

const REPS = ['a', 'b', 'c', 'd'] as const;

function batchesOf(rep: string): WireEvent[][] {
  return Array.from({ length: 4 }, (_, b) =>
    Array.from({ length: 10 }, (_, l) => {
      const name = `${rep}-${b}-${l}`;
      const received = NOW - (l + 1) * 7 * HOUR - b * 24 * HOUR;
      return [seen(name, received), attempt(name, received + 10 * MINUTE, l % 3 === 0 ? 'reached' : 'no_answer'), ...(l % 4 === 0 ? [status(name, received + HOUR, 'sold')] : [])];
    }).flat(),
  );
}

async function rollupRows(db: Db, teamId: string): Promise<unknown[]> {
  return db.kysely.selectFrom('daily_rollups').selectAll().where('team_id', '=', teamId).orderBy('member_id').orderBy('day_start').execute();
}

onEveryEngine('pushes of one team side by side', (env) => {
  it('number the commits without gaps, store a shared id once, and keep each rep’s facts and roll-ups', async () => {
    const { db } = env();
    const team = await seedTeam(db, { members: REPS.map((key) => ({ key, name: key.toUpperCase(), role: 'rep' as const })) });
    const memberOf = (key: string) => team.members[key]?.memberId ?? '';
    // The team's roll-ups exist before the race, as they do once a team has pushed at all.
    await ingestEvents(db, { teamId: team.teamId, memberId: memberOf('a'), events: [seen('warm-up', NOW - HOUR)], now: NOW });

    const perRep = new Map(REPS.map((rep) => [rep, batchesOf(rep)]));
    const results = await Promise.all(
      [...perRep].flatMap(([rep, batches]) => batches.map((events) => ingestEvents(db, { teamId: team.teamId, memberId: memberOf(rep), events, now: NOW }))),
    );
    // Then, with every connection open, each rep sends the same event (ids are per team) at
    // the same time, a few times over: one of them stores it, the others are told it is a
    // duplicate, and only the one that stored it has the lead.
    const shared = Array.from({ length: 5 }, (_, i) => seen(`shared-${i}`, NOW - 2 * HOUR));
    for (const event of shared) {
      results.push(...(await Promise.all(REPS.map((rep) => ingestEvents(db, { teamId: team.teamId, memberId: memberOf(rep), events: [event], now: NOW })))));
    }

    const distinct = [...perRep.values()].flat(2).length + shared.length + 1;
    expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(distinct - 1);
    expect(results.reduce((n, r) => n + r.duplicates, 0)).toBe(shared.length * (REPS.length - 1));

    const stored = await db.kysely.selectFrom('events').select(['id', 'seq', 'member_id', 'lead', 'body']).where('team_id', '=', team.teamId).orderBy('seq').execute();
    expect(stored.map((r) => Number(r.seq))).toEqual(Array.from({ length: distinct }, (_, i) => i + 1));
    const teamRow = await db.kysely.selectFrom('teams').select('seq').where('id', '=', team.teamId).executeTakeFirstOrThrow();
    expect(Number(teamRow.seq)).toBe(distinct);
    for (const event of shared) expect(stored.filter((r) => r.id === event.id)).toHaveLength(1);

    // Each rep's facts are a fold of the events stored for that rep, a shared one included for
    // whichever rep stored it and for no one else.
    const facts = await db.kysely.selectFrom('lead_facts').selectAll().where('team_id', '=', team.teamId).execute();
    const byMemberLead = new Map<string, FoldEvent[]>();
    for (const row of stored) {
      const event = foldEventFromStored(row.body);
      if (!event) continue;
      const key = `${row.member_id} ${row.lead}`;
      byMemberLead.set(key, [...(byMemberLead.get(key) ?? []), event]);
    }
    expect(facts).toHaveLength(byMemberLead.size);
    for (const row of facts) expect(row).toMatchObject(currentLeadFactsRow(byMemberLead.get(`${row.member_id} ${row.lead}`) ?? []) ?? {});

    const kept = await rollupRows(db, team.teamId);
    await rebuildRollupsOfTeam(db, team.teamId, NOW);
    expect(kept).toEqual(await rollupRows(db, team.teamId));
  });
});
