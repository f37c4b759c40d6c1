// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GoLiveField } from '@/components/options/GoLiveField';
import { StatusRules } from '@/components/options/StatusRules';
import { I18nProvider } from '@/components/ui/i18n';
import { DEFAULT_STATUS_RULES } from '@/lib/domain/status-rules';
import { readGoLives, setGoLive } from '@/lib/storage/go-live-item';
import type { Lang } from '@/lib/i18n';
import { noteUnknownStatus, readStatusRules, readUnknownStatuses } from '@/lib/storage/status-rules-item';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const show = (node: React.ReactNode, lang: Lang = 'en') => render(<I18nProvider lang={lang}>{node}</I18nProvider>);

describe('Options → CRM status rules', () => {
  it('lists the defaults and says when no text is unknown', async () => {
    show(<StatusRules />);
    const edit = await screen.findByTestId('status-rules-edit');
    await waitFor(() => expect(edit.textContent).toBe(`Show and edit the rules (${DEFAULT_STATUS_RULES.length})`));
    expect(screen.queryAllByTestId('status-rule')).toHaveLength(0);
    await userEvent.click(edit);
    const rows = await screen.findAllByTestId('status-rule');
    expect(rows).toHaveLength(DEFAULT_STATUS_RULES.length);
    expect(screen.getByTestId('unknown-statuses-none')).toBeTruthy();
  });

  it('maps an unknown CRM text in one click and a save; the text leaves the unknown list', async () => {
    await noteUnknownStatus('demo', 'Wacht op financiering', 1);
    await noteUnknownStatus('demo', 'Wacht op financiering', 2);
    show(<StatusRules />);
    const unknown = await screen.findByTestId('unknown-status');
    expect(unknown.textContent).toContain('Wacht op financiering');
    expect(unknown.textContent).toContain('demo · seen 2×');
    await userEvent.click(within(unknown).getByTestId('map-unknown'));
    const [first] = screen.getAllByTestId('status-rule');
    if (!first) throw new Error('no rule row');
    expect((within(first).getByTestId('status-rule-match') as HTMLInputElement).value).toBe('Wacht op financiering');
    await userEvent.selectOptions(within(first).getByTestId('status-rule-status'), 'appointment');
    await userEvent.click(screen.getByTestId('status-rules-save'));
    await screen.findByRole('status');
    expect((await readStatusRules())[0]).toEqual({ match: 'Wacht op financiering', status: 'appointment' });
    expect(await readUnknownStatuses()).toEqual([]);
    await waitFor(() => expect(screen.getByTestId('unknown-statuses-none')).toBeTruthy());
  }, 20_000);

  it('a lost rule asks for its reason', async () => {
    show(<StatusRules />);
    await userEvent.click(await screen.findByTestId('status-rule-add'));
    const last = screen.getAllByTestId('status-rule').at(-1);
    if (!last) throw new Error('no rule row');
    await userEvent.type(within(last).getByTestId('status-rule-match'), 'Geannuleerd');
    await userEvent.selectOptions(within(last).getByTestId('status-rule-status'), 'lost');
    await userEvent.selectOptions(within(last).getByTestId('status-rule-reason'), 'not_interested');
    await userEvent.click(screen.getByTestId('status-rules-save'));
    await screen.findByRole('status');
    expect((await readStatusRules()).at(-1)).toEqual({ match: 'Geannuleerd', status: 'lost', lostReason: 'not_interested' });
  }, 20_000);

  it('an empty rule is refused with its row number, and nothing is saved (in Dutch)', async () => {
    show(<StatusRules />, 'nl');
    await userEvent.click(await screen.findByTestId('status-rule-add'));
    await userEvent.click(screen.getByTestId('status-rules-save'));
    expect(screen.getByTestId('status-rules-error').textContent).toBe(
      `Regel ${DEFAULT_STATUS_RULES.length + 1}: de tekst in het CRM is leeg. Er is niets opgeslagen.`,
    );
    expect(await readStatusRules()).toEqual(DEFAULT_STATUS_RULES);
  });
});

describe('Options → CRMs: go-live', () => {
  it('shows the recorded day in the dealer’s zone and saves a new one as the start of that day', async () => {
    await setGoLive('demo', Date.parse('2026-12-01T00:00:00+01:00'));
    show(<GoLiveField crm="demo" />);
    const input = (await screen.findByTestId('crm-go-live-input')) as HTMLInputElement;
    await waitFor(() => expect(input.value).toBe('2026-12-01'));
    await userEvent.clear(input);
    await userEvent.type(input, '2026-11-15');
    await screen.findByRole('status');
    expect(await readGoLives()).toEqual({ demo: Date.parse('2026-11-15T00:00:00+01:00') });
  });
});
