// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ColleagueEarlyApi } from '@/components/report/team/ColleagueClosedTooEarly';
import { TeamBoardPage } from '@/components/report/team/TeamBoardPage';
import { I18nProvider } from '@/components/ui/i18n';
import type { LeaderboardApi } from '@/components/ui/use-leaderboard';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { changeStatus, logAttempt, recordLeadSeen } from '@/lib/db/writes';
import type { Lang } from '@/lib/i18n';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { teamConnectionItem } from '@/lib/sync/connection';
import type { LeaderboardResponse, LeaderboardRow } from '@/lib/sync/wire';
import { connection } from '@/tests/lib/sync/fixtures';
import { boardStats } from '@/tests/helpers/leaderboard-stats';

const NOW = Date.parse('2026-03-18T12:00:00Z');
const MARCH = { from: Date.parse('2026-02-28T23:00:00Z'), to: Date.parse('2026-03-31T22:00:00Z') };
const MIN = 60_000;
let db: LeadpaceDb;

beforeEach(() => {
  fakeBrowser.reset();
  db = openLeadpaceDb('team-board-' + crypto.randomUUID());
});
afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

const stats = boardStats;

const row = (label: string, over: Partial<LeaderboardRow>): LeaderboardRow => ({ ...stats(over), label, memberId: `id-${label}`, pseudonymous: false, self: false, ...over });

/** Three named reps: Sanne is fast, Bram is slow (median above the 5 min SLA), Demi has no leads. */
function board(over: Partial<LeaderboardResponse> = {}): LeaderboardResponse {
  return {
    period: 'month',
    ...MARCH,
    timeZone: 'Europe/Amsterdam',
    visibility: 'named',
    slaMs: 5 * MIN,
    team: stats({ leads: 22, firstAttempts: 20, medianResponseMs: 4 * MIN, sold: 4, conversion: 4 / 22, closedTooEarly: 3, properlyWorked: 11 }),
    rows: [
      row('Bram Hoekstra', { leads: 10, firstAttempts: 9, medianResponseMs: 12 * MIN, p90ResponseMs: 50 * MIN, withinSlaShare: 0.3, attemptsPerLead: 1.4, closedTooEarly: 3, sold: 1, conversion: 0.1, properlyWorked: 3 }),
      row('Sanne Visser-Bakker van den Hoogenband', { leads: 12, firstAttempts: 11, medianResponseMs: 2 * MIN, p90ResponseMs: 8 * MIN, withinSlaShare: 0.9, attemptsPerLead: 2.5, sold: 3, conversion: 0.25, properlyWorked: 8, excluded: 2, backlog: 5 }),
      row('Demi de Vries', {}),
    ],
    ...over,
  };
}

const okApi = (): LeaderboardApi => ({ leaderboard: vi.fn<LeaderboardApi['leaderboard']>(() => Promise.resolve({ ok: true, value: 'not-modified' })) });

async function cache(data: LeaderboardResponse, memberId = 'm-lead') {
  await db.teamCache.put({ period: data.period, memberId, teamId: 't-1', fetchedAt: NOW - 60_000, etag: null, data });
}

// The manager's list of a colleague's closed leads comes from the worker; none here unless a test says so.
const noColleagueLeads: ColleagueEarlyApi = () => Promise.resolve({ ok: true, value: [] });

function renderPage(lang: Lang, settings: Settings = { ...DEFAULT_SETTINGS, monthlyTarget: 10 }, api = okApi(), colleagueEarly = noColleagueLeads) {
  render(
    <I18nProvider lang={lang}>
      <TeamBoardPage db={db} api={api} now={NOW} settings={settings} openOptions={() => undefined} colleagueEarly={colleagueEarly} />
    </I18nProvider>,
  );
  return api;
}

const labels = () => screen.getAllByTestId('board-row').map((r) => r.dataset.label);

describe('full team board', () => {
  beforeEach(async () => {
    await teamConnectionItem.setValue(connection({ memberId: 'm-lead', name: 'Lotte', role: 'manager' }));
  });

  it('shows rank and every figure, conversion with its n, and highlights the rep slower than the SLA (en)', async () => {
    await cache(board());
    const api = renderPage('en');
    await screen.findAllByTestId('board-row');
    expect(labels()).toEqual(['Sanne Visser-Bakker van den Hoogenband', 'Bram Hoekstra', 'Demi de Vries']); // by rank
    const [sanne, bram, demi] = screen.getAllByTestId('board-row');
    expect(sanne?.dataset.rank).toBe('1');
    expect(bram?.dataset.rank).toBe('2');
    expect(demi?.dataset.rank).toBe('');
    // The whole name, not cut.
    expect(within(sanne as HTMLElement).getByRole('rowheader').textContent).toBe('Sanne Visser-Bakker van den Hoogenband');
    expect(sanne?.textContent).toMatch(/12.*11.*2 min.*8 min.*90%.*2\.5.*67%.*3.*25%3 of 12.*2.*5/);
    expect(bram?.dataset.belowSla).toBe('true');
    expect(bram?.classList.contains('tb-below')).toBe(true);
    expect(sanne?.dataset.belowSla).toBe('false');
    expect(demi?.dataset.belowSla).toBe('false');
    expect(screen.getByText(/Highlighted: median first response slower than the team’s SLA of 5 min\./)).toBeTruthy();
    for (const heading of ['Leads', 'Median response', 'p90 response', 'In SLA', 'Attempts / lead', 'Contact', 'Appointment', 'Properly worked', 'Closed too early', 'Conversion', 'Duplicates', 'Backlog']) {
      expect(screen.getByRole('columnheader', { name: new RegExp(`^${heading.replace('/', '\\/')}`) })).toBeTruthy();
    }
    expect(screen.getByTestId('board-total').textContent).toMatch(/Team22.*4 of 22/);
    expect(api.leaderboard).toHaveBeenCalledWith('month');
  });

  it('sorts by any column on click, toggling direction, with aria-sort', async () => {
    await cache(board());
    renderPage('en');
    await screen.findAllByTestId('board-row');
    const th = (key: string) => screen.getByTestId(`board-sort-${key}`).closest('th');
    expect(th('rank')?.getAttribute('aria-sort')).toBe('ascending');
    await userEvent.click(screen.getByTestId('board-sort-median'));
    expect(labels()).toEqual(['Sanne Visser-Bakker van den Hoogenband', 'Bram Hoekstra', 'Demi de Vries']); // fastest first, none last
    expect(th('median')?.getAttribute('aria-sort')).toBe('ascending');
    expect(th('rank')?.getAttribute('aria-sort')).toBe('none');
    await userEvent.click(screen.getByTestId('board-sort-median'));
    expect(labels()).toEqual(['Bram Hoekstra', 'Sanne Visser-Bakker van den Hoogenband', 'Demi de Vries']);
    expect(th('median')?.getAttribute('aria-sort')).toBe('descending');
    await userEvent.click(screen.getByTestId('board-sort-closedTooEarly'));
    expect(labels()).toEqual(['Demi de Vries', 'Sanne Visser-Bakker van den Hoogenband', 'Bram Hoekstra']); // fewest first
    await userEvent.click(screen.getByTestId('board-sort-label'));
    expect(labels()).toEqual(['Bram Hoekstra', 'Demi de Vries', 'Sanne Visser-Bakker van den Hoogenband']);
    await userEvent.click(screen.getByTestId('board-sort-leads'));
    expect(labels()).toEqual(['Sanne Visser-Bakker van den Hoogenband', 'Bram Hoekstra', 'Demi de Vries']);
  });

  it('reads in Dutch: headings, decimals with a comma, the legend and the team pacing', async () => {
    await cache(board());
    renderPage('nl');
    await screen.findAllByTestId('board-row');
    expect(screen.getByRole('columnheader', { name: /^Mediane reactie/ })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: /^Te vroeg gesloten/ })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: /^Goed opgevolgd/ })).toBeTruthy();
    const sanne = screen.getAllByTestId('board-row')[0] as HTMLElement;
    expect(sanne.textContent).toContain('2,5');
    expect(sanne.textContent).toContain('3 van 12');
    expect(screen.getByText(/Gemarkeerd: mediane eerste reactie trager dan de teamnorm van 5 min\./)).toBeTruthy();
    // 10 per rep × 3 reps; on 18 March at 13:00 (Amsterdam) 14 4/9 of 26 business days have passed.
    expect(screen.getByTestId('board-pacing-target').textContent).toBe('30');
    expect(screen.getByText('10 per verkoper × 3 verkopers op het bord')).toBeTruthy();
    expect(screen.getByTestId('board-pacing-sold').textContent).toBe('4');
    expect(screen.getByTestId('board-pacing-expected').textContent).toBe('16,7');
    expect(screen.getByTestId('board-pacing-verdict')?.getAttribute('data-behind')).toBe('true');
    expect(screen.getByTestId('board-pacing-verdict').textContent).toBe('Achter');
  });

  it('no monthly target: says who sets it', async () => {
    await cache(board());
    renderPage('en', { ...DEFAULT_SETTINGS, monthlyTarget: 0 });
    expect((await screen.findByTestId('board-pacing-no-target')).textContent).toMatch(/The manager sets it/);
  });

  it('closed too early: a colleague’s count opens a one-line note when no lead could be opened', async () => {
    await cache(board());
    renderPage('en');
    await screen.findAllByTestId('board-row');
    const toggles = screen.getAllByTestId('board-early-toggle');
    expect(toggles).toHaveLength(1); // only Bram has any
    await userEvent.click(screen.getByRole('button', { name: 'Show the leads Bram Hoekstra closed too early' }));
    const detail = screen.getByTestId('board-early-detail');
    await waitFor(() => expect(detail.textContent).toMatch(/^Bram Hoekstra: 3 closed too early\. Which leads, only their own browser and the team’s manager can see/));
    expect(screen.queryByTestId('board-early-list')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Hide the list' }));
    expect(screen.queryByTestId('board-early-detail')).toBeNull();
  });

  it('empty states: no reps, and reps without leads', async () => {
    await cache(board({ rows: [], team: stats({}) }));
    renderPage('en');
    expect((await screen.findByTestId('board-empty')).textContent).toBe('Nobody is on this team’s board yet.');
    cleanup();
    await cache(board({ period: 'today', rows: [row('Demi de Vries', {})], team: stats({}) }));
    renderPage('nl');
    await userEvent.click(await screen.findByTestId('board-period-today'));
    await waitFor(() => expect(screen.getByTestId('board-empty').textContent).toBe('In deze periode zijn nog geen leads binnengekomen.'));
    expect(screen.getAllByTestId('board-row')).toHaveLength(1);
  });

  it('pseudonymous team: the manager sees names and is told what reps see', async () => {
    await cache(board({ visibility: 'pseudonymous' }));
    renderPage('nl');
    expect((await screen.findByTestId('board-mode')).textContent).toBe('Verkopers zien hun collega’s onder een schuilnaam; als teamleider zie je de namen.');
  });

  it('not connected: explains where the board comes from', async () => {
    await teamConnectionItem.setValue(null);
    renderPage('nl');
    expect((await screen.findByTestId('board-not-connected')).textContent).toMatch(/Niet verbonden met een team/);
  });

  it('a refresh that fails without a snapshot says so as an error', async () => {
    renderPage('en', DEFAULT_SETTINGS, { leaderboard: () => Promise.resolve({ ok: false, code: 'unknown', reason: 'x', apiCode: 'network' }) });
    expect((await screen.findByTestId('board-status')).textContent).toBe('No leaderboard yet: Cannot reach the server. Check the address and your internet connection, then try again.');
  });
});

describe('team board for a rep', () => {
  it('pseudonymous colleagues in italics, the rep’s own row marked; their own early closes listed from this browser', async () => {
    await teamConnectionItem.setValue(connection());
    const actor = (iso: string) => ({ repId: 'r', now: Date.parse(iso) });
    await recordLeadSeen(db, { crm: 'demo', leadId: 'a', url: 'http://crm.example/a', name: 'Youssef Amrani', missing: [], receivedAt: '2026-03-17T09:00:00Z' }, actor('2026-03-17T09:00:00Z'));
    await logAttempt(db, 'demo:a', { channel: 'call', outcome: 'no_answer' }, actor('2026-03-17T09:03:00Z'));
    await changeStatus(db, 'demo:a', { status: 'lost', lostReason: 'unreachable' }, actor('2026-03-17T10:00:00Z'));
    // Closed after a conversation: not too early.
    await recordLeadSeen(db, { crm: 'demo', leadId: 'b', url: 'http://crm.example/b', name: 'Eva Jansen', missing: [], receivedAt: '2026-03-17T09:00:00Z' }, actor('2026-03-17T09:00:00Z'));
    await logAttempt(db, 'demo:b', { channel: 'call', outcome: 'reached' }, actor('2026-03-17T09:04:00Z'));
    await changeStatus(db, 'demo:b', { status: 'lost', lostReason: 'unreachable' }, actor('2026-03-17T10:00:00Z'));
    await cache(
      board({
        visibility: 'pseudonymous',
        rows: [
          { ...row('Anna de Boer', { leads: 2, medianResponseMs: 3 * MIN, closedTooEarly: 1, properlyWorked: 1 }), memberId: 'm-1', self: true },
          { ...row('Rep QXWZ', { leads: 7, medianResponseMs: 4 * MIN, closedTooEarly: 2, properlyWorked: 5 }), memberId: undefined, pseudonymous: true },
        ],
      }),
      'm-1',
    );
    renderPage('en');
    await screen.findAllByTestId('board-row');
    const [colleague, me] = screen.getAllByTestId('board-row');
    expect(colleague?.dataset.pseudonymous).toBe('true');
    expect(within(colleague as HTMLElement).getByText('Rep QXWZ')?.classList.contains('tb-pseudonym')).toBe(true);
    expect(me?.dataset.me).toBe('true');
    expect(me?.getAttribute('aria-current')).toBe('true');
    expect(screen.getByText('Colleagues are shown as pseudonyms.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Show the leads Anna de Boer closed too early' }));
    const list = await screen.findByTestId('board-early-list');
    const leads = within(list).getAllByTestId('board-early-lead');
    expect(leads).toHaveLength(1);
    expect(leads[0]?.textContent).toMatch(/Youssef Amrani.*Tue 17 Mar 10:00.*1.*Unreachable/);
    expect(within(list).getByRole('link', { name: 'Youssef Amrani' })?.getAttribute('href')).toBe('http://crm.example/a');
  });

  it('team-only for a rep: no team pacing (the board lacks the team)', async () => {
    await teamConnectionItem.setValue(connection({ visibility: 'team-only' }));
    await cache(board({ visibility: 'team-only', rows: [{ ...row('Anna de Boer', { leads: 2 }), memberId: 'm-1', self: true }] }), 'm-1');
    renderPage('en');
    await screen.findAllByTestId('board-row');
    await waitFor(() => expect(screen.getByTestId('board-pacing').textContent).toMatch(/needs the whole team’s board/));
  });
});
