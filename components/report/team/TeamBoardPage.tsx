import { isManagerRole } from '@/lib/sync/roles';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { useI18n } from '@/components/ui/i18n';
import { messageLeaderboardApi, refreshFailure, useLeaderboard, type LeaderboardApi } from '@/components/ui/use-leaderboard';
import { useNow } from '@/components/ui/use-now';
import { useStoredSettings } from '@/components/ui/use-settings';
import { useTeamConnection } from '@/components/ui/use-team-connection';
import { leadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { formatDateTime, formatDuration, formatInteger } from '@/lib/i18n/format';
import type { Settings } from '@/lib/settings';
import type { TeamInfo } from '@/lib/sync/connection';
import type { LeaderboardPeriod } from '@/lib/sync/wire';
import { OwnClosedTooEarly } from './ClosedTooEarlyList';
import { ColleagueClosedTooEarly, type ColleagueEarlyApi } from './ColleagueClosedTooEarly';
import { PeriodTabs } from './PeriodTabs';
import { TeamBoardTable, type TeamBoardRow } from './TeamBoardTable';
import { TeamPacingCard } from './TeamPacingCard';

export interface TeamBoardPageProps {
  db?: LeadpaceDb;
  api?: LeaderboardApi;
  /** Fixed time and settings for tests; the live clock and stored settings otherwise. */
  now?: number;
  settings?: Settings;
  openOptions?: () => void;
  /** Colleagues' closed-too-early leads for a manager; the worker by default. */
  colleagueEarly?: ColleagueEarlyApi;
}

const openOptionsPage = () => void browser.runtime.openOptionsPage();

export function TeamBoardPage({
  db = leadpaceDb(),
  api = messageLeaderboardApi,
  now: fixedNow,
  settings: fixedSettings,
  openOptions = openOptionsPage,
  colleagueEarly,
}: TeamBoardPageProps) {
  const connection = useTeamConnection();
  const stored = useStoredSettings();
  const liveNow = useNow(60_000);
  const settings = fixedSettings ?? stored;
  const now = fixedNow ?? liveNow;
  if (connection === undefined || settings === null) return null;
  if (connection === null) return <NotConnected openOptions={openOptions} />;
  return <ConnectedBoard db={db} api={api} connection={connection} settings={settings} now={now} colleagueEarly={colleagueEarly} />;
}

function NotConnected({ openOptions }: { openOptions: () => void }) {
  const { t } = useI18n();
  return (
    <section className="rp-card" data-testid="board-not-connected">
      <h2>{t('board.connect.title')}</h2>
      <p>{t('board.connect.body')}</p>
      <p>
        <button type="button" className="rp-primary" onClick={openOptions}>
          {t('board.connect.button')}
        </button>
      </p>
    </section>
  );
}

function ConnectedBoard({
  db,
  api,
  connection,
  settings,
  now,
  colleagueEarly,
}: {
  db: LeadpaceDb;
  api: LeaderboardApi;
  connection: TeamInfo;
  settings: Settings;
  now: number;
  colleagueEarly?: ColleagueEarlyApi;
}) {
  const { t, lang } = useI18n();
  const [period, setPeriod] = useState<LeaderboardPeriod>('month');
  const board = useLeaderboard(db, connection, period, api);
  // Pacing is about this month whatever period the table shows; the same request when it is.
  const month = useLeaderboard(db, connection, 'month', period === 'month' ? NO_REFRESH : api);
  const monthData = (period === 'month' ? board.cached : month.cached)?.data ?? null;
  const { cached, refresh } = board;
  const data = cached?.data;
  const rows: TeamBoardRow[] = (data?.rows ?? []).map((r, i) => ({ ...r, key: r.memberId ?? `${i}:${r.label}` }));
  const threshold = settings.cadence.closeAfterAttempts;

  return (
    <>
      <section className="rp-card" aria-labelledby="tb-title" data-testid="team-board" data-period={period}>
        <div className="tb-head">
          <h2 id="tb-title">
            {t('report.team.title')} <span className="tb-team">{connection.teamName}</span>
          </h2>
          <PeriodTabs period={period} onChange={setPeriod} />
        </div>
        {cached === undefined ? null : cached === null || !data ? (
          <p className={refresh.state === 'failed' ? 'rp-error' : 'rp-muted'} role={refresh.state === 'failed' ? 'alert' : undefined} data-testid="board-status">
            {refresh.state === 'failed' ? t('team.noSnapshot', { reason: refreshFailure(refresh, t) }) : t('team.loadingBoard')}
          </p>
        ) : (
          <>
            {rows.length === 0 ? (
              <p className="rp-muted" data-testid="board-empty">
                {t('board.empty.rows')}
              </p>
            ) : (
              <>
                {data.team.leads === 0 ? (
                  <p className="rp-muted" data-testid="board-empty">
                    {t('board.empty.leads')}
                  </p>
                ) : null}
                <p className="tb-legend">
                  <span className="tb-swatch" aria-hidden="true" /> {t('board.belowSla.legend', { sla: formatDuration(data.slaMs, lang) })}{' '}
                  <span className="rp-muted">{t('board.sortHint')}</span>
                </p>
                <TeamBoardTable
                  rows={rows}
                  team={data.team}
                  slaMs={data.slaMs}
                  renderEarly={(row) =>
                    row.self ? (
                      <OwnClosedTooEarly db={db} from={data.from} to={data.to} threshold={threshold} serverCount={row.closedTooEarly} now={now} timeZone={data.timeZone} />
                    ) : isManagerRole(connection.role) ? (
                      <ColleagueClosedTooEarly label={row.label} count={row.closedTooEarly} from={data.from} to={data.to} timeZone={data.timeZone} now={now} api={colleagueEarly} />
                    ) : (
                      <p className="rp-muted">{t('board.early.colleague', { label: row.label, count: formatInteger(row.closedTooEarly, lang) })}</p>
                    )
                  }
                />
              </>
            )}
            {data.visibility !== 'named' ? (
              <p className="rp-muted" data-testid="board-mode">
                {isManagerRole(connection.role) ? t(`board.mode.manager.${data.visibility}`) : t(`team.mode.${data.visibility}`)}
              </p>
            ) : null}
            <p className="rp-muted" data-testid="board-as-of" data-at={cached.fetchedAt}>
              {t('team.asOf', { time: formatDateTime(cached.fetchedAt, lang, now, data.timeZone) })}
              {refresh.state === 'updating' ? ` · ${t('team.updating')}` : ''}
            </p>
            {refresh.state === 'failed' ? (
              <p className="rp-error" role="alert" data-testid="board-offline">
                {t('team.offline', { reason: refreshFailure(refresh, t) })}
              </p>
            ) : null}
          </>
        )}
      </section>
      <TeamPacingCard
        month={monthData}
        perRepTarget={settings.monthlyTarget}
        hours={settings.openingHours}
        now={now}
        wholeTeam={isManagerRole(connection.role) || connection.visibility !== 'team-only'}
      />
    </>
  );
}

/** The month board's refresh when the table already asks for the month. */
const NO_REFRESH: LeaderboardApi = { leaderboard: () => Promise.resolve({ ok: true, value: 'not-modified' }) };
