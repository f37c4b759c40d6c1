import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readTeamUserAdapters, teamOverridesItem } from '@/lib/storage/team-fixes-item';
import { loadOwnUserAdapters, loadUserAdapters, saveUserAdapters } from '@/lib/storage/user-adapters-item';
import { NotOverrideManagerError, publishTeamUserAdapter, refreshTeamOverrides, withdrawTeamOverride } from '@/lib/sync/adapter-overrides-local';
import { saveConnection, type TeamConnection } from '@/lib/sync/connection';
import { TeamApiError, type FetchLike, type RequestOptions } from '@/lib/sync/http';
import { meResponseSchema } from '@/lib/sync/wire';
import type { Db } from '@/server/db/connect';
import { garageAdapter } from '@/tests/fixtures/user-adapter';
import { makeApp, NOW, seedTeam, sqliteEngine, type App, type Clock, type TeamFixture } from '@/tests/server/harness';

// A manager's and a member's browser against the real team server (SQLite): a published "Add
// my CRM" adapter reaches the member on sync and is read like their own, never over their own,
// and a withdrawal closes the site the member allowed for it.

const SERVER = 'http://team.test';

let app: App;
let db: Db;
let cleanup: () => Promise<void>;
const clock: Clock = { now: NOW };
let seeded: TeamFixture;

const serverFetch: FetchLike = async (url, init) => app.request(url, init);
const options: RequestOptions = { fetch: serverFetch, now: () => clock.now };

async function connectionFor(key: 'rep' | 'manager'): Promise<TeamConnection> {
  const token = seeded.members[key]?.token ?? '';
  const res = await app.request(`${SERVER}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  const me = meResponseSchema.parse(await res.json());
  return { serverUrl: SERVER, token, teamKey: seeded.teamKey, me, connectedAt: clock.now, checkedAt: clock.now };
}

const garage = garageAdapter();

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
  seeded = await seedTeam(db, {
    name: 'Autohuis Noord',
    members: [
      { key: 'rep', name: 'Anna', role: 'rep' },
      { key: 'manager', name: 'Lotte de Vries', role: 'manager' },
    ],
  });
});

async function asManagerPublish(adapter = garage) {
  await saveConnection(await connectionFor('manager'));
  return publishTeamUserAdapter(options, adapter);
}

async function asRep() {
  fakeBrowser.reset();
  const rep = await connectionFor('rep');
  await saveConnection(rep);
  return rep;
}

describe('user adapters published to the team', () => {
  it('reach the member on the next sync and are read like their own, without becoming their own', async () => {
    expect(await asManagerPublish()).toMatchObject({ id: garage.id, version: 1, updatedBy: 'Lotte de Vries' });
    const rep = await asRep();
    expect(await loadUserAdapters()).toEqual([]);
    expect(await refreshTeamOverrides(options, rep)).toBe('fresh');
    expect(await loadUserAdapters()).toEqual([garage]);
    // Export, remove and import in Options handle the member's own list, which stays empty.
    expect(await loadOwnUserAdapters()).toEqual([]);
  });

  it('never overwrite the member’s own adapter: the same id or site keeps the member’s', async () => {
    await asManagerPublish();
    const rep = await asRep();
    const mine = garageAdapter({ name: 'My garage CRM', fields: { name: ['h2.mine'] } });
    expect(await saveUserAdapters([mine])).toEqual({ ok: true });
    await refreshTeamOverrides(options, rep);
    expect(await readTeamUserAdapters()).toHaveLength(1);
    expect(await loadUserAdapters()).toEqual([mine]);
    expect(await loadOwnUserAdapters()).toEqual([mine]);
  });

  it('close the site the member allowed once withdrawn, but not a site one of their own adapters reads', async () => {
    const elsewhere = garageAdapter({ id: 'user-elsewhere', origin: 'https://leads.elsewhere.nl' });
    await asManagerPublish();
    await publishTeamUserAdapter(options, elsewhere);
    const rep = await asRep();
    const remove = vi.fn((origins: string[]) => Promise.resolve(origins.length > 0));
    await refreshTeamOverrides(options, rep, remove);
    expect((await loadUserAdapters()).map((def) => def.id)).toEqual([garage.id, elsewhere.id]);
    await saveUserAdapters([garageAdapter({ id: 'user-mine-elsewhere', origin: 'https://leads.elsewhere.nl' })]);
    const repState = await teamOverridesItem.getValue();

    await saveConnection(await connectionFor('manager'));
    await withdrawTeamOverride(options, garage.id, () => Promise.resolve(true));
    await withdrawTeamOverride(options, elsewhere.id, () => Promise.resolve(true));

    // Back in the member's browser, which still holds both and their ETag.
    await teamOverridesItem.setValue(repState);
    await saveConnection(rep);
    expect(await refreshTeamOverrides(options, rep, remove)).toBe('fresh');
    expect(await readTeamUserAdapters()).toEqual([]);
    expect(remove).toHaveBeenCalledTimes(1);
    expect(remove).toHaveBeenCalledWith(['https://crm.garage.nl/*']);
    expect((await loadUserAdapters()).map((def) => def.id)).toEqual(['user-mine-elsewhere']);
  });

  it('can only be published from the manager’s browser, and the server says why a body is refused', async () => {
    await asRep();
    await expect(publishTeamUserAdapter(options, garage)).rejects.toBeInstanceOf(NotOverrideManagerError);
    await saveConnection(await connectionFor('manager'));
    const refused = await publishTeamUserAdapter(options, garageAdapter({ origin: 'https://app.hubspot.com' })).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TeamApiError);
    expect(refused).toMatchObject({ status: 400, code: 'invalid_adapter' });
    expect(String(refused)).toContain('built-in adapter');
  });
});
