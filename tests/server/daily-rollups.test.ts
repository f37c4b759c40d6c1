import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { WireEvent } from '@/lib/sync/wire';
import { runCommand } from '@/server/cli/commands';
import type { Db } from '@/server/db/connect';
import { addLeadToDay, dayStartIn, emptyDayTally, type DayTally } from '@/server/domain/daily-rollup';
import { currentLeadFactsRow, factsFromRow, foldEventFromStored } from '@/server/domain/lead-facts';
import { rollupSettings } from '@/server/sql/daily-rollups';
import { ingestEvents } from '@/server/sql/ingest';
import { setRetentionMonths } from '@/server/sql/retention';
import { removeMember } from '@/server/sql/tenancy';
import { attempt, ev, seen, status, voids } from './events';
import { onEveryEngine } from './engines';
import { HOUR, NOW, seedTeam } from './harness';

// The daily roll-ups are a projection: whatever arrives in whatever order — late events, voids
// of stored events (a lead_seen too), retention and a member's purge — the kept rows must equal
// roll-ups made afresh from the stored events, with the settings they name.

const DAY = 24 * HOUR;
const NO_LIMITS = { perLead: Number.POSITIVE_INFINITY, perLeadPerDay: Number.POSITIVE_INFINITY };

interface Step {
  lead: number;
  kind: 'seen' | 'attempt' | 'reached' | 'sold' | 'lost' | 'void';
  at: number;
  received: number;
  target: number;
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  lead: fc.integer({ min: 0, max: 5 }),
  kind: fc.constantFrom('seen', 'attempt', 'attempt', 'reached', 'sold', 'lost', 'void'),
  at: fc.integer({ min: 0, max: 70 * 24 }),
  received: fc.integer({ min: 0, max: 72 }),
  target: fc.nat(),
});

/** One rep's history: events in the order they happened, voids aimed at earlier ones. */
function eventsOf(rep: string, steps: readonly Step[]): WireEvent[] {
  const out: WireEvent[] = [];
  for (const s of steps) {
    const name = `${rep}-L${s.lead}`;
    const at = NOW - 70 * DAY + s.at * HOUR;
    const mine = out.filter((e) => e.lead === seen(name, 0).lead);
    if (s.kind === 'seen') out.push(seen(name, at, at - s.received * HOUR));
    else if (s.kind === 'attempt') out.push(attempt(name, at));
    else if (s.kind === 'reached') out.push(attempt(name, at, 'reached'));
    else if (s.kind === 'sold') out.push(status(name, at, 'sold'));
    else if (s.kind === 'lost') out.push(ev(name, at, { type: 'status_changed', status: 'lost', lostReason: s.target % 2 ? 'duplicate' : 'not_interested' }));
    else {
      const target = mine[s.target % Math.max(1, mine.length)];
      if (target) out.push(voids(name, at, target.id));
    }
  }
  return out;
}

/** Roll-ups made from the stored events alone, as rows comparable with the kept ones. */
async function rollupsFromEvents(db: Db, teamId: string): Promise<string[]> {
  const kept = await rollupSettings(db.kysely, teamId);
  if (!kept) throw new Error('no roll-up settings');
  const rows = await db.kysely.selectFrom('events').select(['member_id', 'lead', 'body']).where('team_id', '=', teamId).execute();
  const byLead = new Map<string, { member: string; events: NonNullable<ReturnType<typeof foldEventFromStored>>[] }>();
  for (const row of rows) {
    const event = foldEventFromStored(row.body);
    if (!event) continue;
    const key = `${row.member_id} ${row.lead}`;
    const entry = byLead.get(key) ?? { member: row.member_id, events: [] };
    entry.events.push(event);
    byLead.set(key, entry);
  }
  const days = new Map<string, DayTally>();
  for (const { member, events } of byLead.values()) {
    const columns = currentLeadFactsRow(events);
    if (!columns || columns.received_at === null) continue;
    const facts = factsFromRow(columns);
    const key = `${member} ${dayStartIn(facts.receivedAt, kept.settings.hours.timeZone)}`;
    const tally = days.get(key) ?? emptyDayTally();
    addLeadToDay(tally, facts, kept.settings);
    days.set(key, tally);
  }
  return [...days].map(([key, t]) => `${key} ${JSON.stringify({ ...t, responses: [...t.responses].sort((a, b) => a - b) })}`).sort();
}

async function keptRollups(db: Db, teamId: string): Promise<string[]> {
  const rows = await db.kysely.selectFrom('daily_rollups').selectAll().where('team_id', '=', teamId).execute();
  return rows
    .map((r) => {
      const t: DayTally = {
        leads: Number(r.leads),
        within: Number(r.within_sla),
        attempts: Number(r.attempts),
        contacted: Number(r.contacted),
        appointments: Number(r.appointments),
        tooEarly: Number(r.too_early),
        sold: Number(r.sold),
        excluded: Number(r.excluded),
        backlog: Number(r.backlog),
        worked: Number(r.worked),
        responses: JSON.parse(r.responses) as number[],
      };
      return `${r.member_id} ${Number(r.day_start)} ${JSON.stringify(t)}`;
    })
    .sort();
}

onEveryEngine('daily roll-ups', (env) => {
  it('equal roll-ups made afresh from the events after random pushes, late events, voids, retention and a purge', async () => {
    const { db } = env();
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { minLength: 1, maxLength: 40 }),
        fc.array(stepArb, { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 10 }),
        fc.boolean(),
        fc.boolean(),
        async (stepsA, stepsB, cuts, purge, retention) => {
          const team = await seedTeam(db, {
            members: [
              { key: 'a', name: 'Alice', role: 'rep' },
              { key: 'b', name: 'Bob', role: 'rep' },
            ],
          });
          const a = team.members.a?.memberId ?? '';
          const b = team.members.b?.memberId ?? '';
          for (const [memberId, events] of [
            [a, eventsOf('a', stepsA)],
            [b, eventsOf('b', stepsB)],
          ] as const) {
            // Pushes arrive newest first in places (late events), and one push is sent twice.
            const order = [...events].sort((x, y) => (x.id < y.id ? (cuts[0] ?? 1) % 2 : -((cuts[0] ?? 1) % 2)));
            let off = 0;
            for (let i = 0; off < order.length; i++) {
              const size = cuts[i % cuts.length] ?? 1;
              const batch = order.slice(off, off + size);
              await ingestEvents(db, { teamId: team.teamId, memberId, events: batch, now: NOW, limits: NO_LIMITS });
              if (i === 1) await ingestEvents(db, { teamId: team.teamId, memberId, events: batch, now: NOW, limits: NO_LIMITS });
              off += size;
            }
          }
          expect(await keptRollups(db, team.teamId)).toEqual(await rollupsFromEvents(db, team.teamId));

          if (retention) {
            await setRetentionMonths(db, { teamId: team.teamId, months: 1, memberId: null });
            await runCommand(db, { command: 'retention run', options: { team: team.teamId }, json: true }, () => NOW);
          }
          if (purge) {
            await removeMember(db, b);
            await runCommand(db, { command: 'member purge', options: { member: b }, json: true }, () => NOW);
          }
          expect(await keptRollups(db, team.teamId)).toEqual(await rollupsFromEvents(db, team.teamId));
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
