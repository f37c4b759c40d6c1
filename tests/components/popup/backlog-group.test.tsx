// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/components/popup/Popup';
import { I18nProvider } from '@/components/ui/i18n';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { logAttempt, recordLeadSeen } from '@/lib/db/writes';
import { DEFAULT_STATUS_RULES } from '@/lib/domain/status-rules';
import type { Lang } from '@/lib/i18n';
import type { Result } from '@/lib/messaging';

// Wednesday 13:00 in Amsterdam; the CRM went live today at midnight.
const NOW = Date.parse('2025-01-15T12:00:00Z');
const follow = { statusRules: DEFAULT_STATUS_RULES, goLiveAt: Date.parse('2025-01-14T23:00:00Z') };
const rep = { repId: 'rep-1', now: NOW - 60_000 };

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

const seen = (id: string, receivedAt: string) =>
  recordLeadSeen(db, { crm: 'demo', leadId: id, url: `http://leadpace-demo.localhost/leads/${id}`, name: `Klant ${id}`, receivedAt, missing: [] }, rep, follow);

function renderPopup(lang: Lang = 'en') {
  const openLead = vi.fn<(key: string) => Promise<Result<{ tabId: number }>>>(() => Promise.resolve({ ok: true, value: { tabId: 1 } }));
  render(
    <I18nProvider lang={lang}>
      <Popup db={db} openLead={openLead} closeWindow={vi.fn()} openOptions={vi.fn()} now={NOW} />
    </I18nProvider>,
  );
  return { openLead };
}

async function seedInstallDay() {
  // Three leads from last week found on the first inbox visit, one from this morning.
  await seen('OLD-1', '2025-01-08T09:00:00Z');
  await seen('OLD-2', '2025-01-10T14:00:00Z');
  await seen('OLD-3', '2025-01-13T10:00:00Z');
  await seen('NEW-1', '2025-01-15T11:58:00Z');
}

describe('Popup: backlog from before Leadpace', () => {
  it('is one collapsed group with its count, not rows in Now or My leads', async () => {
    await seedInstallDay();
    renderPopup();
    const group = await screen.findByTestId('backlog-group');
    expect(within(group).getByTestId('backlog-summary').textContent).toBe('Found in your CRM from before Leadpace (3)');
    expect(group.hasAttribute('open')).toBe(false);
    expect(within(group).queryAllByTestId('lead-row')).toHaveLength(0);
    expect(within(screen.getByTestId('now-list')).getAllByTestId('now-row').map((r) => r.dataset.leadKey)).toEqual(['demo:NEW-1']);
    const mine = within(screen.getByTestId('my-leads')).getAllByTestId('lead-row').filter((r) => !group.contains(r));
    expect(mine.map((r) => r.dataset.leadKey)).toEqual(['demo:NEW-1']);
  });

  it('opens to list the backlog leads, oldest first, and one opens its lead', async () => {
    await seedInstallDay();
    const { openLead } = renderPopup();
    await userEvent.click(await screen.findByTestId('backlog-summary'));
    const rows = await within(screen.getByTestId('backlog-group')).findAllByTestId('lead-row');
    expect(rows.map((r) => r.dataset.leadKey)).toEqual(['demo:OLD-1', 'demo:OLD-2', 'demo:OLD-3']);
    await userEvent.click(rows[0] as HTMLElement);
    expect(openLead).toHaveBeenCalledWith('demo:OLD-1');
  });

  it('a backlog lead a rep has worked leaves the group and is work like any other', async () => {
    await seedInstallDay();
    renderPopup();
    await screen.findByTestId('backlog-group');
    await logAttempt(db, 'demo:OLD-2', { channel: 'call', outcome: 'no_answer' }, rep);
    await waitFor(() => expect(screen.getByTestId('backlog-summary').textContent).toBe('Found in your CRM from before Leadpace (2)'));
    const mine = within(screen.getByTestId('my-leads')).getAllByTestId('lead-row').map((r) => r.dataset.leadKey);
    expect(mine).toContain('demo:OLD-2');
  });

  it('in Dutch, and no empty-state text when only backlog is open', async () => {
    await seen('OLD-1', '2025-01-08T09:00:00Z');
    renderPopup('nl');
    expect((await screen.findByTestId('backlog-summary')).textContent).toBe('Gevonden in je CRM van vóór Leadpace (1)');
    expect(screen.queryByTestId('empty-leads')).toBeNull();
  });
});
