import type { OpeningHoursProblem, Weekday } from '@/lib/domain/business-time';
import type { MessageKey, Translate } from '@/lib/i18n';
import '@/lib/i18n/messages/options';

export const dayKey = (day: Weekday): MessageKey => `options.hours.day.${day}`;

export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function problemMessage(t: Translate, problem: OpeningHoursProblem): string {
  switch (problem.code) {
    case 'close_not_after_open':
      return capitalise(t('options.hours.error.close_not_after_open', { day: t(dayKey(problem.day)) }));
    case 'invalid_time':
      return capitalise(t('options.hours.error.invalid_time', { day: t(dayKey(problem.day)) }));
    case 'no_open_time':
      return t('options.hours.error.no_open_time');
    case 'invalid_time_zone':
      return t('options.hours.error.invalid_time_zone', { value: problem.value });
    case 'invalid_closed_date':
      return t('options.hours.error.invalid_closed_date', { value: problem.value });
  }
}
