import { createHash, hkdfSync } from 'node:crypto';
import type { Kysely } from 'kysely';

// The team key moves to the browsers. Teams keep a fingerprint of it (to refuse an invitation
// with a wrong key); an existing team's key stays in `legacy_team_key` only until its
// manager's browser has taken it over, then the server forgets it. Hashes stay valid because
// the key itself does not change.
//
// The fingerprint is the browser's (lib/sync/team-key.ts): SHA-256 of HKDF-SHA256 of the key
// with an empty salt under its own label. Spelled out here because a shipped migration must not
// change when the client code does.

const FINGERPRINT_INFO = 'leadpace team-key fingerprint v1';

export function legacyKeyFingerprint(teamKey: string): string {
  const derived = hkdfSync('sha256', Buffer.from(teamKey, 'utf8'), Buffer.alloc(0), FINGERPRINT_INFO, 32);
  return createHash('sha256').update(Buffer.from(derived)).digest('hex');
}

type Tables = {
  teams: { id: string; team_key: string; legacy_team_key: string | null; key_fingerprint: string | null };
};

export async function up006ClientTeamKey(unknownDb: Kysely<unknown>): Promise<void> {
  const db = unknownDb.withTables<Tables>();
  await db.schema.alterTable('teams').addColumn('key_fingerprint', 'text').execute();
  await db.schema.alterTable('teams').addColumn('legacy_team_key', 'text').execute();
  const teams = await db.selectFrom('teams').select(['id', 'team_key']).execute();
  for (const team of teams) {
    await db
      .updateTable('teams')
      .set({ legacy_team_key: team.team_key, key_fingerprint: legacyKeyFingerprint(team.team_key) })
      .where('id', '=', team.id)
      .execute();
  }
  // Neither engine can drop a NOT NULL in place on both; the old column goes instead.
  await db.schema.alterTable('teams').dropColumn('team_key').execute();
}
