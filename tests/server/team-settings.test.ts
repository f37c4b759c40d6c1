import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_OPENING_HOURS } from '@/lib/domain/business-time';
import { DEFAULT_CADENCE_SETTINGS } from '@/lib/domain/cadence';
import {
  DEFAULT_CONVERSION_FLOOR,
  teamSettingsHistorySchema,
  teamSettingsSchema,
  type TeamSettings,
  type TeamSettingsUpdate,
} from '@/lib/sync/team-settings';
import { meResponseSchema } from '@/lib/sync/wire';
import { Migrator } from 'kysely';
import { runCli } from '@/server/cli';
import { connect, migrate } from '@/server/db/connect';
import { migrations } from '@/server/db/migrations';
import { readTeamSettings, teamSettingsHistory } from '@/server/sql/team-settings';
import { teamSettingsFromJson } from '@/server/domain/team-settings';
import { findPrincipalByMember } from '@/server/sql/principal';
import { addMember, createTeam } from '@/server/sql/tenancy';
import {
  authed,
  json,
  makeApp,
  NOW,
  PG_URL,
  postgresEngine,
  seedTeam,
  sqliteEngine,
  type App,
  type Clock,
  type SuiteEnv,
} from './harness';

const MINUTE = 60_000;

const update = (baseVersion: number, changes: Partial<TeamSettingsUpdate> = {}): TeamSettingsUpdate => ({
  openingHours: { ...DEFAULT_OPENING_HOURS, timeZone: 'America/Chicago' },
  cadence: { ...DEFAULT_CADENCE_SETTINGS, firstAttemptSlaMs: 15 * MINUTE, closeAfterAttempts: 3 },
  monthlyTarget: 12,
  conversionFloor: 0.2,
  baseVersion,
  ...changes,
});

async function getSettings(app: App, token: string, headers: Record<string, string> = {}): Promise<Response> {
  return app.request('/v1/team/settings', authed(token, { headers }));
}

async function putSettings(app: App, token: string, body: unknown): Promise<Response> {
  return app.request('/v1/team/settings', authed(token, { method: 'PUT', body: JSON.stringify(body) }));
}

function suite(env: () => SuiteEnv) {
  const team = () =>
    seedTeam(env().db, {
      name: 'Autohuis Noord',
      members: [
        { key: 'rep', name: 'Anna Rep', role: 'rep' },
        { key: 'manager', name: 'Lotte Manager', role: 'manager' },
      ],
    });
  const token = (t: Awaited<ReturnType<typeof team>>, key: 'rep' | 'manager') => t.members[key]?.token ?? '';

  it('starts every team at version 1: its opening hours plus the defaults', async () => {
    const t = await team();
    const res = await getSettings(env().app, token(t, 'rep'));
    expect(res.status).toBe(200);
    const settings = teamSettingsSchema.parse(await res.json());
    expect(settings).toEqual({
      version: 1,
      openingHours: DEFAULT_OPENING_HOURS,
      cadence: DEFAULT_CADENCE_SETTINGS,
      monthlyTarget: 0,
      conversionFloor: DEFAULT_CONVERSION_FLOOR,
      updatedAt: 0,
      updatedBy: '',
    });
    const me = meResponseSchema.parse(await json(await env().app.request('/v1/me', authed(token(t, 'rep')))));
    expect(me.settings).toEqual(settings);
  });

  it('lets the manager save a new version that every member then reads, in /v1/me too', async () => {
    const t = await team();
    const { app, clock } = env();
    clock.now = NOW + 5 * MINUTE;
    const res = await putSettings(app, token(t, 'manager'), update(1));
    expect(res.status).toBe(200);
    const saved = teamSettingsSchema.parse(await res.json());
    expect(saved).toMatchObject({ version: 2, updatedBy: 'Lotte Manager', updatedAt: NOW + 5 * MINUTE, monthlyTarget: 12, conversionFloor: 0.2 });
    expect(saved.cadence.firstAttemptSlaMs).toBe(15 * MINUTE);

    const read = teamSettingsSchema.parse(await json(await getSettings(app, token(t, 'rep'))));
    expect(read).toEqual(saved);
    const me = meResponseSchema.parse(await json(await app.request('/v1/me', authed(token(t, 'rep')))));
    expect(me.settings).toEqual(saved);
    // The hours the rest of the server reads follow the settings.
    expect(me.openingHours.timeZone).toBe('America/Chicago');
    expect(me.timeZone).toBe('America/Chicago');
    const principal = await findPrincipalByMember(env().db, t.members.rep?.memberId ?? '');
    expect(principal && teamSettingsFromJson(principal.settingsJson)).toEqual(saved);
  });

  it('refuses a rep with 403 and changes nothing', async () => {
    const t = await team();
    const res = await putSettings(env().app, token(t, 'rep'), update(1));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'forbidden_role' });
    const history = await env().app.request('/v1/team/settings/history', authed(token(t, 'rep')));
    expect(history.status).toBe(403);
    expect(teamSettingsSchema.parse(await json(await getSettings(env().app, token(t, 'rep')))).version).toBe(1);
  });

  it('answers a stale baseVersion with 409 and keeps the newer save', async () => {
    const t = await team();
    const { app } = env();
    expect((await putSettings(app, token(t, 'manager'), update(1, { monthlyTarget: 20 }))).status).toBe(200);
    const stale = await putSettings(app, token(t, 'manager'), update(1, { monthlyTarget: 30 }));
    expect(stale.status).toBe(409);
    const body = await json<{ error: string; message: string }>(stale);
    expect(body.error).toBe('settings_conflict');
    expect(body.message).toContain('now version 2');
    const current = teamSettingsSchema.parse(await json(await getSettings(app, token(t, 'rep'))));
    expect(current).toMatchObject({ version: 2, monthlyTarget: 20 });
    // A base from the future is just as stale.
    expect((await putSettings(app, token(t, 'manager'), update(7))).status).toBe(409);
  });

  it('lets exactly one of two concurrent saves of the same version win', async () => {
    const t = await team();
    const { app } = env();
    const answers = await Promise.all([
      putSettings(app, token(t, 'manager'), update(1, { monthlyTarget: 5 })),
      putSettings(app, token(t, 'manager'), update(1, { monthlyTarget: 6 })),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const current = teamSettingsSchema.parse(await json(await getSettings(app, token(t, 'rep'))));
    expect(current.version).toBe(2);
  });

  it('lets exactly one of two concurrent saves win once the team has a stored version too', async () => {
    const t = await team();
    const { app } = env();
    expect((await putSettings(app, token(t, 'manager'), update(1))).status).toBe(200);
    const answers = await Promise.all([
      putSettings(app, token(t, 'manager'), update(2, { monthlyTarget: 7 })),
      putSettings(app, token(t, 'manager'), update(2, { monthlyTarget: 8 })),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const { versions } = teamSettingsHistorySchema.parse(await json(await app.request('/v1/team/settings/history', authed(token(t, 'manager')))));
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it('answers invalid settings with 400 and a reason, and saves nothing', async () => {
    const t = await team();
    const { app } = env();
    const cases: { body: unknown; reason: RegExp }[] = [
      {
        body: update(1, { openingHours: { ...DEFAULT_OPENING_HOURS, week: { ...DEFAULT_OPENING_HOURS.week, 1: { open: '18:00', close: '09:00' } } } }),
        reason: /openingHours\.week\.1: closing time must be after opening time/,
      },
      { body: update(1, { openingHours: { ...DEFAULT_OPENING_HOURS, timeZone: 'Mars/Olympus' } }), reason: /unknown time zone/ },
      { body: update(1, { conversionFloor: 1.5 }), reason: /conversionFloor/ },
      { body: update(1, { monthlyTarget: -1 }), reason: /monthlyTarget/ },
      { body: update(1, { cadence: { ...DEFAULT_CADENCE_SETTINGS, closeAfterAttempts: 0 } }), reason: /cadence\.closeAfterAttempts/ },
      { body: { ...update(1), version: 9 }, reason: /version/ },
      { body: { monthlyTarget: 3 }, reason: /openingHours/ },
    ];
    for (const { body, reason } of cases) {
      const res = await putSettings(app, token(t, 'manager'), body);
      expect(res.status).toBe(400);
      const error = await json<{ error: string; message: string }>(res);
      expect(error.error).toBe('invalid_settings');
      expect(error.message).toMatch(reason);
    }
    const notJson = await app.request('/v1/team/settings', authed(token(t, 'manager'), { method: 'PUT', body: '{' }));
    expect(notJson.status).toBe(400);
    expect(teamSettingsSchema.parse(await json(await getSettings(app, token(t, 'rep')))).version).toBe(1);
  });

  it('keeps every version with who and when, newest first, for the manager', async () => {
    const t = await team();
    const { app, clock } = env();
    clock.now = NOW + MINUTE;
    await putSettings(app, token(t, 'manager'), update(1, { monthlyTarget: 10 }));
    clock.now = NOW + 2 * MINUTE;
    await putSettings(app, token(t, 'manager'), update(2, { monthlyTarget: 11 }));
    const res = await app.request('/v1/team/settings/history', authed(token(t, 'manager')));
    expect(res.status).toBe(200);
    const { versions } = teamSettingsHistorySchema.parse(await res.json());
    expect(versions.map((v) => [v.version, v.updatedBy, v.updatedAt, v.settings.monthlyTarget, v.memberId])).toEqual([
      [3, 'Lotte Manager', NOW + 2 * MINUTE, 11, t.members.manager?.memberId],
      [2, 'Lotte Manager', NOW + MINUTE, 10, t.members.manager?.memberId],
      [1, '', 0, 0, null],
    ]);
  });

  it('answers an unchanged version with 304 and changes the ETag with every save', async () => {
    const t = await team();
    const { app } = env();
    const first = await getSettings(app, token(t, 'rep'));
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    expect((await getSettings(app, token(t, 'rep'), { 'if-none-match': etag })).status).toBe(304);
    await putSettings(app, token(t, 'manager'), update(1));
    const after = await getSettings(app, token(t, 'rep'), { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });

  it('changes the leaderboard ETag when the settings change', async () => {
    const t = await team();
    const { app } = env();
    const board = () => app.request('/v1/leaderboard?period=month', authed(token(t, 'rep')));
    const before = (await board()).headers.get('etag') ?? '';
    expect((await app.request('/v1/leaderboard?period=month', authed(token(t, 'rep'), { headers: { 'if-none-match': before } }))).status).toBe(304);
    // Only the target changes: the hours (part of the old ETag) stay the same.
    await putSettings(app, token(t, 'manager'), update(1, { openingHours: DEFAULT_OPENING_HOURS, monthlyTarget: 40 }));
    const res = await app.request('/v1/leaderboard?period=month', authed(token(t, 'rep'), { headers: { 'if-none-match': before } }));
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).not.toBe(before);
  });

  it('keeps teams apart', async () => {
    const north = await team();
    const south = await team();
    await putSettings(env().app, token(north, 'manager'), update(1, { monthlyTarget: 33 }));
    const southSettings = teamSettingsSchema.parse(await json(await getSettings(env().app, token(south, 'rep'))));
    expect(southSettings).toMatchObject({ version: 1, monthlyTarget: 0 });
  });

  it('builds version 1 from a team created with its own opening hours', async () => {
    const hours = { ...DEFAULT_OPENING_HOURS, week: { ...DEFAULT_OPENING_HOURS.week, 6: null } };
    const created = await createTeam(env().db, { name: 'Zaterdag dicht', visibility: 'named', openingHours: hours });
    const seeded = await seedTeam(env().db, { members: [] });
    expect(seeded.teamId).not.toBe(created.teamId);
    const rep = await addMember(env().db, { teamId: created.teamId, name: 'Bram', role: 'rep' });
    const settings = teamSettingsSchema.parse(await json(await getSettings(env().app, rep.token)));
    expect(settings.openingHours.week[6]).toBeNull();
    expect(settings.version).toBe(1);
  });
}

if (!PG_URL) console.log('PostgreSQL team-settings suite skipped: TEST_DATABASE_URL not set');

for (const [fixture, enabled] of [
  [sqliteEngine, true],
  [postgresEngine, Boolean(PG_URL)],
] as const) {
  describe.runIf(enabled)(`team settings on ${fixture.name}`, () => {
    const clock: Clock = { now: NOW };
    let env: SuiteEnv | undefined;
    let cleanup: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      const opened = await fixture.open();
      env = { engine: fixture.name, db: opened.db, clock, app: makeApp(opened.db, clock) };
      cleanup = opened.cleanup;
    }, 30_000);
    afterAll(async () => {
      await cleanup?.();
    });
    beforeEach(() => {
      clock.now = NOW;
    });
    suite(() => {
      if (!env) throw new Error('database not open');
      return env;
    });
  });
}

describe('team settings from stored JSON', () => {
  it('reuses one object per JSON string, so the business-time calendars stay warm', () => {
    const { baseVersion, ...values } = update(1);
    const settings: TeamSettings = { ...values, version: baseVersion + 3, updatedAt: NOW, updatedBy: 'Lotte' };
    const text = JSON.stringify(settings);
    const first = teamSettingsFromJson(text);
    expect(first).toEqual(settings);
    expect(teamSettingsFromJson(text)).toBe(first);
    expect(teamSettingsFromJson(text).openingHours).toBe(first.openingHours);
  });

  it('falls back to the defaults for a corrupt value, keeping its version when readable', () => {
    expect(teamSettingsFromJson('not json')).toMatchObject({ version: 1, monthlyTarget: 0, conversionFloor: DEFAULT_CONVERSION_FLOOR });
    expect(teamSettingsFromJson(JSON.stringify({ version: 5, monthlyTarget: 'lots' }))).toMatchObject({ version: 5, monthlyTarget: 0 });
  });
});

describe('the team-settings migration', () => {
  it('gives teams that existed before it version 1 from their opening hours', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadpace-migrate-'));
    const db = connect({ engine: 'sqlite', file: join(dir, 'leadpace.db') });
    try {
      const initial = migrations['001_initial'];
      if (!initial) throw new Error('no initial migration');
      const before = new Migrator({ db: db.kysely, provider: { getMigrations: () => Promise.resolve({ '001_initial': initial }) } });
      expect((await before.migrateToLatest()).error).toBeUndefined();
      const hours = { ...DEFAULT_OPENING_HOURS, timeZone: 'Europe/Brussels' };
      // The team as migration 001 made it, with the server-held key of that time.
      await db.kysely
        .withTables<{ teams: { team_key: string } }>()
        .insertInto('teams')
        .values({ id: 'old-team', group_id: null, name: 'Oud', visibility: 'named', opening_hours: JSON.stringify(hours), team_key: 'k', pseudonym_salt: 's', seq: 0, revision: 0, created_at: 0 })
        .execute();
      await migrate(db);
      const settings = await readTeamSettings(db, 'old-team');
      expect(settings).toMatchObject({ version: 1, monthlyTarget: 0, conversionFloor: DEFAULT_CONVERSION_FLOOR });
      expect(settings?.openingHours.timeZone).toBe('Europe/Brussels');
      expect((await teamSettingsHistory(db, 'old-team'))?.map((v) => v.version)).toEqual([1]);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('admin CLI team settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadpace-settings-cli-'));
  const dbConfig = { engine: 'sqlite' as const, file: join(dir, 'leadpace.db') };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function cli(...args: string[]): Promise<{ code: number; out: Record<string, unknown> }> {
    let text = '';
    const out = { write: (chunk: string) => (text += chunk) };
    const err = { write: () => true };
    const code = await runCli([...args, '--json'], dbConfig, out, err);
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(1);
    return { code, out: JSON.parse(lines[0] ?? '') as Record<string, unknown> };
  }

  it('shows, sets from a file (guarded by its version) and lists the history', async () => {
    const teamId = String((await cli('team', 'create', '--name', 'Noord')).out.teamId);
    const shown = await cli('team', 'settings', 'show', '--team', teamId);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatchObject({ teamId, version: 1, monthlyTarget: 0 });

    const file = join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify({ ...shown.out, monthlyTarget: 25 }));
    const set = await cli('team', 'settings', 'set', '--team', teamId, '--file', file, '--by', 'Henk (admin)');
    expect(set.code).toBe(0);
    expect(set.out).toMatchObject({ teamId, version: 2, monthlyTarget: 25, updatedBy: 'Henk (admin)' });

    // The same file again: its version 1 is stale now, so nothing is overwritten.
    const again = await cli('team', 'settings', 'set', '--team', teamId, '--file', file);
    expect(again).toMatchObject({ code: 1, out: { error: 'conflict' } });

    const history = await cli('team', 'settings', 'history', '--team', teamId);
    expect((history.out.versions as { version: number }[]).map((v) => v.version)).toEqual([2, 1]);
  });

  it('refuses a bad file with a reason and saves nothing', async () => {
    const teamId = String((await cli('team', 'create', '--name', 'Zuid')).out.teamId);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...update(1), conversionFloor: 2 }));
    const refused = await cli('team', 'settings', 'set', '--team', teamId, '--file', bad);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatchObject({ error: 'invalid_settings', message: expect.stringContaining('conversionFloor') });
    writeFileSync(bad, '{ nope');
    expect(await cli('team', 'settings', 'set', '--team', teamId, '--file', bad)).toMatchObject({ code: 1, out: { error: 'invalid_file' } });
    expect(await cli('team', 'settings', 'set', '--team', teamId, '--file', join(dir, 'missing.json'))).toMatchObject({ code: 1, out: { error: 'invalid_file' } });
    expect(await cli('team', 'settings', 'show', '--team', 'ghost')).toMatchObject({ code: 1, out: { error: 'not_found' } });
    expect((await cli('team', 'settings', 'show', '--team', teamId)).out).toMatchObject({ version: 1 });
  });
});
