// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PacingSection } from '@/components/popup/PacingSection';
import { I18nProvider } from '@/components/ui/i18n';
import { DEFAULT_OPENING_HOURS } from '@/lib/domain/business-time';
import { monthPacing } from '@/lib/domain/pacing';
import { ams } from '@/tests/fixtures/lead-records';

afterEach(cleanup);

/** March 2026 at the opening of Tuesday the 10th: 7 of 26 business days gone, target 20 → 5.4 expected. */
function renderPacing(sold: number, lang: 'en' | 'nl') {
  const soldDates = Array.from({ length: sold }, () => ams('2026-03-02 11:00'));
  const pacing = monthPacing({ target: 20, soldDates, now: ams('2026-03-10 09:00'), hours: DEFAULT_OPENING_HOURS });
  render(
    <I18nProvider lang={lang}>
      <PacingSection pacing={pacing} target={20} onSetTarget={vi.fn<() => void>()} />
    </I18nProvider>,
  );
}

describe('PacingSection', () => {
  it.each([
    { lang: 'nl' as const, sold: 4, expected: '5,4', projection: '14,9', verdict: 'Achter op schema: 1 verkoop/verkopen onder het doel tot vandaag.', behind: 'true' },
    { lang: 'en' as const, sold: 4, expected: '5.4', projection: '14.9', verdict: 'Behind pace: 1 sale(s) short of today’s pro-rata target.', behind: 'true' },
    { lang: 'nl' as const, sold: 5, expected: '5,4', projection: '18,6', verdict: 'Op schema.', behind: 'false' },
    { lang: 'nl' as const, sold: 0, expected: '5,4', projection: '0,0', verdict: 'Achter op schema: 5 verkoop/verkopen onder het doel tot vandaag.', behind: 'true' },
  ])('$lang, $sold sold: expected $expected, projection $projection', ({ lang, sold, expected, projection, verdict, behind }) => {
    renderPacing(sold, lang);
    expect(screen.getByTestId('pacing-sold').textContent).toBe(`${sold} / 20`);
    expect(screen.getByTestId('pacing-expected').textContent).toBe(expected);
    expect(screen.getByTestId('pacing-projection').textContent).toBe(projection);
    expect(screen.getByTestId('pacing-verdict').textContent).toBe(verdict);
    expect(screen.getByTestId('pacing-verdict').dataset.behind).toBe(behind);
  });
});
