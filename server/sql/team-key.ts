import type { Db } from '../db/connect';
import { DataError } from './errors';

// The server keeps a fingerprint of the team key, never the key, except an old key it held
// before browsers did: that one is readable by the team's manager until their browser says it
// has taken it over.

export interface TeamKeyState {
  fingerprint: string | null;
  serverHoldsKey: boolean;
}

export async function teamKeyState(db: Db, teamId: string): Promise<TeamKeyState> {
  const row = await db.kysely
    .selectFrom('teams')
    .select(['key_fingerprint', 'legacy_team_key'])
    .where('id', '=', teamId)
    .executeTakeFirst();
  if (!row) throw new DataError('not_found', `no team ${teamId}`);
  return { fingerprint: row.key_fingerprint, serverHoldsKey: row.legacy_team_key !== null };
}

/**
 * The first manager's browser registers the key it created. First one wins: the conditional
 * update means two managers racing cannot both set a key. The same fingerprint again is fine.
 */
export async function registerTeamKey(db: Db, teamId: string, fingerprint: string): Promise<void> {
  const result = await db.kysely
    .updateTable('teams')
    .set({ key_fingerprint: fingerprint })
    .where('id', '=', teamId)
    .where('key_fingerprint', 'is', null)
    .where('legacy_team_key', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows > 0n) return;
  const state = await teamKeyState(db, teamId);
  if (state.fingerprint !== fingerprint) throw new DataError('conflict', 'the team already has a different key');
}

/** The old key, while the server still holds it; null once a manager's browser took it over. */
export async function readLegacyTeamKey(db: Db, teamId: string): Promise<string | null> {
  const row = await db.kysely.selectFrom('teams').select('legacy_team_key').where('id', '=', teamId).executeTakeFirst();
  return row?.legacy_team_key ?? null;
}

/**
 * The manager's browser has stored the old key: the server forgets it and keeps the
 * fingerprint. The fingerprint the browser sends proves it holds the same key.
 */
export async function forgetLegacyTeamKey(db: Db, teamId: string, fingerprint: string): Promise<void> {
  const state = await teamKeyState(db, teamId);
  if (!state.serverHoldsKey) return;
  if (state.fingerprint !== fingerprint) throw new DataError('conflict', 'the fingerprint does not match the team key');
  await db.kysely.updateTable('teams').set({ legacy_team_key: null }).where('id', '=', teamId).execute();
}
