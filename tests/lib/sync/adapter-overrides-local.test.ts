import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ADAPTER_OVERRIDE_KIND, type AdapterOverride } from '@/lib/adapters/overrides/schema';
import { loadActiveOverrides, readTeamOverrides, setOverrideOff, teamOverridesItem } from '@/lib/storage/team-fixes-item';
import { NotOverrideManagerError, publishTeamOverride, refreshTeamOverrides, withdrawTeamOverride } from '@/lib/sync/adapter-overrides-local';
import { saveConnection, type TeamConnection } from '@/lib/sync/connection';
import { TeamApiError, type FetchLike, type RequestOptions } from '@/lib/sync/http';
import { meResponseSchema } from '@/lib/sync/wire';
import type { Db } from '@/server/db/connect';
import { makeApp, NOW, seedTeam, sqliteEngine, type App, type Clock, type TeamFixture } from '@/tests/server/harness';

// A manager's and a rep's browser against the real team server (SQLite): what each stores
// when the team's CRM fixes change, and what the content script then applies.

const SERVER = 'http://team.test';

let app: App;
let db: Db;
let cleanup: () => Promise<void>;
const clock: Clock = { now: NOW };
let seeded: TeamFixture;
let statuses: number[];

const serverFetch: FetchLike = async (url, init) => {
  const res = await app.request(url, init);
  statuses.push(res.status);
  return res;
};
const options: RequestOptions = { fetch: serverFetch, now: () => clock.now };

async function connectionFor(key: 'rep' | 'manager'): Promise<TeamConnection> {
  const token = seeded.members[key]?.token ?? '';
  const res = await app.request(`${SERVER}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  const me = meResponseSchema.parse(await res.json());
  return { serverUrl: SERVER, token, teamKey: seeded.teamKey, me, connectedAt: clock.now, checkedAt: clock.now };
}

const fix = (fields: AdapterOverride['fields']): AdapterOverride => ({ kind: ADAPTER_OVERRIDE_KIND, version: 1, crm: 'demo', fields });

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
  statuses = [];
  seeded = await seedTeam(db, {
    name: 'Autohuis Noord',
    members: [
      { key: 'rep', name: 'Anna', role: 'rep' },
      { key: 'manager', name: 'Lotte de Vries', role: 'manager' },
    ],
  });
});

describe('team CRM fixes in the browser', () => {
  it('reaches the rep on the next refresh, costs a 304 when unchanged, and goes when withdrawn', async () => {
    await saveConnection(await connectionFor('manager'));
    const published = await publishTeamOverride(options, fix({ source: ['.topbar-branch'] }));
    expect(published).toMatchObject({ crm: 'demo', version: 1, updatedBy: 'Lotte de Vries' });
    // The manager's own browser has it at once.
    expect((await loadActiveOverrides()).get('demo')).toEqual(fix({ source: ['.topbar-branch'] }));

    fakeBrowser.reset();
    const rep = await connectionFor('rep');
    await saveConnection(rep);
    expect(await loadActiveOverrides()).toEqual(new Map());
    expect(await refreshTeamOverrides(options, rep)).toBe('fresh');
    expect((await loadActiveOverrides()).get('demo')?.fields).toEqual({ source: ['.topbar-branch'] });
    statuses = [];
    expect(await refreshTeamOverrides(options, rep)).toBe('not-modified');
    expect(statuses).toEqual([304]);
    const repState = await teamOverridesItem.getValue();

    await saveConnection(await connectionFor('manager'));
    await withdrawTeamOverride(options, 'demo');
    // Back in the rep's browser, which still holds version 1 and its ETag.
    await teamOverridesItem.setValue(repState);
    await saveConnection(rep);
    expect(await refreshTeamOverrides(options, rep)).toBe('fresh');
    expect(await loadActiveOverrides()).toEqual(new Map());
  });

  it('lets the rep turn a fix off for its version; a newer version is in use again', async () => {
    await saveConnection(await connectionFor('manager'));
    await publishTeamOverride(options, fix({ source: ['.a'] }));
    await setOverrideOff('demo', 1, true);
    expect(await loadActiveOverrides()).toEqual(new Map());
    await setOverrideOff('demo', 1, false);
    expect((await loadActiveOverrides()).has('demo')).toBe(true);

    await setOverrideOff('demo', 1, true);
    await publishTeamOverride(options, fix({ source: ['.b'] }));
    expect((await loadActiveOverrides()).get('demo')?.fields.source).toEqual(['.b']);
  });

  it('refuses to publish from a rep’s browser, and the server refuses a rep who tries anyway', async () => {
    const rep = await connectionFor('rep');
    await saveConnection(rep);
    await expect(publishTeamOverride(options, fix({ source: ['.a'] }))).rejects.toBeInstanceOf(NotOverrideManagerError);
    await saveConnection({ ...rep, me: { ...rep.me, role: 'manager' } });
    const refused = await publishTeamOverride(options, fix({ source: ['.a'] })).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TeamApiError);
    expect(refused).toMatchObject({ status: 403, code: 'forbidden_role' });
  });

  it('keeps the good fixes when stored data is damaged, and treats an old server as unsupported', async () => {
    await teamOverridesItem.setValue({
      teamId: seeded.teamId,
      etag: null,
      overrides: [
        { crm: 'demo', version: 2, override: fix({ source: ['.ok'] }), updatedAt: 1, updatedBy: 'Lotte' },
        { crm: 'hubspot', version: 1, override: { kind: 'nope' }, updatedAt: 1, updatedBy: 'Lotte' },
      ],
    });
    expect((await readTeamOverrides())?.overrides.map((o) => o.crm)).toEqual(['demo']);
    await teamOverridesItem.setValue('garbage');
    expect(await loadActiveOverrides()).toEqual(new Map());

    const rep = await connectionFor('rep');
    const oldServer: FetchLike = async () => new Response(JSON.stringify({ error: 'not_found', message: 'No route' }), { status: 404 });
    expect(await refreshTeamOverrides({ fetch: oldServer, now: () => clock.now }, rep)).toBe('unsupported');
  });
});
