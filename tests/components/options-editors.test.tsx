// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BusinessHoursForm } from '@/components/options/BusinessHoursForm';
import { CadenceForm } from '@/components/options/CadenceForm';
import { ScriptsEditor, type Download } from '@/components/options/ScriptsEditor';
import { I18nProvider } from '@/components/ui/i18n';
import { DEFAULT_CADENCE_SETTINGS } from '@/lib/domain/cadence';
import type { Lang } from '@/lib/i18n';
import { readScripts } from '@/lib/storage/scripts-item';
import { DEFAULT_SETTINGS, readSettings, saveSettings } from '@/lib/settings';

const MIN = 60_000;

function renderIn(node: ReactNode, lang: Lang = 'en') {
  render(<I18nProvider lang={lang}>{node}</I18nProvider>);
  return { user: userEvent.setup() };
}

async function replace(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, value: string) {
  await user.clear(input);
  if (value) await user.type(input, value);
}

beforeEach(async () => {
  fakeBrowser.reset();
  // Every form must leave the fields it does not own alone.
  await saveSettings({ ...DEFAULT_SETTINGS, repName: 'Mark Visser', dealerName: 'AutoHuis' });
});
afterEach(() => {
  cleanup();
});

describe('BusinessHoursForm', () => {
  it('refuses a day that closes before it opens, with a message, and saves nothing', async () => {
    const { user } = renderIn(<BusinessHoursForm />);
    await replace(user, await screen.findByLabelText('Monday closes at'), '08:00');
    await user.click(screen.getByRole('button', { name: 'Save opening hours' }));
    expect((await screen.findByTestId('hours-error-day-1')).textContent).toBe('Monday: the closing time must be after the opening time.');
    expect(screen.getByLabelText('Monday closes at').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('hours-saved')).toBeNull();
    expect((await readSettings()).openingHours).toEqual(DEFAULT_SETTINGS.openingHours);
  });

  it('refuses a week with no open time', async () => {
    const { user } = renderIn(<BusinessHoursForm />);
    await screen.findByTestId('hours-form');
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']) {
      await user.click(screen.getByLabelText(`Open on ${day}`));
    }
    await user.click(screen.getByRole('button', { name: 'Save opening hours' }));
    expect((await screen.findByTestId('hours-error-week')).textContent).toMatch(/no open time at all/);
    expect((await readSettings()).openingHours).toEqual(DEFAULT_SETTINGS.openingHours);
  });

  it('refuses an unknown time zone, in Dutch too', async () => {
    const { user } = renderIn(<BusinessHoursForm />, 'nl');
    await replace(user, await screen.findByLabelText('Tijdzone'), 'Mars/Olympus_Mons');
    await user.click(screen.getByRole('button', { name: 'Openingstijden opslaan' }));
    expect((await screen.findByTestId('hours-error-zone')).textContent).toBe(
      'Onbekende tijdzone ‘Mars/Olympus_Mons’. Gebruik een naam zoals Europe/Amsterdam.',
    );
    expect((await readSettings()).openingHours.timeZone).toBe('Europe/Amsterdam');
  });

  it('saves valid hours and keeps the other settings', async () => {
    const { user } = renderIn(<BusinessHoursForm />);
    await replace(user, await screen.findByLabelText('Saturday closes at'), '16:00');
    await user.click(screen.getByLabelText('Open on Sunday'));
    await replace(user, screen.getByLabelText('Sunday opens at'), '11:00');
    await replace(user, screen.getByLabelText('Sunday closes at'), '15:00');
    await user.click(screen.getByLabelText('Closed on Dutch public holidays'));
    await user.type(screen.getByLabelText('Closed day to add'), '2025-12-29');
    await user.click(screen.getByRole('button', { name: 'Add closed day' }));
    await user.click(screen.getByRole('button', { name: 'Save opening hours' }));
    await screen.findByTestId('hours-saved');
    const saved = await readSettings();
    expect(saved.openingHours).toEqual({
      ...DEFAULT_SETTINGS.openingHours,
      week: { ...DEFAULT_SETTINGS.openingHours.week, 0: { open: '11:00', close: '15:00' }, 6: { open: '09:00', close: '16:00' } },
      holidays: false,
      closedDates: ['2025-12-29'],
    });
    expect(saved.repName).toBe('Mark Visser');
    expect(saved.dealerName).toBe('AutoHuis');
  });
});

describe('CadenceForm', () => {
  it('shows the stored cadence', async () => {
    renderIn(<CadenceForm />);
    expect(((await screen.findByLabelText('First attempt within (minutes)')) as HTMLInputElement).value).toBe('5');
    expect(screen.getAllByTestId('cadence-step')).toHaveLength(7);
    expect((screen.getByLabelText('Attempt 4: minutes or day') as HTMLInputElement).value).toBe('240');
    expect((screen.getByLabelText('Attempt 5: when') as HTMLSelectElement).value).toBe('day');
  });

  it('refuses steps out of order with a message and saves nothing', async () => {
    const { user } = renderIn(<CadenceForm />);
    await replace(user, await screen.findByLabelText('Attempt 2: minutes or day'), '45');
    await user.click(screen.getByRole('button', { name: 'Save cadence and targets' }));
    expect((await screen.findByTestId('cadence-error-step-3')).textContent).toBe(
      'Attempt 3 comes earlier than the one above it. Put the attempts in order.',
    );
    expect(screen.queryByTestId('cadence-saved')).toBeNull();
    expect((await readSettings()).cadence).toEqual(DEFAULT_CADENCE_SETTINGS);
  });

  it.each<{ name: string; label: string; value: string; testId: string; message: string }>([
    { name: 'a negative step', label: 'Attempt 1: minutes or day', value: '-5', testId: 'cadence-error-step-1', message: 'Enter a whole number from 0 to 10080.' },
    { name: 'day 0', label: 'Attempt 5: minutes or day', value: '0', testId: 'cadence-error-step-5', message: 'Enter a whole number from 1 to 60.' },
    { name: 'an empty threshold', label: 'Attempts before a lead may be closed without contact', value: '', testId: 'cadence-error-closeAfter', message: 'Enter a whole number from 1 to 30.' },
    { name: 'a huge target', label: 'Your monthly sales target (cars)', value: '501', testId: 'cadence-error-target', message: 'Enter a whole number from 0 to 500.' },
    { name: 'a stretch goal above the limit', label: 'Stretch goal for the first attempt (minutes)', value: '9', testId: 'cadence-error-stretch', message: 'The stretch goal cannot be longer than the limit.' },
  ])('refuses $name', async ({ label, value, testId, message }) => {
    const { user } = renderIn(<CadenceForm />);
    await replace(user, await screen.findByLabelText(label), value);
    await user.click(screen.getByRole('button', { name: 'Save cadence and targets' }));
    expect((await screen.findByTestId(testId)).textContent).toBe(message);
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, repName: 'Mark Visser', dealerName: 'AutoHuis' });
  });

  it('refuses removing every step', async () => {
    const { user } = renderIn(<CadenceForm />);
    await screen.findByTestId('cadence-form');
    for (let n = 7; n >= 1; n--) await user.click(screen.getByRole('button', { name: `Remove attempt ${n}` }));
    await user.click(screen.getByRole('button', { name: 'Save cadence and targets' }));
    expect((await screen.findByTestId('cadence-error-steps')).textContent).toBe('Keep at least one attempt.');
  });

  it('saves a valid cadence, threshold, target and quiet mode, keeping the rest', async () => {
    const { user } = renderIn(<CadenceForm />);
    await replace(user, await screen.findByLabelText('First attempt within (minutes)'), '3');
    await replace(user, screen.getByLabelText('Attempt 2: minutes or day'), '15');
    await user.click(screen.getByRole('button', { name: 'Add attempt' }));
    expect((screen.getByLabelText('Attempt 8: minutes or day') as HTMLInputElement).value).toBe('8');
    await replace(user, screen.getByLabelText('Attempt 8: minutes or day'), '10');
    await replace(user, screen.getByLabelText('Attempts before a lead may be closed without contact'), '8');
    await replace(user, screen.getByLabelText('Your monthly sales target (cars)'), '12');
    await user.click(screen.getByRole('switch', { name: 'Quiet mode: no notifications' }));
    await user.click(screen.getByRole('button', { name: 'Save cadence and targets' }));
    await screen.findByTestId('cadence-saved');
    const saved = await readSettings();
    expect(saved.cadence).toEqual({
      ...DEFAULT_CADENCE_SETTINGS,
      firstAttemptSlaMs: 3 * MIN,
      steps: [
        { kind: 'after', ms: 0 },
        { kind: 'after', ms: 15 * MIN },
        ...DEFAULT_CADENCE_SETTINGS.steps.slice(2),
        { kind: 'day', day: 10 },
      ],
      closeAfterAttempts: 8,
    });
    expect(saved.monthlyTarget).toBe(12);
    expect(saved.quietMode).toBe(true);
    expect(saved.repName).toBe('Mark Visser');
    expect(saved.openingHours).toEqual(DEFAULT_SETTINGS.openingHours);
  });
});

describe('ScriptsEditor', () => {
  const builtInRow = async (name: string, lang: Lang) =>
    (await screen.findAllByTestId('script-row')).find((row) => row.dataset.scriptLang === lang && row.textContent?.includes(name));

  async function duplicateMarktplaats(user: ReturnType<typeof userEvent.setup>) {
    const row = await builtInRow('Marktplaats – first contact', 'en');
    if (!row) throw new Error('no built-in Marktplaats row');
    await user.click(within(row).getByRole('button', { name: 'Duplicate “Marktplaats – first contact”' }));
    return screen.getByTestId('script-form');
  }

  it('lists the built-in scripts in both languages', async () => {
    renderIn(<ScriptsEditor />);
    const rows = within(await screen.findByTestId('builtin-scripts')).getAllByTestId('script-row');
    expect(rows).toHaveLength(12);
    expect(rows[0]?.dataset.scriptLang).toBe('en');
    expect(screen.getByText('No scripts of your own yet. Duplicate a built-in script to start.')).toBeTruthy();
  });

  it('editing a step updates the live preview with sample lead data', async () => {
    const { user } = renderIn(<ScriptsEditor />);
    await duplicateMarktplaats(user);
    const preview = screen.getByTestId('script-preview');
    expect(preview.textContent).toContain('Hi Sanne, this is Mark from Autobedrijf Van Dijk. You messaged us on Marktplaats about the Volkswagen Golf 1.5 TSI Life.');
    const text = screen.getByLabelText('Step 1: text');
    await user.clear(text);
    await user.click(text);
    await user.paste('Hello {customer.firstName}, the {vehicle} is waiting. {customer.lastName}');
    expect(preview.textContent).toContain('Hello Sanne, the Volkswagen Golf 1.5 TSI Life is waiting. ___');
    const blank = within(preview).getByTitle('customer.lastName');
    expect(blank.textContent).toBe('___');
    expect(preview.textContent).not.toMatch(/[{}]/);
  });

  it('saves with a warning that lists unknown placeholders, as version 1 then 2', async () => {
    const { user } = renderIn(<ScriptsEditor />);
    await duplicateMarktplaats(user);
    await replace(user, screen.getByLabelText('Script name'), 'Our Marktplaats');
    const text = screen.getByLabelText('Step 2: text');
    await user.click(text);
    await user.paste(' Mention {price} and {customer.lastName}.');
    await user.click(screen.getByRole('button', { name: 'Save script' }));
    expect((await screen.findByTestId('script-warning')).textContent).toBe(
      'Saved, but Leadpace does not know these placeholders; they show as blanks: {price}, {customer.lastName}',
    );
    expect(screen.getByTestId('script-saved').textContent).toContain('Saved as version 1.');
    const [stored] = await readScripts();
    expect(stored).toMatchObject({ name: 'Our Marktplaats', version: 1, lang: 'en', sources: ['marktplaats'] });
    expect(stored?.steps[1]?.text).toMatch(/\{price\}/);
    await within(await screen.findByTestId('custom-scripts')).findByText('Our Marktplaats');

    await user.click(screen.getByRole('button', { name: 'Save script' }));
    await waitFor(() => expect(screen.getByTestId('script-saved').textContent).toContain('Saved as version 2.'));
  });

  it('refuses an empty step with a message and stores nothing', async () => {
    const { user } = renderIn(<ScriptsEditor />);
    await duplicateMarktplaats(user);
    await user.clear(screen.getByLabelText('Step 3: text'));
    await user.click(screen.getByRole('button', { name: 'Save script' }));
    expect((await screen.findByTestId('script-error-steps.2.text')).textContent).toBe('This cannot be empty.');
    expect(await readScripts()).toEqual([]);
  });

  it('export → import round-trips through a file', async () => {
    const download = vi.fn<Download>();
    const { user } = renderIn(<ScriptsEditor download={download} />);
    await duplicateMarktplaats(user);
    await user.click(screen.getByLabelText('AutoTrack'));
    await user.click(screen.getByRole('button', { name: 'Save script' }));
    await screen.findByTestId('script-saved');
    const before = await readScripts();
    expect(before).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Export to file' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const [filename, json] = download.mock.calls[0] ?? ['', ''];
    expect(filename).toMatch(/^leadpace-scripts-\d{4}-\d{2}-\d{2}\.json$/);

    const name = before[0]?.name ?? '';
    await user.click(screen.getByRole('button', { name: `Delete “${name}”` }));
    await user.click(screen.getByRole('button', { name: `Really delete “${name}”` }));
    await screen.findByText('No scripts of your own yet. Duplicate a built-in script to start.');
    expect(await readScripts()).toEqual([]);

    await user.upload(screen.getByLabelText('Import from file'), new File([json], filename, { type: 'application/json' }));
    expect((await screen.findByTestId('import-done')).textContent).toContain('Imported: 1 new, 0 updated, 0 unchanged.');
    expect(await readScripts()).toEqual(before);
    await within(await screen.findByTestId('custom-scripts')).findByText(name);
  });

  it.each<{ name: string; content: string; message: string }>([
    { name: 'not JSON', content: 'hello', message: 'Nothing imported: the file is not valid JSON' },
    { name: 'another kind of file', content: '{"scripts": []}', message: 'Nothing imported: this is not a Leadpace scripts file.' },
    {
      name: 'a broken script',
      content: JSON.stringify({ format: 'leadpace-scripts', version: 1, scripts: [{ id: 'custom-x', name: 'Kapot' }] }),
      message: 'Nothing imported: script 1 (“Kapot”) is not valid at',
    },
  ])('refuses $name with a clear error and changes nothing', async ({ content, message }) => {
    const { user } = renderIn(<ScriptsEditor />);
    await screen.findByTestId('builtin-scripts');
    await user.upload(screen.getByLabelText('Import from file'), new File([content], 'scripts.json', { type: 'application/json' }));
    expect((await screen.findByTestId('import-error')).textContent).toContain(message);
    expect(await readScripts()).toEqual([]);
  });
});
