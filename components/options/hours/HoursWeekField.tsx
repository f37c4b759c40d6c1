import type { OpeningHours, OpeningHoursProblem, Weekday } from '@/lib/domain/business-time';
import { useI18n } from '../../ui/i18n';
import { capitalise, dayKey, problemMessage } from './hours-labels';

/** Monday first: how a Dutch dealer reads a week. */
const WEEK_ORDER: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/** Hours a day gets when it is switched from closed to open. */
const DEFAULT_DAY = { open: '09:00', close: '18:00' };

/** Each weekday open or closed, with its opening and closing time. */
export function HoursWeekField({
  id,
  hours,
  problems,
  edit,
}: {
  id: string;
  hours: OpeningHours;
  problems: readonly OpeningHoursProblem[];
  edit: (next: OpeningHours) => void;
}) {
  const { t } = useI18n();
  const editDay = (day: Weekday, value: { open: string; close: string } | null) => edit({ ...hours, week: { ...hours.week, [day]: value } });
  return (
    <div className="op-hours-week">
      {WEEK_ORDER.map((day) => {
        const name = t(dayKey(day));
        const value = hours.week[day];
        const errors = problems.filter((p) => 'day' in p && p.day === day);
        const rowId = `${id}-day-${day}`;
        return (
          <div key={day} data-testid={`hours-day-${day}`} className="op-hours-day">
            <div className="op-row">
              <label className="op-hours-day-name">
                <input
                  type="checkbox"
                  checked={value !== null}
                  aria-label={t('options.hours.isOpen', { day: name })}
                  onChange={(event) => editDay(day, event.target.checked ? DEFAULT_DAY : null)}
                />
                <span aria-hidden="true">{capitalise(name)}</span>
              </label>
              {value ? (
                <>
                  <input
                    type="time"
                    value={value.open}
                    aria-label={t('options.hours.opensAt', { day: name })}
                    aria-invalid={errors.length > 0 ? true : undefined}
                    aria-describedby={errors.length > 0 ? `${rowId}-error` : undefined}
                    onChange={(event) => editDay(day, { ...value, open: event.target.value })}
                  />
                  <span className="op-muted">{t('options.hours.until')}</span>
                  <input
                    type="time"
                    value={value.close === '24:00' ? '23:59' : value.close}
                    aria-label={t('options.hours.closesAt', { day: name })}
                    aria-invalid={errors.length > 0 ? true : undefined}
                    aria-describedby={errors.length > 0 ? `${rowId}-error` : undefined}
                    onChange={(event) => editDay(day, { ...value, close: event.target.value })}
                  />
                </>
              ) : (
                <span className="op-muted">{t('options.hours.closed')}</span>
              )}
            </div>
            {errors.length > 0 ? (
              <span className="op-field-error" id={`${rowId}-error`} data-testid={`hours-error-day-${day}`}>
                {errors.map((p) => problemMessage(t, p)).join(' ')}
              </span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
