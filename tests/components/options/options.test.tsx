// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PermissionsApi } from '@/components/options/CrmPermissions';
import { Options } from '@/components/options/Options';
import { I18nProvider } from '@/components/ui/i18n';
import { crmHostNames } from '@/lib/domain/crm-hosts';
import { ADAPTERS } from '@/lib/crms/registry';
import { DEFAULT_SETTINGS, readSettings, saveSettings } from '@/lib/settings';

/** An in-memory stand-in for browser.permissions (fakeBrowser does not implement it). */
function fakePermissions(options: { grant?: boolean } = {}) {
  const granted = new Set<string>();
  const api = {
    contains: vi.fn<PermissionsApi['contains']>(({ origins }) => Promise.resolve(origins.every((o) => granted.has(o)))),
    request: vi.fn<PermissionsApi['request']>(({ origins }) => {
      if (options.grant === false) return Promise.resolve(false);
      origins.forEach((o) => granted.add(o));
      return Promise.resolve(true);
    }),
    remove: vi.fn<PermissionsApi['remove']>(({ origins }) => {
      origins.forEach((o) => granted.delete(o));
      return Promise.resolve(true);
    }),
  };
  return { api, granted };
}

function renderOptions(permissions: PermissionsApi = fakePermissions().api) {
  render(
    <I18nProvider>
      <Options permissions={permissions} />
    </I18nProvider>,
  );
  return { user: userEvent.setup() };
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  cleanup();
});

describe('Options: settings', () => {
  it('loads the stored settings into the form', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, repName: 'Sanne Bakker', dealerName: 'Autobedrijf Van Dijk', language: 'en' });
    renderOptions();
    expect(((await screen.findByLabelText('Your name')) as HTMLInputElement).value).toBe('Sanne Bakker');
    expect((screen.getByLabelText('Dealership name') as HTMLInputElement).value).toBe('Autobedrijf Van Dijk');
    expect((screen.getByLabelText('Language') as HTMLSelectElement).value).toBe('en');
  });

  it('saves valid settings and confirms it', async () => {
    const { user } = renderOptions();
    await user.type(await screen.findByLabelText('Your name'), '  Sanne Bakker ');
    await user.type(screen.getByLabelText('Dealership name'), 'Autobedrijf Van Dijk');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('saved')).textContent).toBe('Saved');
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, repName: 'Sanne Bakker', dealerName: 'Autobedrijf Van Dijk', language: 'auto' });
    // The form shows what was stored (trimmed), and editing clears the confirmation.
    expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe('Sanne Bakker');
    await user.type(screen.getByLabelText('Your name'), 'x');
    expect(screen.queryByTestId('saved')).toBeNull();
  });

  it('rejects an 81-character rep name with a clear message and saves nothing', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, repName: 'Old Name', dealerName: '', language: 'auto' });
    const { user } = renderOptions();
    const input = await screen.findByLabelText('Your name');
    await waitFor(() => expect((input as HTMLInputElement).value).toBe('Old Name'));
    await user.clear(input);
    await user.click(input);
    await user.paste('x'.repeat(81));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('error-repName')).textContent).toBe(
      'Your name can be at most 80 characters (now 81).',
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(screen.getByTestId('error-repName').id);
    const profileForm = input.closest('form');
    if (!profileForm) throw new Error('no profile form');
    expect(within(profileForm).getByRole('status').textContent).toMatch(/Nothing saved yet/);
    expect(screen.queryByTestId('saved')).toBeNull();
    expect((await readSettings()).repName).toBe('Old Name');
  });

  it('accepts exactly 80 characters', async () => {
    const { user } = renderOptions();
    const input = await screen.findByLabelText('Your name');
    await user.click(input);
    await user.paste('y'.repeat(80));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByTestId('saved');
    expect((await readSettings()).repName).toBe('y'.repeat(80));
  });

  it('switching the language to Nederlands re-renders the page in Dutch', async () => {
    const { user } = renderOptions();
    expect(await screen.findByRole('heading', { level: 1, name: 'Leadpace settings' })).toBeTruthy();
    await user.selectOptions(await screen.findByLabelText('Language'), 'nl');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Leadpace-instellingen' })).toBeTruthy();
    expect((await readSettings()).language).toBe('nl');
    expect(screen.getByLabelText('Je naam')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Opslaan' })).toBeTruthy();
    expect(screen.getByTestId('saved').textContent).toBe('Opgeslagen');
    expect(document.documentElement.lang).toBe('nl');

    await user.selectOptions(screen.getByLabelText('Taal'), 'en');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Leadpace settings' })).toBeTruthy();
  });

  it('offers auto, Nederlands and English', async () => {
    renderOptions();
    const select = await screen.findByLabelText('Language');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Automatic (browser language)',
      'Nederlands',
      'English',
    ]);
  });
});

describe('Options: CRMs', () => {
  // The CRM list is its own tab.
  beforeEach(() => {
    window.location.hash = '#crms';
  });
  afterEach(() => {
    window.location.hash = '';
  });
  it('lists each adapter with its origins and grants and removes access', async () => {
    const { api } = fakePermissions();
    const { user } = renderOptions(api);
    const rows = await screen.findAllByTestId('crm-row');
    expect(rows).toHaveLength(ADAPTERS.length);
    const demo = ADAPTERS[0];
    const row = rows[0];
    if (!demo || !row) throw new Error('no adapter');
    expect(row.textContent).toContain(demo.name);
    // Host names, not raw match patterns.
    expect(within(row).getByTestId('crm-hosts').textContent).toBe(`Sites: ${crmHostNames(demo.matches).join(', ')}`);
    for (const pattern of demo.matches) expect(row.textContent).not.toContain(pattern);
    await waitFor(() => expect(within(row).getByTestId('crm-access').textContent).toBe('Not enabled'));

    await user.click(within(row).getByRole('button', { name: 'Enable' }));
    expect(api.request).toHaveBeenCalledWith({ origins: demo.matches });
    await waitFor(() => expect(within(row).getByTestId('crm-access').textContent).toBe('Enabled'));

    await user.click(within(row).getByRole('button', { name: 'Disable' }));
    expect(api.remove).toHaveBeenCalledWith({ origins: demo.matches });
    await waitFor(() => expect(within(row).getByTestId('crm-access').textContent).toBe('Not enabled'));
  });

  it('requests the permission synchronously inside the click (user gesture)', async () => {
    const { api } = fakePermissions();
    const { user } = renderOptions(api);
    const [firstRow] = await screen.findAllByTestId('crm-row');
    if (!firstRow) throw new Error('no CRM rows');
    const button = within(firstRow).getByRole('button', { name: 'Enable' });
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    let calledDuringClick = false;
    // The click bubbles to document after React's root listener, still inside the same event.
    const probe = () => {
      calledDuringClick = api.request.mock.calls.length === 1;
    };
    document.addEventListener('click', probe);
    await user.click(button);
    document.removeEventListener('click', probe);
    expect(calledDuringClick).toBe(true);
  });

  it('says so when the rep declines the browser prompt', async () => {
    const { api } = fakePermissions({ grant: false });
    const { user } = renderOptions(api);
    const [firstRow] = await screen.findAllByTestId('crm-row');
    if (!firstRow) throw new Error('no CRM rows');
    const button = within(firstRow).getByRole('button', { name: 'Enable' });
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    await user.click(button);
    expect((await within(firstRow).findByRole('alert')).textContent).toMatch(/Permission was not granted/);
    expect(within(firstRow).getByTestId('crm-access').textContent).toBe('Not enabled');
  });

  it('shows an error when the permissions API fails', async () => {
    const { api } = fakePermissions();
    api.contains.mockRejectedValue(new Error('permissions unavailable'));
    renderOptions(api);
    // Every CRM row says so (one alert per row).
    const alerts = await screen.findAllByRole('alert');
    expect(alerts).toHaveLength(ADAPTERS.length);
    for (const alert of alerts) expect(alert.textContent).toMatch(/permissions unavailable/);
  });
});

describe('Options: data note', () => {
  it('says customer data stays in this browser', async () => {
    renderOptions();
    expect((await screen.findByTestId('data-note')).textContent).toMatch(/stay in this browser/);
  });
});
