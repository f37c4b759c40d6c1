import { describe, expect, it } from 'vitest';
import { migrations } from '@/server/db/migrations';
import { memberRoleSchema } from '@/lib/sync/wire';
import { findPrincipal } from '@/server/sql/principal';
import { addMember, createTeam } from '@/server/sql/tenancy';
import { PG_URL } from './harness';
import { migrateWith, migrationsBefore, openEmpty } from './migration-harness';

// Migration 011 on a database as the previous release left it: managers stored as 'lead' become
// 'manager', and their tokens keep working.

const before = migrationsBefore('011');

describe.each([
  ['sqlite', true],
  ['postgres', Boolean(PG_URL)],
] as const)('migration 011 on %s', (engine, enabled) => {
  it.runIf(enabled)("renames stored 'lead' roles to 'manager' and keeps their tokens", async () => {
    const { db, schema, cleanup } = await openEmpty(engine, 'm011');
    try {
      await migrateWith(db.kysely, before, schema);
      const team = await createTeam(db, { name: 'Autohuis Noord', visibility: 'named' });
      const manager = await addMember(db, { teamId: team.teamId, name: 'Lotte', role: 'manager' });
      const rep = await addMember(db, { teamId: team.teamId, name: 'Anna', role: 'rep' });
      // As the previous release stored its managers.
      await db.kysely.updateTable('members').set({ role: 'lead' }).where('id', '=', manager.memberId).execute();
      await migrateWith(db.kysely, migrations, schema);
      const roles = await db.kysely.selectFrom('members').select(['id', 'role']).orderBy('name').execute();
      expect(roles).toEqual([
        { id: rep.memberId, role: 'rep' },
        { id: manager.memberId, role: 'manager' },
      ]);
      expect(await findPrincipal(db, manager.token)).toMatchObject({ memberId: manager.memberId, role: 'manager' });
    } finally {
      await cleanup();
    }
  });
});

describe('the wire during the rename', () => {
  it.each([
    ['lead', 'manager'],
    ['manager', 'manager'],
    ['rep', 'rep'],
  ])("reads the role '%s' as '%s'", (raw, role) => {
    expect(memberRoleSchema.parse(raw)).toBe(role);
  });

  it('refuses any other role', () => {
    expect(memberRoleSchema.safeParse('admin').success).toBe(false);
  });
});
