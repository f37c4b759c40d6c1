import type { Lang } from './index';

const LOCALE: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat>();

/** A figure with a fixed number of decimals in the reader's language: "5,4" in Dutch, "5.4" in English. */
export function formatDecimal(n: number, lang: Lang, digits = 1): string {
  const key = `${lang}:${digits}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits });
    cache.set(key, format);
  }
  return format.format(n);
}
