import { isManagerRole } from '@/lib/sync/roles';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { onTablesChanged } from '@/lib/db/changes';
import type { LeadpaceDb } from '@/lib/db/schema';
import { readReceivedLeads, SUMMARY_TABLE } from '@/lib/db/summary';
import { summaryFacts } from '@/lib/domain/popup-summary-read';
import { formatDateTime, formatDuration } from '@/lib/i18n/format';
import { describeTeamError } from '@/lib/i18n/team-errors';
import type { Settings } from '@/lib/settings-schema';
import type { TeamInfo } from '@/lib/sync/connection';
import { periodBounds } from '@/lib/domain/periods';
import { isBelowTeamSla } from '@/lib/domain/team-board';
import { ownStatsFromFacts } from '@/lib/sync/local-stats';
import { LEADERBOARD_PERIODS, type LeaderboardPeriod, type LeaderboardStats } from '@/lib/sync/wire';
import { BoardTable } from './team/BoardTable';
import { LOCAL_COLUMNS, SERVER_COLUMNS, type BoardRow, type Sort } from './team/board-view';
import { useI18n } from '../ui/i18n';
import { messageLeaderboardApi, useLeaderboard, type LeaderboardApi } from '../ui/use-leaderboard';
import { useTeamConnection } from '../ui/use-team-connection';

/** What this section asks of the background; injectable for tests. */
export type TeamPopupApi = LeaderboardApi;
export { sortRows } from './team/board-view';

/**
 * The rep's own figures from the popup summary's received-day rows (the leads' folded facts)
 * and the few restored events no local lead has claimed: never a month of raw events.
 */
async function loadLocal(db: LeadpaceDb, from: number, to: number, settings: Settings): Promise<LeaderboardStats> {
  const [leads, restored] = await Promise.all([readReceivedLeads(db, from, to), db.restoredEvents.toArray()]);
  return ownStatsFromFacts({
    facts: leads.map(summaryFacts),
    restored: restored.map((r) => r.event),
    from,
    to,
    hours: settings.openingHours,
    slaMs: settings.cadence.firstAttemptSlaMs,
    closeAfterAttempts: settings.cadence.closeAfterAttempts,
  });
}

/** loadLocal, again after every committed lead write (the summary changes with the leads). */
function useLocalStats(db: LeadpaceDb, from: number, to: number, settings: Settings): LeaderboardStats | null | undefined {
  const [stats, setStats] = useState<{ key: string; value: LeaderboardStats | null }>();
  const key = `${from}:${to}`;
  useEffect(() => {
    let alive = true;
    const read = () =>
      void loadLocal(db, from, to, settings)
        .catch(() => null)
        .then((value) => {
          if (alive) setStats({ key, value });
        });
    const stop = onTablesChanged(db, ['leads', SUMMARY_TABLE, 'restoredEvents'], read);
    read();
    return () => {
      alive = false;
      stop();
    };
  }, [db, from, to, settings, key]);
  return stats?.key === key ? stats.value : undefined;
}

/** Opens the full-page board in a tab; the popup closes itself as it loses focus. */
const openFullBoard = () => void browser.tabs.create({ url: browser.runtime.getURL('/report.html#team') });

export function TeamSection({
  db,
  now,
  settings,
  onConnect,
  api = messageLeaderboardApi,
  openBoard = openFullBoard,
}: {
  db: LeadpaceDb;
  now: number;
  settings: Settings;
  onConnect: () => void;
  api?: TeamPopupApi;
  openBoard?: () => void;
}) {
  const connection = useTeamConnection();
  const [period, setPeriod] = useState<LeaderboardPeriod>('month');
  if (connection === undefined) return null;
  return (
    // Rendered outside the popup body (it needs the database, which the body does not get), so
    // it brings the body's side padding itself.
    <section className="pp-section pp-team" data-testid="team" data-role={connection?.role ?? 'none'} aria-labelledby="pp-team-title">
      <h2 className="pp-section-title" id="pp-team-title">
        <TeamTitle connection={connection} />
      </h2>
      <PeriodPicker period={period} onChange={setPeriod} />
      {connection ? (
        <ServerBoard db={db} connection={connection} period={period} api={api} now={now} openBoard={openBoard} />
      ) : (
        <LocalBoardView db={db} period={period} now={now} settings={settings} onConnect={onConnect} />
      )}
    </section>
  );
}

function TeamTitle({ connection }: { connection: TeamInfo | null }) {
  const { t } = useI18n();
  return (
    <>
      {connection ? t('team.board') : t('team.board.mine')}
      {connection ? <span className="pp-count">{connection.teamName}</span> : null}
    </>
  );
}

function PeriodPicker({ period, onChange }: { period: LeaderboardPeriod; onChange: (p: LeaderboardPeriod) => void }) {
  const { t } = useI18n();
  return (
    <div role="group" aria-label={t('team.period')} className="pp-periods">
      {LEADERBOARD_PERIODS.map((p) => (
        <button
          key={p}
          type="button"
          data-testid={`team-period-${p}`}
          aria-pressed={p === period}
          onClick={() => onChange(p)}
          className="pp-period"
        >
          {t(`team.period.${p}`)}
        </button>
      ))}
    </div>
  );
}

function ServerBoard({
  db,
  connection,
  period,
  api,
  now,
  openBoard,
}: {
  db: LeadpaceDb;
  connection: TeamInfo;
  period: LeaderboardPeriod;
  api: TeamPopupApi;
  now: number;
  openBoard: () => void;
}) {
  const { t, lang } = useI18n();
  const { cached, refresh } = useLeaderboard(db, connection, period, api);
  const [sort, setSort] = useState<Sort>({ column: 'rank', dir: 1 });
  if (cached === undefined) return null;
  if (cached === null) {
    return (
      <p className={refresh.state === 'failed' ? 'pp-error' : 'pp-muted'} role={refresh.state === 'failed' ? 'alert' : undefined} data-testid="team-status">
        {refresh.state === 'failed' ? t('team.noSnapshot', { reason: describeTeamError(t, refresh.apiCode) }) : t('team.loadingBoard')}
      </p>
    );
  }
  const data = cached.data;
  const rows: BoardRow[] = data.rows.map((r, i) => ({ ...r, key: r.memberId ?? `${i}:${r.label}` }));
  return (
    <>
      <BoardTable rows={rows} total={data.team} columns={SERVER_COLUMNS} sort={sort} onSort={setSort} source="server" period={period} slaMs={data.slaMs} />
      <p className="pp-note pp-note-split">
        <button type="button" className="pp-inline-link" data-testid="team-open-board" onClick={openBoard}>
          {t('board.openFull')}
        </button>
        <span className="pp-muted" data-testid="team-as-of" data-at={cached.fetchedAt}>
          {t('team.asOf', { time: formatDateTime(cached.fetchedAt, lang, now, data.timeZone) })}
          {refresh.state === 'updating' ? ` · ${t('team.updating')}` : ''}
        </span>
      </p>
      {rows.some((r) => isBelowTeamSla(r, data.slaMs)) ? (
        <p className="pp-muted pp-note">
          {t('board.belowSla.legend', { sla: formatDuration(data.slaMs, lang) })}
        </p>
      ) : null}
      {data.visibility !== 'named' ? (
        <p className="pp-muted pp-note">
          {isManagerRole(connection.role) ? t(`board.mode.manager.${data.visibility}`) : t(`team.mode.${data.visibility}`)}
        </p>
      ) : null}
      {refresh.state === 'failed' ? (
        <p className="pp-error pp-team-offline" role="alert" data-testid="team-offline">
          {t('team.offline', { reason: describeTeamError(t, refresh.apiCode) })}
        </p>
      ) : null}
    </>
  );
}

function LocalBoardView({
  db,
  period,
  now,
  settings,
  onConnect,
}: {
  db: LeadpaceDb;
  period: LeaderboardPeriod;
  now: number;
  settings: Settings;
  onConnect: () => void;
}) {
  const { t } = useI18n();
  const [sort, setSort] = useState<Sort>({ column: 'leads', dir: -1 });
  const { from, to } = periodBounds(period, now, settings.openingHours.timeZone);
  const local = useLocalStats(db, from, to, settings);
  if (local === undefined) return null;
  const rows: BoardRow[] = local ? [{ ...local, key: 'me', label: t('team.me'), self: true, pseudonymous: false }] : [];
  return (
    <>
      <BoardTable
        rows={rows}
        total={null}
        columns={LOCAL_COLUMNS}
        sort={sort}
        onSort={setSort}
        source="local"
        period={period}
        slaMs={settings.cadence.firstAttemptSlaMs}
      />
      <p className="pp-muted pp-note">
        {t('team.local.note')}
      </p>
      <p className="pp-note" data-testid="team-connect-hint">
        {t('team.local.connect')}{' '}
        <button type="button" className="pp-inline-link" data-testid="team-connect-link" onClick={onConnect}>
          {t('team.local.connectButton')}
        </button>
      </p>
    </>
  );
}

