import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_OPENING_HOURS, type OpeningHours } from '../../lib/domain/business-time';
import type { MemberRole, Visibility } from '../../lib/sync/wire';
import type { Db } from '../db/connect';
import {
  newPairingCode,
  newSalt,
  newToken,
  PAIRING_TTL_MS,
  pairingCodeHash,
  sha256Hex,
} from '../security/secrets';
import { DataError } from './errors';

// Admin operations behind the CLI and the pairing endpoint. Tokens and pairing codes leave
// these functions exactly once, in the return value; only their hashes are stored.

export async function createTeam(
  db: Db,
  input: { name: string; group?: string; visibility: Visibility; openingHours?: OpeningHours; keyFingerprint?: string },
  now = Date.now(),
): Promise<{ teamId: string; groupId: string | null }> {
  const teamId = uuidv7();
  return db.kysely.transaction().execute(async (trx) => {
    let groupId: string | null = null;
    if (input.group) {
      // A group is found by name so several sites of one dealer group share it.
      const existing = await trx.selectFrom('groups').select('id').where('name', '=', input.group).executeTakeFirst();
      groupId = existing?.id ?? uuidv7();
      if (!existing) await trx.insertInto('groups').values({ id: groupId, name: input.group, created_at: now }).execute();
    }
    await trx
      .insertInto('teams')
      .values({
        id: teamId,
        group_id: groupId,
        name: input.name,
        visibility: input.visibility,
        opening_hours: JSON.stringify(input.openingHours ?? DEFAULT_OPENING_HOURS),
        // The key is made by the first manager's browser; only its fingerprint ever comes here.
        key_fingerprint: input.keyFingerprint ?? null,
        legacy_team_key: null,
        pseudonym_salt: newSalt(),
        seq: 0,
        revision: 0,
        created_at: now,
      })
      .execute();
    return { teamId, groupId };
  });
}

async function bumpRevision(db: Db, teamId: string): Promise<void> {
  await db.kysely
    .updateTable('teams')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('id', '=', teamId)
    .execute();
}

export async function setVisibility(db: Db, teamId: string, mode: Visibility): Promise<void> {
  const result = await db.kysely
    .updateTable('teams')
    .set((eb) => ({ visibility: mode, revision: eb('revision', '+', 1) }))
    .where('id', '=', teamId)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new DataError('not_found', `no team ${teamId}`);
}

export async function addMember(
  db: Db,
  input: { teamId: string; name: string; role: MemberRole },
  now = Date.now(),
): Promise<{ memberId: string; token: string }> {
  const team = await db.kysely.selectFrom('teams').select('id').where('id', '=', input.teamId).executeTakeFirst();
  if (!team) throw new DataError('not_found', `no team ${input.teamId}`);
  const memberId = uuidv7();
  const token = newToken();
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('members')
      .values({ id: memberId, team_id: input.teamId, name: input.name, role: input.role, created_at: now, removed_at: null })
      .execute();
    await trx.insertInto('tokens').values({ hash: sha256Hex(token), member_id: memberId, created_at: now }).execute();
  });
  await bumpRevision(db, input.teamId);
  return { memberId, token };
}

async function activeMember(db: Db, memberId: string): Promise<{ id: string; team_id: string }> {
  const member = await db.kysely
    .selectFrom('members')
    .select(['id', 'team_id'])
    .where('id', '=', memberId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (!member) throw new DataError('not_found', `no active member ${memberId}`);
  return member;
}

/**
 * Replaces every token of the member (including paired browsers) with one new token. Pending
 * pairing codes go too: a code handed out before the rotation would otherwise mint a fresh
 * token for whoever holds it, which is exactly what a rotation is meant to stop.
 */
export async function rotateToken(db: Db, memberId: string, now = Date.now()): Promise<{ memberId: string; token: string }> {
  await activeMember(db, memberId);
  const token = newToken();
  await db.kysely.transaction().execute(async (trx) => {
    // Codes before tokens: a redeem in flight holds its code row, so this waits for it and
    // the token it minted is then seen, and deleted, by the next statement.
    await trx.deleteFrom('pairing_codes').where('member_id', '=', memberId).execute();
    await trx.deleteFrom('tokens').where('member_id', '=', memberId).execute();
    await trx.insertInto('tokens').values({ hash: sha256Hex(token), member_id: memberId, created_at: now }).execute();
  });
  return { memberId, token };
}

/** Revokes access; the member's events stay, so past leaderboards do not change. */
export async function removeMember(db: Db, memberId: string, now = Date.now()): Promise<{ memberId: string; removed: true }> {
  const member = await activeMember(db, memberId);
  await db.kysely.transaction().execute(async (trx) => {
    // Codes before tokens: a redeem in flight holds its code row, so this waits for it and
    // the token it minted is then seen, and deleted, by the next statement.
    await trx.deleteFrom('pairing_codes').where('member_id', '=', memberId).execute();
    await trx.deleteFrom('tokens').where('member_id', '=', memberId).execute();
    await trx.updateTable('members').set({ removed_at: now }).where('id', '=', memberId).execute();
  });
  await bumpRevision(db, member.team_id);
  return { memberId, removed: true };
}

export async function createPairingCode(
  db: Db,
  memberId: string,
  now = Date.now(),
): Promise<{ code: string; expiresAt: number }> {
  await activeMember(db, memberId);
  const code = newPairingCode();
  const expiresAt = now + PAIRING_TTL_MS;
  await db.kysely
    .insertInto('pairing_codes')
    .values({ code_hash: await pairingCodeHash(code), member_id: memberId, expires_at: expiresAt, used_at: null })
    .execute();
  return { code, expiresAt };
}

/**
 * Exchanges a pairing code for a new token (an extra token: the member's other browsers stay
 * connected). A fingerprint of the invitation's team key that is not the team's is refused
 * (DataError "conflict") and leaves the code unused. Single use: the code is claimed by a conditional update, so two racing requests
 * cannot both win.
 */
export async function redeemPairingCode(
  db: Db,
  rawCode: string,
  now = Date.now(),
  keyFingerprint?: string,
): Promise<{ memberId: string; token: string } | null> {
  const codeHash = await pairingCodeHash(rawCode);
  return db.kysely.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('pairing_codes')
      .set({ used_at: now })
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('member_id')
      .executeTakeFirst();
    if (!claimed) return null;
    const member = await trx
      .selectFrom('members')
      .innerJoin('teams', 'teams.id', 'members.team_id')
      .select(['members.id as id', 'teams.key_fingerprint as fingerprint'])
      .where('members.id', '=', claimed.member_id)
      .where('members.removed_at', 'is', null)
      .executeTakeFirst();
    if (!member) return null;
    // Thrown inside the transaction so the claim rolls back: the rep can retry the same code
    // with the right invitation.
    if (keyFingerprint !== undefined && member.fingerprint !== null && member.fingerprint !== keyFingerprint) {
      throw new DataError('conflict', "this invitation's key does not match the team");
    }
    const token = newToken();
    await trx.insertInto('tokens').values({ hash: sha256Hex(token), member_id: member.id, created_at: now }).execute();
    return { memberId: member.id, token };
  });
}
