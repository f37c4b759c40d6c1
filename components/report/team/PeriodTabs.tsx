import { useI18n } from '@/components/ui/i18n';
import { LEADERBOARD_PERIODS, type LeaderboardPeriod } from '@/lib/sync/wire';
import '@/lib/i18n/messages/report-team';
import '@/lib/i18n/messages/team';

export function PeriodTabs({ period, onChange }: { period: LeaderboardPeriod; onChange: (p: LeaderboardPeriod) => void }) {
  const { t } = useI18n();
  return (
    <div role="group" aria-label={t('board.period')} className="tb-periods">
      {LEADERBOARD_PERIODS.map((p) => (
        <button key={p} type="button" className="tb-period" data-testid={`board-period-${p}`} aria-pressed={p === period} onClick={() => onChange(p)}>
          {t(`team.period.${p}`)}
        </button>
      ))}
    </div>
  );
}
