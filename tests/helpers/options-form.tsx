import { cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { I18nProvider } from '@/components/ui/i18n';
import type { Lang } from '@/lib/i18n';
import { DEFAULT_SETTINGS, saveSettings } from '@/lib/settings';

/** The user Testing Library drives a form with. */
export type FormUser = ReturnType<typeof userEvent.setup>;

/** Renders an options form in a language and hands back a user to drive it. */
export function renderIn(node: ReactNode, lang: Lang = 'en') {
  render(<I18nProvider lang={lang}>{node}</I18nProvider>);
  return { user: userEvent.setup() };
}

/** Types `value` over whatever the field holds (an empty value leaves it empty). */
export async function replace(user: FormUser, input: HTMLElement, value: string) {
  await user.clear(input);
  if (value) await user.type(input, value);
}

/**
 * Each test starts from stored settings that name the rep and the dealership, so a form that
 * saves is also checked to leave the fields it does not own alone.
 */
export function withStoredSettings(): void {
  beforeEach(async () => {
    fakeBrowser.reset();
    await saveSettings({ ...DEFAULT_SETTINGS, repName: 'Mark Visser', dealerName: 'AutoHuis' });
  });
  afterEach(() => {
    cleanup();
  });
}
