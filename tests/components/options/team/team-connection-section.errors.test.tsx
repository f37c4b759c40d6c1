// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TeamConnectionSection, type TeamOptionsApi } from '@/components/options/team/TeamConnectionSection';
import { I18nProvider } from '@/components/ui/i18n';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import type { Lang } from '@/lib/i18n';
import { teamConnectionItem } from '@/lib/sync/connection';
import { connection } from '@/tests/lib/sync/fixtures';

let db: LeadpaceDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = openLeadpaceDb('team-errors-' + crypto.randomUUID());
});
afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

const INFO = { serverUrl: 'https://team.example', memberId: 'm-1', name: 'Anna', role: 'rep', teamId: 't-1', teamName: 'Noord', visibility: 'named', checkedAt: 0 } as const;

function api(overrides: Partial<TeamOptionsApi> = {}): TeamOptionsApi {
  return {
    connect: vi.fn<TeamOptionsApi['connect']>(() => Promise.resolve({ ok: true, value: INFO })),
    test: vi.fn<TeamOptionsApi['test']>(() => Promise.resolve({ ok: true, value: INFO })),
    syncNow: vi.fn<TeamOptionsApi['syncNow']>(() => Promise.resolve({ ok: true, value: { status: 'retrying', error: 'timeout: no answer within 20 s', nextAttemptAt: Date.now() + 60_000 } })),
    disconnect: vi.fn<TeamOptionsApi['disconnect']>(() => Promise.resolve({ ok: true, value: null })),
    invitation: vi.fn<TeamOptionsApi['invitation']>(() => Promise.resolve({ ok: false, code: 'forbidden', reason: 'x', apiCode: 'forbidden_role' })),
    ...overrides,
  };
}
const renderIn = (lang: Lang, a: TeamOptionsApi) => render(<I18nProvider lang={lang}><TeamConnectionSection api={a} db={db} /></I18nProvider>);

describe('options → Team errors', () => {
  it('a failed "sync now" is an alert in Dutch, not green English', async () => {
    await teamConnectionItem.setValue(connection());
    renderIn('nl', api());
    await userEvent.click(await screen.findByTestId('team-sync-now'));
    const alert = await screen.findByRole('alert');
    expect(alert.className).toBe('op-field-error');
    expect(alert.textContent).toMatch(/^Synchroniseren lukte niet\. De server antwoordde niet binnen 20 seconden\./);
    expect(alert.textContent).not.toMatch(/no answer|timeout/);
    expect(screen.queryByTestId('team-notice')).toBeNull();
  });

  it('a bare host gets https:// and is shown that way', async () => {
    const a = api();
    renderIn('en', a);
    await userEvent.type(await screen.findByTestId('team-server-url'), 'team.example.nl');
    await userEvent.type(screen.getByTestId('team-secret'), 'lp_abcdefghijkl');
    await userEvent.click(screen.getByTestId('team-connect'));
    expect(a.connect).toHaveBeenCalledWith({ serverUrl: 'https://team.example.nl', secret: 'lp_abcdefghijkl' });
  });

  it('an address that is not one, and an empty token, are explained in the rep’s language and replace the old error', async () => {
    const a = api({ connect: vi.fn<TeamOptionsApi['connect']>(() => Promise.resolve({ ok: false, code: 'unknown', reason: 'x', apiCode: 'not_leadpace' })) });
    renderIn('nl', a);
    await userEvent.type(await screen.findByTestId('team-server-url'), 'team.example.nl');
    await userEvent.type(screen.getByTestId('team-secret'), 'lp_abcdefghijkl');
    await userEvent.click(screen.getByTestId('team-connect'));
    expect((await screen.findByRole('alert')).textContent).toBe('Dat adres antwoordt wel, maar het is geen Leadpace-server. Controleer het adres bij je teamleider.');
    await userEvent.clear(screen.getByTestId('team-secret'));
    await userEvent.click(screen.getByTestId('team-connect'));
    expect(screen.getByRole('alert').textContent).toBe('Vul het token of de koppelcode van je teamleider in.');
    await userEvent.clear(screen.getByTestId('team-server-url'));
    await userEvent.type(screen.getByTestId('team-server-url'), 'ftp://x');
    await userEvent.click(screen.getByTestId('team-connect'));
    expect(screen.getByRole('alert').textContent).toMatch(/^Dat is geen webadres\./);
    expect(a.connect).toHaveBeenCalledTimes(1);
  });
});
