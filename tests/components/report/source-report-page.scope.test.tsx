// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SourceReportPage } from '@/components/report/SourceReportPage';
import type { TeamReportApi } from '@/components/report/source/use-team-report';
import { I18nProvider } from '@/components/ui/i18n';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { recordLeadSeen } from '@/lib/db/writes';
import { DEFAULT_OPENING_HOURS } from '@/lib/domain/business-time';
import { sourceReport, type ReportLead } from '@/lib/domain/report';
import { translator, type Lang } from '@/lib/i18n';
import { teamConnectionItem } from '@/lib/sync/connection';
import { teamReportResponseSchema, type TeamReportResponse } from '@/lib/sync/report-wire';
import { connection } from '@/tests/lib/sync/fixtures';

// Tuesday 3 November 2026, 10:00 Amsterdam.
const T0 = Date.parse('2026-11-03T09:00:00Z');
const NOV = '?from=2026-11-01&to=2026-11-30';

let db: LeadpaceDb;
beforeEach(async () => {
  fakeBrowser.reset();
  db = openLeadpaceDb('test-' + crypto.randomUUID());
  await db.open();
  // The rep's own browser knows one Marktplaats lead; the team has other sources.
  await recordLeadSeen(db, { crm: 'demo', leadId: 'own-1', url: 'http://leadpace-demo.localhost/leads/own-1', name: 'Klant Een', source: 'marktplaats', receivedAt: new Date(T0).toISOString(), missing: [] }, { repId: 'rep-1', now: T0 + 60_000 });
});
afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

const teamLead = (n: number, source: string, status: ReportLead['status']): ReportLead => ({
  key: `h${n}`,
  leadId: `h${n}`,
  rep: 'm-1',
  source,
  receivedAt: T0 + n * 60_000,
  firstAttemptAt: T0 + n * 60_000 + 120_000,
  attempts: 2,
  contacts: status === 'sold' ? 1 : 0,
  status,
  lostReason: status === 'lost' ? 'unreachable' : null,
  furthest: status === 'lost' ? 'open' : status,
  attemptsBeforeClose: 2,
  contactsBeforeClose: status === 'sold' ? 1 : 0,
  phoneAttemptsBeforeClose: 2,
  backlog: false,
  soldAt: status === 'sold' ? T0 + 86_400_000 : null,
  closedAt: status === 'open' ? null : T0 + 86_400_000,
  statusActor: status === 'open' ? null : 'rep',
});

/** What a server answers: its rows come from the same kernel, here over a made-up team. */
function serverAnswer(): TeamReportResponse {
  const settings = { hours: DEFAULT_OPENING_HOURS, firstAttemptSlaMs: 300_000, closeAfterAttempts: 6, floor: 0.13 };
  const leads = [teamLead(1, 'website', 'sold'), teamLead(2, 'website', 'lost'), teamLead(3, 'website', 'open'), teamLead(4, 'autoscout', 'sold')];
  const from = Date.parse('2026-10-31T23:00:00Z');
  const to = Date.parse('2026-11-30T23:00:00Z');
  const report = sourceReport({ leads, from, to, settings });
  return teamReportResponseSchema.parse({
    basis: { firstDate: '2026-11-01', lastDate: '2026-11-30', from, to, timeZone: 'Europe/Amsterdam', openShare: report.total.openShare, floor: 0.13, visibility: 'named', currency: null },
    rows: report.rows,
    total: report.total,
    reps: report.reps.map(({ rep: _rep, ...funnel }) => ({ ...funnel, label: 'Anna de Boer', memberId: 'm-1', pseudonymous: false, self: true })),
    bySourceRep: [],
    closedTooEarly: report.closedTooEarly.map((c) => ({ lead: c.leadId, rep: 'Anna de Boer', self: true, source: c.source, attempts: c.attempts, lostReason: c.lostReason, closedAt: c.closedAt, closedBy: c.closedBy })),
    responseBuckets: report.responseBuckets,
  });
}

const renderPage = (api: TeamReportApi, lang: Lang = 'en') =>
  render(
    <I18nProvider lang={lang}>
      <SourceReportPage db={db} search={NOV} teamReportApi={api} />
    </I18nProvider>,
  );

const row = (source: string) => screen.findByTestId((id, el) => id === 'source-row' && el?.getAttribute('data-source') === source);

describe('report scope: my leads or the team', () => {
  it('is not offered without a team connection', async () => {
    const api = vi.fn<TeamReportApi>();
    renderPage(api);
    await row('marktplaats');
    expect(screen.queryByTestId('report-scope')).toBeNull();
    expect(api).not.toHaveBeenCalled();
  });

  it.each<[Lang, string, string]>([
    ['en', 'My leads', 'Team'],
    ['nl', 'Mijn leads', 'Team'],
  ])('in %s switches the same table to the server’s rows and back', async (lang, mine, teamLabel) => {
    await teamConnectionItem.setValue(connection());
    const answer = serverAnswer();
    const api = vi.fn<TeamReportApi>(() => Promise.resolve({ ok: true, value: answer }));
    renderPage(api, lang);
    const toggle = await screen.findByTestId('report-scope');
    expect(toggle.getAttribute('data-scope')).toBe('mine');
    expect(screen.getByTestId('report-scope-mine').textContent).toBe(mine);
    await row('marktplaats');
    expect(api).not.toHaveBeenCalled();

    fireEvent.click(screen.getByText(teamLabel));
    const website = await row('website');
    expect(api).toHaveBeenCalledWith({ from: '2026-11-01', to: '2026-11-30' });
    expect(screen.getByTestId('report-scope').getAttribute('data-scope')).toBe('team');
    expect(screen.getByTestId('report-scope-team').getAttribute('aria-pressed')).toBe('true');
    const expected = answer.rows.find((r) => r.source === 'website');
    expect({
      leads: website.getAttribute('data-leads'),
      sold: website.getAttribute('data-sold'),
      conversion: website.getAttribute('data-conversion'),
      low: website.getAttribute('data-conversion-low'),
      verdict: website.getAttribute('data-verdict'),
      spend: website.getAttribute('data-spend'),
    }).toEqual({
      leads: String(expected?.leads),
      sold: String(expected?.sold),
      conversion: String(expected?.conversion.rate),
      low: String(expected?.conversion.interval?.low),
      verdict: expected?.conversion.verdict,
      spend: '',
    });
    expect(await row('autoscout')).toBeTruthy();
    expect(screen.queryByTestId((id, el) => id === 'source-row' && el?.getAttribute('data-source') === 'marktplaats')).toBeNull();
    expect(screen.getByTestId('source-total').getAttribute('data-leads')).toBe(String(answer.total.leads));
    expect(screen.getByTestId('team-report').textContent).toContain(translator(lang)('report.team.noSpend'));
    expect(answer.closedTooEarly.length).toBeGreaterThan(0);
    expect(screen.getAllByTestId('closed-too-early-row')).toHaveLength(answer.closedTooEarly.length);

    fireEvent.click(screen.getByText(mine));
    await row('marktplaats');
    expect(screen.queryByTestId('team-report')).toBeNull();
  });

  it('exports the team’s tables, not the browser’s own, under a team file name', async () => {
    await teamConnectionItem.setValue(connection());
    const answer = serverAnswer();
    const api = vi.fn<TeamReportApi>(() => Promise.resolve({ ok: true, value: answer }));
    const blobs: Blob[] = [];
    const names: string[] = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (blob: Blob) => (blobs.push(blob), 'blob:csv'), revokeObjectURL: () => undefined }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    try {
      renderPage(api, 'en');
      fireEvent.click(await screen.findByTestId('report-scope-team'));
      await row('website');
      await waitFor(() => expect(screen.getByTestId('export-csv').hasAttribute('disabled')).toBe(false));
      fireEvent.click(screen.getByTestId('export-csv'));
      expect(names).toEqual(['leadpace-team-report-2026-11-01-2026-11-30.csv']);
      const csv = await blobs[0]?.text();
      expect(csv).toContain(`\r\nWebsite,${answer.rows.find((r) => r.source === 'website')?.leads},`);
      expect(csv).toContain('\r\nautoscout,1,');
      expect(csv).not.toContain('Marktplaats');
      expect(csv).not.toContain('Klant Een');
      // The closed-too-early table carries the rep's label and the lead's short pseudonymous key.
      expect(csv).toContain(`${answer.closedTooEarly[0]?.lead.slice(0, 10)},Website,Anna de Boer,`);
    } finally {
      click.mockRestore();
      vi.unstubAllGlobals();
    }
  });

  it('explains a failed team report in the reader’s language and keeps the toggle', async () => {
    await teamConnectionItem.setValue(connection());
    const api = vi.fn<TeamReportApi>(() => Promise.resolve({ ok: false, code: 'forbidden', reason: 'token revoked', apiCode: 'invalid_token' }));
    renderPage(api, 'nl');
    fireEvent.click(await screen.findByTestId('report-scope-team'));
    const alert = await screen.findByTestId('team-report-error');
    const t = translator('nl');
    expect(alert.textContent).toBe(t('report.team.error', { reason: t('error.team.invalid_token') }));
    expect(screen.getByTestId('report-scope')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('export-csv').hasAttribute('disabled')).toBe(true));
  });
});
