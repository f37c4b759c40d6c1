// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/components/popup/Popup';
import { I18nProvider } from '@/components/ui/i18n';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { changeStatus, logAttempt, readLeadView, recordLeadSeen, undoAttempt } from '@/lib/db/writes';
import type { Lang } from '@/lib/i18n';
import type { Result } from '@/lib/messaging';

const T = (iso: string) => Date.parse(iso);
// 13:00 in Amsterdam on a winter Wednesday.
const NOW = T('2025-01-15T12:00:00Z');
const rep = (iso: string) => ({ repId: 'rep-1', now: T(iso) });

let db: LeadpaceDb;

beforeEach(() => {
  fakeBrowser.reset();
  db = openLeadpaceDb('test-' + crypto.randomUUID());
});
afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

async function seen(id: string, at: string, extra: { name?: string; source?: string; receivedAt?: string } = {}) {
  await recordLeadSeen(
    db,
    { crm: 'demo', leadId: id, url: `http://leadpace-demo.localhost/leads/${id}`, missing: [], ...extra },
    rep(at),
  );
  return `demo:${id}`;
}

/** Five leads: two untouched, two worked, one sold; one attempt logged and then undone. */
async function fillDay() {
  const c = await seen('c', '2025-01-15T09:00:00Z', { source: 'marktplaats' });
  const a = await seen('a', '2025-01-15T10:00:00Z', { name: 'Jan Jansen', source: 'website', receivedAt: '2025-01-15T10:00:00Z' });
  await logAttempt(db, a, { channel: 'call', outcome: 'no_answer' }, rep('2025-01-15T10:10:00Z'));
  await logAttempt(db, a, { channel: 'whatsapp', outcome: 'voicemail' }, rep('2025-01-15T10:20:00Z'));
  const e = await seen('e', '2025-01-15T10:30:00Z', { name: 'Eva de Vries', source: 'autotrack', receivedAt: '2025-01-15T10:30:00Z' });
  await logAttempt(db, e, { channel: 'call', outcome: 'reached' }, rep('2025-01-15T10:35:00Z'));
  const mistaken = await logAttempt(db, e, { channel: 'call', outcome: 'no_answer' }, rep('2025-01-15T10:40:00Z'));
  await undoAttempt(db, e, mistaken.undoableAttemptId ?? '', rep('2025-01-15T10:41:00Z'));
  const b = await seen('b', '2025-01-15T11:00:00Z', { name: 'Fatima El Amrani', source: 'autoscout24', receivedAt: '2025-01-15T11:00:00Z' });
  const d = await seen('d', '2025-01-15T08:00:00Z', { name: 'Sold Customer', source: 'website' });
  await changeStatus(db, d, { status: 'sold' }, rep('2025-01-15T08:30:00Z'));
  return { a, b, c, d, e };
}

type OpenLead = (leadKey: string) => Promise<Result<{ tabId: number }>>;

function renderPopup(options: { lang?: Lang; openLead?: OpenLead; closeWindow?: () => void; openOptions?: () => void; database?: LeadpaceDb } = {}) {
  const openLead = vi.fn<OpenLead>(options.openLead ?? (() => Promise.resolve({ ok: true, value: { tabId: 7 } })));
  const closeWindow = vi.fn(options.closeWindow ?? (() => undefined));
  const openOptions = vi.fn(options.openOptions ?? (() => undefined));
  render(
    <I18nProvider lang={options.lang ?? 'en'}>
      <Popup db={options.database ?? db} openLead={openLead} closeWindow={closeWindow} openOptions={openOptions} now={NOW} />
    </I18nProvider>,
  );
  return { openLead, closeWindow, openOptions };
}

const rowText = (row: HTMLElement, testId: string) => within(row).getByTestId(testId).textContent;

describe('Popup: my leads', () => {
  it('lists open leads in urgency order with their attempt counts, from the real database', async () => {
    await fillDay();
    renderPopup();
    const rows = within(await screen.findByTestId('my-leads')).getAllByTestId('lead-row');
    // Wednesday 13:00 in Amsterdam. Overdue longest first: c (3 h, never called), a (its
    // +30 min step, 1 h 30 late), b (1 h, never called); e was reached, so it waits for day 2.
    expect(rows.map((row) => row.dataset.leadKey)).toEqual(['demo:c', 'demo:a', 'demo:b', 'demo:e']);
    expect(rows.map((row) => rowText(row, 'row-attempts'))).toEqual([
      'Attempts: 0',
      'Attempts: 2',
      'Attempts: 0',
      'Attempts: 1',
    ]);
    const [c, a, b, e] = rows;
    if (!c || !b || !a || !e) throw new Error('expected four rows');
    expect(rowText(c, 'row-name')).toBe('Name not read');
    expect(rowText(c, 'row-source')).toBe('Marktplaats');
    // No CRM creation time: the age counts from first sight and says so.
    expect(rowText(c, 'row-age')).toBe('3 h 00 min old*');
    expect(within(c).getByTestId('row-age').getAttribute('title')).toMatch(/first saw/);
    expect(rowText(b, 'row-name')).toBe('Fatima El Amrani');
    expect(rowText(b, 'row-source')).toBe('AutoScout24');
    expect(rowText(b, 'row-age')).toBe('1 h 00 min old');
    expect(rowText(e, 'row-status')).toBe('Contacted');
    expect(rowText(a, 'row-status')).toBe('Open');
    expect(screen.queryByText('Sold Customer')).toBeNull();
  });

  it('updates live when an attempt is logged', async () => {
    const { b } = await fillDay();
    renderPopup();
    await screen.findAllByTestId('lead-row');
    await logAttempt(db, b, { channel: 'call', outcome: 'no_answer' }, rep('2025-01-15T11:59:00Z'));
    await waitFor(() => expect(screen.getByTestId('today-attempts').textContent).toBe('4'));
    const row = screen.getAllByTestId('lead-row').find((r) => r.dataset.leadKey === 'demo:b');
    expect(row && rowText(row, 'row-attempts')).toBe('Attempts: 1');
    // b now waits for its next step (12:04), which comes before e's day 2.
    expect(screen.getAllByTestId('lead-row').map((r) => r.dataset.leadKey)).toEqual(['demo:c', 'demo:a', 'demo:b', 'demo:e']);
    // And it left "Now": only overdue, due and new leads are there.
    expect(within(screen.getByTestId('now-list')).getAllByTestId('now-row').map((r) => r.dataset.leadKey)).toEqual(['demo:c', 'demo:a']);
  });

  it('clicking a row sends lead/open and closes the popup on success', async () => {
    await fillDay();
    const { openLead, closeWindow } = renderPopup();
    const user = userEvent.setup();
    const [first] = await screen.findAllByTestId('lead-row');
    if (!first) throw new Error('no row');
    await user.click(first);
    expect(openLead).toHaveBeenCalledWith('demo:c');
    await waitFor(() => expect(closeWindow).toHaveBeenCalledTimes(1));
    expect(screen.queryByTestId('open-error')).toBeNull();
  });

  it('shows the reason and stays open when the lead cannot be opened', async () => {
    await fillDay();
    const { closeWindow } = renderPopup({
      openLead: () => Promise.resolve({ ok: false, code: 'not-found', reason: 'No lead demo:b' }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Open Fatima El Amrani in your CRM' }));
    expect((await screen.findByTestId('open-error')).textContent).toBe('Could not open this lead: No lead demo:b');
    expect(closeWindow).not.toHaveBeenCalled();
    // The rows are usable again for another try.
    expect(screen.getAllByTestId('lead-row').every((row) => !row.hasAttribute('disabled'))).toBe(true);
  });

  it('explains a background that does not answer', async () => {
    await fillDay();
    renderPopup({ openLead: () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')) });
    const user = userEvent.setup();
    const [first] = await screen.findAllByTestId('lead-row');
    if (!first) throw new Error('no row');
    await user.click(first);
    expect((await screen.findByTestId('open-error')).textContent).toMatch(/did not answer/);
  });

  it('explains how leads appear when there are none', async () => {
    renderPopup();
    const empty = await screen.findByTestId('empty-leads');
    expect(empty.textContent).toMatch(/open them in your CRM/);
    expect(within(screen.getByTestId('my-leads')).queryAllByTestId('lead-row')).toEqual([]);
    expect(screen.getByTestId('today-leads-seen').textContent).toBe('0');
    expect(screen.getByTestId('today-attempts').textContent).toBe('0');
    expect(screen.getByTestId('today-median').textContent).toBe('—');
  });

  it('opens the options page', async () => {
    const { openOptions } = renderPopup();
    await userEvent.setup().click(screen.getByTestId('open-options'));
    expect(openOptions).toHaveBeenCalledTimes(1);
  });
});

describe('Popup: today', () => {
  it('counts leads seen, effective attempts and the median time to first attempt', async () => {
    await fillDay();
    renderPopup();
    const today = await screen.findByTestId('today');
    await waitFor(() => expect(within(today).getByTestId('today-leads-seen').textContent).toBe('5'));
    // The undone attempt does not count.
    expect(within(today).getByTestId('today-attempts').textContent).toBe('3');
    // Median of 10 min (Jan) and 5 min (Eva).
    expect(within(today).getByTestId('today-median').textContent).toBe('7 min');
    expect(within(today).getByTestId('today-median-n').textContent).toBe('n = 2');
  });
});

describe('Popup: database errors', () => {
  it('shows why the database cannot open instead of a blank popup', async () => {
    const broken = openLeadpaceDb('test-' + crypto.randomUUID());
    // Closed without auto-reopen, every read rejects with Dexie's DatabaseClosedError, as a
    // database that failed to open does.
    broken.close({ disableAutoOpen: true });
    renderPopup({ database: broken });
    const error = await screen.findByTestId('db-error');
    expect(error.textContent).toMatch(/cannot open its local database/);
    expect(error.textContent).toMatch(/DatabaseClosedError/);
    expect(screen.queryByTestId('my-leads')).toBeNull();
  });
});

describe('Popup: languages', () => {
  it('renders in Dutch', async () => {
    await fillDay();
    renderPopup({ lang: 'nl' });
    const rows = await screen.findAllByTestId('lead-row');
    expect(screen.getByRole('heading', { name: /Mijn leads/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Vandaag' })).toBeTruthy();
    expect(screen.getByText('Mediane reactietijd')).toBeTruthy();
    expect(screen.getByTestId('open-options').textContent).toBe('Instellingen');
    const [c, a, b, e] = rows;
    if (!c || !b || !a || !e) throw new Error('expected four rows');
    expect(rowText(c, 'row-name')).toBe('Naam niet gelezen');
    expect(rowText(c, 'row-age')).toBe('3 u 00 min oud*');
    expect(rowText(a, 'row-attempts')).toBe('Pogingen: 2');
    expect(rowText(e, 'row-status')).toBe('Contact gehad');
    await waitFor(() => expect(screen.getByTestId('today-median-n').textContent).toBe('n = 2'));
  });

  it('renders the 30 most urgent rows first and more on request', async () => {
    for (let i = 0; i < 35; i++) await seen(`p${String(i).padStart(2, '0')}`, '2025-01-15T09:00:00Z', { receivedAt: `2025-01-15T09:${String(i).padStart(2, '0')}:00Z` });
    renderPopup();
    await waitFor(() => expect(within(screen.getByTestId('my-leads')).getAllByTestId('lead-row')).toHaveLength(30));
    expect(within(screen.getByTestId('now-list')).getAllByTestId('now-row')).toHaveLength(8);
    expect(screen.getByTestId('now-more').textContent).toBe('…and 27 more (see My leads)');
    await userEvent.setup().click(screen.getByTestId('show-more'));
    expect(within(screen.getByTestId('my-leads')).getAllByTestId('lead-row')).toHaveLength(35);
    expect(screen.queryByTestId('show-more')).toBeNull();
  });

  it('paints the first frame with the few rows that fit, and the rest of the 30 a task later', async () => {
    for (let i = 0; i < 35; i++) await seen(`q${String(i).padStart(2, '0')}`, '2025-01-15T09:00:00Z', { receivedAt: `2025-01-15T09:${String(i).padStart(2, '0')}:00Z` });
    // A commit's DOM changes reach the observer together, after the commit: its first call
    // with rows sees the first frame's rows, before the timer that adds the rest.
    const firstFrame: number[] = [];
    const observer = new MutationObserver(() => {
      const rows = document.querySelectorAll('[data-testid="my-leads"] [data-testid="lead-row"]').length;
      if (rows > 0 && firstFrame.length === 0) firstFrame.push(rows, document.querySelectorAll('[data-testid="now-row"]').length);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    renderPopup();
    await waitFor(() => expect(within(screen.getByTestId('my-leads')).getAllByTestId('lead-row')).toHaveLength(30));
    observer.disconnect();
    expect(firstFrame).toEqual([6, 8]);
    expect(screen.getByTestId('today')).toBeTruthy();
  });

  it('renders the empty state in Dutch', async () => {
    renderPopup({ lang: 'nl' });
    expect((await screen.findByTestId('empty-leads')).textContent).toMatch(/Geen openstaande leads/);
  });

  it('renders in English', async () => {
    await fillDay();
    renderPopup({ lang: 'en' });
    await screen.findAllByTestId('lead-row');
    expect(screen.getByRole('heading', { name: /My leads/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Today' })).toBeTruthy();
    expect(screen.getByText('Median time to first attempt')).toBeTruthy();
  });
});

it('readLeadView fixture sanity: the undone attempt is gone', async () => {
  const { e } = await fillDay();
  expect((await readLeadView(db, e)).attemptCount).toBe(1);
});
