// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/components/popup/Popup';
import { TeamSection, type TeamPopupApi } from '@/components/popup/TeamSection';
import { I18nProvider } from '@/components/ui/i18n';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import type { Lang } from '@/lib/i18n';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { teamConnectionItem } from '@/lib/sync/connection';
import type { LeaderboardResponse, LeaderboardRow, LeaderboardStats } from '@/lib/sync/wire';
import { connection } from '@/tests/lib/sync/fixtures';
import { boardStats } from '@/tests/helpers/leaderboard-stats';

const NOW = Date.parse('2026-03-18T12:00:00Z');
const MIN = 60_000;
let db: LeadpaceDb;

beforeEach(async () => {
  fakeBrowser.reset();
  db = openLeadpaceDb('manager-popup-' + crypto.randomUUID());
  await teamConnectionItem.setValue(connection({ memberId: 'm-lead', name: 'Lotte', role: 'manager' }));
});
afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

const stats = boardStats;
const row = (label: string, over: Partial<LeaderboardStats>): LeaderboardRow => ({ ...stats(over), label, memberId: `id-${label}`, pseudonymous: false, self: false });

const BOARD: LeaderboardResponse = {
  period: 'month',
  from: 0,
  to: 1,
  timeZone: 'Europe/Amsterdam',
  visibility: 'named',
  slaMs: 5 * MIN,
  team: stats({ leads: 71, sold: 9, conversion: 9 / 71 }),
  rows: [
    row('Mohammed El Amrani-Boukhari', { leads: 44, medianResponseMs: 4 * MIN, withinSlaShare: 0.57, closedTooEarly: 2, sold: 6, conversion: 6 / 44, properlyWorked: 20 }),
    row('Jan-Willem van der Berg', { leads: 27, medianResponseMs: 66 * MIN, withinSlaShare: 0, closedTooEarly: 7, sold: 3, conversion: 3 / 27, properlyWorked: 2 }),
  ],
};

const api = (): TeamPopupApi => ({ leaderboard: vi.fn<TeamPopupApi['leaderboard']>(() => Promise.resolve({ ok: true, value: 'not-modified' })) });

async function cacheBoard() {
  await db.teamCache.put({ period: 'month', memberId: 'm-lead', teamId: 't-1', fetchedAt: NOW, etag: null, data: BOARD });
}

const renderIn = (lang: Lang, ui: React.ReactElement) => render(<I18nProvider lang={lang}>{ui}</I18nProvider>);

describe('popup for a manager', () => {
  it('opens on Team: the board comes before the rep’s own sections', async () => {
    await cacheBoard();
    renderIn(
      'nl',
      <Popup db={db} openLead={() => Promise.resolve({ ok: true, value: { tabId: 1 } })} closeWindow={() => undefined} openOptions={() => undefined} now={NOW} settings={DEFAULT_SETTINGS} />,
    );
    const team = await screen.findByTestId('team');
    expect(team.dataset.role).toBe('manager');
    await waitFor(() => expect(screen.getByTestId('my-leads')).toBeTruthy());
    // Team precedes "Mijn leads" in document order.
    expect(team.compareDocumentPosition(screen.getByTestId('my-leads')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getAllByTestId('team')).toHaveLength(1);
  });

  it.each<[Lang, string[]]>([
    ['en', ['#', 'Rep', 'Leads', 'Median', '≤ SLA', 'Too early', 'Conv.']],
    ['nl', ['#', 'Verkoper', 'Leads', 'Mediaan', '≤ norm', 'Te vroeg', 'Conv.']],
  ])('%s: rank, the chosen columns, whole names on hover, the slow rep marked', async (lang, headings) => {
    await cacheBoard();
    renderIn(lang, <TeamSection db={db} now={NOW} settings={DEFAULT_SETTINGS} onConnect={() => undefined} api={api()} openBoard={() => undefined} />);
    const rows = await screen.findAllByTestId('team-row');
    const table = screen.getByTestId('team-leaderboard');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent?.replace(/[▲▼]/g, '').replace(/\u00a0/g, ' '))).toEqual(headings);
    expect(rows.map((r) => [r.dataset.rank, r.dataset.label])).toEqual([
      ['1', 'Mohammed El Amrani-Boukhari'],
      ['2', 'Jan-Willem van der Berg'],
    ]);
    expect(within(rows[0] as HTMLElement).getByRole('rowheader').getAttribute('title')).toBe('Mohammed El Amrani-Boukhari');
    expect(rows[1]?.dataset.belowSla).toBe('true');
    expect(rows[0]?.dataset.belowSla).toBe('false');
    expect(table.classList.contains('pp-board')).toBe(true);
    const conv = within(rows[0] as HTMLElement).getAllByRole('cell').at(-1);
    expect(conv?.textContent).toBe('14%');
    expect(conv?.getAttribute('title')).toBe(lang === 'nl' ? '6 van 44' : '6 of 44');
  });

  it('"Open full board" opens report.html#team', async () => {
    await cacheBoard();
    const openBoard = vi.fn();
    renderIn('en', <TeamSection db={db} now={NOW} settings={DEFAULT_SETTINGS} onConnect={() => undefined} api={api()} openBoard={openBoard} />);
    const button = await screen.findByTestId('team-open-board');
    expect(button.textContent).toBe('Open full board');
    await userEvent.click(button);
    expect(openBoard).toHaveBeenCalledOnce();
  });

  it('the default "Open full board" creates a tab on the extension’s report page', async () => {
    await cacheBoard();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    renderIn('en', <TeamSection db={db} now={NOW} settings={DEFAULT_SETTINGS} onConnect={() => undefined} api={api()} />);
    await userEvent.click(await screen.findByTestId('team-open-board'));
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/report\.html#team$/) });
  });

  it('sorts by closed too early, fewest first, and back', async () => {
    await cacheBoard();
    renderIn('en', <TeamSection db={db} now={NOW} settings={DEFAULT_SETTINGS} onConnect={() => undefined} api={api()} openBoard={() => undefined} />);
    await screen.findAllByTestId('team-row');
    const labels = () => screen.getAllByTestId('team-row').map((r) => r.dataset.label);
    await userEvent.click(screen.getByTestId('team-sort-closedTooEarly'));
    expect(labels()).toEqual(['Mohammed El Amrani-Boukhari', 'Jan-Willem van der Berg']);
    await userEvent.click(screen.getByTestId('team-sort-closedTooEarly'));
    expect(labels()).toEqual(['Jan-Willem van der Berg', 'Mohammed El Amrani-Boukhari']);
    expect(screen.getByTestId('team-sort-closedTooEarly').closest('th')?.getAttribute('aria-sort')).toBe('descending');
  });
});
