// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CadenceForm } from '@/components/options/CadenceForm';
import { DEFAULT_CADENCE_SETTINGS } from '@/lib/domain/cadence';
import { DEFAULT_SETTINGS, readSettings } from '@/lib/settings';
import { renderIn, replace, withStoredSettings } from '@/tests/helpers/options-form';

const MIN = 60_000;

withStoredSettings();

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
