// @vitest-environment jsdom
import { act, cleanup, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/components/popup/Popup';
import { loadPopupData, usePopupData } from '@/components/popup/use-popup-data';
import { I18nProvider } from '@/components/ui/i18n';
import { openLeads } from '@/lib/db/queries';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { changeStatus, logAttempt, recordLeadSeen } from '@/lib/db/writes';
import { dayBounds } from '@/lib/domain/metrics';

const T = (iso: string) => Date.parse(iso);
const NOW = T('2025-01-15T12:00:00Z');
const DAY_START = dayBounds(NOW).start;
const rep = (iso: string) => ({ repId: 'rep-1', now: T(iso) });

let db: LeadpaceDb;
beforeEach(async () => {
  fakeBrowser.reset();
  db = openLeadpaceDb('test-' + crypto.randomUUID());
  // Creating the database announces every table as changed; the popup opens an existing one.
  await db.open();
  await new Promise((r) => setTimeout(r, 0));
});
afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

async function seen(id: string, at: string, receivedAt?: string) {
  await recordLeadSeen(db, { crm: 'demo', leadId: id, url: `http://leadpace-demo.localhost/leads/${id}`, missing: [], receivedAt }, rep(at));
  return `demo:${id}`;
}

describe('loadPopupData', () => {
  it('reads every open lead and the sales of the month from the summary, as the lead rows have them', async () => {
    // Received over six weeks, so they fall into several summary rows.
    for (let i = 0; i < 12; i++) {
      const at = new Date(NOW - i * 3.5 * 86_400_000).toISOString();
      await seen(`l${i}`, at, at);
    }
    await changeStatus(db, 'demo:l3', { status: 'sold' }, rep('2025-01-15T11:00:00Z'));
    const data = await loadPopupData(db, DAY_START);
    if (!data.ok) throw new Error(data.reason);
    const records = await openLeads(db);
    expect((data.open ?? []).map((l) => l.key).sort()).toEqual(records.map((l) => l.key).sort());
    expect(data.open).toHaveLength(11);
    for (const lead of data.open ?? []) {
      const record = records.find((r) => r.key === lead.key);
      expect(lead).toMatchObject({ receivedAt: record?.receivedAt, status: record?.status, attemptCount: record?.attemptCount, attemptLog: record?.attemptLog });
    }
    expect(data.soldDates).toEqual([T('2025-01-15T11:00:00Z')]);
  });
});

describe('usePopupData', () => {
  it('reads once, then again after each write to the leads table, and not for other tables', async () => {
    const a = await seen('a', '2025-01-15T09:00:00Z');
    const reads = vi.spyOn(db, 'transaction');
    const { result, unmount } = renderHook(() => usePopupData(db, DAY_START));
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current?.ok).toBe(true));
    const afterFirst = reads.mock.calls.length;

    await act(() => db.notes.put({ leadKey: a, text: 'call after 5', updatedAt: NOW }));
    await new Promise((r) => setTimeout(r, 30));
    expect(reads.mock.calls.length).toBe(afterFirst);

    await act(() => logAttempt(db, a, { channel: 'call', outcome: 'no_answer' }, rep('2025-01-15T09:05:00Z')));
    await waitFor(() => {
      const data = result.current;
      expect(data?.ok && data.open?.[0]?.attemptCount).toBe(1);
    });

    unmount();
    const afterUnmount = reads.mock.calls.length;
    await logAttempt(db, a, { channel: 'call', outcome: 'no_answer' }, rep('2025-01-15T09:10:00Z'));
    await new Promise((r) => setTimeout(r, 30));
    // logAttempt's own transaction only: the popup no longer reads.
    expect(reads.mock.calls.length).toBe(afterUnmount + 1);
  });

  it('ends with the state after the last of several quick writes', async () => {
    const keys = [await seen('a', '2025-01-15T09:00:00Z'), await seen('b', '2025-01-15T09:01:00Z')];
    const { result } = renderHook(() => usePopupData(db, DAY_START));
    await waitFor(() => expect(result.current?.ok).toBe(true));
    await act(async () => {
      await Promise.all(keys.map((key) => logAttempt(db, key, { channel: 'call', outcome: 'no_answer' }, rep('2025-01-15T09:30:00Z'))));
      await changeStatus(db, keys[0] ?? '', { status: 'lost', lostReason: 'duplicate' }, rep('2025-01-15T09:31:00Z'));
    });
    await waitFor(() => {
      const data = result.current;
      expect(data?.ok && (data.open ?? []).map((l) => [l.key, l.attemptCount])).toEqual([['demo:b', 1]]);
    });
  });
});

describe('Popup first render', () => {
  it('shows the team numbers only once the lead rows are there', async () => {
    await seen('a', '2025-01-15T09:00:00Z');
    render(
      <I18nProvider lang="en">
        <Popup db={db} openLead={() => Promise.resolve({ ok: true, value: { tabId: 1 } })} closeWindow={() => undefined} openOptions={() => undefined} now={NOW} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('popup-loading')).toBeTruthy();
    expect(screen.queryByTestId('team')).toBeNull();
    const rows = await screen.findAllByTestId('lead-row');
    expect(rows.map((r) => r.dataset.leadKey)).toEqual(['demo:a']);
    expect(await screen.findByTestId('team')).toBeTruthy();
    expect(within(screen.getByTestId('today')).getByTestId('today-leads-seen').textContent).toBe('1');
  });
});
