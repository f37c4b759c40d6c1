import { describe, expect, it } from 'vitest';
import { cohortFigures } from '@/lib/domain/lead-metrics';
import { periodBounds } from '@/lib/domain/periods';
import type { WireEvent } from '@/lib/sync/wire';
import { migrations } from '@/server/db/migrations';
import { up009DailyRollups } from '@/server/db/migrations-009-daily-rollups';
import { currentLeadFactsRow, factsFromRow } from '@/server/domain/lead-facts';
import { currentTeamMetricSettings } from '@/server/sql/daily-rollups';
import { ingestEvents } from '@/server/sql/ingest';
import { cohortFiguresByMember } from '@/server/sql/leaderboard-query';
import { addMember, createTeam } from '@/server/sql/tenancy';
import { attempt, seen, status, voids } from './events';
import { HOUR, NOW, PG_URL } from './harness';
import { migrateWith, migrationsBefore, openEmpty } from './migration-harness';

const NAME = '009_daily_rollups';
/** The database as the previous release left it: every migration before 009. */
const earlier = migrationsBefore('009');
const DAY = 24 * HOUR;

/** Thirty leads per rep spread over two months, some worked, some sold, lost or voided. */
function history(rep: string): WireEvent[][] {
  return Array.from({ length: 30 }, (_, i) => {
    const name = `${rep}-L${i}`;
    const at = NOW - i * 2 * DAY - (i % 5) * HOUR;
    const events: WireEvent[] = [seen(name, at, at - (i % 3) * HOUR)];
    if (i % 4 !== 0) events.push(attempt(name, at + (i % 7) * 10 * 60_000, i % 3 === 0 ? 'reached' : 'no_answer'));
    if (i % 6 === 1) events.push(status(name, at + 2 * HOUR, 'sold'));
    if (i % 6 === 2) events.push(status(name, at + 2 * HOUR, 'lost'));
    if (i % 9 === 3) {
      const wrong = status(name, at + 3 * HOUR, 'lost');
      events.push(wrong, voids(name, at + 4 * HOUR, wrong.id));
    }
    return events;
  });
}

describe('migration registry', () => {
  it('runs 009 at start', () => {
    expect(migrations[NAME]).toEqual({ up: up009DailyRollups });
  });
});

for (const [engine, enabled] of [['sqlite', true], ['postgres', Boolean(PG_URL)]] as const) {
  describe.runIf(enabled)(`migration 009 on ${engine}`, () => {
    // Sixty leads and every migration on PostgreSQL take seconds on a loaded machine.
    it('builds the roll-ups of an existing database, whose board then reads as it did from the leads', async () => {
      const { db, schema, cleanup } = await openEmpty(engine, 'm009');
      try {
        await migrateWith(db.kysely, earlier, schema);
        const team = (await createTeam(db, { name: 'Site', visibility: 'named' })).teamId;
        const reps = [
          (await addMember(db, { teamId: team, name: 'Alice', role: 'rep' })).memberId,
          (await addMember(db, { teamId: team, name: 'Bob', role: 'rep' })).memberId,
        ];
        // Rows as 008's ingest wrote them: events and lead_facts, no roll-ups.
        let seq = 0;
        for (const [r, member] of reps.entries()) {
          for (const events of history(`r${r}`)) {
            await db.kysely
              .insertInto('events')
              .values(events.map((e) => ({ id: e.id, team_id: team, member_id: member, seq: ++seq, lead: e.lead, type: e.type, at: e.at, body: JSON.stringify(e), stored_at: NOW })))
              .execute();
            const facts = currentLeadFactsRow(events);
            if (facts) await db.kysely.insertInto('lead_facts').values({ team_id: team, member_id: member, lead: events[0]?.lead ?? '', ...facts, fold_state: null, updated_at: NOW }).execute();
          }
        }
        const settings = await currentTeamMetricSettings(db.kysely, team);
        if (!settings) throw new Error('team settings missing');
        const factRows = await db.kysely.selectFrom('lead_facts').selectAll().where('team_id', '=', team).execute();
        const windows = (['today', 'week', 'month', 'last-month'] as const).map((p) => periodBounds(p, NOW, settings.hours.timeZone));
        const before = windows.map(({ from, to }) => ({
          team: cohortFigures(factRows.map(factsFromRow), settings, from, to),
          members: reps.map((m) => cohortFigures(factRows.filter((row) => row.member_id === m).map(factsFromRow), settings, from, to)),
        }));
        expect(before[2]?.team.leads).toBeGreaterThan(10);

        await migrateWith(db.kysely, migrations, schema);
        expect(await db.kysely.selectFrom('daily_rollup_settings').select('team_id').execute()).toEqual([{ team_id: team }]);
        for (const [i, { from, to }] of windows.entries()) {
          const board = await cohortFiguresByMember(db, team, from, to, settings);
          expect(board.team).toEqual(before[i]?.team);
          for (const [r, member] of reps.entries()) {
            const expected = before[i]?.members[r];
            if (expected && expected.leads + expected.excluded + expected.backlog > 0) expect(board.members.get(member)).toEqual(expected);
            else expect(board.members.has(member)).toBe(false);
          }
        }

        // A push after the upgrade moves the kept roll-ups on.
        await ingestEvents(db, { teamId: team, memberId: reps[0] ?? '', events: [seen('fresh', NOW - HOUR, NOW - HOUR)], now: NOW });
        const today = windows[0] ?? { from: 0, to: 0 };
        const after = await cohortFiguresByMember(db, team, today.from, today.to, settings);
        expect(after.team.leads).toBe((before[0]?.team.leads ?? 0) + 1);
      } finally {
        await cleanup();
      }
    }, 30_000);
  });
}
