// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CallScriptView } from '@/components/panel/CallScriptView';
import { I18nProvider } from '@/components/ui/i18n';
import { DEFAULT_SCRIPTS } from '@/lib/domain/scripts-library';
import type { LeadView } from '@/lib/domain/lead';
import type { Lang } from '@/lib/i18n';
import { saveScriptLanguage } from '@/lib/storage/script-language-item';
import { saveScript } from '@/lib/storage/scripts-item';

const NOW = Date.UTC(2025, 2, 12, 10, 0);

function leadView(over: Partial<LeadView> = {}): LeadView {
  return {
    key: 'demo:L-1',
    crm: 'demo',
    leadId: 'L-1',
    url: 'http://leadpace-demo.localhost/leads/L-1',
    name: 'Sanne de Vries',
    vehicle: 'Volkswagen Golf',
    sourceRaw: 'Marktplaats',
    missing: [],
    source: 'marktplaats',
    receivedAt: NOW,
    receivedAtKnown: true,
    firstSeenAt: NOW,
    lastSeenAt: NOW,
    status: 'open',
    contactCount: 0,
    firstAttemptAt: null,
    lastAttemptAt: null,
    soldAt: null,
    closedAt: null,
    attemptsBeforeClose: 0,
    contactsBeforeClose: 0,
    phoneAttemptsBeforeClose: 0,
    furthest: 'open',
    statusActor: null,
    backlog: false,
    attemptCount: 0,
    lastOutcome: null,
    attemptLog: [],
    open: 1,
    attempts: [],
    undoableAttemptId: null,
    note: '',
    ...over,
  };
}

/** Renders and lets the dealer-scripts read from storage land, inside act. */
async function show(options: { lang?: Lang; view?: Partial<LeadView>; repName?: string; dealerName?: string; onScriptShown?: (s: { id: string; version: number }) => void } = {}) {
  // A Marktplaats lead gets the Dutch script by default; the English cases are a rep who
  // chose English for this lead.
  if ((options.lang ?? 'en') === 'en') await saveScriptLanguage(leadView(options.view).key, 'en', NOW);
  const utils = render(
    <I18nProvider lang={options.lang ?? 'en'}>
      <CallScriptView
        view={leadView(options.view)}
        repName={options.repName ?? 'Mark Visser'}
        dealerName={options.dealerName ?? 'AutoHuis'}
        onScriptShown={options.onScriptShown}
      />
    </I18nProvider>,
  );
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return utils;
}

const root = () => screen.getByTestId('call-script');
const steps = () => Array.from(root().querySelectorAll('ol > li'));

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  cleanup();
});

describe('CallScriptView', () => {
  it('renders the English Marktplaats script with the lead’s data', async () => {
    await show();
    expect(root().dataset.scriptId).toBe('default-marktplaats');
    expect(root().dataset.scriptVersion).toBe('1');
    expect(root().dataset.situation).toBe('first_contact');
    expect(steps()).toHaveLength(7);
    expect(steps()[0]?.textContent).toBe(
      'OpenerHi Sanne, this is Mark from AutoHuis. You messaged us on Marktplaats about the Volkswagen Golf. I thought I’d call, it’s easier than messages back and forth. Is now a good moment?',
    );
    expect(Array.from(steps()[0]?.querySelectorAll('.lp-value') ?? [], (v) => v.textContent)).toEqual(['Sanne', 'Mark', 'AutoHuis', 'Volkswagen Golf']);
    expect(root().querySelector('.lp-blank')).toBeNull();
  });

  it('renders the Dutch script in Dutch', async () => {
    await show({ lang: 'nl', view: { source: 'autoscout24', sourceRaw: 'AutoScout24' } });
    expect(root().dataset.scriptId).toBe('default-portals');
    expect(steps()[0]?.textContent).toBe(
      'OpeningGoedendag Sanne, u spreekt met Mark van AutoHuis. U reageerde via AutoScout24 op onze Volkswagen Golf. Komt het nu even uit?',
    );
    expect(screen.getByText('Bezwaren')).toBeTruthy();
    expect(steps()[5]?.textContent).toMatch(/WhatsApp/);
  });

  it('uses the follow-up script after the first attempt', async () => {
    await show({ lang: 'nl', view: { attemptCount: 1 } });
    expect(root().dataset.scriptId).toBe('default-follow-up');
    expect(root().dataset.situation).toBe('follow_up');
    expect(steps()[0]?.textContent).toContain('Ik bel u nog even over de Volkswagen Golf die u via Marktplaats bekeek.');
  });

  it('shows missing values as visible blanks named in their title, never braces', async () => {
    await show({ view: { name: undefined, vehicle: '  ' }, repName: '', dealerName: '' });
    const blanks = Array.from(steps()[0]?.querySelectorAll('.lp-blank') ?? []);
    expect(blanks.map((b) => b.getAttribute('title'))).toEqual([
      'customer.firstName',
      'Not filled in yet: set your name in Settings → General',
      'Not filled in yet: set the dealership name in Settings → General',
      'vehicle',
    ]);
    // Blanks a setting fills are links to it (tested in call-script-blanks); the others stay blanks.
    expect(blanks.map((b) => b.textContent)).toEqual(['___', 'your name', 'dealership name', '___']);
    expect(root().textContent).not.toMatch(/[{}]/);
  });

  it.each<{ attemptCount: number; shown: boolean }>([
    { attemptCount: 0, shown: true },
    { attemptCount: 1, shown: true },
    { attemptCount: 2, shown: false },
    { attemptCount: 4, shown: false },
  ])('voicemail card before attempt $attemptCount + 1: $shown', async ({ attemptCount, shown }) => {
    await show({ view: { attemptCount } });
    const card = screen.queryByTestId('script-voicemail');
    expect(card !== null).toBe(shown);
    if (card) expect(card.textContent).toContain('Hi Sanne, this is Mark from AutoHuis, about the Volkswagen Golf you asked about.');
    expect(screen.getAllByTestId('script-card').filter((c) => c.dataset.cardKind !== 'voicemail').map((c) => c.dataset.cardKind)).toEqual([
      'best_price',
      'not_ready',
      'already_bought',
      'email_only',
    ]);
  });

  it('renders a hostile vehicle as text: no element is created from it', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { container } = await show({ view: { vehicle: hostile, name: '<b>Sanne</b> Jansen' } });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(Array.from(steps()[0]?.querySelectorAll('.lp-value') ?? [], (v) => v.textContent)).toContain(hostile);
    expect(root().textContent).toContain(hostile);
  });

  it('calls onScriptShown with id and version once the dealer’s scripts are read, and again when the script changes', async () => {
    const onScriptShown = vi.fn<(s: { id: string; version: number }) => void>();
    const { rerender } = await show({ onScriptShown });
    await waitFor(() => expect(onScriptShown).toHaveBeenCalledWith({ id: 'default-marktplaats', version: 1 }));
    expect(onScriptShown).toHaveBeenCalledTimes(1);

    rerender(
      <I18nProvider lang="en">
        <CallScriptView view={leadView({ attemptCount: 1 })} repName="Mark" dealerName="AutoHuis" onScriptShown={onScriptShown} />
      </I18nProvider>,
    );
    await waitFor(() => expect(onScriptShown).toHaveBeenLastCalledWith({ id: 'default-follow-up', version: 1 }));
    expect(onScriptShown).toHaveBeenCalledTimes(2);
  });

  it('a dealer’s script overrides the default, live, and reports its own id and version', async () => {
    const onScriptShown = vi.fn<(s: { id: string; version: number }) => void>();
    await show({ onScriptShown });
    await waitFor(() => expect(onScriptShown).toHaveBeenCalledTimes(1));
    const own = { ...DEFAULT_SCRIPTS.en, id: 'custom-mp', name: 'Our Marktplaats', sources: ['marktplaats'] };
    await act(async () => {
      await saveScript({ ...own, steps: [{ kind: 'opener', title: 'Hello', text: 'Hey {customer.firstName}, about the {vehicle}.' }] });
      await saveScript({ ...own, steps: [{ kind: 'opener', title: 'Hello', text: 'Hi {customer.firstName}, about the {vehicle}!' }] });
    });
    await waitFor(() => expect(root().dataset.scriptId).toBe('custom-mp'));
    expect(root().dataset.scriptVersion).toBe('2');
    expect(steps()[0]?.textContent).toBe('HelloHi Sanne, about the Volkswagen Golf!');
    expect(onScriptShown).toHaveBeenLastCalledWith({ id: 'custom-mp', version: 2 });
  });
});
