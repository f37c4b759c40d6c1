// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CrmPermissions, type PermissionsApi } from '@/components/options/CrmPermissions';
import type { TeamFixStore } from '@/components/options/team-fix-store';
import { I18nProvider } from '@/components/ui/i18n';
import { ADAPTER_OVERRIDE_KIND, type AdapterOverride } from '@/lib/adapters/overrides/schema';
import type { Lang } from '@/lib/i18n';
import type { TeamAdapterOverride } from '@/lib/sync/adapter-overrides';
import { saveConnection } from '@/lib/sync/connection';
import { TeamApiError } from '@/lib/sync/http';
import { connection } from '@/tests/lib/sync/fixtures';

// Typing selectors key by key is slow on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

const permissions: PermissionsApi = {
  contains: () => Promise.resolve(false),
  request: () => Promise.resolve(false),
  remove: () => Promise.resolve(true),
};

const ADAPTERS = [
  { id: 'demo', name: 'Demo CRM', matches: ['http://leadpace-demo.localhost/*'] },
  { id: 'user-garage', name: 'Garage CRM', matches: ['https://crm.garage.nl/*'] },
];

const PUBLISHED_AT = Date.UTC(2026, 10, 20, 14, 30);
const fixOf = (fields: AdapterOverride['fields'], version = 3): TeamAdapterOverride => ({
  crm: 'demo',
  version,
  override: { kind: ADAPTER_OVERRIDE_KIND, version: 1, crm: 'demo', fields },
  updatedAt: PUBLISHED_AT,
  updatedBy: 'Lotte de Vries',
});

/** The team's fixes in memory, with the same watch contract as storage. */
function memoryStore(initial: TeamAdapterOverride[]) {
  let fixes = initial;
  let off: Record<string, number> = {};
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  const store = {
    read: () => Promise.resolve({ fixes, off }),
    watch: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setOff: vi.fn((crm: string, version: number, isOff: boolean) => {
      off = isOff ? { ...off, [crm]: version } : Object.fromEntries(Object.entries(off).filter(([id]) => id !== crm));
      changed();
      return Promise.resolve();
    }),
    publish: vi.fn((override: AdapterOverride) => {
      const next = { ...fixOf(override.fields, (fixes[0]?.version ?? 0) + 1), override };
      fixes = [next];
      changed();
      return Promise.resolve(next);
    }),
    withdraw: vi.fn(() => {
      fixes = [];
      changed();
      return Promise.resolve();
    }),
  } satisfies TeamFixStore;
  return store;
}

function renderRows(store: TeamFixStore, lang: Lang = 'en') {
  render(
    <I18nProvider lang={lang}>
      <CrmPermissions adapters={ADAPTERS} permissions={permissions} teamFixes={store} now={PUBLISHED_AT} />
    </I18nProvider>,
  );
  return userEvent.setup();
}

const rowOf = (crm: string) => {
  const row = screen.getAllByTestId('crm-row').find((el) => el.dataset.crm === crm);
  if (!row) throw new Error(`no row for ${crm}`);
  return row;
};

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

describe('Options CRM row: the team’s fix', () => {
  it('tells a rep which version is in use and lets them turn it off and on again', async () => {
    await saveConnection(connection({ role: 'rep', teamId: 't-1', teamName: 'Autohuis Noord', name: 'Anna' }));
    const store = memoryStore([fixOf({ source: ['.lead-source'] })]);
    const user = renderRows(store);
    const status = await within(rowOf('demo')).findByTestId('team-fix-status');
    expect(status.textContent).toMatch(/^Team fix v3 \(from Lotte de Vries, .+\) in use\.$/);
    expect(rowOf('demo').textContent).toContain('Reads lead source from the team’s selectors');
    // A rep cannot edit, and the dealer's own adapter has no team fix line.
    expect(screen.queryByRole('button', { name: /Fix this CRM/ })).toBeNull();
    expect(within(rowOf('user-garage')).queryByTestId('crm-team-fix')).toBeNull();

    await user.click(within(rowOf('demo')).getByRole('button', { name: 'Turn off' }));
    expect(store.setOff).toHaveBeenCalledWith('demo', 3, true);
    await waitFor(() => expect(within(rowOf('demo')).getByTestId('crm-team-fix').dataset.state).toBe('off'));
    expect(within(rowOf('demo')).getByTestId('team-fix-status').textContent).toMatch(/turned off: the built-in reading is used/);
    await user.click(within(rowOf('demo')).getByRole('button', { name: 'Use the fix' }));
    await waitFor(() => expect(within(rowOf('demo')).getByTestId('crm-team-fix').dataset.state).toBe('on'));
  });

  it('shows nothing to a rep when the team has no fix, and speaks Dutch', async () => {
    await saveConnection(connection({ role: 'rep', teamId: 't-1', teamName: 'Autohuis Noord', name: 'Anna' }));
    renderRows(memoryStore([]));
    await screen.findAllByTestId('crm-row');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(screen.queryByTestId('crm-team-fix')).toBeNull();
    cleanup();
    renderRows(memoryStore([fixOf({ source: ['.a'] })]), 'nl');
    expect((await screen.findByTestId('team-fix-status')).textContent).toMatch(/^Teamreparatie v3 \(van Lotte de Vries, .+\) in gebruik\.$/);
  });

  it('lets the manager publish a fix, refuses a broken selector before sending, and withdraws it', async () => {
    await saveConnection(connection({ role: 'manager', teamId: 't-1', teamName: 'Autohuis Noord', name: 'Lotte de Vries' }));
    const store = memoryStore([]);
    const user = renderRows(store);
    await user.click(await within(rowOf('demo')).findByRole('button', { name: 'Fix this CRM for the team…' }));
    const editor = within(rowOf('demo')).getByTestId('team-fix-editor');
    const source = within(editor).getByLabelText('Lead source');
    await user.type(source, 'dd[[title="x');
    await user.click(within(editor).getByRole('button', { name: 'Publish to the team' }));
    expect((await within(editor).findByRole('alert')).textContent).toMatch(/Not published: fields\.source.*not a valid CSS selector/);
    expect(store.publish).not.toHaveBeenCalled();

    await user.clear(source);
    await user.type(source, '.topbar-branch{enter}.lead-fields dd:first-of-type');
    await user.click(within(editor).getByRole('button', { name: 'Publish to the team' }));
    expect(store.publish).toHaveBeenCalledWith({
      kind: ADAPTER_OVERRIDE_KIND,
      version: 1,
      crm: 'demo',
      fields: { source: ['.topbar-branch', '.lead-fields dd:first-of-type'] },
    });
    expect((await within(rowOf('demo')).findByRole('status')).textContent).toBe('Published as version 1: every member gets it on their next sync.');
    expect((await within(rowOf('demo')).findByTestId('team-fix-status')).textContent).toMatch(/^Team fix v1 \(from Lotte de Vries/);

    await user.click(within(rowOf('demo')).getByRole('button', { name: 'Edit the team fix…' }));
    expect(within(rowOf('demo')).getByLabelText<HTMLTextAreaElement>('Lead source').value).toBe('.topbar-branch\n.lead-fields dd:first-of-type');
    await user.click(within(rowOf('demo')).getByRole('button', { name: 'Withdraw the fix' }));
    expect(store.withdraw).toHaveBeenCalledWith('demo');
    await waitFor(() => expect(within(rowOf('demo')).queryByTestId('team-fix-status')).toBeNull());
  });

  it('says why the server refused, and keeps the form', async () => {
    await saveConnection(connection({ role: 'manager', teamId: 't-1', teamName: 'Autohuis Noord', name: 'Lotte de Vries' }));
    const store = memoryStore([]);
    store.publish.mockImplementationOnce(() => Promise.reject(new TeamApiError('forbidden_role', 'Only the manager', 403, false)));
    const user = renderRows(store);
    await user.click(await within(rowOf('demo')).findByRole('button', { name: 'Fix this CRM for the team…' }));
    await user.type(within(rowOf('demo')).getByLabelText('Name'), 'h1.title');
    await user.click(within(rowOf('demo')).getByRole('button', { name: 'Publish to the team' }));
    expect((await within(rowOf('demo')).findByRole('alert')).textContent).toBe('Only the team’s manager can publish CRM fixes.');
    expect(within(rowOf('demo')).getByLabelText<HTMLTextAreaElement>('Name').value).toBe('h1.title');
  });
});
