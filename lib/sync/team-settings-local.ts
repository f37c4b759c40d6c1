import { isManagerRole } from '@/lib/sync/roles';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { readSettings, saveSettings, type Settings } from '../settings';
import { readConnection, type TeamConnection } from './connection';
import { TeamApiError, type RequestOptions } from './http';
import { teamValues, withTeamSettings, type TeamSettings, type TeamSettingsHistory } from './team-settings';
import { fetchTeamSettings, fetchTeamSettingsHistory, putTeamSettings, type TeamSettingsFetch } from './team-settings-client';

/**
 * Which team's settings the local settings carry. The values themselves live in the ordinary
 * settings item, so the panel, popup, worker and options read them like any other setting and
 * keep them when offline or disconnected; this marker says where they came from.
 */
export const teamSettingsMetaSchema = z.object({
  teamId: z.string(),
  teamName: z.string(),
  version: z.number().int().min(1),
  updatedBy: z.string(),
  updatedAt: z.number(),
  /** The server's ETag for this version, for a cheap "still the same?" on every sync. */
  etag: z.string().nullable(),
});
export type TeamSettingsMeta = z.infer<typeof teamSettingsMetaSchema>;

export const teamSettingsMetaItem = storage.defineItem<TeamSettingsMeta | null>('local:teamSettingsMeta', { fallback: null });

export function parseTeamSettingsMeta(raw: unknown): TeamSettingsMeta | null {
  const parsed = teamSettingsMetaSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export async function readTeamSettingsMeta(): Promise<TeamSettingsMeta | null> {
  return parseTeamSettingsMeta(await teamSettingsMetaItem.getValue());
}

const sameValues = (a: Settings, b: Settings) => JSON.stringify(teamValues(a)) === JSON.stringify(teamValues(b));

/**
 * Lays the team's settings over the local ones (the rep's name, language, quiet mode… stay)
 * and records which version they are. `base` is the local settings to start from: a save in
 * progress passes its own, everyone else the stored ones. Writes nothing when nothing changed,
 * so the watchers of the settings item do not fire every sync.
 */
export async function applyTeamSettings(
  settings: TeamSettings,
  team: { teamId: string; teamName: string },
  etag: string | null,
  base?: Settings,
): Promise<Settings> {
  const stored = await readSettings();
  const next = withTeamSettings(base ?? stored, settings);
  const saved = base !== undefined || !sameValues(stored, next) ? await saveSettings(next) : stored;
  const meta: TeamSettingsMeta = {
    teamId: team.teamId,
    teamName: team.teamName,
    version: settings.version,
    updatedBy: settings.updatedBy,
    updatedAt: settings.updatedAt,
    etag,
  };
  const current = await readTeamSettingsMeta();
  if (JSON.stringify(current) !== JSON.stringify(meta)) await teamSettingsMetaItem.setValue(meta);
  return saved;
}

export type TeamSettingsRefresh = 'fresh' | 'not-modified' | 'unsupported';

/**
 * Fetches the team's settings (ETag-aware) and applies them. A server that predates team
 * settings answers 404: the local settings then stay the rep's own.
 */
export async function refreshTeamSettings(options: RequestOptions, connection: TeamConnection): Promise<TeamSettingsRefresh> {
  const meta = await readTeamSettingsMeta();
  const mine = meta?.teamId === connection.me.teamId ? meta : null;
  let answer: TeamSettingsFetch;
  try {
    answer = await fetchTeamSettings(options, connection, mine?.etag ?? null);
  } catch (error) {
    if (error instanceof TeamApiError && error.status === 404) return 'unsupported';
    throw error;
  }
  if (answer.status === 'not-modified') return 'not-modified';
  await applyTeamSettings(answer.settings, connection.me, answer.etag);
  return 'fresh';
}

/** The team's settings from a /v1/me answer (connect, connection test), when the server sends them. */
export async function applyFromMe(connection: TeamConnection): Promise<void> {
  const { settings } = connection.me;
  if (!settings) return;
  const meta = await readTeamSettingsMeta();
  // Keep the ETag when it still names this version, so the next sync can answer 304.
  const etag = meta?.teamId === connection.me.teamId && meta.version === settings.version ? meta.etag : null;
  await applyTeamSettings(settings, connection.me, etag);
}

export class NotTeamManagerError extends Error {
  constructor() {
    super('only the team manager can change the team settings');
    this.name = 'NotTeamManagerError';
  }
}

/**
 * The manager's save: the team-owned fields go to the server (from the version this browser
 * last saw), and only once the server has said yes are they stored locally together with the
 * rest of `next`. A refusal throws and leaves the local settings as they were.
 */
export async function saveAsTeamManager(options: RequestOptions, next: Settings): Promise<Settings> {
  const connection = await readConnection();
  if (!connection || !isManagerRole(connection.me.role)) throw new NotTeamManagerError();
  const meta = await readTeamSettingsMeta();
  const known = meta?.teamId === connection.me.teamId ? meta : null;
  // Quiet mode alone (it shares a section with the cadence) is no new team version.
  if (known && sameValues(await readSettings(), next)) return saveSettings(next);
  const baseVersion = known ? known.version : (connection.me.settings?.version ?? 1);
  try {
    const { settings, etag } = await putTeamSettings(options, connection, { ...teamValues(next), baseVersion });
    return await applyTeamSettings(settings, connection.me, etag, next);
  } catch (error) {
    // After a conflict, learn the newer version (without touching the form being edited), so
    // saving again is a deliberate overwrite from the version the manager has now been told of.
    if (error instanceof TeamApiError && error.status === 409) {
      await refreshTeamSettings(options, connection).catch(() => undefined);
    }
    throw error;
  }
}

/** The team's settings history for this browser's manager connection. */
export async function readTeamSettingsHistory(options: RequestOptions): Promise<TeamSettingsHistory> {
  const connection = await readConnection();
  if (!connection || !isManagerRole(connection.me.role)) throw new NotTeamManagerError();
  return fetchTeamSettingsHistory(options, connection);
}
