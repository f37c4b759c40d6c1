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
import { connection, TEAM_KEY } from '@/tests/lib/sync/fixtures';

let db: LeadpaceDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = openLeadpaceDb('team-invite-' + crypto.randomUUID());
});
afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

const LINK = `https://team.example/#pair=ABCD2345&key=${TEAM_KEY}`;

function api(): TeamOptionsApi {
  const refused = () => Promise.resolve({ ok: false as const, code: 'unknown' as const, reason: 'x' });
  return {
    connect: vi.fn<TeamOptionsApi['connect']>(refused),
    test: vi.fn<TeamOptionsApi['test']>(refused),
    syncNow: vi.fn<TeamOptionsApi['syncNow']>(refused),
    disconnect: vi.fn<TeamOptionsApi['disconnect']>(() => Promise.resolve({ ok: true, value: null })),
    invitation: vi.fn<TeamOptionsApi['invitation']>(() => Promise.resolve({ ok: true, value: { code: `ABCD2345#${TEAM_KEY}`, link: LINK } })),
  };
}

const renderIn = (lang: Lang, ui: React.ReactElement) => render(<I18nProvider lang={lang}>{ui}</I18nProvider>);

describe('Options → Team: inviting a rep', () => {
  it.each(['en', 'nl'] as const)('a manager turns a pairing code into an invitation link (%s)', async (lang) => {
    await teamConnectionItem.setValue(connection({ role: 'manager' }));
    const calls = api();
    renderIn(lang, <TeamConnectionSection api={calls} db={db} />);
    await userEvent.click(await screen.findByTestId('team-invite-make'));
    expect((await screen.findByTestId('team-invite-error')).textContent).toMatch(lang === 'en' ? /pairing code/ : /koppelcode/);
    expect(calls.invitation).not.toHaveBeenCalled();

    await userEvent.type(screen.getByTestId('team-invite-code'), ' abcd-2345 ');
    await userEvent.click(screen.getByTestId('team-invite-make'));
    expect(calls.invitation).toHaveBeenCalledWith('abcd-2345');
    expect(await screen.findByTestId('team-invite-link')).toHaveProperty('value', LINK);
  });

  it('a rep gets no invitation form', async () => {
    await teamConnectionItem.setValue(connection({ role: 'rep' }));
    renderIn('en', <TeamConnectionSection api={api()} db={db} />);
    await screen.findByTestId('team-name');
    expect(screen.queryByTestId('team-invite')).toBeNull();
  });

  it('an invitation link is enough to connect: the server address comes from it', async () => {
    await teamConnectionItem.setValue(null);
    const calls = api();
    renderIn('en', <TeamConnectionSection api={calls} db={db} />);
    await userEvent.click(await screen.findByTestId('team-secret'));
    await userEvent.paste(LINK);
    await userEvent.click(screen.getByTestId('team-connect'));
    expect(calls.connect).toHaveBeenCalledWith({ serverUrl: 'https://team.example', secret: LINK });
  });
});
