// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '@/components/options/Options';
import type { PermissionsApi } from '@/components/options/CrmPermissions';
import { I18nProvider } from '@/components/ui/i18n';
import type { CrmAdapter } from '@/lib/adapters/types';
import type { Lang } from '@/lib/i18n';
import { DEFAULT_SETTINGS, readSettings, saveSettings } from '@/lib/settings';
import { parseHash } from '@/components/options/TabsRoute';

// The whole options page renders in jsdom; on a busy machine one render can pass 5 s.
vi.setConfig({ testTimeout: 30_000 });

const permissions: PermissionsApi = {
  contains: () => Promise.resolve(false),
  request: () => Promise.resolve(true),
  remove: () => Promise.resolve(true),
};
const DEMO: Pick<CrmAdapter, 'id' | 'name' | 'matches'>[] = [{ id: 'salesforce', name: 'Salesforce', matches: ['https://*.lightning.force.com/*'] }];

function renderOptions(lang: Lang = 'en') {
  render(
    <I18nProvider lang={lang}>
      <Options permissions={permissions} adapters={DEMO} readHealth={() => Promise.resolve({})} />
    </I18nProvider>,
  );
  return userEvent.setup();
}

beforeEach(() => {
  fakeBrowser.reset();
  window.location.hash = '';
});
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('Options as tabs', () => {
  it('shows one section at a time, each with its own save', async () => {
    const user = renderOptions();
    const general = await screen.findByRole('tabpanel');
    expect(general.id).toBe('op-panel-general');
    expect(screen.getAllByRole('button', { name: /save/i })).toHaveLength(1);
    await user.click(screen.getByRole('tab', { name: 'Opening hours' }));
    expect(screen.getByRole('tabpanel').id).toBe('op-panel-hours');
    expect(screen.getAllByRole('button', { name: /save/i }).map((b) => b.textContent)).toEqual(['Save opening hours']);
    expect(window.location.hash).toBe('#hours');
  });

  it('a name typed and not saved: leaving the tab asks; "stay" keeps it, saving clears the question', async () => {
    const user = renderOptions();
    await user.type(await screen.findByLabelText('Your name'), 'Sanne');
    expect(screen.getByTestId('tab-general').dataset.unsaved).toBe('true');
    await user.click(screen.getByRole('tab', { name: 'Cadence' }));
    expect(screen.getByRole('alertdialog').textContent).toContain('You have unsaved changes in “General”.');
    expect(screen.getByRole('tabpanel').id).toBe('op-panel-general');
    await user.click(screen.getByRole('button', { name: 'Stay and save' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByLabelText('Your name')).toHaveProperty('value', 'Sanne');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByTestId('saved');
    await waitFor(() => expect(screen.getByTestId('tab-general').dataset.unsaved).toBeUndefined());
    await user.click(screen.getByRole('tab', { name: 'Cadence' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save cadence and targets' }));
    await screen.findByTestId('cadence-saved');
    // The old trap: the name is stored, not lost by saving another section.
    expect((await readSettings()).repName).toBe('Sanne');
  });

  it('"discard" drops the edit, goes on, and shows the stored value again', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, repName: 'Kees' });
    const user = renderOptions('nl');
    const name = await screen.findByLabelText('Je naam');
    await waitFor(() => expect(name).toHaveProperty('value', 'Kees'));
    await user.type(name, 'je');
    await user.click(screen.getByRole('tab', { name: 'Team' }));
    await user.click(screen.getByRole('button', { name: 'Wijzigingen weggooien' }));
    expect(screen.getByRole('tabpanel').id).toBe('op-panel-team');
    await user.click(screen.getByRole('tab', { name: 'Algemeen' }));
    await waitFor(() => expect(screen.getByLabelText('Je naam')).toHaveProperty('value', 'Kees'));
    expect((await readSettings()).repName).toBe('Kees');
  });

  it('closing the page with unsaved edits asks the browser to warn, and not without', async () => {
    const user = renderOptions();
    const clean = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(clean);
    expect(clean.defaultPrevented).toBe(false);
    await user.type(await screen.findByLabelText('Dealership name'), 'Van Dijk');
    const dirty = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(dirty);
    expect(dirty.defaultPrevented).toBe(true);
  });

  it('a link to #general/repName opens the tab with the name field focused', async () => {
    window.location.hash = '#general/repName';
    renderOptions();
    const name = await screen.findByLabelText('Your name');
    await waitFor(() => expect(document.activeElement).toBe(name));
  });

  it.each([
    ['', { tab: 'general', field: null }],
    ['#team', { tab: 'team', field: null }],
    ['#general/repName', { tab: 'general', field: 'repName' }],
    ['#setup', { tab: 'setup', field: null }],
    ['#<script>', { tab: 'general', field: null }],
  ])('parseHash(%j)', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });
});

describe('first-run setup (#setup)', () => {
  it('three steps: name and dealership (saved), enable the CRM, a skippable team step; Done opens the normal settings', async () => {
    window.location.hash = '#setup';
    const user = renderOptions('nl');
    expect((await screen.findByTestId('setup')).dataset.step).toBe('1');
    expect(screen.getByText('Stap 1 van 3')).toBeTruthy();
    expect(screen.queryByRole('tablist')).toBeNull();
    await user.type(await screen.findByLabelText('Je naam'), 'Sanne');
    await user.type(screen.getByLabelText('Naam van het autobedrijf'), 'Autobedrijf Van Dijk');
    await user.click(screen.getByRole('button', { name: 'Volgende' }));
    await waitFor(() => expect(screen.getByTestId('setup').dataset.step).toBe('2'));
    expect(await readSettings()).toMatchObject({ repName: 'Sanne', dealerName: 'Autobedrijf Van Dijk' });
    expect((await screen.findAllByTestId('crm-row')).length).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Volgende' }));
    expect(screen.getByTestId('setup').dataset.step).toBe('3');
    expect(screen.getByTestId('team-section')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Overslaan, ik heb geen team' }));
    expect(await screen.findByRole('tablist')).toBeTruthy();
    expect(window.location.hash).toBe('#general');
  });

  it('"Skip setup" on the first step goes straight to the settings and stores nothing', async () => {
    window.location.hash = '#setup';
    const user = renderOptions('en');
    await user.click(await screen.findByRole('button', { name: 'Skip setup' }));
    expect(await screen.findByRole('tablist')).toBeTruthy();
    expect((await readSettings()).repName).toBe(DEFAULT_SETTINGS.repName);
  });
});
