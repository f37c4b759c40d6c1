// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TeamSection as PopupTeam, sortRows, type TeamPopupApi } from '@/components/popup/TeamSection';
import { I18nProvider } from '@/components/ui/i18n';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { logAttempt, recordLeadSeen } from '@/lib/db/writes';
import type { Lang } from '@/lib/i18n';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { teamConnectionItem } from '@/lib/sync/connection';
import type { LeaderboardResponse } from '@/lib/sync/wire';
import { connection } from '@/tests/lib/sync/fixtures';
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

const renderIn = (lang: Lang, ui: React.ReactElement) => render(<I18nProvider lang={lang}>{ui}</I18nProvider>);

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
