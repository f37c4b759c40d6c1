// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AddMyCrm, type AddCrmAccess } from '@/components/popup/AddMyCrm';
import { I18nProvider } from '@/components/ui/i18n';

type Tab = { id?: number; url?: string } | undefined;

function renderAddCrm(tab: Tab, options: { grant?: boolean | Error; launch?: Error } = {}) {
  const calls: string[] = [];
  const activeTab = vi.fn<AddCrmAccess['activeTab']>(() => Promise.resolve(tab));
  const request = vi.fn<AddCrmAccess['permissions']['request']>(({ origins }) => {
    calls.push(`request ${origins.join(',')}`);
    return options.grant instanceof Error ? Promise.reject(options.grant) : Promise.resolve(options.grant ?? true);
  });
  const launchPicker = vi.fn<AddCrmAccess['launchPicker']>((tabId) => {
    calls.push(`launch ${tabId}`);
    return options.launch ? Promise.reject(options.launch) : Promise.resolve(undefined);
  });
  const closeWindow = vi.fn<() => void>(() => {
    calls.push('close');
  });
  render(
    <I18nProvider lang="en">
      <AddMyCrm access={{ activeTab, permissions: { request }, launchPicker }} closeWindow={closeWindow} />
    </I18nProvider>,
  );
  return { calls, activeTab, request, launchPicker, closeWindow };
}

/** Lets the active-tab lookup settle, so "nothing shown" means hidden, not "not yet". */
async function settled(activeTab: ReturnType<typeof renderAddCrm>['activeTab']): Promise<void> {
  await waitFor(() => expect(activeTab).toHaveBeenCalled());
  await act(async () => {
    await activeTab.mock.results[0]?.value;
  });
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  cleanup();
});

describe('AddMyCrm: where it is offered', () => {
  it.each<[string, Tab]>([
    ['a Salesforce lead (built in)', { id: 7, url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdE/view' }],
    ['a Salesforce page that is not a lead (built in)', { id: 7, url: 'https://acme.lightning.force.com/lightning/page/home' }],
    ['a Pipedrive deal (built in)', { id: 7, url: 'https://garage.pipedrive.com/deal/42' }],
    ['the demo CRM (built in)', { id: 7, url: 'http://leadpace-demo.localhost:5173/leads/L-1042' }],
    ['chrome://extensions', { id: 7, url: 'chrome://extensions/' }],
    ['the new tab page', { id: 7, url: 'chrome://newtab/' }],
    ['an extension page', { id: 7, url: 'chrome-extension://abcdefghijklmnop/options.html' }],
    ['a local file', { id: 7, url: 'file:///C:/leads.html' }],
    ['about:blank', { id: 7, url: 'about:blank' }],
    ['a tab without a URL (no permission to see it)', { id: 7 }],
    ['a tab without an id', { url: 'https://crm.garage.nl/x' }],
    ['no active tab', undefined],
    ['a URL that does not parse', { id: 7, url: 'not a url' }],
  ])('is hidden on %s', async (_case, tab) => {
    const { activeTab } = renderAddCrm(tab);
    await settled(activeTab);
    expect(screen.queryByTestId('add-crm')).toBeNull();
  });

  it.each([
    ['https://crm.garage.nl/x', 'crm.garage.nl'],
    ['http://192.168.1.20:8080/klant/4711', '192.168.1.20'],
  ])('is offered on %s', async (url, site) => {
    renderAddCrm({ id: 7, url });
    const section = await screen.findByTestId('add-crm');
    expect(section.textContent).toContain(`Is ${site} your CRM?`);
    expect(screen.getByTestId('add-crm-button').textContent).toBe('Add my CRM…');
  });
});

describe('AddMyCrm: starting the picker', () => {
  it('asks for exactly this one site inside the click, then opens the picker, then closes the popup', async () => {
    const { calls, request, launchPicker, closeWindow } = renderAddCrm({ id: 42, url: 'https://crm.garage.nl/x' });
    const button = await screen.findByTestId('add-crm-button');
    fireEvent.click(button);
    // Browsers only show the permission prompt during the click itself: no await before it.
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith({ origins: ['https://crm.garage.nl/*'] });
    await waitFor(() => expect(closeWindow).toHaveBeenCalledTimes(1));
    expect(launchPicker).toHaveBeenCalledWith(42);
    expect(calls).toEqual(['request https://crm.garage.nl/*', 'launch 42', 'close']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks for the host on any port', async () => {
    const { request } = renderAddCrm({ id: 42, url: 'https://crm.garage.nl:8443/klant/4711' });
    fireEvent.click(await screen.findByTestId('add-crm-button'));
    expect(request).toHaveBeenCalledWith({ origins: ['https://crm.garage.nl/*'] });
  });

  it('explains a denied permission and does not open the picker', async () => {
    const { request, launchPicker, closeWindow } = renderAddCrm({ id: 42, url: 'https://crm.garage.nl/x' }, { grant: false });
    fireEvent.click(await screen.findByTestId('add-crm-button'));
    expect((await screen.findByRole('alert')).textContent).toBe('Permission for crm.garage.nl was not granted, so the picker cannot open there.');
    expect(request).toHaveBeenCalledTimes(1);
    expect(launchPicker).not.toHaveBeenCalled();
    expect(closeWindow).not.toHaveBeenCalled();
    // The offer stays, so the dealer can try again.
    expect(screen.getByTestId('add-crm-button')).toBeTruthy();
  });

  it('shows why the picker could not open and keeps the popup open', async () => {
    const { launchPicker, closeWindow } = renderAddCrm(
      { id: 42, url: 'https://crm.garage.nl/x' },
      { launch: new Error('Cannot access contents of the page') },
    );
    fireEvent.click(await screen.findByTestId('add-crm-button'));
    expect((await screen.findByRole('alert')).textContent).toBe('The picker could not open on this page: Cannot access contents of the page');
    expect(launchPicker).toHaveBeenCalledWith(42);
    expect(closeWindow).not.toHaveBeenCalled();
  });

  it('shows a permission request that fails', async () => {
    const { launchPicker } = renderAddCrm({ id: 42, url: 'https://crm.garage.nl/x' }, { grant: new Error('request is not allowed') });
    fireEvent.click(await screen.findByTestId('add-crm-button'));
    expect((await screen.findByRole('alert')).textContent).toBe('The picker could not open on this page: request is not allowed');
    expect(launchPicker).not.toHaveBeenCalled();
  });
});
