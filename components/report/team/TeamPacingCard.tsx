import { useI18n } from '@/components/ui/i18n';
import type { OpeningHours } from '@/lib/domain/business-time';
import { teamMonthPacing } from '@/lib/domain/team-board';
import { formatInteger, formatNumber } from '@/lib/i18n/format';
import type { LeaderboardResponse } from '@/lib/sync/wire';
import '@/lib/i18n/messages/report-team';

/**
 * The team's month against its target: the per-rep target times the reps on this month's
 * board (the server lists every active rep, also those without leads yet).
 */
export function TeamPacingCard({
  month,
  perRepTarget,
  hours,
  now,
  wholeTeam,
}: {
  month: LeaderboardResponse | null;
  perRepTarget: number;
  hours: OpeningHours;
  now: number;
  /** False when the board shows only the viewer's own row (team-only mode for a rep). */
  wholeTeam: boolean;
}) {
  const { t, lang } = useI18n();
  const body = () => {
    if (!wholeTeam) return <p className="rp-muted">{t('board.pacing.hidden')}</p>;
    if (month === null) return <p className="rp-muted">{t('board.pacing.loading')}</p>;
    if (perRepTarget <= 0) return <p className="rp-muted" data-testid="board-pacing-no-target">{t('board.pacing.noTarget')}</p>;
    const reps = month.rows.length;
    const p = teamMonthPacing({ perRepTarget, reps, sold: month.team.sold, now, hours });
    return (
      <>
        <dl className="tb-stats">
          <div>
            <dt>{t('board.pacing.target')}</dt>
            <dd data-testid="board-pacing-target">{formatInteger(p.target, lang)}</dd>
            <dd className="rp-muted">{t('board.pacing.targetHow', { perRep: formatInteger(perRepTarget, lang), reps: formatInteger(reps, lang) })}</dd>
          </div>
          <div>
            <dt>{t('board.pacing.expected')}</dt>
            <dd data-testid="board-pacing-expected">{formatNumber(p.expectedByToday, lang, 1)}</dd>
          </div>
          <div>
            <dt>{t('board.pacing.sold')}</dt>
            <dd data-testid="board-pacing-sold">{formatInteger(p.sold, lang)}</dd>
          </div>
          <div>
            <dt>{t('board.pacing.projection')}</dt>
            <dd data-testid="board-pacing-projection">{formatNumber(p.projection, lang, 1)}</dd>
          </div>
        </dl>
        <p className={p.behind ? 'tb-verdict tb-verdict-behind' : 'tb-verdict'} data-testid="board-pacing-verdict" data-behind={p.behind}>
          {p.behind ? t('board.pacing.behind') : t('board.pacing.onPace')}
        </p>
        <p className="rp-muted">{t('board.pacing.note')}</p>
      </>
    );
  };
  return (
    <section className="rp-card" data-testid="board-pacing" aria-labelledby="tb-pacing-title">
      <h2 id="tb-pacing-title">{t('board.pacing.title')}</h2>
      {body()}
    </section>
  );
}
