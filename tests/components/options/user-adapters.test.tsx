// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useCallback, useEffect, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Download } from '@/components/options/ScriptsEditor';
import { UserAdapters, type UserAdapterStore } from '@/components/options/UserAdapters';
import { I18nProvider } from '@/components/ui/i18n';
import { ADAPTERS } from '@/lib/crms/registry';
import { parseUserAdapterFile, USER_ADAPTER_KIND, type UserAdapter } from '@/lib/adapters/user/schema';
import { conflictOf } from '@/lib/storage/user-adapters-item';

function adapter(overrides: Partial<UserAdapter> = {}): UserAdapter {
  return {
    kind: USER_ADAPTER_KIND,
    version: 1,
    id: 'user-crm-garage-nl',
    name: 'Garage CRM',
    origin: 'https://crm.garage.nl',
    idFromUrl: { path: '/klant/{id}' },
    fields: { name: ['h1.lead-title'], phone: ['lead-card >>> a.phone'] },
    createdAt: '2026-11-26T08:00:00.000Z',
    ...overrides,
  };
}

/** The browser store's behaviour (all or nothing, built-in CRMs win), kept in memory. */
function memoryStore(initial: UserAdapter[] = []) {
  let saved = [...initial];
  const store = {
    load: vi.fn<UserAdapterStore['load']>(() => Promise.resolve([...saved])),
    save: vi.fn<UserAdapterStore['save']>((defs) => {
      for (const def of defs) {
        const conflict = conflictOf(def);
        if (conflict) return Promise.resolve({ ok: false, reason: conflict });
      }
      const ids = new Set(defs.map((def) => def.id));
      saved = [...saved.filter((def) => !ids.has(def.id)), ...defs];
      return Promise.resolve({ ok: true });
    }),
    remove: vi.fn<UserAdapterStore['remove']>((id) => {
      saved = saved.filter((def) => def.id !== id);
      return Promise.resolve();
    }),
  } satisfies UserAdapterStore;
  return { store, saved: () => saved };
}

/** Options' wiring: the list is reloaded from the store whenever the section reports a change. */
function Harness({ store, download, onChanged }: { store: UserAdapterStore; download: Download; onChanged: () => void }) {
  const [adapters, setAdapters] = useState<UserAdapter[]>([]);
  const reload = useCallback(() => {
    void store.load().then(setAdapters);
  }, [store]);
  useEffect(reload, [reload]);
  return (
    <UserAdapters
      adapters={adapters}
      store={store}
      download={download}
      onChanged={() => {
        onChanged();
        reload();
      }}
    />
  );
}

function renderSection(initial: UserAdapter[] = [], store = memoryStore(initial).store) {
  const download = vi.fn<Download>();
  const onChanged = vi.fn<() => void>();
  render(
    <I18nProvider lang="en">
      <Harness store={store} download={download} onChanged={onChanged} />
    </I18nProvider>,
  );
  return { user: userEvent.setup(), store, download, onChanged };
}

const jsonFile = (body: unknown, name = 'adapter.json') =>
  new File([typeof body === 'string' ? body : JSON.stringify(body)], name, { type: 'application/json' });

const importInput = () => screen.getByTestId('user-adapter-import');
const notice = () => screen.findByTestId('user-adapter-notice');

let fresh = 0;
/**
 * jsdom 28's selector engine (@asamuzakjp/dom-selector 6.8) remembers the AST of the last selector
 * it parsed; after an invalid one (the import checks `h2[[` with the page's engine) that is null,
 * and the next getComputedStyle (role queries, userEvent) caches the null and throws from then on,
 * for every later test of the file. Parsing a fresh valid selector puts a real AST back. Browsers
 * have no such state: this is a test-environment workaround only.
 */
function resetSelectorEngine(): void {
  fresh += 1;
  document.querySelector(`#jsdom-selector-reset-${fresh}`);
}

/** The rejection notice, found without getComputedStyle, then as the alert it must be. */
async function rejection(): Promise<HTMLElement> {
  await notice();
  resetSelectorEngine();
  return screen.getByRole('alert');
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  cleanup();
});

describe('UserAdapters: import', () => {
  it('imports a good file, says so and reports the change', async () => {
    const { user, store, onChanged } = renderSection();
    expect(await screen.findByText('None yet.')).toBeTruthy();
    await user.upload(importInput(), jsonFile(adapter()));
    const shown = await notice();
    expect(shown.getAttribute('data-state')).toBe('imported');
    expect(shown.textContent).toContain('Imported: Garage CRM.');
    expect(store.save).toHaveBeenCalledWith([adapter()]);
    expect(onChanged).toHaveBeenCalledTimes(1);
    const row = await screen.findByTestId('user-adapter');
    expect(row.getAttribute('data-crm')).toBe('user-crm-garage-nl');
    expect(within(row).getByText('https://crm.garage.nl')).toBeTruthy();
  });

  it('imports every adapter of a list file', async () => {
    const other = adapter({ id: 'user-other', name: 'Other CRM', origin: 'http://localhost:5173' });
    const { user, store } = renderSection();
    await user.upload(importInput(), jsonFile({ kind: `${USER_ADAPTER_KIND}s`, adapters: [adapter(), other] }));
    expect((await notice()).textContent).toContain('Imported: Garage CRM, Other CRM.');
    expect(store.save).toHaveBeenCalledWith([adapter(), other]);
    await waitFor(() => expect(screen.getAllByTestId('user-adapter')).toHaveLength(2));
  });

  it.each([
    ['a bad selector', { ...adapter(), fields: { name: ['h2[['] } }, 'fields.name.0: not a valid CSS selector'],
    ['no lead id and no URL pattern', { ...adapter(), idFromUrl: undefined }, 'fields.leadId: a user adapter needs the lead id'],
    ['not JSON', '{ "kind": ', 'not JSON'],
    ['another kind of file', { kind: 'leadpace-scripts', scripts: [] }, 'kind'],
  ])('rejects a file with %s, with the reason, and saves nothing', async (_case, body, reason) => {
    const { user, store, onChanged } = renderSection();
    await user.upload(importInput(), jsonFile(body));
    const alert = await rejection();
    expect(alert.getAttribute('data-state')).toBe('rejected');
    expect(alert.textContent).toContain('Nothing was imported: ');
    expect(alert.textContent).toContain(reason);
    expect(store.save).not.toHaveBeenCalled();
    expect(onChanged).not.toHaveBeenCalled();
    expect(screen.queryByTestId('user-adapter')).toBeNull();
  });

  it('rejects an adapter for a site a built-in CRM already reads', async () => {
    const salesforce = ADAPTERS.find((a) => a.id === 'salesforce');
    if (!salesforce) throw new Error('no built-in Salesforce adapter');
    const { user, store, onChanged } = renderSection();
    await user.upload(importInput(), jsonFile(adapter({ id: 'user-sf', origin: 'https://acme.lightning.force.com' })));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(`https://acme.lightning.force.com is already read by the built-in ${salesforce.name} adapter`);
    expect(store.save).toHaveBeenCalledTimes(1);
    expect(onChanged).not.toHaveBeenCalled();
    expect(await store.load()).toEqual([]);
  });

  it('shows a store that fails as a rejection', async () => {
    const { store } = memoryStore();
    store.save.mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const { user, onChanged } = renderSection([], store);
    await user.upload(importInput(), jsonFile(adapter()));
    expect((await screen.findByRole('alert')).textContent).toBe('Nothing was imported: QUOTA_BYTES quota exceeded');
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('takes the same file name again after a failed try', async () => {
    const { user } = renderSection();
    await user.upload(importInput(), jsonFile('nope', 'adapter.json'));
    await screen.findByRole('alert');
    expect((importInput() as HTMLInputElement).value).toBe('');
    await user.upload(importInput(), jsonFile(adapter(), 'adapter.json'));
    expect((await notice()).getAttribute('data-state')).toBe('imported');
  });
});

describe('UserAdapters: export and remove', () => {
  it('exports one adapter as a file that imports back', async () => {
    const { user, download } = renderSection([adapter()]);
    await user.click(await screen.findByTestId('user-adapter-export'));
    expect(download).toHaveBeenCalledTimes(1);
    const [filename, text] = download.mock.calls[0] ?? [];
    expect(filename).toMatch(/^leadpace-adapter-user-crm-garage-nl-\d{4}-\d{2}-\d{2}\.json$/);
    expect(parseUserAdapterFile(text ?? '')).toEqual({ ok: true, adapters: [adapter()] });
  });

  it('exports all adapters as one list file', async () => {
    const both = [adapter(), adapter({ id: 'user-other', name: 'Other CRM', origin: 'http://localhost:5173' })];
    const { user, download } = renderSection(both);
    await user.click(await screen.findByRole('button', { name: 'Export all' }));
    const [filename, text] = download.mock.calls[0] ?? [];
    expect(filename).toMatch(/^leadpace-adapters-\d{4}-\d{2}-\d{2}\.json$/);
    expect(parseUserAdapterFile(text ?? '')).toEqual({ ok: true, adapters: both });
  });

  it('offers "Export all" only with more than one adapter', async () => {
    renderSection([adapter()]);
    await screen.findByTestId('user-adapter');
    expect(screen.queryByRole('button', { name: 'Export all' })).toBeNull();
  });

  it('removes an adapter', async () => {
    const other = adapter({ id: 'user-other', name: 'Other CRM', origin: 'http://localhost:5173' });
    const { user, store, onChanged } = renderSection([adapter(), other]);
    await waitFor(() => expect(screen.getAllByTestId('user-adapter')).toHaveLength(2));
    const row = screen.getAllByTestId('user-adapter').find((el) => el.getAttribute('data-crm') === 'user-other');
    if (!row) throw new Error('no row for user-other');
    await user.click(within(row).getByTestId('user-adapter-remove'));
    expect((await notice()).textContent).toBe('Other CRM removed.');
    expect(store.remove).toHaveBeenCalledWith('user-other');
    expect(onChanged).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getAllByTestId('user-adapter').map((el) => el.getAttribute('data-crm'))).toEqual(['user-crm-garage-nl']));
  });

  it('shows a failed removal', async () => {
    const { store } = memoryStore([adapter()]);
    store.remove.mockRejectedValueOnce(new Error('storage is gone'));
    const { user, onChanged } = renderSection([adapter()], store);
    await user.click(await screen.findByTestId('user-adapter-remove'));
    expect((await screen.findByRole('alert')).textContent).toContain('storage is gone');
    expect(onChanged).not.toHaveBeenCalled();
    expect(screen.getAllByTestId('user-adapter')).toHaveLength(1);
  });
});
