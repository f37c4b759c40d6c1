import { useEffect } from 'react';
import { businessDurationMs, type OpeningHours } from '@/lib/domain/business-time';
import { leadState, type CadenceSettings, type CadenceStep, type LeadState } from '@/lib/domain/cadence';
import type { LeadView } from '@/lib/domain/lead';
import { isWithinSla } from '@/lib/domain/lead-metrics';
import { formatDateTime, formatDuration, formatTime } from '@/lib/i18n/format';
import type { Lang, Translate } from '@/lib/i18n';
import { useI18n } from '../ui/i18n';
import '@/lib/i18n/messages/common';
import '@/lib/i18n/messages/kernel';
import '@/lib/i18n/messages/panel';

interface Props {
  view: LeadView;
  cadence: CadenceSettings;
  hours: OpeningHours;
  now: number;
  /** The shadow host, which carries `data-sla-state` for tests and CRM-side styling. */
  host?: HTMLElement;
}

export function computeLeadState(view: LeadView, cadence: CadenceSettings, hours: OpeningHours, now: number): LeadState {
  return leadState({ receivedAt: view.receivedAt, status: view.status, attempts: view.attempts }, cadence, hours, now);
}

const DAY_MS = 86_400_000;

/** "today 14:05", "tomorrow 09:00" or a date, in the dealership's zone. */
function when(ms: number, now: number, lang: Lang, t: Translate, timeZone: string): string {
  const dayOf = (x: number) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(x);
  if (dayOf(ms) === dayOf(now)) return t('panel.when.today', { time: formatTime(ms, lang, timeZone) });
  if (dayOf(ms) === dayOf(now + DAY_MS)) return t('panel.when.tomorrow', { time: formatTime(ms, lang, timeZone) });
  return formatDateTime(ms, lang, now, timeZone);
}

function nextStepText(state: LeadState, view: LeadView, now: number, lang: Lang, t: Translate, timeZone: string): string {
  const channel = t(`channel.${state.nextChannel ?? 'call'}`);
  switch (state.state) {
    case 'new':
      return t('panel.next.new', { channel });
    case 'due':
      return t('panel.next.due', { channel });
    case 'overdue':
      return t('panel.next.overdue', { channel, late: formatDuration(state.overdueByMs, lang) });
    case 'waiting':
      return state.dueAt === null
        ? t('panel.next.noHours')
        : t('panel.next.waiting', { channel, in: formatDuration(state.dueAt - now, lang), at: when(state.dueAt, now, lang, t, timeZone) });
    case 'done':
      return view.status === 'sold' || view.status === 'lost' || view.status === 'appointment' || view.status === 'shown'
        ? t('panel.next.doneStatus', { status: t(`status.${view.status}`) })
        : t('panel.next.done');
  }
}

/** Compact step names for the cadence strip: "now", "+10 min", "+4 h", "day 2". */
function stepLabel(step: CadenceStep, lang: Lang, t: Translate): string {
  if (step.kind === 'day') return t('panel.step.day', { day: step.day });
  if (step.ms === 0) return t('panel.step.now');
  const minutes = Math.round(step.ms / 60_000);
  if (minutes < 60 || minutes % 60 !== 0) return `+${minutes} min`;
  return `+${minutes / 60} ${lang === 'nl' ? 'u' : 'h'}`;
}

/** The lead clock: age in business and wall time, the next step, and the attempts against the cadence. */
export function SlaSummary({ view, cadence, hours, now, host }: Props) {
  const { t, lang } = useI18n();
  const state = computeLeadState(view, cadence, hours, now);
  useEffect(() => {
    host?.setAttribute('data-sla-state', state.state);
  }, [host, state.state]);
  const businessAge = businessDurationMs(view.receivedAt, now, hours);
  return (
    <div className={`lp-sla lp-sla-${state.state}`} data-testid="sla" data-state={state.state}>
      <div className="lp-row lp-sla-head">
        <span className="lp-age" data-testid="lead-age" title={t('panel.ageBusinessHint')}>
          {formatDuration(businessAge, lang)}
        </span>
        <p className="lp-next" data-testid="next-step">
          {nextStepText(state, view, now, lang, t, hours.timeZone)}
        </p>
      </div>
      <ol className="lp-steps" aria-label={t('panel.cadence')} data-testid="cadence-steps">
        {cadence.steps.map((step, index) => {
          const attempt = view.attempts[index];
          const status = attempt ? 'done' : index === state.stepIndex && state.state !== 'done' ? state.state : 'todo';
          return (
            <li
              key={index}
              className={`lp-step lp-step-${status}`}
              title={attempt ? `${t(`channel.${attempt.channel}`)} · ${t(`outcome.${attempt.outcome}`)}` : stepLabel(step, lang, t)}
            >
              <span className="lp-dot" />
              <span className="lp-step-label">{stepLabel(step, lang, t)}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** The slower facts behind the clock: wall-clock age and the first response, for the details. */
export function SlaFacts({ view, cadence, hours, now }: Omit<Props, 'host'>) {
  const { t, lang } = useI18n();
  const state = computeLeadState(view, cadence, hours, now);
  return (
    <>
      <p className="lp-muted lp-flush">
        {formatDuration(businessDurationMs(view.receivedAt, now, hours), lang)} {t('panel.ageWall', { age: formatDuration(now - view.receivedAt, lang) })}
      </p>
      {state.responseMs !== null ? (
        <p
          className="lp-muted lp-flush"
          data-testid="response-time"
          data-within-sla={String(isWithinSla(state.responseMs, cadence.firstAttemptSlaMs))}
        >
          {t('panel.firstResponse', { duration: formatDuration(state.responseMs, lang) })} ·{' '}
          {t(isWithinSla(state.responseMs, cadence.firstAttemptSlaMs) ? 'sla.within' : 'sla.missed', {
            sla: formatDuration(cadence.firstAttemptSlaMs, lang),
          })}
        </p>
      ) : null}
    </>
  );
}
