import { isManagerRole } from '../../lib/sync/roles';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  describeSettingsIssues,
  teamSettingsUpdateSchema,
  teamValues,
  type TeamSettings,
  type TeamSettingsHistory,
} from '../../lib/sync/team-settings';
import type { AppEnv, Runtime } from '../http/context';
import { ApiError } from '../http/errors';
import { matchesEtag } from '../http/etag';
import { readJson } from '../http/read-json';
import type { Principal } from '../sql/principal';
import { DataError } from '../sql/errors';
import { readTeamSettings, saveTeamSettings, teamSettingsHistory } from '../sql/team-settings';

/** Settings are a few kB even with a long list of closed days; anything bigger is not settings. */
const MAX_SETTINGS_BODY_BYTES = 64 * 1024;

const etagOf = (teamId: string, settings: TeamSettings) => `"ts-${teamId}-${settings.version}"`;

function requireManager(principal: Principal, what: string): void {
  if (!isManagerRole(principal.role)) {
    throw new ApiError(403, 'forbidden_role', `Only the team's manager can ${what}.`);
  }
}

export function teamSettingsRoutes(rt: Runtime) {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const principal = c.get('principal');
    const settings = await readTeamSettings(rt.db, principal.teamId);
    if (!settings) throw new ApiError(401, 'invalid_token', 'The team no longer exists.');
    const etag = etagOf(principal.teamId, settings);
    c.header('ETag', etag);
    c.header('Cache-Control', 'private, no-cache');
    if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    return c.json(settings, 200);
  });

  app.put(
    '/',
    bodyLimit({
      maxSize: MAX_SETTINGS_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, 'body_too_large', `The body exceeds ${MAX_SETTINGS_BODY_BYTES} bytes.`);
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      requireManager(principal, 'change the team settings');
      const update = teamSettingsUpdateSchema.safeParse(await readJson(c));
      if (!update.success) {
        throw new ApiError(400, 'invalid_settings', `The settings were not saved: ${describeSettingsIssues(update.error)}.`);
      }
      try {
        const saved = await saveTeamSettings(
          rt.db,
          {
            teamId: principal.teamId,
            values: teamValues(update.data),
            baseVersion: update.data.baseVersion,
            updatedBy: principal.name,
            memberId: principal.memberId,
          },
          rt.now(),
        );
        rt.log.info('team settings saved', { team: principal.teamId, member: principal.memberId, version: saved.version });
        c.header('ETag', etagOf(principal.teamId, saved));
        return c.json(saved, 200);
      } catch (error) {
        if (error instanceof DataError && error.code === 'conflict') {
          const current = await readTeamSettings(rt.db, principal.teamId);
          throw new ApiError(
            409,
            'settings_conflict',
            `The team settings changed since version ${update.data.baseVersion} (now version ${current?.version ?? '?'}); reload them and save again.`,
          );
        }
        throw error;
      }
    },
  );

  app.get('/history', async (c) => {
    const principal = c.get('principal');
    requireManager(principal, 'read the settings history');
    const versions = await teamSettingsHistory(rt.db, principal.teamId);
    if (!versions) throw new ApiError(401, 'invalid_token', 'The team no longer exists.');
    const body: TeamSettingsHistory = { versions };
    c.header('Cache-Control', 'private, no-cache');
    return c.json(body, 200);
  });

  return app;
}
