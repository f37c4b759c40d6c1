import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { DEFAULT_TIME_ZONE } from '../domain/model';
import { enGB, nl } from 'date-fns/locale';
import type { Lang } from './index';

export { formatDecimal } from './numbers';

const LOCALES = { nl, en: enGB } as const;
const NUMBER_LOCALES: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, kind: 'integer' | 'number' | 'percent', digits: number): Intl.NumberFormat {
  const key = `${lang}:${kind}:${digits}`;
  let found = numberFormats.get(key);
  if (!found) {
    found = new Intl.NumberFormat(NUMBER_LOCALES[lang], {
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

/**
 * Weekday forms people write: Dutch "di", "ma", "za" (date-fns' abbreviated Dutch days are
 * "din", "maa", "zat"), English "Tue", "Mon", "Sat".
 */
const WEEKDAY: Record<Lang, string> = { nl: 'EEEEEE', en: 'EEE' };

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

/**
 * Date and time in the rep's language and the dealership's time zone (not the machine's),
 * e.g. "do 26 nov 14:05" / "Thu 26 Nov 14:05".
 */
export function formatDateTime(ms: number, lang: Lang, now: number = Date.now(), timeZone = DEFAULT_TIME_ZONE): string {
  const inZone = tz(timeZone);
  const sameYear = format(ms, 'yyyy', { in: inZone }) === format(now, 'yyyy', { in: inZone });
  return format(ms, sameYear ? `${WEEKDAY[lang]} d MMM HH:mm` : 'd MMM yyyy HH:mm', { locale: LOCALES[lang], in: inZone });
}

export function formatTime(ms: number, lang: Lang, timeZone = DEFAULT_TIME_ZONE): string {
  return format(ms, 'HH:mm', { locale: LOCALES[lang], in: tz(timeZone) });
}
