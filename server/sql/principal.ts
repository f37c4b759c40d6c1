import { sql } from 'kysely';
import { z } from 'zod';
import { memberRoleSchema, visibilitySchema } from '../../lib/sync/wire';
import type { Db } from '../db/connect';
import { PREPARED } from '../db/prepared';
import { sha256Hex } from '../security/secrets';
import { initialTeamSettingsJson } from '../domain/team-settings';
import { settingsDb } from './team-settings';

// Rows come back from two engines and an admin may have edited them by hand: validate the
// enum columns rather than trusting them.
const principalRow = z.object({
  memberId: z.string(),
  name: z.string(),
  role: memberRoleSchema,
  teamId: z.string(),
  teamName: z.string(),
  visibility: visibilitySchema,
  keyFingerprint: z.string().nullable(),
  /** The server still holds an old team key (cast: engines return 0/1 or booleans). */
  serverHoldsKey: z.union([z.boolean(), z.number()]).transform((v) => v === true || v === 1),
  openingHours: z.string(),
  pseudonymSalt: z.string(),
  /** The team's settings JSON (read with teamSettingsFromJson); openingHours equals its hours. */
  settingsJson: z.string().nullable(),
  /**
   * The team's commit sequence and roster revision as of this request: what a board's ETag
   * depends on, read here so a revalidation costs this one query.
   */
  seq: z.coerce.number(),
  revision: z.coerce.number(),
}).transform((row) => ({ ...row, settingsJson: row.settingsJson ?? initialTeamSettingsJson(row.openingHours) }));
export type Principal = z.infer<typeof principalRow>;

/** What a request acts as: the member and their team, read the same way by token or by id. */
const PRINCIPAL_COLUMNS = [
  'members.id as memberId',
  'members.name as name',
  'members.role as role',
  'teams.id as teamId',
  'teams.name as teamName',
  'teams.visibility as visibility',
  'teams.key_fingerprint as keyFingerprint',
  'teams.opening_hours as openingHours',
  'teams.pseudonym_salt as pseudonymSalt',
  'team_settings.settings as settingsJson',
  'teams.seq as seq',
  'teams.revision as revision',
] as const;

/** The member a bearer token acts as; null for unknown, rotated or removed tokens. */
export async function findPrincipal(db: Db, token: string): Promise<Principal | null> {
  const row = await settingsDb(db)
    .selectFrom('tokens')
    .innerJoin('members', 'members.id', 'tokens.member_id')
    .innerJoin('teams', 'teams.id', 'members.team_id')
    .leftJoin('team_settings', 'team_settings.team_id', 'teams.id')
    .select((eb) => [...PRINCIPAL_COLUMNS, eb('teams.legacy_team_key', 'is not', null).as('serverHoldsKey')])
    .where('tokens.hash', '=', sha256Hex(token))
    .where('members.removed_at', 'is', null)
    // Every request with a token runs this one statement first.
    .modifyEnd(sql.raw(PREPARED))
    .executeTakeFirst();
  return row ? principalRow.parse(row) : null;
}

export async function findPrincipalByMember(db: Db, memberId: string): Promise<Principal | null> {
  const row = await settingsDb(db)
    .selectFrom('members')
    .innerJoin('teams', 'teams.id', 'members.team_id')
    .leftJoin('team_settings', 'team_settings.team_id', 'teams.id')
    .select((eb) => [...PRINCIPAL_COLUMNS, eb('teams.legacy_team_key', 'is not', null).as('serverHoldsKey')])
    .where('members.id', '=', memberId)
    .where('members.removed_at', 'is', null)
    .executeTakeFirst();
  return row ? principalRow.parse(row) : null;
}
