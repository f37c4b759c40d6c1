import type { Kysely } from 'kysely';

// The team role that manages the team was stored as 'lead', which in a lead-management product
// read like a sales lead; it is 'manager' from here on. Tokens belong to members, not roles, so
// every existing token keeps working. The wire still reads 'lead' as 'manager' for one version
// (lib/sync/wire.ts), for rows written by an older server during a rolling update.

type Tables = { members: { role: string } };

export async function up011ManagerRole(unknownDb: Kysely<unknown>): Promise<void> {
  const db = unknownDb.withTables<Tables>();
  await db.updateTable('members').set({ role: 'manager' }).where('role', '=', 'lead').execute();
}
