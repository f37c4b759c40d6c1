// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BusinessHoursForm } from '@/components/options/BusinessHoursForm';
import { DEFAULT_SETTINGS, readSettings } from '@/lib/settings';
import { renderIn, replace, withStoredSettings } from '@/tests/helpers/options-form';

withStoredSettings();

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
