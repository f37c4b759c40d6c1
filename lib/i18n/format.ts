import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { DEFAULT_TIME_ZONE } from '../domain/model';
import { enGB, nl } from 'date-fns/locale';
import type { Lang } from './index';

const LOCALES = { nl, en: enGB } as const;

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
  return format(ms, sameYear ? 'EEE d MMM HH:mm' : 'd MMM yyyy HH:mm', { locale: LOCALES[lang], in: inZone });
}

export function formatTime(ms: number, lang: Lang, timeZone = DEFAULT_TIME_ZONE): string {
  return format(ms, 'HH:mm', { locale: LOCALES[lang], in: tz(timeZone) });
}
