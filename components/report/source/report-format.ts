import type { Lang } from '@/lib/i18n';
import type { Currency } from '@/lib/storage/spend-item';

const LOCALE: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

/** A share as a percentage with one decimal: "12,5%" in Dutch. */
export function formatPercent(share: number | null, lang: Lang, digits = 1): string {
  if (share === null) return '–';
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share);
}

export function formatMoney(amount: number, currency: Currency, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency, maximumFractionDigits: amount >= 100 ? 0 : 2 }).format(amount);
}

export function formatNumber(n: number, lang: Lang, digits = 0): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits }).format(n);
}

/** "1–30 Nov 2026" / "1 okt – 31 dec 2026": the basis sentence's range, in the dealer's dates. */
export function formatDateRange(firstDate: string, lastDate: string, lang: Lang): string {
  const parse = (d: string) => {
    const [y = 0, m = 1, day = 1] = d.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, day, 12));
  };
  const a = parse(firstDate);
  const b = parse(lastDate);
  const format = new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return format.formatRange(a, b);
}
