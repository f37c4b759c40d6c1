// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { boardDates, ColleagueClosedTooEarly, type ColleagueEarlyApi } from '@/components/report/team/ColleagueClosedTooEarly';
import { I18nProvider } from '@/components/ui/i18n';
import type { Lang } from '@/lib/i18n';
import type { ColleagueEarlyLead } from '@/lib/sync/colleague-early';

afterEach(cleanup);

const NOW = Date.UTC(2026, 2, 18, 9, 0);
const base = { rep: 'Ruud', self: false, source: 'website', attempts: 1, lostReason: 'unreachable' as const, closedAt: NOW - 3600_000, closedBy: 'rep' as const };
const LEADS: ColleagueEarlyLead[] = [
  { ...base, lead: 'a'.repeat(64), crm: 'demo', recordId: 'LD-1', url: 'http://leadpace-demo.localhost/leads/LD-1' },
  { ...base, lead: 'b'.repeat(64), crm: 'salesforce', recordId: '00Q5g00000AbCdE', url: null },
  { ...base, lead: 'c'.repeat(64), crm: null, recordId: null, url: null },
  { ...base, rep: 'Sanne', lead: 'd'.repeat(64), crm: 'demo', recordId: 'LD-9', url: 'http://leadpace-demo.localhost/leads/LD-9' },
];

const renderIn = (lang: Lang, api: ColleagueEarlyApi) =>
  render(
    <I18nProvider lang={lang}>
      <ColleagueClosedTooEarly label="Ruud" count={3} from={Date.UTC(2026, 1, 28, 23)} to={Date.UTC(2026, 2, 31, 22)} timeZone="Europe/Amsterdam" now={NOW} api={api} />
    </I18nProvider>,
  );

describe("the manager's list of a colleague's leads closed too early", () => {
  it.each(['en', 'nl'] as const)('offers Open in CRM where the record address is known, the id otherwise (%s)', async (lang) => {
    const api = vi.fn<ColleagueEarlyApi>(() => Promise.resolve({ ok: true, value: LEADS }));
    renderIn(lang, api);
    const rows = await screen.findAllByTestId('board-early-colleague-lead');
    expect(rows).toHaveLength(3);
    expect(api).toHaveBeenCalledWith({ from: '2026-03-01', to: '2026-03-31' });
    const link = screen.getByTestId('board-early-open-crm');
    expect(link.getAttribute('href')).toBe('http://leadpace-demo.localhost/leads/LD-1');
    expect(link.textContent).toContain('LD-1');
    expect(screen.getByTestId('board-early-record-id').textContent).toBe('00Q5g00000AbCdE');
    expect(rows[2]?.textContent).toMatch(lang === 'en' ? /No reference/ : /Geen verwijzing/);
    expect(screen.queryByText(/LD-9/)).toBeNull();
  });

  it('says so when the list cannot be loaded', async () => {
    renderIn('en', () => Promise.resolve({ ok: false, code: 'forbidden', reason: 'x', apiCode: 'forbidden_role' }));
    expect((await screen.findByTestId('board-early-colleague-error')).textContent).toMatch(/role/);
  });
});

describe('boardDates', () => {
  it.each([
    [Date.UTC(2026, 1, 28, 23), Date.UTC(2026, 2, 31, 22), 'Europe/Amsterdam', { from: '2026-03-01', to: '2026-03-31' }],
    [Date.UTC(2026, 2, 18, 4), Date.UTC(2026, 2, 19, 4), 'America/Chicago', { from: '2026-03-17', to: '2026-03-18' }],
  ])('%i–%i in %s', (from, to, zone, expected) => {
    expect(boardDates(from, to, zone)).toEqual(expected);
  });
});
