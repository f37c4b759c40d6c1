import type { Kysely } from 'kysely';
import {
  keepUnsentValues,
  teamSettingsValuesSchema,
  teamValues,
  type TeamSettings,
  type TeamSettingsHistoryEntry,
  type TeamSettingsValues,
} from '../../lib/sync/team-settings';
import type { Db } from '../db/connect';
import type { Database } from '../db/schema';
import { initialTeamSettingsJson, teamSettingsFromJson } from '../domain/team-settings';
import { changedSettingNames, recordAudit } from './audit';
import { DataError } from './errors';

/** The tables the team-settings migration adds, for Kysely's typing of these queries. */
export type TeamSettingsTables = {
  team_settings: {
    team_id: string;
    version: number;
    /** The whole TeamSettings object as JSON (values, version, updatedAt, updatedBy). */
    settings: string;
    updated_at: number;
  };
  team_settings_history: {
    team_id: string;
    version: number;
    /** The values of that version as JSON (no bookkeeping: that is in the columns). */
    settings: string;
    updated_by: string;
    member_id: string | null;
    updated_at: number;
  };
};

type SettingsDb = Kysely<Database & TeamSettingsTables>;
export const settingsDb = (db: Db): SettingsDb => db.kysely.withTables<TeamSettingsTables>();

/**
 * The current settings JSON of a team; teams nobody has edited since they were created have
 * no row yet and read as version 1 built from their opening hours. Null for an unknown team.
 */
async function currentJson(k: SettingsDb, teamId: string): Promise<{ json: string; stored: boolean } | null> {
  const row = await k
    .selectFrom('teams')
    .leftJoin('team_settings', 'team_settings.team_id', 'teams.id')
    .select(['teams.opening_hours as openingHours', 'team_settings.settings as settings'])
    .where('teams.id', '=', teamId)
    .executeTakeFirst();
  if (!row) return null;
  return row.settings === null ? { json: initialTeamSettingsJson(row.openingHours), stored: false } : { json: row.settings, stored: true };
}

export async function readTeamSettings(db: Db, teamId: string): Promise<TeamSettings | null> {
  const current = await currentJson(settingsDb(db), teamId);
  return current ? teamSettingsFromJson(current.json) : null;
}

export interface SettingsChange {
  teamId: string;
  values: TeamSettingsValues;
  /** The version the change was made from; null overwrites whatever is current (admin CLI). */
  baseVersion: number | null;
  updatedBy: string;
  memberId: string | null;
}

/**
 * Saves a new version: optimistic concurrency on `baseVersion` (a stale one is a conflict,
 * never a silent overwrite), the version recorded in the history, the team's hours column
 * kept equal to the settings' hours, and the team revision bumped so leaderboard ETags change.
 */
export async function saveTeamSettings(db: Db, change: SettingsChange, now: number): Promise<TeamSettings> {
  const sent = teamValues(teamSettingsValuesSchema.parse(change.values));
  const updatedBy = change.updatedBy.trim().slice(0, 80);
  return settingsDb(db)
    .transaction()
    .execute(async (trx) => {
      const current = await currentJson(trx, change.teamId);
      if (!current) throw new DataError('not_found', `no team ${change.teamId}`);
      const base = teamSettingsFromJson(current.json);
      const from = change.baseVersion ?? base.version;
      if (from !== base.version) {
        throw new DataError('conflict', `the settings are at version ${base.version}, not ${from}: reload them and save again`);
      }
      const values = keepUnsentValues(sent, base);
      const next: TeamSettings = { ...values, version: base.version + 1, updatedAt: now, updatedBy };
      const json = JSON.stringify(next);
      if (current.stored) {
        // The version in the WHERE makes a concurrent save of the same base lose here.
        const updated = await trx
          .updateTable('team_settings')
          .set({ version: next.version, settings: json, updated_at: now })
          .where('team_id', '=', change.teamId)
          .where('version', '=', base.version)
          .executeTakeFirst();
        if (updated.numUpdatedRows === 0n) throw new DataError('conflict', 'someone else saved the settings at the same time: reload them');
      } else {
        const inserted = await trx
          .insertInto('team_settings')
          .values({ team_id: change.teamId, version: next.version, settings: json, updated_at: now })
          .onConflict((oc) => oc.column('team_id').doNothing())
          .executeTakeFirst();
        if ((inserted.numInsertedOrUpdatedRows ?? 0n) === 0n) {
          throw new DataError('conflict', 'someone else saved the settings at the same time: reload them');
        }
        // The history starts with the version the team had before its first edit.
        await trx
          .insertInto('team_settings_history')
          .values({
            team_id: change.teamId,
            version: base.version,
            settings: JSON.stringify(teamValues(base)),
            updated_by: base.updatedBy,
            member_id: null,
            updated_at: base.updatedAt,
          })
          .onConflict((oc) => oc.columns(['team_id', 'version']).doNothing())
          .execute();
      }
      await trx
        .insertInto('team_settings_history')
        .values({
          team_id: change.teamId,
          version: next.version,
          settings: JSON.stringify(values),
          updated_by: updatedBy,
          member_id: change.memberId,
          updated_at: now,
        })
        .execute();
      await recordAudit(
        trx,
        { teamId: change.teamId, memberId: change.memberId, kind: 'settings', changed: changedSettingNames(teamValues(base), values), version: next.version },
        now,
      );
      await trx
        .updateTable('teams')
        .set((eb) => ({ opening_hours: JSON.stringify(values.openingHours), revision: eb('revision', '+', 1) }))
        .where('id', '=', change.teamId)
        .execute();
      return teamSettingsFromJson(json);
    });
}

/** Every saved version, newest first (at most `limit`). Null for an unknown team. */
export async function teamSettingsHistory(db: Db, teamId: string, limit = 100): Promise<TeamSettingsHistoryEntry[] | null> {
  const k = settingsDb(db);
  const current = await currentJson(k, teamId);
  if (!current) return null;
  const rows = await k
    .selectFrom('team_settings_history')
    .select(['version', 'settings', 'updated_by', 'member_id', 'updated_at'])
    .where('team_id', '=', teamId)
    .orderBy('version', 'desc')
    .limit(limit)
    .execute();
  const entries: TeamSettingsHistoryEntry[] = [];
  for (const row of rows) {
    let raw: unknown = null;
    try {
      raw = JSON.parse(row.settings);
    } catch {
      // A hand-edited row is skipped below rather than failing the whole history.
    }
    const values = teamSettingsValuesSchema.safeParse(raw);
    if (!values.success) continue;
    entries.push({ version: row.version, updatedAt: row.updated_at, updatedBy: row.updated_by, memberId: row.member_id, settings: values.data });
  }
  if (entries.length === 0) {
    // Never edited: the history is the starting version alone.
    const base = teamSettingsFromJson(current.json);
    entries.push({ version: base.version, updatedAt: base.updatedAt, updatedBy: base.updatedBy, memberId: null, settings: teamValues(base) });
  }
  return entries;
}
