// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TeamConnectionSection as OptionsTeam, type TeamOptionsApi } from '@/components/options/team/TeamConnectionSection';
import { TeamSection as PopupTeam, sortRows, type TeamPopupApi } from '@/components/popup/TeamSection';
import { I18nProvider } from '@/components/ui/i18n';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { updateSyncState } from '@/lib/db/sync-writes';
import { logAttempt, recordLeadSeen } from '@/lib/db/writes';
import type { Lang } from '@/lib/i18n';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { teamConnectionItem } from '@/lib/sync/connection';
import type { LeaderboardResponse } from '@/lib/sync/wire';
import { connection, pendingEvents } from '@/tests/lib/sync/fixtures';
import { boardStats } from '@/tests/helpers/leaderboard-stats';

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

const stats = boardStats;

function board(over: Partial<LeaderboardResponse> = {}): LeaderboardResponse {
  return {
    period: 'month',
    from: 0,
    to: 1,
    timeZone: 'Europe/Amsterdam',
    visibility: 'pseudonymous',
    slaMs: 300_000,
    team: stats({ leads: 9, attemptsPerLead: 2 }),
    rows: [
      { ...stats({ leads: 4, attemptsPerLead: 1.5, medianResponseMs: 240_000 }), label: 'Anna de Boer', memberId: 'm-1', pseudonymous: false, self: true },
      { ...stats({ leads: 5, attemptsPerLead: 2.4, medianResponseMs: 120_000 }), label: 'Rep A', pseudonymous: true, self: false },
    ],
    ...over,
  };
}

describe('popup → Team', () => {
  const popupApi = (result: Awaited<ReturnType<TeamPopupApi['leaderboard']>>): TeamPopupApi => ({
    leaderboard: vi.fn<TeamPopupApi['leaderboard']>(() => Promise.resolve(result)),
  });

  it('without a team: the rep’s own numbers, computed locally, and how to connect', async () => {
    const rep = (iso: string) => ({ repId: 'r', now: Date.parse(iso) });
    await recordLeadSeen(db, { crm: 'demo', leadId: 'a', url: 'http://x/a', missing: [], receivedAt: '2026-03-18T10:00:00Z' }, rep('2026-03-18T10:00:00Z'));
    await logAttempt(db, 'demo:a', { channel: 'call', outcome: 'no_answer' }, rep('2026-03-18T10:02:00Z'));
    await logAttempt(db, 'demo:a', { channel: 'call', outcome: 'reached' }, rep('2026-03-18T10:30:00Z'));
    const onConnect = vi.fn();
    const api = popupApi({ ok: true, value: 'fresh' });
    renderIn('en', <PopupTeam db={db} now={NOW} settings={DEFAULT_SETTINGS} onConnect={onConnect} api={api} />);
    const table = await screen.findByTestId('team-leaderboard');
    expect(table.dataset.source).toBe('local');
    const rows = await within(table).findAllByTestId('team-row');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.dataset.me).toBe('true');
    expect(rows[0]?.dataset.leads).toBe('1');
    expect(rows[0]?.dataset.attempts).toBe('2');
    expect(rows[0]?.textContent).toMatch(/You.*1.*2 min.*100%.*2\.0.*100%/);
    expect(api.leaderboard).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId('team-connect-link'));
    expect(onConnect).toHaveBeenCalled();
    // Last month had no leads: the rep's row stays, with zeros.
    await userEvent.click(screen.getByTestId('team-period-last-month'));
    await waitFor(() => expect(screen.getByTestId('team-row').dataset.leads).toBe('0'));
    expect(screen.getByTestId('team-leaderboard').dataset.period).toBe('last-month');
  });

  it('connected: the cached snapshot shows at once with "as of", also when the refresh fails (offline)', async () => {
    await teamConnectionItem.setValue(connection());
    await db.teamCache.put({ period: 'month', memberId: 'm-1', teamId: 't-1', fetchedAt: NOW - 3600_000, etag: '"a"', data: board() });
    const api = popupApi({ ok: false, code: 'unknown', reason: 'network error', apiCode: 'network' });
    renderIn('en', <PopupTeam db={db} now={NOW} settings={DEFAULT_SETTINGS} onConnect={() => undefined} api={api} />);
    const rows = await screen.findAllByTestId('team-row');
    expect(rows.map((r) => r.dataset.label)).toEqual(['Rep A', 'Anna de Boer']); // leads, most first
    expect(rows.find((r) => r.dataset.me === 'true')?.dataset.label).toBe('Anna de Boer');
    expect(screen.getByTestId('team-total').dataset.leads).toBe('9');
    expect(screen.getByTestId('team-as-of').textContent).toMatch(/^As of .*12:00|^As of /);
    expect(screen.getByText('Colleagues are shown as pseudonyms.')).toBeTruthy();
    expect((await screen.findByTestId('team-offline')).textContent).toMatch(/Cannot reach the server/);
    expect(api.leaderboard).toHaveBeenCalledWith('month');
  });

  it('ignores a cached board of another member', async () => {
    await teamConnectionItem.setValue(connection());
    await db.teamCache.put({ period: 'month', memberId: 'someone-else', teamId: 't-1', fetchedAt: NOW, etag: null, data: board() });
    renderIn('en', <PopupTeam db={db} now={NOW} settings={DEFAULT_SETTINGS} onConnect={() => undefined} api={popupApi({ ok: true, value: 'fresh' })} />);
    expect((await screen.findByTestId('team-status')).textContent).toBe('Loading the leaderboard…');
    expect(screen.queryByTestId('team-row')).toBeNull();
  });

  it('sorts by a column on click, toggling the direction; missing values last', async () => {
    await teamConnectionItem.setValue(connection());
    await db.teamCache.put({ period: 'month', memberId: 'm-1', teamId: 't-1', fetchedAt: NOW, etag: null, data: board() });
    renderIn('nl', <PopupTeam db={db} now={NOW} settings={DEFAULT_SETTINGS} onConnect={() => undefined} api={popupApi({ ok: true, value: 'not-modified' })} />);
    await screen.findAllByTestId('team-row');
    const labels = () => screen.getAllByTestId('team-row').map((r) => r.dataset.label);
    await userEvent.click(screen.getByTestId('team-sort-median'));
    expect(labels()).toEqual(['Rep A', 'Anna de Boer']); // fastest first
    expect(screen.getByTestId('team-sort-median').closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    await userEvent.click(screen.getByTestId('team-sort-median'));
    expect(labels()).toEqual(['Anna de Boer', 'Rep A']);
    await userEvent.click(screen.getByTestId('team-sort-label'));
    expect(labels()).toEqual(['Anna de Boer', 'Rep A']);
    expect(screen.getByRole('button', { name: 'Sorteer op Mediaan' })).toBeTruthy();

    const rows = board().rows.map((r, i) => ({ ...r, key: String(i) }));
    const withNull = [...rows, { ...rows[0], key: 'x', label: 'Zed', medianResponseMs: null, self: false, pseudonymous: true, leads: 0 } as (typeof rows)[number]];
    expect(sortRows(withNull, 'median', -1).map((r) => r.label)).toEqual(['Anna de Boer', 'Rep A', 'Zed']);
  });

  it('team-only mode says so', async () => {
    await teamConnectionItem.setValue(connection({ visibility: 'team-only' }));
    await db.teamCache.put({
      period: 'month',
      memberId: 'm-1',
      teamId: 't-1',
      fetchedAt: NOW,
      etag: null,
      data: board({ visibility: 'team-only', rows: board().rows.slice(0, 1) }),
    });
    renderIn('en', <PopupTeam db={db} now={NOW} settings={DEFAULT_SETTINGS} onConnect={() => undefined} api={popupApi({ ok: true, value: 'fresh' })} />);
    expect(await screen.findAllByTestId('team-row')).toHaveLength(1);
    expect(screen.getByText('Your team shows only team totals and your own row.')).toBeTruthy();
  });
});
