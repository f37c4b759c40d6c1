// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ScriptsEditor, type Download } from '@/components/options/ScriptsEditor';
import type { Lang } from '@/lib/i18n';
import { readScripts } from '@/lib/storage/scripts-item';
import { renderIn, replace, withStoredSettings, type FormUser } from '@/tests/helpers/options-form';

withStoredSettings();

describe('ScriptsEditor', () => {
  const builtInRow = async (name: string, lang: Lang) =>
    (await screen.findAllByTestId('script-row')).find((row) => row.dataset.scriptLang === lang && row.textContent?.includes(name));

  async function duplicateMarktplaats(user: FormUser) {
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
