import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { FoldEvent } from '@/lib/domain/lead';
import { migrations } from '@/server/db/migrations';
import { up005ReportFacts } from '@/server/db/migrations-005-report-facts';
import { leadFactsRow } from '@/server/domain/lead-facts';
import { lead } from './events';
import { NOW, PG_URL } from './harness';
import { migrateWith, migrationsBefore, openEmpty } from './migration-harness';

const NAME = '005_report_facts';
/** The database as the previous release left it: every migration before 005. */
const earlier = migrationsBefore('005');
const MIN = 60_000;

/** Three leads as the previous release stored them: sold by the CRM, lost then reopened, never touched. */
function histories(): Record<string, (FoldEvent & { v: 1; lead: string })[]> {
  const seen = (key: string, at: number) => ({ id: uuidv7(), v: 1 as const, lead: lead(key), type: 'lead_seen' as const, at, source: 'website', receivedAt: at });
  const status = (key: string, at: number, s: 'sold' | 'lost' | 'open', extra: Record<string, string> = {}) => ({
    id: uuidv7(), v: 1 as const, lead: lead(key), type: 'status_changed' as const, at, status: s, ...extra,
  });
  return {
    sold: [seen('sold', NOW), status('sold', NOW + 5 * MIN, 'sold', { actor: 'crm' })],
    reopened: [seen('reopened', NOW), status('reopened', NOW + MIN, 'lost', { lostReason: 'not_interested' }), status('reopened', NOW + 2 * MIN, 'open')],
    lost: [seen('lost', NOW), status('lost', NOW + 3 * MIN, 'lost', { lostReason: 'unreachable' })],
    untouched: [seen('untouched', NOW)],
  };
}

describe('migration registry', () => {
  it('runs 005 at start', () => {
    expect(migrations[NAME]).toEqual({ up: up005ReportFacts });
  });
});

for (const [engine, enabled] of [['sqlite', true], ['postgres', Boolean(PG_URL)]] as const) {
  describe.runIf(enabled)(`migration 005 on ${engine}`, () => {
    it('adds sold_at, closed_at and status_actor, filled in from each lead’s events', async () => {
      const { db, schema, cleanup } = await openEmpty(engine, 'm005');
      try {
        await migrateWith(db.kysely, earlier, schema);
        let seq = 0;
        for (const [key, events] of Object.entries(histories())) {
          await db.kysely
            .insertInto('events')
            .values(events.map((e) => ({ id: e.id, team_id: 't1', member_id: 'm1', seq: ++seq, lead: e.lead, type: e.type, at: e.at, body: JSON.stringify(e), stored_at: NOW })))
            .execute();
          const facts = leadFactsRow(events);
          if (!facts) throw new Error(`no facts for ${key}`);
          await db.kysely.withTables<{ lead_facts: Record<string, unknown> }>().insertInto('lead_facts').values({ team_id: 't1', member_id: 'm1', lead: lead(key), ...facts, updated_at: NOW }).execute();
        }

        await migrateWith(db.kysely, { ...earlier, [NAME]: { up: up005ReportFacts } }, schema);

        const rows = await db.kysely.selectFrom('lead_facts').select(['lead', 'status', 'sold_at', 'closed_at', 'status_actor']).execute();
        const byLead = Object.fromEntries(rows.map((r) => [r.lead, { status: r.status, sold_at: r.sold_at, closed_at: r.closed_at, status_actor: r.status_actor }]));
        expect(byLead[lead('sold')]).toEqual({ status: 'sold', sold_at: NOW + 5 * MIN, closed_at: NOW + 5 * MIN, status_actor: 'crm' });
        expect(byLead[lead('reopened')]).toEqual({ status: 'open', sold_at: null, closed_at: null, status_actor: 'rep' });
        expect(byLead[lead('lost')]).toEqual({ status: 'lost', sold_at: null, closed_at: NOW + 3 * MIN, status_actor: 'rep' });
        expect(byLead[lead('untouched')]).toEqual({ status: 'open', sold_at: null, closed_at: null, status_actor: null });
      } finally {
        await cleanup();
      }
    });
  });
}
