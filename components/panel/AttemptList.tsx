import type { AttemptView } from '@/lib/domain/lead';
import { formatDateTime } from '@/lib/i18n/format';
import { useI18n } from '../ui/i18n';
import '@/lib/i18n/messages/common';
import '@/lib/i18n/messages/panel';

export function AttemptList({ attempts, now, timeZone }: { attempts: AttemptView[]; now: number; timeZone?: string }) {
  const { t, lang } = useI18n();
  if (attempts.length === 0) return <p className="lp-muted">{t('panel.noAttempts')}</p>;
  return (
    <ol className="lp-attempts" data-testid="attempt-list">
      {attempts.map((attempt, index) => (
        <li key={attempt.id} data-testid="attempt">
          <span>{index + 1}.</span>
          <span>{t(`channel.${attempt.channel}`)}</span>
          <span>·</span>
          <span>{t(`outcome.${attempt.outcome}`)}</span>
          <span className="lp-when">{formatDateTime(attempt.at, lang, now, timeZone)}</span>
        </li>
      ))}
    </ol>
  );
}
