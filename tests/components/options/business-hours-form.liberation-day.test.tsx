// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BusinessHoursForm } from '@/components/options/BusinessHoursForm';
import { I18nProvider } from '@/components/ui/i18n';
import { isOpenAt, type OpeningHours } from '@/lib/domain/business-time';
import type { Lang } from '@/lib/i18n';
import { DEFAULT_SETTINGS, readSettings, saveSettings } from '@/lib/settings';

// Noon on Tuesday 5 May 2026 (not a lustrum year) and Monday 5 May 2025 (one), Amsterdam.
const MAY_5_2026 = Date.parse('2026-05-05T10:00:00Z');
const MAY_5_2025 = Date.parse('2025-05-05T10:00:00Z');

function renderIn(lang: Lang = 'en') {
  render(
    <I18nProvider lang={lang}>
      <BusinessHoursForm />
    </I18nProvider>,
  );
  return userEvent.setup();
}

async function storeHours(change: Partial<OpeningHours>) {
  await saveSettings({ ...DEFAULT_SETTINGS, repName: 'Mark Visser', openingHours: { ...DEFAULT_SETTINGS.openingHours, ...change } });
}

const select = () => screen.findByLabelText<HTMLSelectElement>('Liberation Day (5 May)');

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  cleanup();
});

describe('BusinessHoursForm: Liberation Day', () => {
  it('shows the national rule for hours stored before the setting existed', async () => {
    await storeHours({});
    renderIn();
    const field = await select();
    expect(field.value).toBe('lustrum');
    expect(field.selectedOptions[0]?.textContent).toBe('Closed every five years (2025, 2030, …), the national rule');
    expect([...field.options].map((o) => o.textContent)).toEqual([
      'Closed every year',
      'Closed every five years (2025, 2030, …), the national rule',
      'Open',
    ]);
  });

  it('saves "every year", and the lead clocks then stop on 5 May of any year', async () => {
    await storeHours({});
    const user = renderIn();
    await user.selectOptions(await select(), 'Closed every year');
    await user.click(screen.getByRole('button', { name: 'Save opening hours' }));
    await screen.findByTestId('hours-saved');
    const saved = await readSettings();
    expect(saved.openingHours.liberationDay).toBe('every-year');
    expect(saved.repName).toBe('Mark Visser');
    expect(isOpenAt(MAY_5_2026, saved.openingHours)).toBe(false);
  });

  it('reads the old opt-in id as the lustrum rule and drops it when a rule is chosen', async () => {
    await storeHours({ optionalHolidays: ['goede-vrijdag', 'bevrijdingsdag'] });
    const user = renderIn();
    expect((await select()).value).toBe('lustrum');
    await user.selectOptions(await select(), 'Open');
    await user.click(screen.getByRole('button', { name: 'Save opening hours' }));
    await screen.findByTestId('hours-saved');
    const { openingHours } = await readSettings();
    expect(openingHours).toMatchObject({ liberationDay: 'never', optionalHolidays: ['goede-vrijdag'] });
    expect(isOpenAt(MAY_5_2025, openingHours)).toBe(true);
  });

  it('is in Dutch too, and off while public holidays are not closed', async () => {
    await storeHours({ holidays: false, liberationDay: 'every-year' });
    renderIn('nl');
    const field = await screen.findByLabelText<HTMLSelectElement>('Bevrijdingsdag (5 mei)');
    expect(field.value).toBe('every-year');
    expect(field.selectedOptions[0]?.textContent).toBe('Elk jaar gesloten');
    expect(field.disabled).toBe(true);
    expect(screen.getByText(/Telt alleen als het bedrijf op feestdagen gesloten is/)).toBeTruthy();
  });
});
