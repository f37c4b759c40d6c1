// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CallScriptView } from '@/components/panel/CallScriptView';
import { I18nProvider } from '@/components/ui/i18n';
import type { LeadView } from '@/lib/domain/lead';
import type { Lang } from '@/lib/i18n';
import type { FillableSetting } from '@/lib/open-setting';
import { readScriptLanguage } from '@/lib/storage/script-language-item';

const NOW = Date.UTC(2026, 11, 1, 10, 0);

const view = (over: Partial<LeadView>): LeadView => ({
  key: 'demo:L-1', crm: 'demo', leadId: 'L-1', url: 'http://leadpace-demo.localhost/leads/L-1', name: 'Sanne de Vries', vehicle: 'Volkswagen Golf',
  sourceRaw: 'Marktplaats', missing: [], source: 'marktplaats', receivedAt: NOW, receivedAtKnown: true, firstSeenAt: NOW, lastSeenAt: NOW,
  status: 'open', contactCount: 0, firstAttemptAt: null, lastAttemptAt: null, soldAt: null, closedAt: null, attemptsBeforeClose: 0,
  contactsBeforeClose: 0, phoneAttemptsBeforeClose: 0, furthest: 'open', statusActor: null, backlog: false, attemptCount: 0,
  lastOutcome: null, attemptLog: [], open: 1, attempts: [], undoableAttemptId: null, note: '', ...over,
});

async function show(lang: Lang, over: Partial<LeadView>, names = { repName: 'Mark', dealerName: 'AutoHuis' }, openSetting = vi.fn<(f: FillableSetting) => void>()) {
  const utils = render(
    <I18nProvider lang={lang}>
      <CallScriptView view={view(over)} repName={names.repName} dealerName={names.dealerName} openSetting={openSetting} />
    </I18nProvider>,
  );
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return { ...utils, openSetting };
}
const script = () => screen.getByTestId('call-script');

beforeEach(() => fakeBrowser.reset());
afterEach(() => cleanup());

describe('the script’s language follows the lead', () => {
  it('a Marktplaats lead in an English UI gets the Dutch script; a Cars.com lead in a Dutch UI the English one', async () => {
    await show('en', {});
    await waitFor(() => expect(script().dataset.lang).toBe('nl'));
    expect(script().textContent).toContain('u spreekt met Mark van AutoHuis');
    cleanup();
    await show('nl', { key: 'demo:L-2', source: 'carscom', sourceRaw: 'Cars.com' });
    await waitFor(() => expect(script().dataset.lang).toBe('en'));
  });

  it('the rep’s choice per lead wins and is remembered for that lead only', async () => {
    const user = userEvent.setup();
    await show('nl', {});
    expect(screen.getByTestId('script-lang-nl').getAttribute('aria-pressed')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Engels' }));
    await waitFor(() => expect(script().dataset.lang).toBe('en'));
    expect(script().textContent).toContain('this is Mark from AutoHuis');
    await waitFor(async () => expect(await readScriptLanguage('demo:L-1')).toBe('en'));
    cleanup();
    await show('nl', {});
    await waitFor(() => expect(script().dataset.lang).toBe('en'));
    cleanup();
    await show('nl', { key: 'demo:L-9' });
    await waitFor(() => expect(script().dataset.lang).toBe('nl'));
  });
});

describe('blanks link to the setting that fills them', () => {
  it('“u spreekt met ___ van ___”: both blanks are buttons to the name fields; customer blanks are not', async () => {
    const user = userEvent.setup();
    const { openSetting } = await show('nl', { vehicle: ' ' }, { repName: '', dealerName: '' });
    const links = await screen.findAllByTestId('script-blank-link');
    expect(links.slice(0, 2).map((l) => [l.dataset.field, l.textContent])).toEqual([
      ['repName', 'je naam'],
      ['dealerName', 'naam autobedrijf'],
    ]);
    expect(screen.getAllByRole('button', { name: 'Nog niet ingevuld: vul je naam in bij Instellingen → Algemeen' }).length).toBeGreaterThan(0);
    await user.click(links[1] ?? script());
    expect(openSetting).toHaveBeenCalledWith('dealerName');
    expect(script().querySelector('.lp-blank[title="vehicle"]')?.tagName).toBe('SPAN');
  });

  it('no links once the names are filled in', async () => {
    await show('nl', {});
    expect(screen.queryByTestId('script-blank-link')).toBeNull();
  });
});
