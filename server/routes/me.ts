import { Hono } from 'hono';
import type { MeResponse } from '../../lib/sync/wire';
import { openingHoursFromJson } from '../domain/team-hours';
import { teamSettingsFromJson } from '../domain/team-settings';
import type { Principal } from '../sql/principal';
import type { AppEnv } from '../http/context';

export function meBody(principal: Principal): MeResponse {
  const hours = openingHoursFromJson(principal.openingHours);
  return {
    memberId: principal.memberId,
    name: principal.name,
    role: principal.role,
    teamId: principal.teamId,
    teamName: principal.teamName,
    visibility: principal.visibility,
    teamKeyFingerprint: principal.keyFingerprint,
    serverHoldsKey: principal.serverHoldsKey,
    openingHours: hours,
    timeZone: hours.timeZone,
    settings: teamSettingsFromJson(principal.settingsJson),
  };
}

export function meRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => c.json(meBody(c.get('principal')), 200));
  return app;
}
