import fc from 'fast-check';
import { expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { WireEvent } from '@/lib/sync/wire';
import { currentLeadFactsRow, foldEventFromStored } from '@/server/domain/lead-facts';
import { foldStateOfHistory, parseFoldState } from '@/server/domain/lead-fold-state';
import { ingestEvents } from '@/server/sql/ingest';
import type { Db } from '@/server/db/connect';
import { attempt, ev, lead, seen, status, voids } from './events';
import { onEveryEngine } from './engines';
import { HOUR, MINUTE, NOW, seedTeam } from './harness';

// The ingest carries each lead's stored fold forward instead of folding its history again.
// Whatever order events arrive in and however they are cut into pushes, the stored facts and
// state must be those of a fold of everything stored, as the extension would fold it.

const NO_LIMITS = { perLead: Number.POSITIVE_INFINITY, perLeadPerDay: Number.POSITIVE_INFINITY };

async function storedLead(db: Db, teamId: string, memberId: string, leadName: string) {
  const rows = await db.kysely
    .selectFrom('events')
    .select(['body', 'stored_at'])
    .where('team_id', '=', teamId)
    .where('member_id', '=', memberId)
    .where('lead', '=', lead(leadName))
    .execute();
  const history = rows.map((r) => ({ event: foldEventFromStored(r.body), storedAt: Number(r.stored_at) }));
  const facts = await db.kysely
    .selectFrom('lead_facts')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('member_id', '=', memberId)
    .where('lead', '=', lead(leadName))
    .executeTakeFirst();
  return { history, facts };
}

async function expectFullFoldAgrees(db: Db, teamId: string, memberId: string, leadName: string): Promise<void> {
  const { history, facts } = await storedLead(db, teamId, memberId, leadName);
  const expected = currentLeadFactsRow(history.flatMap((h) => (h.event ? [h.event] : [])));
  if (expected === null) {
    expect(facts).toBeUndefined();
    return;
  }
  expect(facts).toMatchObject(expected);
  expect(parseFoldState(facts?.fold_state ?? null)).toEqual(foldStateOfHistory(history, NOW));
}

onEveryEngine('incremental ingest fold', (env) => {
  it('carries in-order pushes forward without reading the history again', async () => {
    const { db } = env();
    const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Alice', role: 'rep' }] });
    const memberId = team.members.rep?.memberId ?? '';
    const push = (events: WireEvent[]) => ingestEvents(db, { teamId: team.teamId, memberId, events, now: NOW });
    await push([seen('L1', NOW - HOUR), attempt('L1', NOW - 50 * MINUTE)]);
    // A stored event made unreadable: a full fold would leave it out, a carried one does not.
    await db.kysely.updateTable('events').set({ body: '{' }).where('team_id', '=', team.teamId).where('type', '=', 'attempt_logged').execute();
    await push([attempt('L1', NOW - 40 * MINUTE, 'reached')]);
    const { facts } = await storedLead(db, team.teamId, memberId, 'L1');
    expect(facts).toMatchObject({ attempts: 2, contacts: 1, status: 'contacted' });

    // A late event cannot be appended: the lead is folded again, now without the unreadable one.
    await push([attempt('L1', NOW - 55 * MINUTE)]);
    expect((await storedLead(db, team.teamId, memberId, 'L1')).facts).toMatchObject({ attempts: 2 });
    await expectFullFoldAgrees(db, team.teamId, memberId, 'L1');
  });

  it('folds again for a correction of a stored event, and carries a correction that arrives first', async () => {
    const { db } = env();
    const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Alice', role: 'rep' }] });
    const memberId = team.members.rep?.memberId ?? '';
    const push = (events: WireEvent[]) => ingestEvents(db, { teamId: team.teamId, memberId, events, now: NOW });
    const sold = status('L1', NOW - 30 * MINUTE, 'sold');
    await push([seen('L1', NOW - HOUR), attempt('L1', NOW - 50 * MINUTE, 'reached'), sold]);
    await push([voids('L1', NOW - 20 * MINUTE, sold.id)]);
    expect((await storedLead(db, team.teamId, memberId, 'L1')).facts).toMatchObject({ status: 'contacted', sold_at: null });
    await expectFullFoldAgrees(db, team.teamId, memberId, 'L1');

    const later = attempt('L1', NOW - 10 * MINUTE, 'appointment');
    await push([voids('L1', NOW - 15 * MINUTE, later.id)]);
    await push([later]);
    expect((await storedLead(db, team.teamId, memberId, 'L1')).facts).toMatchObject({ status: 'contacted', attempts: 1 });
    await expectFullFoldAgrees(db, team.teamId, memberId, 'L1');
  });

  it('concurrent pushes to one lead each carry the other\'s result forward, losing nothing', async () => {
    const { db } = env();
    const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Alice', role: 'rep' }] });
    const memberId = team.members.rep?.memberId ?? '';
    await ingestEvents(db, { teamId: team.teamId, memberId, events: [seen('C1', NOW - HOUR)], now: NOW });
    const pushes = Array.from({ length: 12 }, (_, i) => [attempt('C1', NOW - 50 * MINUTE + i * MINUTE, i % 3 === 0 ? 'reached' : 'no_answer')]);
    await Promise.all(pushes.map((events) => ingestEvents(db, { teamId: team.teamId, memberId, events, now: NOW })));
    expect((await storedLead(db, team.teamId, memberId, 'C1')).facts).toMatchObject({ attempts: 12, contacts: 4 });
    await expectFullFoldAgrees(db, team.teamId, memberId, 'C1');
  });

  it('random histories in random pushes store what a full fold gives, after every push', async () => {
    const { db } = env();
    const team = await seedTeam(db, { members: [{ key: 'rep', name: 'Alice', role: 'rep' }] });
    const memberId = team.members.rep?.memberId ?? '';
    let run = 0;
    const step = fc.record({
      kind: fc.constantFrom('seen', 'attempt', 'attempt', 'status', 'void'),
      minute: fc.integer({ min: 0, max: 30 }),
      target: fc.nat(),
      outcome: fc.constantFrom('no_answer' as const, 'reached' as const, 'appointment' as const),
      status: fc.constantFrom('sold' as const, 'lost' as const, 'open' as const, 'shown' as const),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 14, maxLength: 14 }), fc.boolean(), async (steps, sizes, shuffle) => {
        run += 1;
        const name = `R${run}`;
        const events: WireEvent[] = [];
        for (const s of steps) {
          const at = NOW - HOUR + s.minute * MINUTE;
          const id = uuidv7();
          if (s.kind === 'seen') events.push(ev(name, at, { type: 'lead_seen', source: 'website', receivedAt: null }, id));
          else if (s.kind === 'attempt') events.push(ev(name, at, { type: 'attempt_logged', channel: 'call', outcome: s.outcome }, id));
          else if (s.kind === 'status') events.push(status(name, at, s.status));
          else events.push(voids(name, at, events[s.target % Math.max(1, events.length)]?.id ?? uuidv7()));
        }
        const order = shuffle ? [...events].reverse() : events;
        let off = 0;
        for (const size of sizes) {
          if (off >= order.length) break;
          await ingestEvents(db, { teamId: team.teamId, memberId, events: order.slice(off, off + size), now: NOW, limits: NO_LIMITS });
          off += size;
          await expectFullFoldAgrees(db, team.teamId, memberId, name);
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
