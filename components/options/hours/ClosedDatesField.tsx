import { useState } from 'react';
import type { OpeningHours, OpeningHoursProblem } from '@/lib/domain/business-time';
import { useI18n } from '../../ui/i18n';
import { problemMessage } from './hours-labels';

/** Days the dealership is closed on top of the week and the holidays. */
export function ClosedDatesField({
  hours,
  problems,
  edit,
}: {
  hours: OpeningHours;
  problems: readonly OpeningHoursProblem[];
  edit: (next: OpeningHours) => void;
}) {
  const { t } = useI18n();
  const [dateToAdd, setDateToAdd] = useState('');
  const dateProblems = problems.filter((p) => p.code === 'invalid_closed_date');

  const addDate = () => {
    if (!dateToAdd || hours.closedDates.includes(dateToAdd)) return;
    edit({ ...hours, closedDates: [...hours.closedDates, dateToAdd].sort() });
    setDateToAdd('');
  };

  return (
    <fieldset className="op-field op-fieldset">
      <legend>{t('options.hours.closedDates')}</legend>
      <span className="op-help">{t('options.hours.closedDatesHelp')}</span>
      {hours.closedDates.length === 0 ? (
        <span className="op-muted">{t('options.hours.noClosedDates')}</span>
      ) : (
        <ul className="op-dates" data-testid="hours-closed-dates">
          {hours.closedDates.map((date) => (
            <li key={date}>
              {date}{' '}
              <button
                type="button"
                className="op-secondary"
                aria-label={t('options.hours.removeDate', { date })}
                onClick={() => edit({ ...hours, closedDates: hours.closedDates.filter((d) => d !== date) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="op-inline">
        <input type="date" aria-label={t('options.hours.dateToAdd')} value={dateToAdd} onChange={(event) => setDateToAdd(event.target.value)} />
        <button type="button" className="op-secondary" onClick={addDate} disabled={!dateToAdd}>
          {t('options.hours.addDate')}
        </button>
      </div>
      {dateProblems.length > 0 ? (
        <span className="op-field-error" data-testid="hours-error-dates">
          {dateProblems.map((p) => problemMessage(t, p)).join(' ')}
        </span>
      ) : null}
    </fieldset>
  );
}
