// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TeamConnectionSection as OptionsTeam, type TeamOptionsApi } from '@/components/options/team/TeamConnectionSection';
import { I18nProvider } from '@/components/ui/i18n';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { updateSyncState } from '@/lib/db/sync-writes';
import type { Lang } from '@/lib/i18n';
import { teamConnectionItem } from '@/lib/sync/connection';
import { connection, pendingEvents } from '@/tests/lib/sync/fixtures';

const NOW = Date.parse('2026-03-18T12:00:00Z');
let db: LeadpaceDb;

beforeEach(() => {
  fakeBrowser.reset();
  db = openLeadpaceDb('team-ui-' + crypto.randomUUID());
});
afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

function optionsApi(overrides: Partial<TeamOptionsApi> = {}): TeamOptionsApi {
  return {
    connect: vi.fn<TeamOptionsApi['connect']>(() => Promise.resolve({ ok: false, code: 'forbidden', reason: 'x', apiCode: 'invalid_token' })),
    test: vi.fn<TeamOptionsApi['test']>(() =>
      Promise.resolve({
        ok: true,
        value: { serverUrl: 'https://team.example', memberId: 'm-1', name: 'Anna de Boer', role: 'rep', teamId: 't-1', teamName: 'Autohuis Noord', visibility: 'named', checkedAt: NOW },
      }),
    ),
    syncNow: vi.fn<TeamOptionsApi['syncNow']>(() =>
      Promise.resolve({ ok: true, value: { status: 'ok', sent: 7, duplicates: 1, rejected: 0, pulled: 0, adopted: 0, more: false } }),
    ),
    disconnect: vi.fn<TeamOptionsApi['disconnect']>(() => Promise.resolve({ ok: true, value: null })),
    invitation: vi.fn<TeamOptionsApi['invitation']>(() => Promise.resolve({ ok: false, code: 'forbidden', reason: 'x', apiCode: 'forbidden_role' })),
    ...overrides,
  };
}

const renderIn = (lang: Lang, ui: React.ReactElement) => render(<I18nProvider lang={lang}>{ui}</I18nProvider>);

describe('options → Team', () => {
  it('connects with the server address and a token; a refused token is explained', async () => {
    const api = optionsApi();
    renderIn('en', <OptionsTeam api={api} db={db} />);
    await userEvent.type(await screen.findByTestId('team-server-url'), ' https://team.example ');
    await userEvent.type(screen.getByTestId('team-secret'), 'lp_wrongtoken123');
    await userEvent.click(screen.getByTestId('team-connect'));
    expect(api.connect).toHaveBeenCalledWith({ serverUrl: 'https://team.example', secret: 'lp_wrongtoken123' });
    expect((await screen.findByTestId('team-error')).textContent).toBe('The server does not accept this token. Ask your team lead for a new one.');
  });

  it('explains an unreachable server in Dutch', async () => {
    const api = optionsApi({ connect: () => Promise.resolve({ ok: false, code: 'unknown', reason: 'network error: Failed to fetch', apiCode: 'network' }) });
    renderIn('nl', <OptionsTeam api={api} db={db} />);
    await userEvent.type(await screen.findByTestId('team-server-url'), 'http://localhost:8787');
    await userEvent.type(screen.getByTestId('team-secret'), 'K7QM-2XRT');
    await userEvent.click(screen.getByRole('button', { name: 'Koppelen' }));
    expect((await screen.findByTestId('team-error')).textContent).toMatch(/niet bereikbaar/);
  });

  it('shows team, member, role, visibility, sync state and refused events; sync now and disconnect', async () => {
    await teamConnectionItem.setValue(connection({ visibility: 'pseudonymous' }));
    const events = pendingEvents(4);
    await db.events.bulkAdd(events);
    const refused = events[1];
    if (!refused) throw new Error('fixture');
    await db.events.update(refused.id, { sync: 'rejected', syncError: 'too_old: older than 400 days' });
    await updateSyncState(db, { lastSuccessAt: NOW, lastError: 'network: Failed to fetch', nextAttemptAt: NOW + 60_000 });
    const api = optionsApi();
    renderIn('en', <OptionsTeam api={api} db={db} />);
    expect((await screen.findByTestId('team-name')).textContent).toBe('Connected to Autohuis Noord');
    expect(screen.getByTestId('team-member').textContent).toBe('Anna de Boer');
    expect(screen.getByTestId('team-role').textContent).toBe('Sales rep');
    expect(screen.getByTestId('team-visibility').textContent).toBe('Colleagues as pseudonyms');
    await waitFor(() => expect(screen.getByTestId('team-pending').textContent).toBe('3'));
    expect(screen.getByTestId('team-last-error').textContent).toBe('Cannot reach the server. Check the address and your internet connection, then try again.');
    expect(screen.getByTestId('team-next-try')).toBeTruthy();
    const rejected = screen.getByTestId('team-rejected');
    expect(rejected.dataset.count).toBe('1');
    expect(within(rejected).getByTestId('team-rejected-row').textContent).toMatch(/^Attempt at .*: it is older than the team keeps events\.$/);

    await userEvent.click(screen.getByTestId('team-sync-now'));
    expect((await screen.findByTestId('team-notice')).textContent).toBe('Synced: 7 sent, 1 already on the server, 0 refused.');
    await userEvent.click(screen.getByTestId('team-test'));
    expect((await screen.findByTestId('team-notice')).textContent).toMatch(/^Connection works/);
    await userEvent.click(screen.getByTestId('team-disconnect'));
    expect(api.disconnect).toHaveBeenCalled();
  });

  it('never shows the token or the team key', async () => {
    const conn = connection();
    await teamConnectionItem.setValue(conn);
    const { container } = renderIn('en', <OptionsTeam api={optionsApi()} db={db} />);
    await screen.findByTestId('team-name');
    const shown = [container.textContent ?? '', ...[...container.querySelectorAll('input')].map((i) => i.value)].join('\n');
    expect(shown).not.toContain(conn.token);
    expect(shown).not.toContain(conn.teamKey);
  });
});
