import { useEffect, useId, useState, type FormEvent } from 'react';
import {
  liberationDayRule,
  validateOpeningHours,
  type OpeningHours,
  type OpeningHoursProblem,
  type Weekday,
} from '@/lib/domain/business-time';
import { LIBERATION_DAY_RULES, type LiberationDayRule } from '@/lib/domain/holidays';
import type { MessageKey, Translate } from '@/lib/i18n';
import { browserTimeZone, firstRunSettings, readSettings, saveSettings } from '@/lib/settings';
import { useI18n } from '../ui/i18n';
import { SaveActions, type SaveState } from './SaveActions';
import type { SettingsStore } from './SettingsForm';

const storageSettings: SettingsStore = { read: readSettings, save: saveSettings };

/** Monday first: how a Dutch dealer reads a week. */
const WEEK_ORDER: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/** Hours a day gets when it is switched from closed to open. */
const DEFAULT_DAY = { open: '09:00', close: '18:00' };

/** A few zones for the suggestion list; any zone the engine accepts can still be typed. */
const ZONE_SUGGESTIONS = ['Europe/Amsterdam', 'Europe/Brussels', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Chicago', 'America/Los_Angeles'];

const dayKey = (day: Weekday): MessageKey => `options.hours.day.${day}`;
const liberationKey = (rule: LiberationDayRule): MessageKey => `options.hours.liberationDay.${rule}`;
const isLiberationDayRule = (value: string): value is LiberationDayRule =>
  (LIBERATION_DAY_RULES as readonly string[]).includes(value);

/**
 * An explicit rule replaces the old opt-in id 'bevrijdingsdag', so it is dropped rather than
 * left behind to contradict the rule.
 */
function withLiberationDay(hours: OpeningHours, rule: LiberationDayRule): OpeningHours {
  const next: OpeningHours = { ...hours, liberationDay: rule };
  if (hours.optionalHolidays) next.optionalHolidays = hours.optionalHolidays.filter((id) => id !== 'bevrijdingsdag');
  return next;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

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


/** Opening hours in options. Only `openingHours` is written; the rest of Settings is re-read. */
export function BusinessHoursForm({ store = storageSettings }: { store?: SettingsStore }) {
  const { t } = useI18n();
  const id = useId();
  const [hours, setHours] = useState<OpeningHours | null>(null);
  const [problems, setProblems] = useState<OpeningHoursProblem[]>([]);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [dateToAdd, setDateToAdd] = useState('');

  useEffect(() => {
    let alive = true;
    store
      .read()
      .then((settings) => alive && setHours(settings.openingHours))
      // Unreadable storage still leaves an editable form; saving will report the real error.
      .catch(() => alive && setHours(firstRunSettings().openingHours));
    return () => {
      alive = false;
    };
  }, [store]);

  if (!hours) return <p className="op-muted">{t('options.loading')}</p>;

  const browserZone = browserTimeZone();
  const zoneSuggestions = browserZone && !ZONE_SUGGESTIONS.includes(browserZone) ? [browserZone, ...ZONE_SUGGESTIONS] : ZONE_SUGGESTIONS;

  const edit = (next: OpeningHours) => {
    setHours(next);
    setProblems([]);
    setState({ kind: 'idle' });
  };
  const editDay = (day: Weekday, value: { open: string; close: string } | null) =>
    edit({ ...hours, week: { ...hours.week, [day]: value } });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateOpeningHours(hours);
    if (found.length > 0) {
      setProblems(found);
      setState({ kind: 'invalid' });
      return;
    }
    store
      .read()
      .then((current) => store.save({ ...current, openingHours: hours }))
      .then((saved) => {
        setHours(saved.openingHours);
        setState({ kind: 'saved' });
      })
      .catch((error: unknown) => setState({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) }));
  };

  const dayProblems = (day: Weekday) => problems.filter((p) => 'day' in p && p.day === day);
  const zoneProblem = problems.find((p) => p.code === 'invalid_time_zone');
  const dateProblems = problems.filter((p) => p.code === 'invalid_closed_date');
  const noOpenTime = problems.find((p) => p.code === 'no_open_time');

  const addDate = () => {
    if (!dateToAdd || hours.closedDates.includes(dateToAdd)) return;
    edit({ ...hours, closedDates: [...hours.closedDates, dateToAdd].sort() });
    setDateToAdd('');
  };

  return (
    <form className="op-card" onSubmit={submit} noValidate data-testid="hours-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('options.hours.title')}</h2>
      <p className="op-help">{t('options.hours.intro')}</p>
      {noOpenTime ? (
        <p className="op-field-error" data-testid="hours-error-week">
          {problemMessage(t, noOpenTime)}
        </p>
      ) : null}
      <div style={{ display: 'grid', gap: 6 }}>
        {WEEK_ORDER.map((day) => {
          const name = t(dayKey(day));
          const value = hours.week[day];
          const errors = dayProblems(day);
          const rowId = `${id}-day-${day}`;
          return (
            <div key={day} data-testid={`hours-day-${day}`} style={{ display: 'grid', gap: 2 }}>
              <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
                <label style={{ minWidth: 130, display: 'flex', alignItems: 'center', gap: 6 }}>
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
      <div className="op-field">
        <label htmlFor={`${id}-zone`}>{t('options.hours.timeZone')}</label>
        <input
          id={`${id}-zone`}
          type="text"
          list={`${id}-zones`}
          autoComplete="off"
          spellCheck={false}
          value={hours.timeZone}
          aria-invalid={zoneProblem ? true : undefined}
          aria-describedby={`${id}-zone-help${zoneProblem ? ` ${id}-zone-error` : ''}`}
          onChange={(event) => edit({ ...hours, timeZone: event.target.value.trim() })}
        />
        <datalist id={`${id}-zones`}>
          {zoneSuggestions.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <span className="op-help" id={`${id}-zone-help`}>
          {t('options.hours.timeZoneHelp')}
        </span>
        {browserZone && browserZone !== hours.timeZone ? (
          <span className="op-help" data-testid="hours-browser-zone">
            {t('options.hours.browserZone', { zone: browserZone })}{' '}
            <button type="button" className="op-secondary" onClick={() => edit({ ...hours, timeZone: browserZone })}>
              {t('options.hours.useBrowserZone', { zone: browserZone })}
            </button>
          </span>
        ) : null}
        {zoneProblem ? (
          <span className="op-field-error" id={`${id}-zone-error`} data-testid="hours-error-zone">
            {problemMessage(t, zoneProblem)}
          </span>
        ) : null}
      </div>
      <div className="op-field">
        <label style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
          <input type="checkbox" checked={hours.holidays} onChange={(event) => edit({ ...hours, holidays: event.target.checked })} />
          {t('options.hours.holidays')}
        </label>
        <span className="op-help">{t('options.hours.holidaysHelp')}</span>
      </div>
      <div className="op-field">
        <label htmlFor={`${id}-liberation`}>{t('options.hours.liberationDay')}</label>
        <select
          id={`${id}-liberation`}
          value={liberationDayRule(hours)}
          disabled={!hours.holidays}
          aria-describedby={`${id}-liberation-help`}
          onChange={(event) => {
            const rule = event.target.value;
            if (isLiberationDayRule(rule)) edit(withLiberationDay(hours, rule));
          }}
        >
          {LIBERATION_DAY_RULES.map((rule) => (
            <option key={rule} value={rule}>
              {t(liberationKey(rule))}
            </option>
          ))}
        </select>
        <span className="op-help" id={`${id}-liberation-help`}>
          {t('options.hours.liberationDayHelp')}
        </span>
      </div>
      <fieldset className="op-field" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600, padding: 0 }}>{t('options.hours.closedDates')}</legend>
        <span className="op-help">{t('options.hours.closedDatesHelp')}</span>
        {hours.closedDates.length === 0 ? (
          <span className="op-muted">{t('options.hours.noClosedDates')}</span>
        ) : (
          <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="hours-closed-dates">
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
        <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <input
            type="date"
            aria-label={t('options.hours.dateToAdd')}
            value={dateToAdd}
            onChange={(event) => setDateToAdd(event.target.value)}
          />
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
      <SaveActions label={t('options.hours.save')} state={state} savedTestId="hours-saved" />
    </form>
  );
}
