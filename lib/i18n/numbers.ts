import type { Lang } from './index';

const LOCALE: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, kind: 'integer' | 'number' | 'percent', digits: number): Intl.NumberFormat {
  const key = `${lang}:${kind}:${digits}`;
  let found = numberFormats.get(key);
  if (!found) {
    found = new Intl.NumberFormat(LOCALE[lang], {
      style: kind === 'percent' ? 'percent' : 'decimal',
      maximumFractionDigits: digits,
      ...(kind === 'integer' ? {} : { minimumFractionDigits: digits }),
    });
    numberFormats.set(key, found);
  }
  return found;
}

/** A whole count in the reader's language: "1.250" in Dutch, "1,250" in English. */
export function formatInteger(n: number, lang: Lang): string {
  return numberFormat(lang, 'integer', 0).format(Math.round(n));
}

/** A figure with exactly `digits` decimals: "0,2" in Dutch, "0.2" in English. */
export function formatNumber(n: number, lang: Lang, digits = 1): string {
  return numberFormat(lang, 'number', digits).format(n);
}

/** A share (0…1) as a percentage: 0.456 → "46%" ("45,6%" with one digit in Dutch). */
export function formatPercent(share: number, lang: Lang, digits = 0): string {
  return numberFormat(lang, 'percent', digits).format(share);
}

/** A compact age such as "4 min", "2 h 05 min", "3 d 4 h" ("u" in Dutch). */
export function formatDuration(ms: number, lang: Lang): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const h = lang === 'nl' ? 'u' : 'h';
  const d = lang === 'nl' ? 'd' : 'd';
  if (minutes < 1) return lang === 'nl' ? '< 1 min' : '< 1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} ${h} ${String(minutes % 60).padStart(2, '0')} min`;
  const days = Math.floor(hours / 24);
  return `${days} ${d} ${hours % 24} ${h}`;
}

/** A figure with a fixed number of decimals in the reader's language: "5,4" in Dutch, "5.4" in English. */
export function formatDecimal(n: number, lang: Lang, digits = 1): string {
  return formatNumber(n, lang, digits);
}
