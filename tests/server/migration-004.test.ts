import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { wireEventSchema } from '@/lib/sync/wire';
import { migrations } from '@/server/db/migrations';
import { up004Hardening } from '@/server/db/migrations-004-hardening';
import { lead } from './events';
import { NOW, PG_URL } from './harness';
import { migrateWith, migrationsBefore, openEmpty } from './migration-harness';

const NAME = '004_event_identity_per_team';
/** The database as the previous release left it: every migration before 004. */
const earlier = migrationsBefore('004');

describe('migration registry', () => {
  it('runs 004 at start', () => {
    expect(migrations[NAME]).toEqual({ up: up004Hardening });
  });
});

for (const [engine, enabled] of [['sqlite', true], ['postgres', Boolean(PG_URL)]] as const) {
  describe.runIf(enabled)(`migration 004 on ${engine}`, () => {
    it('makes event ids lower case and unique per team, and drops script ids that are not slugs', async () => {
      const { db, schema, cleanup } = await openEmpty(engine, 'm004');
      try {
        await migrateWith(db.kysely, earlier, schema);
        const id = uuidv7();
        const row = (team: string, seq: number, eventId: string, body: Record<string, unknown>) => ({
          id: eventId,
          team_id: team,
          member_id: 'm',
          seq,
          lead: lead('L'),
          type: String(body.type),
          at: NOW,
          body: JSON.stringify({ id: eventId, v: 1, lead: lead('L'), at: NOW, ...body }),
          stored_at: NOW,
        });
        const attemptBody = (scriptId: string) => ({ type: 'attempt_logged', channel: 'call', outcome: 'reached', scriptId, scriptVersion: 2 });
        const leaked = uuidv7();
        const kept = uuidv7();
        const voiding = uuidv7();
        await db.kysely
          .insertInto('events')
          .values([
            row('t1', 1, id, attemptBody('default-website')),
            // The same event replayed in capitals was stored twice before.
            row('t1', 2, id.toUpperCase(), attemptBody('default-website')),
            row('t1', 3, leaked, attemptBody('Piet Jansen 06-12345678')),
            row('t1', 4, kept, attemptBody('custom-welcome')),
            row('t1', 5, voiding.toUpperCase(), { type: 'event_voided', voids: id.toUpperCase() }),
          ])
          .execute();

        await migrateWith(db.kysely, { ...earlier, [NAME]: { up: up004Hardening } }, schema);

        const events = await db.kysely.selectFrom('events').selectAll().orderBy('seq').execute();
        expect(events.map((e) => [e.id, e.seq])).toEqual([[id, 1], [leaked, 3], [kept, 4], [voiding, 5]]);
        const bodies = events.map((e) => wireEventSchema.parse(JSON.parse(e.body)));
        expect(bodies[0]).toMatchObject({ id, scriptId: 'default-website', scriptVersion: 2 });
        expect(bodies[1]).not.toHaveProperty('scriptId');
        expect(bodies[1]).not.toHaveProperty('scriptVersion');
        expect(JSON.stringify(events)).not.toContain('Piet');
        expect(bodies[2]).toMatchObject({ scriptId: 'custom-welcome' });
        expect(bodies[3]).toMatchObject({ id: voiding, voids: id });

        // The key is (team, id): another team may hold the same id, the same team may not.
        await db.kysely.insertInto('events').values(row('t2', 1, id, attemptBody('default-website'))).execute();
        await expect(db.kysely.insertInto('events').values(row('t1', 9, id, attemptBody('default-website'))).execute()).rejects.toThrow();
        const inserted = await db.kysely
          .insertInto('events')
          .values(row('t1', 9, id, attemptBody('default-website')))
          .onConflict((oc) => oc.columns(['team_id', 'id']).doNothing())
          .returning('id')
          .execute();
        expect(inserted).toEqual([]);
      } finally {
        await cleanup();
      }
    });
  });
}
