// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Picker, type PickerProps } from '@/components/picker/Picker';
import { I18nProvider } from '@/components/ui/i18n';
import { queryPierced } from '@/lib/adapters/user/query';
import { PIERCE, userAdapterSchema, type UserAdapter } from '@/lib/adapters/user/schema';

const LEAD_URL = 'https://crm.garage.nl/klant/4711';
const url = () => new URL(LEAD_URL);
const now = () => new Date('2026-11-26T08:00:00.000Z');

type Save = PickerProps['save'];

let page: HTMLElement;
let phone: HTMLElement;
let phoneHost: HTMLElement;
let pageClicks: ReturnType<typeof vi.fn<(event: Event) => void>>;

/** The CRM's lead page, in the test document itself; the phone sits in a web component. */
function showLeadPage(): void {
  document.title = 'Klant 4711 | Garage CRM';
  page = document.createElement('main');
  page.id = 'crm';
  const title = document.createElement('h1');
  title.setAttribute('data-field', 'name');
  title.textContent = 'Jan de Vries';
  const source = document.createElement('dd');
  source.className = 'source';
  source.textContent = 'Marktplaats';
  phoneHost = document.createElement('lead-phone');
  const shadow = phoneHost.attachShadow({ mode: 'open' });
  phone = document.createElement('a');
  phone.className = 'phone';
  phone.setAttribute('href', 'tel:+31612345678');
  phone.textContent = '06 12345678';
  shadow.append(phone);
  page.append(title, source, phoneHost);
  document.body.append(page);
  pageClicks = vi.fn<(event: Event) => void>();
  // The CRM's own handlers: a picking click must never reach them.
  title.addEventListener('click', pageClicks);
  phone.addEventListener('click', pageClicks);
  page.addEventListener('click', pageClicks);
}

/** jsdom has no layout, so no hit-testing: say what lies under the pointer, as a browser would. */
function pointAt(el: Element): void {
  const root = el.getRootNode();
  if (root instanceof ShadowRoot) {
    Object.defineProperty(document, 'elementsFromPoint', { configurable: true, value: () => [root.host, page, document.body] });
    Object.defineProperty(root, 'elementsFromPoint', { configurable: true, value: () => [el, root.host] });
  } else {
    Object.defineProperty(document, 'elementsFromPoint', { configurable: true, value: () => [el, page, document.body] });
  }
}

/** Clicks the page where `el` is, the way the dealer clicks while picking. */
function clickOnPage(el: Element): void {
  pointAt(el);
  fireEvent.click(el, { clientX: 40, clientY: 20, bubbles: true, composed: true });
}

function element(testId: string): HTMLElement {
  return screen.getByTestId(testId);
}

function renderPicker(save: Save = vi.fn<Save>(() => Promise.resolve({ ok: true, value: { id: 'user-crm-garage-nl' } }))) {
  const overlay = document.createElement('div');
  document.body.append(overlay);
  const close = vi.fn<() => void>();
  render(
    <I18nProvider lang="en">
      <Picker doc={document} url={url} isOwn={(el) => overlay.contains(el)} save={save} close={close} now={now} />
    </I18nProvider>,
    { container: overlay },
  );
  return { user: userEvent.setup(), save, close };
}

async function pick(user: ReturnType<typeof userEvent.setup>, field: string, el: Element): Promise<void> {
  await user.click(element(`pick-${field}`));
  expect(element(`pick-${field}`).getAttribute('aria-pressed')).toBe('true');
  clickOnPage(el);
  await waitFor(() => expect(element(`pick-${field}`).getAttribute('aria-pressed')).toBe('false'));
}

function pageTitle(): HTMLElement {
  const title = page.querySelector('h1');
  if (!(title instanceof HTMLElement)) throw new Error('no title on the page');
  return title;
}

beforeEach(() => {
  fakeBrowser.reset();
  showLeadPage();
});
afterEach(() => {
  cleanup();
  document.body.replaceChildren();
  Reflect.deleteProperty(document, 'elementsFromPoint');
});

describe('Picker', () => {
  it('starts empty: nothing to test or save yet', () => {
    renderPicker();
    expect((element('picker-name') as HTMLInputElement).value).toBe('Garage CRM');
    expect(element('test-missing').textContent).toBe('Pick the lead name and the lead id (or take it from the URL).');
    expect((element('picker-save') as HTMLButtonElement).disabled).toBe(true);
    // The URL's id is suggested, not yet taken.
    expect((element('url-pattern') as HTMLInputElement).value).toBe('/klant/{id}');
    expect((element('id-from-url') as HTMLInputElement).checked).toBe(false);
  });

  it('picks the clicked element: candidates with counts, and the page never sees the click', async () => {
    const { user } = renderPicker();
    await user.click(element('pick-name'));
    expect(screen.getByText('Click the Lead name on the page (Esc cancels).')).toBeTruthy();
    clickOnPage(pageTitle());
    await waitFor(() => expect(screen.queryByTestId('candidate-name-0')).not.toBeNull());
    expect(pageClicks).not.toHaveBeenCalled();

    const field = element('picker-field-name');
    const selectors = within(field).getAllByRole('radio').map((radio) => radio.closest('label')?.querySelector('code')?.textContent ?? '');
    expect(selectors.length).toBeGreaterThan(0);
    expect(selectors[0]).toBe('h1[data-field="name"]');
    for (const [index, selector] of selectors.entries()) {
      expect(queryPierced(document, selector, 1)[0]).toBe(pageTitle());
      expect(element(`count-name-${index}`).textContent).toMatch(/^\d+×$/);
    }
    expect(element('count-name-0').textContent).toBe('1×');
    expect((element('candidate-name-0') as HTMLInputElement).checked).toBe(true);
    expect(element('pick-name').textContent).toBe('Pick again');
    // Picking is over: the page gets its clicks back.
    fireEvent.click(pageTitle());
    expect(pageClicks).toHaveBeenCalled();
  });

  it('lets Escape cancel picking without picking anything', async () => {
    const { user } = renderPicker();
    await user.click(element('pick-name'));
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(element('pick-name').getAttribute('aria-pressed')).toBe('false'));
    clickOnPage(pageTitle());
    expect(screen.queryByTestId('candidate-name-0')).toBeNull();
    expect(pageClicks).toHaveBeenCalled();
  });

  it('takes the id from the URL with the suggested pattern and shows what it reads, live', async () => {
    const { user } = renderPicker();
    await pick(user, 'name', pageTitle());
    expect(element('test-missing').textContent).toContain('Pick the lead name and the lead id');
    await user.click(element('id-from-url'));
    expect((element('id-from-url') as HTMLInputElement).checked).toBe(true);
    expect((element('pick-leadId') as HTMLButtonElement).disabled).toBe(true);
    expect(element('test-leadId').textContent).toBe('4711');
    expect(element('test-name').textContent).toBe('Jan de Vries');
    expect((element('picker-save') as HTMLButtonElement).disabled).toBe(false);
  });

  it('goes back to the id on the page when the box is unticked, keeping the typed pattern', async () => {
    const { user } = renderPicker();
    await pick(user, 'name', pageTitle());
    await user.click(element('id-from-url'));
    expect(element('test-leadId').textContent).toBe('4711');
    await user.click(element('id-from-url'));
    expect((element('id-from-url') as HTMLInputElement).checked).toBe(false);
    expect((element('pick-leadId') as HTMLButtonElement).disabled).toBe(false);
    expect((element('url-pattern') as HTMLInputElement).value).toBe('/klant/{id}');
    expect(screen.queryByTestId('test-leadId')).toBeNull();
    expect((element('picker-save') as HTMLButtonElement).disabled).toBe(true);
  });

  it('reads a phone picked inside a shadow root through a " >>> " selector', async () => {
    const { user } = renderPicker();
    await pick(user, 'name', pageTitle());
    await pick(user, 'phone', phone);
    const selector = within(element('picker-field-phone')).getAllByRole('radio')[0]?.closest('label')?.querySelector('code')?.textContent ?? '';
    expect(selector).toContain(PIERCE);
    expect(queryPierced(document, selector, 1)[0]).toBe(phone);
    await user.click(element('id-from-url'));
    expect(element('test-phone').textContent).toBe('+31612345678');
    expect(pageClicks).not.toHaveBeenCalled();
  });

  it('does not offer to save when the typed URL pattern finds no id here', async () => {
    const { user } = renderPicker();
    await pick(user, 'name', pageTitle());
    await user.click(element('id-from-url'));
    const pattern = element('url-pattern');
    // Retyping it: the field and the box stay while it is empty or half typed.
    await user.clear(pattern);
    expect(element('url-pattern')).toBe(pattern);
    expect((element('id-from-url') as HTMLInputElement).checked).toBe(true);
    await user.type(pattern, '/leads/{{i');
    expect(pattern.getAttribute('aria-invalid')).toBe('true');
    expect((element('id-from-url') as HTMLInputElement).checked).toBe(true);
    await user.type(pattern, 'd}');
    expect((pattern as HTMLInputElement).value).toBe('/leads/{id}');
    expect(pattern.getAttribute('aria-invalid')).toBe('false');
    expect(element('test-missing').textContent).toBe('Nothing read on this page with these choices.');
    expect((element('picker-save') as HTMLButtonElement).disabled).toBe(true);
    await user.clear(pattern);
    await user.type(pattern, 'junk');
    expect(pattern.getAttribute('aria-invalid')).toBe('true');
    expect((element('picker-save') as HTMLButtonElement).disabled).toBe(true);
  });

  it('saves an adapter that passes the schema and says so', async () => {
    const { user, save } = renderPicker();
    await pick(user, 'name', pageTitle());
    await user.click(element('id-from-url'));
    await user.click(element('picker-save'));
    expect((await screen.findByRole('status')).textContent).toContain('Saved. Leadpace now reads Garage CRM');
    expect(save).toHaveBeenCalledTimes(1);
    const adapter: UserAdapter | undefined = vi.mocked(save).mock.calls[0]?.[0];
    expect(userAdapterSchema.safeParse(adapter).success).toBe(true);
    expect(adapter).toMatchObject({
      id: 'user-crm-garage-nl',
      name: 'Garage CRM',
      origin: 'https://crm.garage.nl',
      idFromUrl: { path: '/klant/{id}' },
      createdAt: '2026-11-26T08:00:00.000Z',
    });
    expect(adapter?.fields.name[0]).toBe('h1[data-field="name"]');
    expect(adapter?.fields.leadId).toBeUndefined();
    // Customer data is never part of what gets saved and shared.
    expect(JSON.stringify(adapter)).not.toMatch(/Jan de Vries|31612345678|4711/);
  });

  it.each<[string, Save, string]>([
    [
      'a refusal',
      () => Promise.resolve({ ok: false, code: 'invalid', reason: 'https://crm.garage.nl is already read by the built-in X adapter' }),
      'Could not save: https://crm.garage.nl is already read by the built-in X adapter',
    ],
    ['a background that does not answer', () => Promise.reject(new Error('Could not establish connection')), 'Could not save: Could not establish connection'],
  ])('shows %s with the reason', async (_case, saveImpl, message) => {
    const { user } = renderPicker(vi.fn<Save>(saveImpl));
    await pick(user, 'name', pageTitle());
    await user.click(element('id-from-url'));
    await user.click(element('picker-save'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(message);
    expect(alert.getAttribute('data-state')).toBe('failed');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('closes', async () => {
    const { user, close } = renderPicker();
    await user.click(element('picker-close'));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(close).toHaveBeenCalledTimes(2);
  });

  it('stops listening to the page when it goes away', async () => {
    const { user } = renderPicker();
    await user.click(element('pick-name'));
    act(() => cleanup());
    clickOnPage(pageTitle());
    expect(pageClicks).toHaveBeenCalled();
  });
});
