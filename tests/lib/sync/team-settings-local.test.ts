import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_OPENING_HOURS } from '@/lib/domain/business-time';
import { DEFAULT_CADENCE_SETTINGS } from '@/lib/domain/cadence';
import { DEFAULT_SETTINGS, readSettings, saveSettings, settingsItem, type Settings } from '@/lib/settings';
import { saveConnection, type TeamConnection } from '@/lib/sync/connection';
import { TeamApiError, type FetchLike, type RequestOptions } from '@/lib/sync/http';
import { teamValues, withTeamSettings, DEFAULT_TEAM_SETTINGS_VALUES } from '@/lib/sync/team-settings';
import {
  applyFromMe,
  NotTeamManagerError,
  readTeamSettingsMeta,
  refreshTeamSettings,
  saveAsTeamManager,
  teamSettingsMetaItem,
} from '@/lib/sync/team-settings-local';
import { meResponseSchema } from '@/lib/sync/wire';
import type { Db } from '@/server/db/connect';
import { makeApp, NOW, seedTeam, sqliteEngine, type App, type Clock, type TeamFixture } from '@/tests/server/harness';

// The extension side against the real team server (SQLite): what a rep's and a manager's
// browser store when the team's settings change.

const SERVER = 'http://team.test';
const MINUTE = 60_000;

let app: App;
let db: Db;
let cleanup: () => Promise<void>;
const clock: Clock = { now: NOW };
let seeded: TeamFixture;
let calls: { method: string; url: string; ifNoneMatch: string | null; status: number }[];

const serverFetch: FetchLike = async (url, init) => {
  const res = await app.request(url, init);
  calls.push({ method: init.method ?? 'GET', url, ifNoneMatch: new Headers(init.headers).get('if-none-match'), status: res.status });
  return res;
};
const options: RequestOptions = { fetch: serverFetch, now: () => clock.now };

async function connectionFor(key: 'rep' | 'manager'): Promise<TeamConnection> {
  const token = seeded.members[key]?.token ?? '';
  const res = await app.request(`${SERVER}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  const me = meResponseSchema.parse(await res.json());
  return { serverUrl: SERVER, token, teamKey: seeded.teamKey, me, connectedAt: clock.now, checkedAt: clock.now };
}

const REP_OWN: Settings = {
  ...DEFAULT_SETTINGS,
  repName: 'Anna',
  dealerName: 'Autohuis Noord',
  language: 'nl',
  quietMode: true,
  monthlyTarget: 99,
  cadence: { ...DEFAULT_CADENCE_SETTINGS, closeAfterAttempts: 9 },
};

/** What the manager's cadence form would save: SLA 15 min, threshold 3, a target of 12. */
const managerEdit = (local: Settings): Settings => ({
  ...local,
  cadence: { ...local.cadence, firstAttemptSlaMs: 15 * MINUTE, closeAfterAttempts: 3 },
  monthlyTarget: 12,
  conversionFloor: 0.18,
  openingHours: { ...DEFAULT_OPENING_HOURS, timeZone: 'America/Chicago' },
});

beforeAll(async () => {
  const opened = await sqliteEngine.open();
  db = opened.db;
  app = makeApp(db, clock);
  cleanup = opened.cleanup;
});
afterAll(async () => {
  await cleanup();
});
beforeEach(async () => {
  fakeBrowser.reset();
  calls = [];
  clock.now = NOW;
  seeded = await seedTeam(db, {
    name: 'Autohuis Noord',
    members: [
      { key: 'rep', name: 'Anna', role: 'rep' },
      { key: 'manager', name: 'Lotte de Vries', role: 'manager' },
    ],
  });
  await saveSettings(REP_OWN);
});

describe('withTeamSettings', () => {
  it('takes the team-owned fields from the team and keeps everything else', () => {
    const team = { ...DEFAULT_TEAM_SETTINGS_VALUES, monthlyTarget: 12, conversionFloor: 0.2 };
    const merged = withTeamSettings(REP_OWN, team);
    expect(teamValues(merged)).toEqual(team);
    expect(merged).toMatchObject({ repName: 'Anna', dealerName: 'Autohuis Noord', language: 'nl', quietMode: true });
  });
});

describe('a connected rep', () => {
  it('takes the team settings from /v1/me on connect, keeping name, language and quiet mode', async () => {
    const rep = await connectionFor('rep');
    await applyFromMe(rep);
    const local = await readSettings();
    expect(teamValues(local)).toEqual(DEFAULT_TEAM_SETTINGS_VALUES);
    expect(local).toMatchObject({ repName: 'Anna', language: 'nl', quietMode: true });
    expect(await readTeamSettingsMeta()).toEqual({ teamId: seeded.teamId, teamName: 'Autohuis Noord', version: 1, updatedBy: '', updatedAt: 0, etag: null });
  });

  it('follows every new version on the next sync, and an unchanged one costs a 304 and no write', async () => {
    const rep = await connectionFor('rep');
    await applyFromMe(rep);
    const repMeta = await teamSettingsMetaItem.getValue();
    await saveConnection(await connectionFor('manager'));
    clock.now = NOW + 10 * MINUTE;
    await saveAsTeamManager(options, managerEdit(await readSettings()));
    // The manager's browser is the same fake storage: put the rep's browser state back.
    await saveSettings(withTeamSettings(REP_OWN, DEFAULT_TEAM_SETTINGS_VALUES));
    await teamSettingsMetaItem.setValue(repMeta);

    expect(await refreshTeamSettings(options, rep)).toBe('fresh');
    const local = await readSettings();
    expect(local.cadence.firstAttemptSlaMs).toBe(15 * MINUTE);
    expect(local.cadence.closeAfterAttempts).toBe(3);
    expect(local).toMatchObject({ monthlyTarget: 12, conversionFloor: 0.18, repName: 'Anna', quietMode: true });
    expect(local.openingHours.timeZone).toBe('America/Chicago');
    const meta = await readTeamSettingsMeta();
    expect(meta).toMatchObject({ version: 2, updatedBy: 'Lotte de Vries', updatedAt: NOW + 10 * MINUTE });
    expect(meta?.etag).toMatch(/^"ts-/);

    let writes = 0;
    const unwatch = settingsItem.watch(() => (writes += 1));
    expect(await refreshTeamSettings(options, rep)).toBe('not-modified');
    unwatch();
    expect(writes).toBe(0);
    expect(calls.at(-1)).toMatchObject({ method: 'GET', status: 304, ifNoneMatch: meta?.etag });
  });

  it('keeps the last known team settings when the server cannot be reached', async () => {
    const rep = await connectionFor('rep');
    await applyFromMe(rep);
    const before = await readSettings();
    const offline: RequestOptions = { fetch: () => Promise.reject(new TypeError('Failed to fetch')), now: () => clock.now };
    await expect(refreshTeamSettings(offline, rep)).rejects.toMatchObject({ code: 'network' });
    expect(await readSettings()).toEqual(before);
    expect((await readTeamSettingsMeta())?.version).toBe(1);
  });

  it('keeps its own settings against a server that predates team settings', async () => {
    const rep = await connectionFor('rep');
    const oldServer: RequestOptions = {
      fetch: () => Promise.resolve(new Response(JSON.stringify({ error: 'not_found', message: 'No route' }), { status: 404 })),
      now: () => clock.now,
    };
    expect(await refreshTeamSettings(oldServer, rep)).toBe('unsupported');
    expect(await readSettings()).toEqual(REP_OWN);
    expect(await readTeamSettingsMeta()).toBeNull();
    await applyFromMe({ ...rep, me: { ...rep.me, settings: undefined } });
    expect(await readSettings()).toEqual(REP_OWN);
  });

  it('cannot save the team settings', async () => {
    await saveConnection(await connectionFor('rep'));
    await expect(saveAsTeamManager(options, managerEdit(REP_OWN))).rejects.toBeInstanceOf(NotTeamManagerError);
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
    expect(await readSettings()).toEqual(REP_OWN);
  });
});

describe('the team manager', () => {
  it('saves to the server first, then locally; a quiet-mode change alone makes no new version', async () => {
    const manager = await connectionFor('manager');
    await saveConnection(manager);
    await applyFromMe(manager);
    const saved = await saveAsTeamManager(options, managerEdit(await readSettings()));
    expect(saved.cadence.closeAfterAttempts).toBe(3);
    expect(await readSettings()).toEqual(saved);
    expect((await readTeamSettingsMeta())?.version).toBe(2);

    await saveAsTeamManager(options, { ...saved, quietMode: false });
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
    expect((await readSettings()).quietMode).toBe(false);
  });

  it('is told about a newer version instead of overwriting it, and nothing local changes until saving again', async () => {
    const manager = await connectionFor('manager');
    await saveConnection(manager);
    await applyFromMe(manager);
    // Someone else (another browser of a manager, or the CLI) saves version 2 meanwhile.
    const other = await app.request(`${SERVER}/v1/team/settings`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...DEFAULT_TEAM_SETTINGS_VALUES, monthlyTarget: 50, baseVersion: 1 }),
    });
    expect(other.status).toBe(200);

    const edit = managerEdit(await readSettings());
    const failure = await saveAsTeamManager(options, edit).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(TeamApiError);
    expect(failure).toMatchObject({ status: 409, code: 'settings_conflict' });
    // The newer version is now known (so a second save is a deliberate overwrite of it).
    expect((await readTeamSettingsMeta())?.version).toBe(2);
    expect((await readSettings()).monthlyTarget).toBe(50);

    const again = await saveAsTeamManager(options, edit);
    expect(again.monthlyTarget).toBe(12);
    expect((await readTeamSettingsMeta())?.version).toBe(3);
  });

  it('keeps the local settings when the server refuses the values', async () => {
    const manager = await connectionFor('manager');
    await saveConnection(manager);
    await applyFromMe(manager);
    const before = await readSettings();
    // A value the local schema would also refuse cannot reach here; a server that is stricter
    // (or newer) than this browser can still say no.
    const strict: RequestOptions = {
      fetch: () => Promise.resolve(new Response(JSON.stringify({ error: 'invalid_settings', message: 'monthlyTarget: too big' }), { status: 400 })),
      now: () => clock.now,
    };
    await expect(saveAsTeamManager(strict, managerEdit(before))).rejects.toMatchObject({ status: 400, code: 'invalid_settings' });
    expect(await readSettings()).toEqual(before);
    expect(await teamSettingsMetaItem.getValue()).toMatchObject({ version: 1 });
  });
});
