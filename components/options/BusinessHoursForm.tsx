import { useCallback, useId, useMemo } from 'react';
import { liberationDayRule, validateOpeningHours, type OpeningHours, type OpeningHoursProblem } from '@/lib/domain/business-time';
import { LIBERATION_DAY_RULES, type LiberationDayRule } from '@/lib/domain/holidays';
import type { MessageKey } from '@/lib/i18n';
import { browserTimeZone, firstRunSettings, readSettings, saveSettings } from '@/lib/settings';
import { useI18n } from '../ui/i18n';
import { ClosedDatesField } from './hours/ClosedDatesField';
import { problemMessage } from './hours/hours-labels';
import { HoursWeekField } from './hours/HoursWeekField';
import { SaveActions } from './SaveActions';
import type { SettingsStore } from './SettingsForm';
import { useDraft } from './use-draft';
import { parseHash } from './TabsRoute';

export { problemMessage };

const storageSettings: SettingsStore = { read: readSettings, save: saveSettings };

/** A few zones for the suggestion list; any zone the engine accepts can still be typed. */
const ZONE_SUGGESTIONS = ['Europe/Amsterdam', 'Europe/Brussels', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Chicago', 'America/Los_Angeles'];

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

const NO_PROBLEMS: OpeningHoursProblem[] = [];

/** Opening hours in options. Only `openingHours` is written; the rest of Settings is re-read. */
export function BusinessHoursForm({ store = storageSettings }: { store?: SettingsStore }) {
  const { t } = useI18n();
  const id = useId();
  const start = useMemo(
    () => ({
      source: store,
      read: () => store.read().then((settings) => settings.openingHours),
      fallback: () => firstRunSettings().openingHours,
    }),
    [store],
  );
  const {
    draft: hours,
    errors: problems,
    state,
    edit,
    submit,
  } = useDraft<OpeningHours, OpeningHours, OpeningHoursProblem[]>({
    start,
    noErrors: NO_PROBLEMS,
    validate: (value) => {
      const found = validateOpeningHours(value);
      return found.length > 0 ? { ok: false, errors: found } : { ok: true, value };
    },
    save: (value) =>
      store
        .read()
        .then((current) => store.save({ ...current, openingHours: value }))
        .then((saved) => saved.openingHours),
  });

  // Arrived from the panel's zone notice (`#hours/timeZone`): the zone field is ready to change.
  const focusOnArrival = useCallback((input: HTMLInputElement | null) => {
    if (!input || parseHash(window.location.hash).field !== 'timeZone') return;
    input.focus();
    input.scrollIntoView({ block: 'center' });
  }, []);

  if (!hours) return <p className="op-muted">{t('options.loading')}</p>;

  const browserZone = browserTimeZone();
  const zoneSuggestions = browserZone && !ZONE_SUGGESTIONS.includes(browserZone) ? [browserZone, ...ZONE_SUGGESTIONS] : ZONE_SUGGESTIONS;

  const zoneProblem = problems.find((p) => p.code === 'invalid_time_zone');
  const noOpenTime = problems.find((p) => p.code === 'no_open_time');

  return (
    <form className="op-card" onSubmit={submit} noValidate data-testid="hours-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('options.hours.title')}</h2>
      <p className="op-help">{t('options.hours.intro')}</p>
      {noOpenTime ? (
        <p className="op-field-error" data-testid="hours-error-week">
          {problemMessage(t, noOpenTime)}
        </p>
      ) : null}
      <HoursWeekField id={id} hours={hours} problems={problems} edit={edit} />
      <div className="op-field">
        <label htmlFor={`${id}-zone`}>{t('options.hours.timeZone')}</label>
        <input
          ref={focusOnArrival}
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
        <label className="op-switch">
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
      <ClosedDatesField hours={hours} problems={problems} edit={edit} />
      <SaveActions label={t('options.hours.save')} state={state} savedTestId="hours-saved" />
    </form>
  );
}
