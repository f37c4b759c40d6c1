// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BusinessHoursForm } from '@/components/options/BusinessHoursForm';
import { I18nProvider } from '@/components/ui/i18n';
import type { Lang } from '@/lib/i18n';
import { browserTimeZone, DEFAULT_SETTINGS, readSettings, saveSettings } from '@/lib/settings';

function renderIn(lang: Lang = 'en') {
  render(
    <I18nProvider lang={lang}>
      <BusinessHoursForm />
    </I18nProvider>,
  );
  return userEvent.setup();
}

const zoneField = () => screen.findByLabelText<HTMLInputElement>(/^(Time zone|Tijdzone)$/);
// A zone that is surely not this machine's, so the form offers the browser's.
const ELSEWHERE = browserTimeZone() === 'Pacific/Auckland' ? 'Pacific/Chatham' : 'Pacific/Auckland';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  cleanup();
});

describe('BusinessHoursForm: dealer zone', () => {
  it('a fresh install shows the browser zone and no offer to switch to it', async () => {
    renderIn();
    expect((await zoneField()).value).toBe(browserTimeZone());
    expect(screen.queryByTestId('hours-browser-zone')).toBeNull();
  });

  it('a stored zone stays shown, with the browser zone one click away (and saved only on Save)', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, openingHours: { ...DEFAULT_SETTINGS.openingHours, timeZone: ELSEWHERE } });
    const user = renderIn();
    expect((await zoneField()).value).toBe(ELSEWHERE);
    const zone = browserTimeZone() ?? '';
    expect(screen.getByTestId('hours-browser-zone').textContent).toContain(`Your browser runs in ${zone}`);
    await user.click(screen.getByRole('button', { name: `Use ${zone}` }));
    expect((await zoneField()).value).toBe(zone);
    expect((await readSettings()).openingHours.timeZone).toBe(ELSEWHERE);
    await user.click(screen.getByRole('button', { name: 'Save opening hours' }));
    await screen.findByTestId('hours-saved');
    expect((await readSettings()).openingHours.timeZone).toBe(zone);
  });

  it('says it in Dutch', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, openingHours: { ...DEFAULT_SETTINGS.openingHours, timeZone: ELSEWHERE } });
    renderIn('nl');
    await zoneField();
    expect(screen.getByTestId('hours-browser-zone').textContent).toContain(`Je browser draait in ${browserTimeZone() ?? ''}`);
    expect(screen.getByRole('button', { name: `${browserTimeZone() ?? ''} gebruiken` })).toBeTruthy();
  });
});
