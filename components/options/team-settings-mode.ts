import { isManagerRole } from '@/lib/sync/roles';
import type { Translate } from '@/lib/i18n';
import { isMessageKey } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';
import type { TeamInfo } from '@/lib/sync/connection';
import { TeamApiError } from '@/lib/sync/http';
import { NotTeamManagerError, readTeamSettingsMeta, type TeamSettingsMeta } from '@/lib/sync/team-settings-local';
import type { SettingsStore } from './SettingsForm';
import '@/lib/i18n/messages/team-settings';
import '@/lib/i18n/messages/team';

/**
 * Who owns the team-owned settings on this page: the rep alone (never connected), the team
 * with this member as a rep (read-only) or as its manager (saves go to the server), or a
 * team this browser has left (its values stay, editable again).
 */
export type TeamSettingsMode =
  | { kind: 'own' }
  | { kind: 'rep'; meta: TeamSettingsMeta }
  | { kind: 'manager'; meta: TeamSettingsMeta }
  | { kind: 'left'; meta: TeamSettingsMeta };

export function teamSettingsMode(connection: TeamInfo | null | undefined, meta: TeamSettingsMeta | null | undefined): TeamSettingsMode {
  if (!meta) return { kind: 'own' };
  if (!connection || connection.teamId !== meta.teamId) return connection ? { kind: 'own' } : { kind: 'left', meta };
  return isManagerRole(connection.role) ? { kind: 'manager', meta } : { kind: 'rep', meta };
}

/** A failed team save as one sentence in the manager's language. */
export async function describeTeamSaveError(t: Translate, error: unknown): Promise<string> {
  if (error instanceof NotTeamManagerError) return t('teamSettings.error.not_manager');
  if (!(error instanceof TeamApiError)) return error instanceof Error ? error.message : String(error);
  if (error.status === 409) {
    const meta = await readTeamSettingsMeta().catch(() => null);
    return t('teamSettings.error.settings_conflict', { version: meta?.version ?? '?' });
  }
  if (error.status === 404) return t('teamSettings.error.unsupported');
  if (error.code === 'forbidden_role') return t('teamSettings.error.forbidden_role');
  if (error.code === 'invalid_settings') return t('teamSettings.error.invalid_settings', { reason: error.message });
  const key = `team.error.${error.code}`;
  return isMessageKey(key) ? t(key) : t('team.error.other', { reason: error.message });
}

/**
 * The store the hours, cadence and floor sections use for the team's manager: reads as usual,
 * saves through the server first. A refusal throws a translated reason, so the form shows it
 * and keeps what was typed.
 */
export function managerSettingsStore(base: SettingsStore, save: (next: Settings) => Promise<Settings>, t: Translate): SettingsStore {
  return {
    read: base.read,
    save: async (next) => {
      try {
        return await save(next);
      } catch (error) {
        throw new Error(await describeTeamSaveError(t, error));
      }
    },
  };
}
