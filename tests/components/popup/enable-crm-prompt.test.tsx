// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PermissionsApi } from '@/components/options/CrmPermissions';
import { EnableCrmPrompt } from '@/components/popup/EnableCrmPrompt';
import { I18nProvider } from '@/components/ui/i18n';

afterEach(cleanup);

function permissions(granted: boolean, answer = true) {
  return {
    contains: vi.fn(() => Promise.resolve(granted)),
    request: vi.fn(() => Promise.resolve(answer)),
    remove: vi.fn(() => Promise.resolve(true)),
  } satisfies PermissionsApi;
}

function renderPrompt(url: string | undefined, api: PermissionsApi, lang: 'en' | 'nl' = 'en') {
  const currentUrl = () => Promise.resolve(url);
  render(
    <I18nProvider lang={lang}>
      <EnableCrmPrompt currentUrl={currentUrl} permissions={api} />
    </I18nProvider>,
  );
}

describe('popup: enable Leadpace on the current CRM tab', () => {
  it('offers the CRM of the current tab and asks for exactly its sites, inside the click', async () => {
    const api = permissions(false);
    renderPrompt('https://acme.lightning.force.com/lightning/r/Lead/00Q5j00000RkT3dEAF/view', api);
    const button = await screen.findByTestId('enable-crm-button');
    expect(button.textContent).toMatch(/Enable Leadpace on Salesforce/);
    let requestedDuringClick = false;
    const probe = () => {
      requestedDuringClick = api.request.mock.calls.length === 1;
    };
    document.addEventListener('click', probe);
    await userEvent.setup().click(button);
    document.removeEventListener('click', probe);
    expect(requestedDuringClick).toBe(true);
    expect(api.request).toHaveBeenCalledWith({ origins: ['https://*.lightning.force.com/*'] });
    await waitFor(() => expect(screen.getByTestId('enable-crm').dataset.state).toBe('enabled'));
  });

  it('says so when the rep declines, in Dutch too', async () => {
    renderPrompt('https://acme.pipedrive.com/deal/2291', permissions(false, false), 'nl');
    await userEvent.setup().click(await screen.findByTestId('enable-crm-button'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Geen toestemming gegeven/);
  });

  it.each([
    ['a CRM that is already enabled', 'https://app.hubspot.com/contacts/123/record/0-1/51234', true],
    ['a site that is no CRM', 'https://www.example.com/', false],
    ['no readable tab URL (no activeTab grant)', undefined, false],
    ['a malformed URL', 'not a url', false],
  ])('stays hidden on %s', async (_name, url, granted) => {
    const api = permissions(granted);
    renderPrompt(url, api);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('enable-crm')).toBeNull();
    expect(api.request).not.toHaveBeenCalled();
  });
});
