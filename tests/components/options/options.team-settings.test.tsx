// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PermissionsApi } from '@/components/options/CrmPermissions';
import { Options } from '@/components/options/Options';
import { I18nProvider } from '@/components/ui/i18n';
import type { Lang } from '@/lib/i18n';
import { DEFAULT_SETTINGS, readSettings, saveSettings, type Settings } from '@/lib/settings';
import { saveConnection } from '@/lib/sync/connection';
import { TeamApiError } from '@/lib/sync/http';
import { DEFAULT_TEAM_SETTINGS_VALUES, teamValues, type TeamSettingsHistory } from '@/lib/sync/team-settings';
import { teamSettingsMetaItem, type TeamSettingsMeta } from '@/lib/sync/team-settings-local';
import { connection } from '@/tests/lib/sync/fixtures';

// The whole options page renders in jsdom; on a busy machine the first render alone can pass 5 s.
vi.setConfig({ testTimeout: 20_000 });

const MINUTE = 60_000;
const SAVED_AT = Date.UTC(2026, 10, 20, 14, 30);

const permissions: PermissionsApi = {
  contains: () => Promise.resolve(false),
  request: () => Promise.resolve(false),
  remove: () => Promise.resolve(true),
};

const META: TeamSettingsMeta = {
  teamId: 't-1',
  teamName: 'Autohuis Noord',
  version: 3,
  updatedBy: 'Lotte de Vries',
  updatedAt: SAVED_AT,
  etag: '"ts-t-1-3"',
};

const TEAM_VALUES: Settings = {
  ...DEFAULT_SETTINGS,
  repName: 'Anna',
  cadence: { ...DEFAULT_SETTINGS.cadence, firstAttemptSlaMs: 15 * MINUTE, closeAfterAttempts: 3 },
  monthlyTarget: 12,
  conversionFloor: 0.2,
};

function renderOptions(lang: Lang, teamSave?: (next: Settings) => Promise<Settings>, loadTeamHistory?: () => Promise<TeamSettingsHistory>) {
  render(
    <I18nProvider lang={lang}>
      <Options permissions={permissions} adapters={[]} teamSave={teamSave} loadTeamHistory={loadTeamHistory} readHealth={() => Promise.resolve({})} />
    </I18nProvider>,
  );
  return { user: userEvent.setup() };
}

async function setUp(role: 'rep' | 'manager' | null) {
  await saveSettings(TEAM_VALUES);
  await teamSettingsMetaItem.setValue(META);
  if (role) await saveConnection(connection({ role, teamId: 't-1', teamName: 'Autohuis Noord', name: role === 'manager' ? 'Lotte de Vries' : 'Anna' }));
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  cleanup();
});

describe('Options: team settings for a rep', () => {
  it('shows who set them and makes hours, cadence, target and floor read-only', async () => {
    await setUp('rep');
    renderOptions('en');
    const notice = await screen.findByTestId('team-settings-notice');
    expect(notice.dataset.mode).toBe('rep');
    expect(notice.textContent).toContain('Set by Lotte de Vries for team Autohuis Noord (version 3,');
    const sla = await screen.findByLabelText('First attempt within (minutes)');
    expect(sla).toHaveProperty('value', '15');
    // Disabled through the surrounding fieldset, which :disabled reports for every control in it.
    expect(sla.matches(':disabled')).toBe(true);
    // Each section sits in its own tab; a hidden tab's button is still disabled.
    expect(screen.getByRole('button', { name: 'Save cadence and targets', hidden: true }).matches(':disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Save opening hours', hidden: true }).matches(':disabled')).toBe(true);
    expect((await screen.findByTestId('floor-input')).matches(':disabled')).toBe(true);
    expect(screen.getByTestId('floor-input')).toHaveProperty('value', '20');
  });

  it('keeps quiet mode the rep’s own', async () => {
    await setUp('rep');
    const { user } = renderOptions('en');
    const quiet = await screen.findByTestId('quiet-switch');
    expect(quiet.matches(':disabled')).toBe(false);
    await user.click(quiet);
    await waitFor(async () => expect((await readSettings()).quietMode).toBe(true));
    expect(await readSettings()).toEqual({ ...TEAM_VALUES, quietMode: true });
  });

  it('says it in Dutch', async () => {
    await setUp('rep');
    renderOptions('nl');
    const notice = await screen.findByTestId('team-settings-notice');
    expect(notice.textContent).toContain('Ingesteld door Lotte de Vries voor team Autohuis Noord (versie 3,');
    expect(notice.textContent).toContain('Zonder verbinding blijven de laatst bekende teaminstellingen gelden.');
  });

  it('names the manager generically for the settings a team starts with', async () => {
    await setUp('rep');
    await teamSettingsMetaItem.setValue({ ...META, version: 1, updatedBy: '', updatedAt: 0 });
    renderOptions('en');
    await waitFor(() => expect(screen.getByTestId('team-settings-notice').dataset.version).toBe('1'));
    expect(screen.getByTestId('team-settings-notice').textContent).toContain('Set by your team’s manager for team Autohuis Noord (version 1).');
  });

  it('shows a new version as soon as the worker applies it', async () => {
    await setUp('rep');
    renderOptions('en');
    expect(await screen.findByLabelText('First attempt within (minutes)')).toHaveProperty('value', '15');
    await saveSettings({ ...TEAM_VALUES, cadence: { ...TEAM_VALUES.cadence, firstAttemptSlaMs: 10 * MINUTE } });
    await teamSettingsMetaItem.setValue({ ...META, version: 4 });
    await waitFor(() => expect(screen.getByLabelText('First attempt within (minutes)')).toHaveProperty('value', '10'));
    expect(screen.getByTestId('team-settings-notice').textContent).toContain('version 4');
  });
});

describe('Options: team settings after leaving the team', () => {
  it('keeps the team’s values and makes them editable again', async () => {
    await setUp(null);
    renderOptions('en');
    const notice = await screen.findByTestId('team-settings-notice');
    expect(notice.dataset.mode).toBe('left');
    expect(notice.textContent).toContain('came from team Autohuis Noord (version 3) and stay in use');
    const sla = await screen.findByLabelText('First attempt within (minutes)');
    expect(sla).toHaveProperty('value', '15');
    expect(sla.matches(':disabled')).toBe(false);
    expect(screen.queryByTestId('quiet-form')).toBeNull();
  });
});

describe('Options: team settings for the manager', () => {
  it('saves through the team and then shows it saved', async () => {
    await setUp('manager');
    const teamSave = vi.fn((next: Settings) => saveSettings(next));
    const { user } = renderOptions('en', teamSave);
    expect((await screen.findByTestId('team-settings-notice')).dataset.mode).toBe('manager');
    await user.click(screen.getByRole('tab', { name: 'Cadence' }));
    const sla = await screen.findByLabelText('First attempt within (minutes)');
    expect(sla.matches(':disabled')).toBe(false);
    await user.clear(sla);
    await user.type(sla, '20');
    await user.click(screen.getByRole('button', { name: 'Save cadence and targets' }));
    await screen.findByTestId('cadence-saved');
    expect(teamSave).toHaveBeenCalledTimes(1);
    expect(teamSave.mock.calls[0]?.[0].cadence.firstAttemptSlaMs).toBe(20 * MINUTE);
    expect((await readSettings()).cadence.firstAttemptSlaMs).toBe(20 * MINUTE);
  });

  it('shows a conflict in the manager’s language, keeps what was typed and stores nothing', async () => {
    await setUp('manager');
    const teamSave = vi.fn(async () => {
      await teamSettingsMetaItem.setValue({ ...META, version: 4 });
      throw new TeamApiError('settings_conflict', 'changed since version 3', 409, false);
    });
    const { user } = renderOptions('nl', teamSave);
    await user.click(await screen.findByRole('tab', { name: 'Doelen' }));
    const floor = await screen.findByTestId('floor-input');
    await user.clear(floor);
    await user.type(floor, '15,5');
    await user.click(screen.getByRole('button', { name: 'Drempel opslaan' }));
    const form = screen.getByTestId('floor-form');
    await waitFor(() => expect(within(form).getByRole('status').textContent).toContain('Iemand anders heeft de teaminstellingen intussen opgeslagen (nu versie 4)'));
    expect(screen.getByTestId('floor-input')).toHaveProperty('value', '15,5');
    expect((await readSettings()).conversionFloor).toBe(0.2);
  });

  it('refuses a floor outside 0–100% before anything is sent', async () => {
    await setUp('manager');
    const teamSave = vi.fn((next: Settings) => saveSettings(next));
    const { user } = renderOptions('en', teamSave);
    await user.click(await screen.findByRole('tab', { name: 'Targets' }));
    const floor = await screen.findByTestId('floor-input');
    await user.clear(floor);
    await user.type(floor, '130');
    await user.click(screen.getByRole('button', { name: 'Save floor' }));
    expect(await screen.findByText('Enter a percentage from 0 to 100.')).toBeTruthy();
    expect(teamSave).not.toHaveBeenCalled();
  });

  it('shows the change history on request, with who, when and the figures', async () => {
    await setUp('manager');
    const history: TeamSettingsHistory = {
      versions: [
        { version: 2, updatedAt: SAVED_AT, updatedBy: 'Lotte de Vries', memberId: 'm-1', settings: teamValues(TEAM_VALUES) },
        { version: 1, updatedAt: 0, updatedBy: '', memberId: null, settings: DEFAULT_TEAM_SETTINGS_VALUES },
      ],
    };
    const load = vi.fn(() => Promise.resolve(history));
    const { user } = renderOptions('en', undefined, load);
    await user.click(await screen.findByRole('button', { name: 'Show the change history' }));
    const rows = await screen.findAllByTestId('team-settings-version');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^Version 2 — Lotte de Vries, .+: first attempt within 15 min, closed too early under 3 attempts, target 12, floor 20%$/),
      'Version 1 — starting values, —: first attempt within 5 min, closed too early under 6 attempts, target 0, floor 13%',
    ]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says why the history cannot be shown', async () => {
    await setUp('manager');
    const load = vi.fn(() => Promise.reject(new TeamApiError('network', 'network error: Failed to fetch', null, true)));
    const { user } = renderOptions('nl', undefined, load);
    await user.click(await screen.findByRole('button', { name: 'Toon de wijzigingsgeschiedenis' }));
    expect((await screen.findByRole('alert')).textContent).toBe('De server is niet bereikbaar. Controleer het adres en je internetverbinding.');
  });

  it('is not offered to a rep', async () => {
    await setUp('rep');
    renderOptions('en');
    await screen.findByTestId('team-settings-notice');
    expect(screen.queryByRole('button', { name: 'Show the change history' })).toBeNull();
  });
});
