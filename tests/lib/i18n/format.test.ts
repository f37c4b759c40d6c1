import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDecimal, formatInteger, formatNumber, formatPercent } from '@/lib/i18n/format';

// Tuesday 1 December 2026, 14:05 in Amsterdam.
const TUESDAY = Date.UTC(2026, 11, 1, 13, 5);

describe('numbers in the reader’s language', () => {
  it.each([
    { name: 'a decimal in Dutch', got: () => formatNumber(0.2, 'nl'), want: '0,2' },
    { name: 'a decimal in English', got: () => formatNumber(0.2, 'en'), want: '0.2' },
    { name: 'zero with one decimal in Dutch', got: () => formatNumber(0, 'nl'), want: '0,0' },
    { name: 'two decimals', got: () => formatNumber(1.005, 'nl', 2), want: '1,01' },
    { name: 'the popup’s pacing helper agrees', got: () => formatDecimal(5.4, 'nl'), want: '5,4' },
    { name: 'a large count in Dutch', got: () => formatInteger(1250, 'nl'), want: '1.250' },
    { name: 'a large count in English', got: () => formatInteger(1250, 'en'), want: '1,250' },
    { name: 'a count is never shown with decimals', got: () => formatInteger(2.6, 'en'), want: '3' },
    { name: 'a share as percent', got: () => formatPercent(0.456, 'nl'), want: '46%' },
    { name: 'a share with one decimal in Dutch', got: () => formatPercent(0.456, 'nl', 1), want: '45,6%' },
    { name: 'a share with one decimal in English', got: () => formatPercent(0.456, 'en', 1), want: '45.6%' },
  ])('$name', ({ got, want }) => {
    expect(got()).toBe(want);
  });
});

describe('weekdays as people write them', () => {
  it.each([
    { lang: 'nl' as const, at: TUESDAY, want: 'di 1 dec. 14:05' },
    { lang: 'nl' as const, at: TUESDAY - 86_400_000, want: 'ma 30 nov. 14:05' },
    { lang: 'nl' as const, at: TUESDAY - 3 * 86_400_000, want: 'za 28 nov. 14:05' },
    { lang: 'en' as const, at: TUESDAY, want: 'Tue 1 Dec 14:05' },
    { lang: 'en' as const, at: TUESDAY - 3 * 86_400_000, want: 'Sat 28 Nov 14:05' },
  ])('$lang: $want', ({ lang, at, want }) => {
    expect(formatDateTime(at, lang, TUESDAY, 'Europe/Amsterdam')).toBe(want);
  });

  it('gives the year instead of a weekday for another year', () => {
    expect(formatDateTime(Date.UTC(2025, 11, 30, 9, 0), 'nl', TUESDAY, 'Europe/Amsterdam')).toBe('30 dec. 2025 10:00');
  });
});
