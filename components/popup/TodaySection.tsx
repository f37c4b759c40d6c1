import type { TodayStats } from '@/lib/domain/metrics';
import { formatDuration, formatInteger } from '@/lib/i18n/numbers';
import { useI18n } from '../ui/i18n';
import '@/lib/i18n/messages/popup';

export function TodaySection({ stats }: { stats: TodayStats }) {
  const { t, lang } = useI18n();
  const median = stats.medianFirstResponseMs;
  return (
    <section className="pp-section" data-testid="today" aria-labelledby="pp-today-title">
      <h2 className="pp-section-title" id="pp-today-title">
        {t('popup.today')}
      </h2>
      <dl className="pp-stats">
        <div>
          <dt>{t('popup.today.leadsSeen')}</dt>
          <dd data-testid="today-leads-seen">{formatInteger(stats.leadsSeen, lang)}</dd>
        </div>
        <div>
          <dt>{t('popup.today.attempts')}</dt>
          <dd data-testid="today-attempts">{formatInteger(stats.attemptsLogged, lang)}</dd>
        </div>
        <div>
          <dt>{t('popup.today.median')}</dt>
          <dd data-testid="today-median">{median === null ? t('popup.today.none') : formatDuration(median, lang)}</dd>
          {median === null ? null : (
            <dd className="pp-muted" data-testid="today-median-n">
              {t('popup.today.medianOver', { count: stats.firstResponses })}
            </dd>
          )}
        </div>
      </dl>
    </section>
  );
}
