// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Panel } from '@/components/panel/Panel';
import type { Ask } from '@/components/panel/panel-actions';
import { I18nProvider } from '@/components/ui/i18n';
import { DEFAULT_OPENING_HOURS } from '@/lib/domain/business-time';
import { DEFAULT_CADENCE_SETTINGS } from '@/lib/domain/cadence';
import type { PanelErrorCode, PanelResult } from '@/lib/content/client';
import { createPanelStore, type PanelState, type PanelStore } from '@/lib/content/panel-store';
import type { LeadView } from '@/lib/domain/lead';
import type { LeadSnapshot } from '@/lib/domain/model';
import type { Lang } from '@/lib/i18n';

const MIN = 60_000;
// 13:00 on a Wednesday in Amsterdam: inside default opening hours, so business age = wall age.
const NOW = Date.parse('2025-01-15T12:00:00Z');
const KEY = 'demo:L-1042';
const A1 = '0194a1b2-0000-7000-8000-000000000001';
const A2 = '0194a1b2-0000-7000-8000-000000000002';

function leadView(over: Partial<LeadView> = {}): LeadView {
  return {
    key: KEY,
    crm: 'demo',
    leadId: 'L-1042',
    url: 'http://leadpace-demo.localhost/leads/L-1042',
    name: 'Sanne de Vries',
    phone: '+31612345678',
    vehicle: 'Volkswagen Golf',
    sourceRaw: 'Marktplaats',
    missing: [],
    source: 'marktplaats',
    receivedAt: NOW - 7 * MIN,
    receivedAtKnown: true,
    firstSeenAt: NOW - 6 * MIN,
    lastSeenAt: NOW - MIN,
    status: 'open',
    contactCount: 0,
    firstAttemptAt: NOW - 5 * MIN,
    lastAttemptAt: NOW - 2 * MIN,
    soldAt: null,
    closedAt: null,
    attemptsBeforeClose: 0,
    contactsBeforeClose: 0,
    phoneAttemptsBeforeClose: 0,
    furthest: 'open',
    statusActor: null,
    backlog: false,
    attemptCount: 2,
    lastOutcome: 'voicemail',
    attemptLog: [
      { at: NOW - 5 * MIN, channel: 'call', outcome: 'no_answer' },
      { at: NOW - 2 * MIN, channel: 'call', outcome: 'voicemail' },
    ],
    open: 1,
    attempts: [
      { id: A1, at: NOW - 5 * MIN, channel: 'call', outcome: 'no_answer' },
      { id: A2, at: NOW - 2 * MIN, channel: 'call', outcome: 'voicemail' },
    ],
    undoableAttemptId: A2,
    note: '',
    ...over,
  };
}

const snapshotOf = (view: LeadView, over: Partial<LeadSnapshot> = {}): LeadSnapshot => ({
  crm: 'demo',
  leadId: view.leadId,
  url: view.url,
  name: view.name,
  vehicle: view.vehicle,
  source: view.source,
  missing: view.missing,
  ...over,
});

type AskFn = (type: Parameters<Ask>[0], data: unknown) => Promise<PanelResult<LeadView>>;

function setup(options: { state?: Partial<PanelState>; lang?: Lang; answer?: AskFn; repName?: string; dealerName?: string } = {}) {
  const view = leadView();
  const store: PanelStore = createPanelStore();
  store.setState({ view, snapshot: snapshotOf(view), ...options.state });
  const ask = vi.fn<AskFn>(options.answer ?? (() => Promise.resolve({ ok: true, value: view })));
  const onToggle = vi.fn<() => void>();
  const utils = render(
    <I18nProvider lang={options.lang ?? 'en'}>
      <Panel
        store={store}
        ask={ask}
        repName={options.repName ?? 'Mark Visser'}
        dealerName={options.dealerName ?? 'AutoHuis'}
        cadence={DEFAULT_CADENCE_SETTINGS}
        hours={DEFAULT_OPENING_HOURS}
        onToggle={onToggle}
      />
    </I18nProvider>,
  );
  return { store, ask, onToggle, user: userEvent.setup(), ...utils };
}

const text = (testId: string) => screen.getByTestId(testId).textContent;
const pressed = (testId: string) => screen.getByTestId(testId).getAttribute('aria-pressed');

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Panel: the lead at a glance', () => {
  it('shows name, source, age and attempt count', () => {
    setup();
    expect(text('lead-name')).toBe('Sanne de Vries');
    expect(text('lead-source')).toBe('Marktplaats');
    expect(screen.getByTestId('lead-source').dataset.source).toBe('marktplaats');
    expect(text('lead-age')).toBe('7 min');
    expect(text('attempt-count')).toBe('2');
    expect(screen.getAllByTestId('attempt').map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^1\.Call·No answer/),
      expect.stringMatching(/^2\.Call·Voicemail/),
    ]);
  });

  it.each<{ name: string; over: Partial<LeadView>; expected: Record<string, string> }>([
    { name: 'an unknown name', over: { name: undefined }, expected: { 'lead-name': 'Name not read' } },
    { name: 'a dealer-added source', over: { source: 'beurs-2025' }, expected: { 'lead-source': 'beurs-2025' } },
    { name: 'an age over an hour', over: { receivedAt: NOW - 125 * MIN }, expected: { 'lead-age': '2 h 05 min' } },
    { name: 'no attempts', over: { attempts: [], attemptCount: 0, undoableAttemptId: null }, expected: { 'attempt-count': '0' } },
  ])('renders $name', ({ over, expected }) => {
    const view = leadView(over);
    setup({ state: { view, snapshot: snapshotOf(view) } });
    for (const [testId, value] of Object.entries(expected)) expect(text(testId)).toBe(value);
  });

  it('marks a first-seen clock when the page showed no created time', () => {
    const view = leadView({ receivedAtKnown: false });
    setup({ state: { view } });
    expect(screen.getAllByText(/First seen by Leadpace/).length).toBeGreaterThan(0);
  });

  it('shows loading placeholders before the first view arrives', () => {
    const view = leadView();
    setup({ state: { view: null, snapshot: snapshotOf(view) } });
    expect(text('lead-name')).toBe('Sanne de Vries');
    expect(text('lead-age')).toBe('…');
    expect(screen.queryByTestId('log-attempt')).toBeNull();
    expect(screen.getByText('Loading…')).not.toBeNull();
  });
});

describe('Panel: logging an attempt', () => {
  it('opens the controls with call preselected', async () => {
    const { user, ask } = setup();
    await user.click(screen.getByTestId('log-attempt'));
    expect(screen.getByTestId('attempt-logger')).not.toBeNull();
    expect(pressed('channel-call')).toBe('true');
    expect(['channel-whatsapp', 'channel-email', 'channel-sms'].map(pressed)).toEqual(['false', 'false', 'false']);
    expect(ask).not.toHaveBeenCalled();
  });

  it('whatsapp then no answer logs it and shows the returned view', async () => {
    const after = leadView({
      attemptCount: 3,
      attempts: [...leadView().attempts, { id: '0194a1b2-0000-7000-8000-000000000003', at: NOW, channel: 'whatsapp', outcome: 'no_answer' }],
      undoableAttemptId: '0194a1b2-0000-7000-8000-000000000003',
    });
    const { user, ask } = setup({ answer: () => Promise.resolve({ ok: true, value: after }) });
    await user.click(screen.getByTestId('log-attempt'));
    await user.click(screen.getByTestId('channel-whatsapp'));
    expect(pressed('channel-whatsapp')).toBe('true');
    expect(pressed('channel-call')).toBe('false');
    await user.click(screen.getByTestId('outcome-no_answer'));

    expect(ask).toHaveBeenCalledTimes(1);
    // The attempt records the call script that was on screen (id and version).
    const shown = screen.getByTestId('call-script');
    expect(ask).toHaveBeenCalledWith('attempt/log', {
      leadKey: KEY,
      channel: 'whatsapp',
      outcome: 'no_answer',
      script: { id: shown.dataset.scriptId, version: Number(shown.dataset.scriptVersion) },
    });
    await waitFor(() => expect(text('attempt-count')).toBe('3'));
    expect(text('panel-notice')).toBe('Logged: WhatsApp · No answer');
    expect(screen.queryByTestId('attempt-logger')).toBeNull();
    expect(screen.getAllByTestId('attempt')).toHaveLength(3);
  });

  it('cancel closes the controls without asking', async () => {
    const { user, ask, store } = setup();
    await user.click(screen.getByTestId('log-attempt'));
    await user.click(within(screen.getByTestId('attempt-logger')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('attempt-logger')).toBeNull();
    expect(store.getState().logging).toBeNull();
    expect(ask).not.toHaveBeenCalled();
  });

  it('disables the controls while a request is in flight', async () => {
    let resolve: (result: PanelResult<LeadView>) => void = () => undefined;
    const { user, ask } = setup({ answer: () => new Promise((r) => (resolve = r)) });
    await user.click(screen.getByTestId('log-attempt'));
    await user.click(screen.getByTestId('outcome-reached'));
    const disabled = () =>
      ['log-attempt', 'undo-attempt', 'lead-status'].map((id) => (screen.getByTestId(id) as HTMLButtonElement | HTMLSelectElement).disabled);
    expect(disabled()).toEqual([true, true, true]);
    await user.click(screen.getByTestId('log-attempt'));
    await user.click(screen.getByTestId('undo-attempt'));
    expect(ask).toHaveBeenCalledTimes(1);
    resolve({ ok: true, value: leadView() });
    await waitFor(() => expect(disabled()).toEqual([false, false, false]));
  });

  it('undo asks to void the last attempt in effect', async () => {
    const after = leadView({ attemptCount: 1, attempts: leadView().attempts.slice(0, 1), undoableAttemptId: A1 });
    const { user, ask } = setup({ answer: () => Promise.resolve({ ok: true, value: after }) });
    await user.click(screen.getByTestId('undo-attempt'));
    expect(ask).toHaveBeenCalledWith('attempt/undo', { leadKey: KEY, attemptId: A2 });
    await waitFor(() => expect(text('attempt-count')).toBe('1'));
    expect(text('panel-notice')).toBe('Attempt undone');
  });

  it('offers no undo without attempts', () => {
    const view = leadView({ attempts: [], attemptCount: 0, undoableAttemptId: null, firstAttemptAt: null });
    setup({ state: { view } });
    expect(screen.queryByTestId('undo-attempt')).toBeNull();
  });
});

describe('Panel: status', () => {
  it('a status change asks the background', async () => {
    const { user, ask } = setup({ answer: () => Promise.resolve({ ok: true, value: leadView({ status: 'appointment' }) }) });
    await user.selectOptions(screen.getByTestId('lead-status'), 'appointment');
    expect(ask).toHaveBeenCalledTimes(1);
    expect(ask.mock.calls[0]?.[0]).toBe('status/change');
    expect(ask.mock.calls[0]?.[1]).toMatchObject({ leadKey: KEY, status: 'appointment' });
    expect(ask.mock.calls[0]?.[1]).not.toHaveProperty('lostReason', expect.anything());
    await waitFor(() => expect((screen.getByTestId('lead-status') as HTMLSelectElement).value).toBe('appointment'));
  });

  it('lost asks for a reason first and only then asks the background', async () => {
    const { user, ask } = setup({ answer: () => Promise.resolve({ ok: true, value: leadView({ status: 'lost', lostReason: 'bought_elsewhere', open: 0 }) }) });
    await user.selectOptions(screen.getByTestId('lead-status'), 'lost');
    expect(ask).not.toHaveBeenCalled();
    expect((screen.getByTestId('lead-status') as HTMLSelectElement).value).toBe('lost');
    await user.selectOptions(screen.getByTestId('lost-reason'), 'bought_elsewhere');
    expect(ask).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('confirm-lost'));
    expect(ask).toHaveBeenCalledTimes(1);
    expect(ask).toHaveBeenCalledWith('status/change', { leadKey: KEY, status: 'lost', lostReason: 'bought_elsewhere' });
    await waitFor(() => expect(screen.queryByTestId('lost-reason')).toBeNull());
    expect(screen.getByText('Bought elsewhere')).not.toBeNull();
  });

  it('cancelling the lost reason asks nothing and restores the status', async () => {
    const { user, ask } = setup();
    await user.selectOptions(screen.getByTestId('lead-status'), 'lost');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(ask).not.toHaveBeenCalled();
    expect((screen.getByTestId('lead-status') as HTMLSelectElement).value).toBe('open');
    expect(screen.queryByTestId('lost-reason')).toBeNull();
  });
});

describe('Panel: errors', () => {
  it.each<{ code: PanelErrorCode; message: string; reload: boolean }>([
    { code: 'db', message: 'Leadpace cannot open its local database (QuotaExceededError: full). Your CRM works as usual; close other Leadpace windows or free disk space, then reload.', reload: false },
    { code: 'updated', message: 'Leadpace was updated — reload this tab.', reload: true },
    { code: 'unavailable', message: 'Leadpace’s background service did not answer. Reload this tab.', reload: true },
    { code: 'not-found', message: 'Leadpace has no record of this lead yet. Reload the page.', reload: true },
    { code: 'invalid', message: 'Leadpace refused this request: QuotaExceededError: full', reload: false },
    { code: 'forbidden', message: 'Leadpace refused this request: QuotaExceededError: full', reload: false },
    { code: 'unknown', message: 'Something went wrong in Leadpace: QuotaExceededError: full', reload: false },
  ])('$code renders its message', async ({ code, message, reload }) => {
    const { user, ask } = setup({ answer: () => Promise.resolve({ ok: false, code, reason: 'QuotaExceededError: full' }) });
    await user.selectOptions(screen.getByTestId('lead-status'), 'contacted');
    expect(ask).toHaveBeenCalledTimes(1);
    const error = await screen.findByTestId('panel-error');
    expect(error.dataset.code).toBe(code);
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.querySelector('p')?.textContent).toBe(message);
    expect(within(error).queryByRole('button', { name: 'Reload' }) !== null).toBe(reload);
    // The view stays as it was.
    expect(text('attempt-count')).toBe('2');
  });

  it('a later success clears the error', async () => {
    const answers: PanelResult<LeadView>[] = [
      { ok: false, code: 'db', reason: 'DatabaseClosedError' },
      { ok: true, value: leadView({ status: 'contacted' }) },
    ];
    const { user } = setup({ answer: () => Promise.resolve(answers.shift() ?? { ok: true, value: leadView() }) });
    await user.selectOptions(screen.getByTestId('lead-status'), 'contacted');
    await screen.findByTestId('panel-error');
    await user.selectOptions(screen.getByTestId('lead-status'), 'contacted');
    await waitFor(() => expect(screen.queryByTestId('panel-error')).toBeNull());
  });
});

describe('Panel: fields the page did not show', () => {
  it.each<{ lang: Lang; expected: string }>([
    { lang: 'en', expected: 'Couldn’t read from this page: name, vehicle, created time' },
    { lang: 'nl', expected: 'Niet gelezen van deze pagina: naam, voertuig, aanmaaktijd' },
  ])('lists them in $lang', ({ lang, expected }) => {
    const view = leadView();
    setup({ lang, state: { snapshot: snapshotOf(view, { missing: ['name', 'vehicle', 'receivedAt'] }) } });
    expect(text('missing-fields')).toBe(expected);
  });

  it('shows no notice when nothing is missing', () => {
    setup();
    expect(screen.queryByTestId('missing-fields')).toBeNull();
  });
});

describe('Panel: call script', () => {
  const firstStep = () => screen.getByTestId('call-script').querySelector('li');

  // The fixture lead has two attempts: the follow-up script applies. It came from Marktplaats,
  // a Dutch portal, so its script is Dutch even in an English panel.
  it('fills first name, vehicle, rep and dealer', () => {
    setup();
    const step = firstStep();
    expect(step?.textContent).toBe(
      'OpeningGoedendag Sanne, met Mark van AutoHuis. Ik bel u nog even over de Volkswagen Golf die u via Marktplaats bekeek. Komt het nu uit?',
    );
    expect(Array.from(step?.querySelectorAll('.lp-value') ?? [], (v) => v.textContent)).toEqual([
      'Sanne',
      'Mark',
      'AutoHuis',
      'Volkswagen Golf',
      'Marktplaats',
    ]);
    expect(screen.getByTestId('call-script').querySelector('.lp-blank')).toBeNull();
  });

  it('uses the Dutch script in Dutch', () => {
    setup({ lang: 'nl' });
    expect(firstStep()?.textContent).toContain('Goedendag Sanne, met Mark van AutoHuis.');
  });

  it('shows visible blanks for missing values, never raw placeholders', () => {
    const view = leadView({ name: undefined, vehicle: undefined });
    setup({ state: { view, snapshot: snapshotOf(view) }, repName: '', dealerName: '' });
    const script = screen.getByTestId('call-script');
    const blanks = Array.from(firstStep()?.querySelectorAll('.lp-blank') ?? []);
    // Blanks a setting can fill say which one.
    expect(blanks.map((b) => b.getAttribute('title'))).toEqual([
      'customer.firstName',
      'Not filled in yet: set your name in Settings → General',
      'Not filled in yet: set the dealership name in Settings → General',
      'vehicle',
    ]);
    // Unfillable blanks are a line; fillable ones are a link naming what is missing.
    expect(blanks.filter((b) => b.tagName === 'SPAN').map((b) => b.textContent)).toEqual(['___', '___']);
    expect(blanks.filter((b) => b.tagName === 'BUTTON').every((b) => (b.textContent ?? '').trim() !== '' && b.textContent !== '___')).toBe(true);
    expect(script.textContent).not.toMatch(/[{}]/);
  });

  it('renders a hostile vehicle as text: no element is created from it', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const view = leadView({ vehicle: hostile, name: '<b>Sanne</b>' });
    const { container } = setup({ state: { view, snapshot: snapshotOf(view) } });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(Array.from(firstStep()?.querySelectorAll('.lp-value') ?? [], (v) => v.textContent)).toContain(hostile);
    expect(screen.getAllByText(hostile).length).toBeGreaterThan(0);
    expect(text('lead-name')).toBe('<b>Sanne</b>');
  });

  it('is folded in the compact panel, still in the DOM, and unfolds with its toggle', async () => {
    const view = leadView({ attemptCount: 0, attempts: [], undoableAttemptId: null });
    const { user } = setup({ state: { view } });
    const script = screen.getByTestId('call-script');
    const toggle = screen.getByTestId('toggle-script');
    expect(script.dataset.open).toBe('false');
    expect(script.querySelector('.lp-script-body')?.hasAttribute('hidden')).toBe(true);
    expect(script.querySelectorAll('li').length).toBeGreaterThan(0);
    expect(script.textContent).toContain('Sanne');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(script.id);
    await user.click(toggle);
    expect(script.dataset.open).toBe('true');
    expect(script.querySelector('.lp-script-body')?.hasAttribute('hidden')).toBe(false);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await user.click(toggle);
    expect(script.dataset.open).toBe('false');
  });
});

describe('Panel: compact by default', () => {
  it('shows age, next step, attempts and Log attempt; details fold away but stay readable', async () => {
    const { user } = setup();
    for (const id of ['lead-name', 'lead-source', 'lead-age', 'next-step', 'attempt-count', 'log-attempt', 'lead-status']) {
      expect(screen.getByTestId(id).closest('[hidden]'), id).toBeNull();
    }
    const details = screen.getByTestId('lead-details');
    expect(details.dataset.open).toBe('false');
    expect(screen.getByTestId('lead-note').closest('[hidden]')).not.toBeNull();
    expect(screen.getAllByTestId('attempt')).toHaveLength(2);
    await user.click(screen.getByTestId('toggle-details'));
    expect(details.dataset.open).toBe('true');
    expect(screen.getByTestId('lead-note').closest('[hidden]')).toBeNull();
    expect(screen.getByTestId('toggle-details').getAttribute('aria-expanded')).toBe('true');
  });

  it.each([
    { lang: 'en' as const, log: 'Alt+Shift+K logs an attempt', drag: 'Alt+Shift+J jumps to it' },
    { lang: 'nl' as const, log: 'Alt+Shift+K legt een poging vast', drag: 'Alt+Shift+J springt erheen' },
  ])('names the shortcuts and where to change them ($lang)', ({ lang, log, drag }) => {
    setup({ lang });
    const logTitle = screen.getByTestId('log-attempt').getAttribute('title') ?? '';
    const headTitle = screen.getByTestId('panel-header').getAttribute('title') ?? '';
    expect(logTitle).toContain(log);
    expect(headTitle).toContain(drag);
    for (const title of [logTitle, headTitle]) expect(title).toContain('chrome://extensions/shortcuts');
  });

  it('undo says what it undoes in its tooltip', () => {
    setup();
    const undo = screen.getByTestId('undo-attempt');
    expect(undo.textContent).toBe('Undo');
    expect(undo.getAttribute('title')).toBe('Undo last attempt');
  });
});

describe('Panel: note', () => {
  it('saves on blur via note/save', async () => {
    const { user, ask } = setup({ answer: () => Promise.resolve({ ok: true, value: leadView({ note: 'call after 17:00' }) }) });
    await user.type(screen.getByTestId('lead-note'), 'call after 17:00');
    expect(ask).not.toHaveBeenCalled();
    await user.tab();
    expect(ask).toHaveBeenCalledTimes(1);
    expect(ask).toHaveBeenCalledWith('note/save', { leadKey: KEY, text: 'call after 17:00' });
    await waitFor(() => expect(text('panel-notice')).toBe('Note saved'));
    expect((screen.getByTestId('lead-note') as HTMLTextAreaElement).value).toBe('call after 17:00');
  });

  it('does not save an unchanged note', async () => {
    const view = leadView({ note: 'existing' });
    const { user, ask } = setup({ state: { view } });
    expect((screen.getByTestId('lead-note') as HTMLTextAreaElement).value).toBe('existing');
    await user.click(screen.getByTestId('lead-note'));
    await user.tab();
    expect(ask).not.toHaveBeenCalled();
  });
});

describe('Panel: collapsed', () => {
  it('renders the pill with age and attempt count, and toggles', async () => {
    const { user, onToggle } = setup({ state: { collapsed: true } });
    const pill = screen.getByTestId('panel-expand');
    expect(pill.getAttribute('aria-label')).toBe('Open Leadpace panel');
    expect(within(pill).getByTestId('lead-age').textContent).toBe('7 min');
    expect(within(pill).getByTestId('attempt-count').textContent).toBe('2');
    expect(screen.queryByTestId('lead-name')).toBeNull();
    await user.click(pill);
    expect(onToggle).toHaveBeenCalledTimes(1);
  });

  it('the collapse button toggles too', async () => {
    const { user, onToggle } = setup();
    await user.click(screen.getByTestId('panel-collapse'));
    expect(onToggle).toHaveBeenCalledTimes(1);
  });
});
