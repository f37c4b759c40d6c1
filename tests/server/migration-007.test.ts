import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { WireEvent } from '@/lib/sync/wire';
import { migrations } from '@/server/db/migrations';
import { up007FoldState } from '@/server/db/migrations-007-fold-state';
import { currentLeadFactsRow } from '@/server/domain/lead-facts';
import { foldStateOfHistory, parseFoldState } from '@/server/domain/lead-fold-state';
import { ingestEvents } from '@/server/sql/ingest';
import { addMember, createTeam } from '@/server/sql/tenancy';
import { attempt, lead, seen, status, voids } from './events';
import { HOUR, MINUTE, NOW, PG_URL } from './harness';
import { migrateWith, migrationsBefore, openEmpty } from './migration-harness';

const NAME = '007_fold_state';
/** The database as the previous release left it: every migration before 007. */
const earlier = migrationsBefore('007');

describe('migration registry', () => {
  it('runs 007 at start', () => {
    expect(migrations[NAME]).toEqual({ up: up007FoldState });
  });
});

for (const [engine, enabled] of [['sqlite', true], ['postgres', Boolean(PG_URL)]] as const) {
  describe.runIf(enabled)(`migration 007 on ${engine}`, () => {
    it('gives every existing lead the fold state of its stored events, and pushes carry on from it', async () => {
      const { db, schema, cleanup } = await openEmpty(engine, 'm007');
      try {
        await migrateWith(db.kysely, earlier, schema);
        const created = await createTeam(db, { name: 'Site', visibility: 'named' });
        const team = created.teamId;
        const member = (await addMember(db, { teamId: team, name: 'Alice', role: 'rep' })).memberId;
        const storedAt = Date.now();
        const sold = status('L1', NOW - 20 * MINUTE, 'sold');
        const histories: Record<string, WireEvent[]> = {
          L1: [seen('L1', NOW - HOUR), attempt('L1', NOW - 50 * MINUTE, 'reached'), sold, voids('L1', NOW - 10 * MINUTE, sold.id), voids('L1', NOW - 5 * MINUTE, uuidv7())],
          L2: [seen('L2', NOW - HOUR), attempt('L2', NOW - 40 * MINUTE)],
          // No lead_seen: no lead_facts row, so nothing to backfill.
          L3: [attempt('L3', NOW - 30 * MINUTE)],
        };
        let seq = 0;
        for (const events of Object.values(histories)) {
          await db.kysely
            .insertInto('events')
            .values(events.map((e) => ({ id: e.id, team_id: team, member_id: member, seq: ++seq, lead: e.lead, type: e.type, at: e.at, body: JSON.stringify(e), stored_at: storedAt })))
            .execute();
          const facts = currentLeadFactsRow(events);
          if (!facts) continue;
          // The table as the previous release had it: every column but fold_state.
          const row: Record<string, string | number | null> = { team_id: team, member_id: member, lead: events[0]?.lead ?? '', ...facts, updated_at: storedAt };
          await sql`insert into lead_facts (${sql.join(Object.keys(row).map((k) => sql.ref(k)))}) values (${sql.join(Object.values(row))})`.execute(db.kysely);
        }

        await migrateWith(db.kysely, migrations, schema);

        const rows = await db.kysely.selectFrom('lead_facts').select(['lead', 'fold_state']).where('team_id', '=', team).orderBy('lead').execute();
        expect(rows).toHaveLength(2);
        for (const name of ['L1', 'L2']) {
          const row = rows.find((r) => r.lead === lead(name));
          const history = (histories[name] ?? []).map((event) => ({ event, storedAt }));
          expect(parseFoldState(row?.fold_state ?? null)).toEqual(foldStateOfHistory(history, Date.now()));
        }

        // The next push to L1 carries the backfilled state forward, and agrees with a full fold.
        const next = attempt('L1', NOW - MINUTE, 'appointment');
        await ingestEvents(db, { teamId: team, memberId: member, events: [next], now: storedAt });
        const after = await db.kysely.selectFrom('lead_facts').selectAll().where('team_id', '=', team).where('lead', '=', lead('L1')).executeTakeFirst();
        expect(after).toMatchObject({ ...currentLeadFactsRow([...(histories.L1 ?? []), next]), status: 'appointment', attempts: 2 });
        expect(parseFoldState(after?.fold_state ?? null)?.events).toBe(6);
      } finally {
        await cleanup();
      }
    }, 30_000);
  });
}
