import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { DEFAULT_TIME_ZONE } from '../domain/model';
import { enGB, nl } from 'date-fns/locale';
import type { Lang } from './index';

// Figures and durations need no date library; the popup's first screen imports them from
// './numbers' so that date-fns' format and its locales stay out of its scripts.
export { formatDecimal, formatDuration, formatInteger, formatNumber, formatPercent } from './numbers';

const LOCALES = { nl, en: enGB } as const;
/**
 * Weekday forms people write: Dutch "di", "ma", "za" (date-fns' abbreviated Dutch days are
 * "din", "maa", "zat"), English "Tue", "Mon", "Sat".
 */
const WEEKDAY: Record<Lang, string> = { nl: 'EEEEEE', en: 'EEE' };

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
