// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TeamChangeHistory } from '@/components/options/TeamChangeHistory';
import { TeamConnectionSection, type TeamOptionsApi } from '@/components/options/team/TeamConnectionSection';
import { I18nProvider } from '@/components/ui/i18n';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import type { Lang } from '@/lib/i18n';
import { teamConnectionItem } from '@/lib/sync/connection';
import { TeamApiError } from '@/lib/sync/http';
import type { AuditEntry, AuditPage } from '@/lib/sync/team-audit';
import { connection } from '@/tests/lib/sync/fixtures';

const AT = Date.UTC(2026, 10, 20, 14, 30);
const manager = { pseudonym: 'Rep KQZT', name: 'Lotte Manager', role: 'manager' as const };

const entry = (id: string, fields: Partial<AuditEntry>): AuditEntry => ({
  id,
  at: AT,
  actor: manager,
  kind: 'settings',
  changed: [],
  from: null,
  to: null,
  version: null,
  ...fields,
});

const FIRST: AuditPage = {
  entries: [
    entry('e3', { kind: 'visibility', actor: null, from: 'pseudonymous', to: 'team-only' }),
    entry('e2', { kind: 'settings', changed: ['cadence.closeAfterAttempts', 'monthlyTarget'], version: 3 }),
  ],
  next: 'e2',
};
const SECOND: AuditPage = { entries: [entry('e1', { kind: 'retention', actor: null, from: '24', to: '18' })], next: null };

const renderIn = (lang: Lang, ui: React.ReactElement) => render(<I18nProvider lang={lang}>{ui}</I18nProvider>);
const rows = () => screen.queryAllByTestId('team-change').map((li) => li.textContent);

let db: LeadpaceDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = openLeadpaceDb('team-audit-ui-' + crypto.randomUUID());
});
afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

describe('Options → Team: change history', () => {
  it('loads on request, says who changed what, and pages to older changes', async () => {
    const load = vi.fn((before: string | null) => Promise.resolve(before === null ? FIRST : SECOND));
    renderIn('en', <TeamChangeHistory load={load} />);
    expect(rows()).toEqual([]);
    await userEvent.click(screen.getByTestId('team-change-history-show'));
    expect(await screen.findAllByTestId('team-change')).toHaveLength(2);
    expect(rows()[0]).toMatch(/the server administrator changed visibility from pseudonymous to team only$/);
    expect(rows()[1]).toMatch(/Lotte Manager \(manager\) saved version 3: cadence\.closeAfterAttempts, monthlyTarget$/);
    await userEvent.click(screen.getByTestId('team-change-history-more'));
    expect(await screen.findAllByTestId('team-change')).toHaveLength(3);
    expect(load).toHaveBeenLastCalledWith('e2');
    expect(rows()[2]).toMatch(/changed server retention from 24 to 18 months$/);
    expect(screen.queryByTestId('team-change-history-more')).toBeNull();
  });

  it('in Dutch', async () => {
    renderIn('nl', <TeamChangeHistory load={() => Promise.resolve(FIRST)} />);
    await userEvent.click(screen.getByRole('button', { name: 'Toon de wijzigingsgeschiedenis' }));
    expect(await screen.findAllByTestId('team-change')).toHaveLength(2);
    expect(rows()[0]).toMatch(/de serverbeheerder wijzigde de zichtbaarheid van pseudoniem naar alleen team$/);
    expect(rows()[1]).toMatch(/sloeg versie 3 op/);
  });

  it('an empty history says so; a refusal is explained and can be retried', async () => {
    const load = vi
      .fn<(before: string | null) => Promise<AuditPage>>()
      .mockRejectedValueOnce(new TeamApiError('forbidden_role', "Only the team's manager can read the change history.", 403, false))
      .mockResolvedValueOnce({ entries: [], next: null });
    renderIn('en', <TeamChangeHistory load={load} />);
    await userEvent.click(screen.getByTestId('team-change-history-show'));
    expect((await screen.findByRole('alert')).textContent).not.toBe('');
    await userEvent.click(screen.getByTestId('team-change-history-show'));
    expect(await screen.findByText('No changes recorded yet.')).toBeTruthy();
  });

  it('is shown to the manager in Options → Team, not to a rep', async () => {
    const api: TeamOptionsApi = {
      connect: vi.fn(),
      test: vi.fn(),
      syncNow: vi.fn(),
      disconnect: vi.fn(),
      invitation: vi.fn(),
    };
    await teamConnectionItem.setValue(connection({ role: 'manager' }));
    const view = renderIn('en', <TeamConnectionSection api={api} db={db} loadChanges={() => Promise.resolve(FIRST)} />);
    expect(await screen.findByTestId('team-change-history')).toBeTruthy();
    view.unmount();
    await teamConnectionItem.setValue(connection({ role: 'rep' }));
    renderIn('en', <TeamConnectionSection api={api} db={db} loadChanges={() => Promise.resolve(FIRST)} />);
    // Wait for the connected view, so the absence below is not just an unrendered page.
    expect(await screen.findByTestId('team-connected')).toBeTruthy();
    expect(screen.queryByTestId('team-change-history')).toBeNull();
  });
});
