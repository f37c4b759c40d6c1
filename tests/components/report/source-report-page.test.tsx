// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SourceReportPage } from '@/components/report/SourceReportPage';
import { reportCsv } from '@/components/report/source/report-csv';
import { handleSalesImport } from '@/lib/background/handlers';
import { I18nProvider } from '@/components/ui/i18n';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { changeStatus, logAttempt, recordLeadSeen } from '@/lib/db/writes';
import { reportLeadOf, sourceReport } from '@/lib/domain/report';
import { translator, type Lang } from '@/lib/i18n';
import { spendItem } from '@/lib/storage/spend-item';
import { DEFAULT_OPENING_HOURS } from '@/lib/domain/business-time';

// Tuesday 3 November 2026, 10:00 Amsterdam.
const T0 = Date.parse('2026-11-03T09:00:00Z');
const MIN = 60_000;
const at = (ms: number) => ({ repId: 'rep-1', now: ms });
const NOV = '?from=2026-11-01&to=2026-11-30';

let db: LeadpaceDb;
beforeEach(async () => {
  fakeBrowser.reset();
  db = openLeadpaceDb('test-' + crypto.randomUUID());
  await db.open();
});
afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

async function lead(id: string, source: string, receivedAt = T0) {
  await recordLeadSeen(db, { crm: 'demo', leadId: id, url: `http://leadpace-demo.localhost/leads/${id}`, name: `Klant ${id}`, source, receivedAt: new Date(receivedAt).toISOString(), missing: [] }, at(receivedAt + MIN));
  return `demo:${id}`;
}

/** Website: one sold after a call in 2 min, one lost unreachable after one late call, one duplicate, one open. Marktplaats: sold, first call after 40 min. */
async function seed() {
  const sold = await lead('1', 'website');
  await logAttempt(db, sold, { channel: 'call', outcome: 'reached' }, at(T0 + 2 * MIN));
  await changeStatus(db, sold, { status: 'sold' }, at(T0 + 60 * MIN));
  const early = await lead('2', 'website');
  await logAttempt(db, early, { channel: 'call', outcome: 'no_answer' }, at(T0 + 20 * MIN));
  await changeStatus(db, early, { status: 'lost', lostReason: 'unreachable' }, at(T0 + 30 * MIN));
  const duplicate = await lead('3', 'website');
  await changeStatus(db, duplicate, { status: 'lost', lostReason: 'duplicate' }, at(T0 + 5 * MIN));
  await lead('4', 'website');
  const mp = await lead('5', 'marktplaats');
  await logAttempt(db, mp, { channel: 'call', outcome: 'appointment' }, at(T0 + 40 * MIN));
  await changeStatus(db, mp, { status: 'sold' }, at(T0 + 3 * 86_400_000));
  // October's lead: another cohort.
  await lead('6', 'website', Date.parse('2026-10-20T09:00:00Z'));
}

const renderPage = (lang: Lang = 'en', search = NOV) =>
  render(
    <I18nProvider lang={lang}>
      <SourceReportPage db={db} search={search} />
    </I18nProvider>,
  );

const row = async (source: string) => {
  const found = await screen.findByTestId((id, el) => id === 'source-row' && el?.getAttribute('data-source') === source);
  return found;
};

describe('SourceReportPage', () => {
  it('shows one row per source with the test contract attributes, and the total', async () => {
    await seed();
    renderPage();
    const website = await row('website');
    expect(Object.fromEntries(['leads', 'excluded', 'contacted', 'sold', 'worked-leads', 'worked-sold', 'unworked-leads', 'unworked-sold', 'verdict', 'spend', 'cost-per-lead', 'cost-per-sale'].map((a) => [a, website.getAttribute(`data-${a}`)]))).toEqual({
      leads: '3',
      excluded: '1',
      contacted: '1',
      sold: '1',
      'worked-leads': '1',
      'worked-sold': '1',
      'unworked-leads': '2',
      'unworked-sold': '0',
      verdict: 'unsure',
      spend: '',
      'cost-per-lead': '',
      'cost-per-sale': '',
    });
    expect(Number(website.getAttribute('data-conversion'))).toBeCloseTo(1 / 3, 10);
    expect(Number(website.getAttribute('data-conversion-low'))).toBeCloseTo(0.0615, 3);
    expect(Number(website.getAttribute('data-conversion-high'))).toBeCloseTo(0.7923, 3);
    const marktplaats = await row('marktplaats');
    expect(marktplaats.getAttribute('data-unworked-sold')).toBe('1');
    const total = screen.getByTestId('source-total');
    expect([total.getAttribute('data-leads'), total.getAttribute('data-sold'), total.getAttribute('data-excluded')]).toEqual(['4', '2', '1']);
    // Missing spend says so instead of showing €0.
    expect(website.textContent).toContain('no spend entered');
    expect(screen.getByTestId('report-basis').textContent).toMatch(/^Leads received 1\s?–\s?30 Nov 2026; a sale counts for the month its lead came in; 25% of these leads are still open\.$/);
    expect(screen.getByTestId('sales-by').textContent).toContain('2 by a rep in the panel, 0 from the CRM page, 0 imported');
  });

  it('lists the lead closed too early, and not the duplicate', async () => {
    await seed();
    renderPage();
    const rows = await screen.findAllByTestId('closed-too-early-row');
    expect(rows.map((r) => r.getAttribute('data-lead-id'))).toEqual(['2']);
    expect(rows[0]?.textContent).toContain('Klant 2');
    expect(rows[0]?.textContent).toContain('Unreachable');
  });

  it('sorts by any column, both ways', async () => {
    await seed();
    renderPage();
    await row('website');
    const order = () => screen.getAllByTestId('source-row').map((r) => r.getAttribute('data-source'));
    expect(order()).toEqual(['website', 'marktplaats']); // leads, most first
    fireEvent.click(screen.getByTestId('sort-conversion'));
    expect(order()).toEqual(['marktplaats', 'website']);
    fireEvent.click(screen.getByTestId('sort-conversion'));
    expect(order()).toEqual(['website', 'marktplaats']);
    fireEvent.click(screen.getByTestId('sort-source'));
    expect(order()).toEqual(['marktplaats', 'website']);
  });

  it('uses the spend of the months the cohort came in for cost per lead and per sale', async () => {
    await spendItem.setValue({ currency: 'EUR', entries: [{ source: 'website', month: '2026-11', amount: 300 }, { source: 'marktplaats', month: '2026-11', amount: 50 }] });
    await seed();
    renderPage();
    await waitFor(async () => expect((await row('website')).getAttribute('data-spend')).toBe('300'));
    const website = await row('website');
    expect([website.getAttribute('data-cost-per-lead'), website.getAttribute('data-cost-per-sale')]).toEqual(['100', '300']);
    expect(screen.getByTestId('source-total').getAttribute('data-spend')).toBe('350');
  });

  it('switches period from the buttons and writes it into the address', async () => {
    await seed();
    renderPage();
    await row('website');
    fireEvent.click(screen.getByTestId('period-custom'));
    fireEvent.change(screen.getByTestId('period-from'), { target: { value: '2026-10-01' } });
    fireEvent.change(screen.getByTestId('period-to'), { target: { value: '2026-10-31' } });
    fireEvent.click(screen.getByTestId('period-apply'));
    await waitFor(() => expect(screen.getByTestId('source-total').getAttribute('data-leads')).toBe('1'));
    expect(window.location.search).toBe('?from=2026-10-01&to=2026-10-31');
  });

  it('refuses a reversed custom range with a message and keeps the report', async () => {
    await seed();
    renderPage();
    await row('website');
    fireEvent.click(screen.getByTestId('period-custom'));
    fireEvent.change(screen.getByTestId('period-from'), { target: { value: '2026-11-30' } });
    fireEvent.change(screen.getByTestId('period-to'), { target: { value: '2026-11-01' } });
    fireEvent.click(screen.getByTestId('period-apply'));
    expect(screen.getByRole('alert').textContent).toBe('Pick a start date on or before the end date.');
    expect(screen.getByTestId('source-total').getAttribute('data-leads')).toBe('4');
  });

  it('speaks Dutch', async () => {
    await seed();
    renderPage('nl');
    await row('website');
    expect(screen.getByTestId('report-basis').textContent).toBe(
      'Leads ontvangen 1–30 nov 2026; een verkoop telt voor de maand waarin de lead binnenkwam; 25% van deze leads staat nog open.',
    );
    expect(screen.getByTestId('export-csv').textContent).toBe('CSV exporteren');
    expect(screen.getByText('Nog niet te zeggen', { selector: '.rp-verdict' })).toBeTruthy();
  });

  it('an empty period says so and still shows a total of zero', async () => {
    renderPage('en', '?from=2026-01-01&to=2026-01-31');
    expect(await screen.findByText('No leads were received in this period.')).toBeTruthy();
    expect(screen.getByTestId('source-total').getAttribute('data-leads')).toBe('0');
    expect(screen.getByTestId('source-total').getAttribute('data-conversion')).toBe('');
  });
});

describe('reportCsv', () => {
  const build = async () => {
    await seed();
    const leads = (await db.leads.toArray()).map((r) => reportLeadOf(r, 'Anna'));
    return sourceReport({ leads, from: Date.parse('2026-10-31T23:00:00Z'), to: Date.parse('2026-11-30T23:00:00Z'), settings: { hours: DEFAULT_OPENING_HOURS, firstAttemptSlaMs: 5 * MIN, closeAfterAttempts: 6, floor: 0.13 } });
  };

  it('English: BOM, commas, decimal points, every table', async () => {
    const csv = reportCsv(await build(), translator('en'), 'en', () => '2026-11-03');
    expect(csv.startsWith('\uFEFFConversion and cost by source\r\nSource,Leads,')).toBe(true);
    expect(csv).toContain('\r\nWebsite,3,1,,,');
    expect(csv).toContain(',0.3333,');
    for (const title of ['Funnel by source', 'Funnel by rep', 'Closed too early', 'Response time (business time)']) expect(csv).toContain(`\r\n\r\n${title}\r\n`);
    expect(csv).toContain('Klant 2,Website,Anna,1,Unreachable,2026-11-03,rep (panel)');
  });

  it('Dutch: semicolons and a decimal comma', async () => {
    const csv = reportCsv(await build(), translator('nl'), 'nl', () => '2026-11-03');
    expect(csv.startsWith('\uFEFFConversie en kosten per bron\r\nBron;Leads;')).toBe(true);
    expect(csv).toContain(';0,3333;');
    expect(csv).not.toContain('0.3333');
  });
});

describe('sold-deals import on the report page', () => {
  const EXT = 'chrome-extension://abc/';
  // The real handler and single writer, on this test's database.
  const send = (sales: { leadKey: string; soldAt: number }[]) =>
    handleSalesImport({ sales }, { url: `${EXT}report.html` }, { db: () => db, repId: async () => 'rep-1', now: () => Date.now(), extensionOrigin: EXT, log: () => undefined });
  const pickFile = (csv: string) =>
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File([csv], 'deals.csv', { type: 'text/csv' })] } });
  const renderWithImport = () =>
    render(
      <I18nProvider lang="en">
        <SourceReportPage db={db} search={NOV} sendSales={send} />
      </I18nProvider>,
    );
  const counts = () => {
    const el = screen.getByTestId('import-counts');
    return ['sell', 'already-sold', 'unknown', 'repeated', 'bad'].map((k) => Number(el.getAttribute(`data-${k}`)));
  };

  it('previews, imports, shows the sale as imported, and a second run changes nothing', async () => {
    await seed();
    renderWithImport();
    await row('website');
    pickFile('Record ID;Verkoopdatum;Bron\r\n4;20-11-2026;Website\r\n1;21-11-2026;Website\r\nL-404;21-11-2026;\r\n');
    await waitFor(() => expect(counts()).toEqual([1, 1, 1, 0, 0]));
    expect(screen.getByTestId('import-preview').querySelector('[data-line="2"]')?.getAttribute('data-action')).toBe('sell');
    fireEvent.click(screen.getByTestId('import-run'));
    await waitFor(() => expect(screen.getByTestId('import-result').textContent).toBe('Imported: 1 leads marked sold, 0 already sold.'));
    await waitFor(async () => expect((await row('website')).getAttribute('data-sold')).toBe('2'));
    expect(screen.getByTestId('sales-by').textContent).toContain('1 imported');
    const events = await db.events.count();
    pickFile('Record ID;Verkoopdatum;Bron\r\n4;20-11-2026;Website\r\n1;21-11-2026;Website\r\nL-404;21-11-2026;\r\n');
    await waitFor(() => expect(counts()).toEqual([0, 2, 1, 0, 0]));
    expect((screen.getByTestId('import-run') as HTMLButtonElement).disabled).toBe(true);
    expect(await db.events.count()).toBe(events);
  });

  it('a file with a bad line imports nothing until that line is left out', async () => {
    await seed();
    renderWithImport();
    await row('website');
    pickFile('record id,sold date\n4,2026-11-20\n2,next week\n');
    await waitFor(() => expect(counts()).toEqual([1, 0, 0, 0, 1]));
    expect(screen.getByTestId('import-bad').textContent).toContain('Line 3: the sold date is not a date');
    expect(screen.getByRole('alert').textContent).toBe('Nothing is imported while a bad line is included.');
    expect((screen.getByTestId('import-run') as HTMLButtonElement).disabled).toBe(true);
    expect((await db.leads.get('demo:4'))?.status).toBe('open');
    fireEvent.click(screen.getByTestId('import-skip-3'));
    expect((screen.getByTestId('import-run') as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(screen.getByTestId('import-run'));
    await waitFor(async () => expect((await db.leads.get('demo:4'))?.statusActor).toBe('import'));
    expect((await db.leads.get('demo:2'))?.status).toBe('lost');
  });
});
