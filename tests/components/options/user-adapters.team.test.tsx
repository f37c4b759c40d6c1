// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CrmPermissions, type PermissionsApi } from '@/components/options/CrmPermissions';
import type { TeamFixStore } from '@/components/options/team-fix-store';
import type { TeamUserAdapterStore } from '@/components/options/team-user-adapter-store';
import { UserAdapters, type UserAdapterStore } from '@/components/options/UserAdapters';
import { I18nProvider } from '@/components/ui/i18n';
import type { UserAdapter } from '@/lib/adapters/user/schema';
import { userAdapter } from '@/lib/adapters/user/to-adapter';
import type { Lang } from '@/lib/i18n';
import type { TeamUserAdapter } from '@/lib/sync/adapter-overrides';
import { saveConnection } from '@/lib/sync/connection';
import { TeamApiError } from '@/lib/sync/http';
import { garageAdapter } from '@/tests/fixtures/user-adapter';
import { connection } from '@/tests/lib/sync/fixtures';

// Options → CRMs with a user adapter the team's manager published: the member allows its site
// like an own adapter's, the manager publishes and withdraws from their own adapter's row.

const PUBLISHED_AT = Date.UTC(2026, 10, 20, 14, 30);
const garage = garageAdapter();
const entryOf = (adapter: UserAdapter, version = 2): TeamUserAdapter => ({ id: adapter.id, version, adapter, updatedAt: PUBLISHED_AT, updatedBy: 'Lotte de Vries' });

const BUILT_IN = [{ id: 'demo', name: 'Demo CRM', matches: ['http://leadpace-demo.localhost/*'] }];
const noFixes: TeamFixStore = {
  read: () => Promise.resolve({ fixes: [], off: {} }),
  watch: () => () => undefined,
  setOff: () => Promise.resolve(),
  publish: () => Promise.reject(new Error('not in this test')),
  withdraw: () => Promise.resolve(),
};

/** The published list in memory, with the same watch contract as storage. */
function memoryTeam(initial: TeamUserAdapter[]) {
  let list = initial;
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  return {
    read: () => Promise.resolve(list),
    watch: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish: vi.fn((adapter: UserAdapter) => {
      const next = entryOf(adapter, (list.find((entry) => entry.id === adapter.id)?.version ?? 0) + 1);
      list = [...list.filter((entry) => entry.id !== adapter.id), next];
      changed();
      return Promise.resolve(next);
    }),
    withdraw: vi.fn((id: string) => {
      list = list.filter((entry) => entry.id !== id);
      changed();
      return Promise.resolve();
    }),
  } satisfies TeamUserAdapterStore;
}

/** Site permissions the way Chrome keeps them; `answer` is what the prompt returns. */
function sitePermissions(answer: boolean) {
  const granted = new Set<string>();
  const api = {
    contains: vi.fn(({ origins }: { origins: string[] }) => Promise.resolve(origins.every((o) => granted.has(o)))),
    request: vi.fn(({ origins }: { origins: string[] }) => {
      if (answer) origins.forEach((o) => granted.add(o));
      return Promise.resolve(answer);
    }),
    remove: vi.fn(({ origins }: { origins: string[] }) => {
      origins.forEach((o) => granted.delete(o));
      return Promise.resolve(true);
    }),
  } satisfies PermissionsApi;
  return api;
}

function renderMember(team: TeamUserAdapterStore, permissions: PermissionsApi, own: UserAdapter[] = [], lang: Lang = 'en') {
  render(
    <I18nProvider lang={lang}>
      <CrmPermissions adapters={[...BUILT_IN, ...own.map(userAdapter)]} permissions={permissions} teamFixes={noFixes} teamUserAdapters={team} now={PUBLISHED_AT} />
    </I18nProvider>,
  );
  return userEvent.setup();
}

const teamRow = () => screen.getAllByTestId('crm-row').find((row) => row.dataset.from === 'team');

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

describe('Options → CRMs: a user adapter published to the team', () => {
  it('asks the member for the site in the click, and then says which version is in use; Disable turns it off', async () => {
    await saveConnection(connection({ role: 'rep', name: 'Anna' }));
    const permissions = sitePermissions(true);
    const user = renderMember(memoryTeam([entryOf(garage)]), permissions);
    const line = await screen.findByTestId('team-user-adapter');
    await waitFor(() => expect(line.dataset.state).toBe('waiting'));
    expect(line.textContent).toMatch(/^Team adapter for https:\/\/crm\.garage\.nl v2 from Lotte de Vries \(.+\)\. Not in use yet: allow the site with Enable/);
    const row = teamRow();
    if (!row) throw new Error('no team row');
    expect(row.dataset.crm).toBe(garage.id);

    await user.click(within(row).getByRole('button', { name: 'Enable' }));
    expect(permissions.request).toHaveBeenCalledWith({ origins: ['https://crm.garage.nl/*'] });
    await waitFor(() => expect(screen.getByTestId('team-user-adapter').dataset.state).toBe('on'));
    expect(screen.getByTestId('team-user-adapter').textContent).toContain('Version 2 in use.');

    await user.click(within(row).getByRole('button', { name: 'Disable' }));
    expect(permissions.remove).toHaveBeenCalledWith({ origins: ['https://crm.garage.nl/*'] });
    await waitFor(() => expect(screen.getByTestId('team-user-adapter').dataset.state).toBe('waiting'));
  });

  it('says so when the member refuses the site, in Dutch too', async () => {
    await saveConnection(connection({ role: 'rep', name: 'Anna' }));
    const user = renderMember(memoryTeam([entryOf(garage)]), sitePermissions(false), [], 'nl');
    const line = await screen.findByTestId('team-user-adapter');
    expect(line.textContent).toMatch(/^Teamadapter voor https:\/\/crm\.garage\.nl v2 van Lotte de Vries/);
    const row = teamRow();
    if (!row) throw new Error('no team row');
    await user.click(within(row).getByRole('button', { name: 'Aanzetten' }));
    expect((await within(row).findByRole('alert')).textContent).toContain('Garage CRM');
    expect(screen.getByTestId('team-user-adapter').dataset.state).toBe('waiting');
  });

  it('lists no team row when the member has an own adapter for that site, and goes when withdrawn', async () => {
    await saveConnection(connection({ role: 'rep', name: 'Anna' }));
    const team = memoryTeam([entryOf(garage)]);
    renderMember(team, sitePermissions(true), [garageAdapter({ id: 'user-mine', name: 'Mine' })]);
    await screen.findAllByTestId('crm-row');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(teamRow()).toBeUndefined();
    cleanup();
    renderMember(team, sitePermissions(true));
    await screen.findByTestId('team-user-adapter');
    await team.withdraw(garage.id);
    await waitFor(() => expect(screen.queryByTestId('team-user-adapter')).toBeNull());
  });
});

describe('Options → own adapters: publishing to the team', () => {
  const store: UserAdapterStore = { load: () => Promise.resolve([garage]), save: () => Promise.resolve({ ok: true }), remove: () => Promise.resolve() };
  const renderOwn = (team: TeamUserAdapterStore) => {
    render(
      <I18nProvider lang="en">
        <UserAdapters adapters={[garage]} store={store} download={() => undefined} onChanged={() => undefined} team={team} />
      </I18nProvider>,
    );
    return userEvent.setup();
  };

  it('lets the manager publish, publish a new version and withdraw', async () => {
    await saveConnection(connection({ role: 'manager', name: 'Lotte de Vries' }));
    const team = memoryTeam([]);
    const user = renderOwn(team);
    await user.click(await screen.findByRole('button', { name: 'Publish to the team' }));
    expect(team.publish).toHaveBeenCalledWith(garage);
    expect((await screen.findByRole('status')).textContent).toContain('Published as version 1');
    expect((await screen.findByTestId('team-user-adapter-published')).textContent).toMatch(/^Published to the team as v1 /);

    await user.click(screen.getByRole('button', { name: 'Publish this version' }));
    await waitFor(() => expect(screen.getByTestId('team-user-adapter-published').textContent).toMatch(/as v2 /));
    await user.click(screen.getByRole('button', { name: 'Withdraw from the team' }));
    expect(team.withdraw).toHaveBeenCalledWith(garage.id);
    await waitFor(() => expect(screen.getByTestId('team-user-adapter-share').dataset.state).toBe('own'));
    expect(screen.getByRole('status').textContent).toContain('members stop using it after their next sync');
  });

  it('says why the server refused, and offers a rep no publishing', async () => {
    await saveConnection(connection({ role: 'manager', name: 'Lotte de Vries' }));
    const team = memoryTeam([]);
    team.publish.mockImplementationOnce(() =>
      Promise.reject(new TeamApiError('invalid_adapter', 'The adapter was not saved: origin: this site is read by a built-in adapter.', 400, false)),
    );
    const user = renderOwn(team);
    await user.click(await screen.findByRole('button', { name: 'Publish to the team' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Not published: The adapter was not saved: origin: this site is read by a built-in adapter.');
    cleanup();

    await saveConnection(connection({ role: 'rep', name: 'Anna' }));
    renderOwn(memoryTeam([entryOf(garage)]));
    expect((await screen.findByTestId('team-user-adapter-instead')).textContent).toBe(
      'The team also has an adapter for this site (v2 from Lotte de Vries); yours is used.',
    );
    expect(screen.queryByRole('button', { name: 'Publish to the team' })).toBeNull();
  });
});
