import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { LeaderboardCacheRow, LeadpaceDb } from '@/lib/db/schema';
import { formatDateTime, formatDuration, formatInteger, formatNumber, formatPercent } from '@/lib/i18n/format';
import { describeTeamError } from '@/lib/i18n/team-errors';
import { type Lang, type MessageKey, type Translate } from '@/lib/i18n';
import { sendMessage, type TeamResult } from '@/lib/messaging';
import type { Settings } from '@/lib/settings';
import type { LeaderboardRefresh } from '@/lib/sync/client';
import type { TeamInfo } from '@/lib/sync/connection';
import { periodBounds } from '@/lib/domain/periods';
import { ownStats } from '@/lib/sync/local-stats';
import { LEADERBOARD_PERIODS, type LeaderboardPeriod, type LeaderboardStats } from '@/lib/sync/wire';
import { useI18n } from '../ui/i18n';
import { useTeamConnection } from '../ui/use-team-connection';

/** What this section asks of the background; injectable for tests. */
export interface TeamPopupApi {
  leaderboard: (period: LeaderboardPeriod) => Promise<TeamResult<LeaderboardRefresh>>;
}

const messageApi: TeamPopupApi = { leaderboard: (period) => sendMessage('team/leaderboard', { period }) };

interface BoardRow extends LeaderboardStats {
  key: string;
  label: string;
  self: boolean;
  pseudonymous: boolean;
}

type ColumnKey = 'label' | 'leads' | 'median' | 'sla' | 'attempts' | 'contact' | 'appointment' | 'sold';

interface Column {
  key: ColumnKey;
  label: MessageKey;
  title?: MessageKey;
  value: (row: BoardRow) => number | string | null;
  show: (row: LeaderboardStats, t: Translate, lang: 'nl' | 'en') => string;
  /** The direction a first click sorts in: best first. */
  firstDir: 1 | -1;
}

const pct = (x: number | null, t: Translate, lang: Lang) => (x === null ? t('team.none') : formatPercent(x, lang));

const COLUMNS: readonly Column[] = [
  { key: 'label', label: 'team.col.rep', value: (r) => r.label.toLowerCase(), show: () => '', firstDir: 1 },
  { key: 'leads', label: 'team.col.leads', value: (r) => r.leads, show: (r, _t, lang) => formatInteger(r.leads, lang), firstDir: -1 },
  {
    key: 'median',
    label: 'team.col.median',
    title: 'team.col.median.title',
    value: (r) => r.medianResponseMs,
    show: (r, t, lang) => (r.medianResponseMs === null ? t('team.none') : formatDuration(r.medianResponseMs, lang)),
    firstDir: 1,
  },
  { key: 'sla', label: 'team.col.sla', title: 'team.col.sla.title', value: (r) => r.withinSlaShare, show: (r, t, lang) => pct(r.withinSlaShare, t, lang), firstDir: -1 },
  {
    key: 'attempts',
    label: 'team.col.attempts',
    title: 'team.col.attempts.title',
    value: (r) => r.attemptsPerLead,
    show: (r, t, lang) => (r.attemptsPerLead === null ? t('team.none') : formatNumber(r.attemptsPerLead, lang, 1)),
    firstDir: -1,
  },
  { key: 'contact', label: 'team.col.contact', title: 'team.col.contact.title', value: (r) => r.contactRate, show: (r, t, lang) => pct(r.contactRate, t, lang), firstDir: -1 },
  {
    key: 'appointment',
    label: 'team.col.appointment',
    title: 'team.col.appointment.title',
    value: (r) => r.appointmentRate,
    show: (r, t, lang) => pct(r.appointmentRate, t, lang),
    firstDir: -1,
  },
  {
    key: 'sold',
    label: 'team.col.sold',
    title: 'team.col.sold.title',
    value: (r) => r.sold,
    show: (r, _t, lang) => formatInteger(r.sold, lang),
    firstDir: -1,
  },
];

/** Missing values (no first attempt yet) sort last whichever the direction. */
export function sortRows(rows: readonly BoardRow[], column: ColumnKey, dir: 1 | -1): BoardRow[] {
  const col = COLUMNS.find((c) => c.key === column) ?? COLUMNS[1];
  if (!col) return [...rows];
  return [...rows].sort((a, b) => {
    const x = col.value(a);
    const y = col.value(b);
    if (x === null && y === null) return a.label.localeCompare(b.label);
    if (x === null) return 1;
    if (y === null) return -1;
    const order = typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y)) : x - y;
    return order === 0 ? a.label.localeCompare(b.label) : order * dir;
  });
}

interface LocalBoard {
  stats: LeaderboardStats;
}

async function loadLocal(db: LeadpaceDb, from: number, to: number, settings: Settings): Promise<LocalBoard> {
  return db.transaction('r', db.leads, db.events, db.restoredEvents, async () => {
    const keys = (await db.leads.where('receivedAt').between(from, to, true, false).primaryKeys()).map(String);
    const events = keys.length === 0 ? [] : await db.events.where('leadKey').anyOf(keys).toArray();
    const restored = (await db.restoredEvents.toArray()).map((r) => r.event);
    return {
      stats: ownStats({
        events,
        restored,
        from,
        to,
        hours: settings.openingHours,
        slaMs: settings.cadence.firstAttemptSlaMs,
        closeAfterAttempts: settings.cadence.closeAfterAttempts,
      }),
    };
  });
}

/** A failed refresh keeps the server's code, translated at render so a language switch needs no refetch. */
type Refresh = { state: 'updating' | 'done' } | { state: 'failed'; reason: string; apiCode?: string };

export function TeamSection({
  db,
  now,
  settings,
  onConnect,
  api = messageApi,
}: {
  db: LeadpaceDb;
  now: number;
  settings: Settings;
  onConnect: () => void;
  api?: TeamPopupApi;
}) {
  const connection = useTeamConnection();
  const [period, setPeriod] = useState<LeaderboardPeriod>('month');
  const [sort, setSort] = useState<{ column: ColumnKey; dir: 1 | -1 }>({ column: 'leads', dir: -1 });
  if (connection === undefined) return null;
  return (
    // Rendered after the popup body (it needs the database, which the body does not get), so
    // it brings the body's side padding itself.
    <section className="pp-section" data-testid="team" aria-labelledby="pp-team-title" style={{ padding: '0 12px 12px' }}>
      <h2 className="pp-section-title" id="pp-team-title">
        <TeamTitle connection={connection} />
      </h2>
      <PeriodPicker period={period} onChange={setPeriod} />
      {connection ? (
        <ServerBoard db={db} connection={connection} period={period} sort={sort} onSort={setSort} api={api} now={now} />
      ) : (
        <LocalBoardView db={db} period={period} now={now} settings={settings} sort={sort} onSort={setSort} onConnect={onConnect} />
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
    <div role="group" aria-label={t('team.period')} style={{ display: 'flex', gap: 4, marginBottom: 6, flexWrap: 'wrap' }}>
      {LEADERBOARD_PERIODS.map((p) => (
        <button
          key={p}
          type="button"
          data-testid={`team-period-${p}`}
          aria-pressed={p === period}
          onClick={() => onChange(p)}
          style={{
            border: '1px solid #b8c4d1',
            borderRadius: 999,
            padding: '1px 9px',
            fontSize: 11,
            background: p === period ? '#0f3d5e' : '#fff',
            color: p === period ? '#fff' : '#0f3d5e',
          }}
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
  sort,
  onSort,
  api,
  now,
}: {
  db: LeadpaceDb;
  connection: TeamInfo;
  period: LeaderboardPeriod;
  sort: { column: ColumnKey; dir: 1 | -1 };
  onSort: (s: { column: ColumnKey; dir: 1 | -1 }) => void;
  api: TeamPopupApi;
  now: number;
}) {
  const { t, lang } = useI18n();
  // The cached snapshot renders at once (offline too); the refresh below replaces it live.
  const cached = useLiveQuery(async (): Promise<LeaderboardCacheRow | null> => {
    const row = await db.teamCache.get(period);
    return row && row.memberId === connection.memberId && row.teamId === connection.teamId ? row : null;
  }, [db, period, connection.memberId, connection.teamId]);
  // Settled refreshes only, tagged with what they were for: a new period or member shows
  // "updating" until its own answer arrives, without a state change inside the effect.
  const requestKey = `${period}|${connection.memberId}|${connection.teamId}`;
  const [settled, setSettled] = useState<({ key: string } & Refresh) | null>(null);
  const refresh: Refresh = settled && settled.key === requestKey ? settled : { state: 'updating' };

  useEffect(() => {
    let alive = true;
    api
      .leaderboard(period)
      .then((result) => {
        if (!alive) return;
        if (result.ok) setSettled({ key: requestKey, state: 'done' });
        else setSettled({ key: requestKey, state: 'failed', reason: result.reason, apiCode: result.apiCode });
      })
      .catch((error: unknown) => {
        if (alive) setSettled({ key: requestKey, state: 'failed', reason: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      alive = false;
    };
  }, [api, period, requestKey]);
  const failure = (r: Extract<Refresh, { state: 'failed' }>) => describeTeamError(t, r.apiCode);

  if (cached === undefined) return null;
  if (cached === null) {
    return (
      <p className={refresh.state === 'failed' ? 'pp-error' : 'pp-muted'} role={refresh.state === 'failed' ? 'alert' : undefined} data-testid="team-status">
        {refresh.state === 'failed' ? t('team.noSnapshot', { reason: failure(refresh) }) : t('team.loadingBoard')}
      </p>
    );
  }
  const data = cached.data;
  const rows: BoardRow[] = data.rows.map((r, i) => ({ ...r, key: r.memberId ?? `${i}:${r.label}` }));
  return (
    <>
      <Board rows={rows} total={data.team} sort={sort} onSort={onSort} source="server" period={period} />
      {data.visibility !== 'named' ? <p className="pp-muted" style={{ margin: '4px 0 0', fontSize: 11 }}>{t(`team.mode.${data.visibility}`)}</p> : null}
      <p className="pp-muted" style={{ margin: '4px 0 0', fontSize: 11 }} data-testid="team-as-of" data-at={cached.fetchedAt}>
        {t('team.asOf', { time: formatDateTime(cached.fetchedAt, lang, now, data.timeZone) })}
        {refresh.state === 'updating' ? ` · ${t('team.updating')}` : ''}
      </p>
      {refresh.state === 'failed' ? (
        <p className="pp-error" role="alert" data-testid="team-offline" style={{ marginTop: 4 }}>
          {t('team.offline', { reason: failure(refresh) })}
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
  sort,
  onSort,
  onConnect,
}: {
  db: LeadpaceDb;
  period: LeaderboardPeriod;
  now: number;
  settings: Settings;
  sort: { column: ColumnKey; dir: 1 | -1 };
  onSort: (s: { column: ColumnKey; dir: 1 | -1 }) => void;
  onConnect: () => void;
}) {
  const { t } = useI18n();
  const { from, to } = periodBounds(period, now, settings.openingHours.timeZone);
  const local = useLiveQuery(() => loadLocal(db, from, to, settings).catch(() => null), [db, from, to, settings]);
  if (local === undefined) return null;
  const rows: BoardRow[] = local ? [{ ...local.stats, key: 'me', label: t('team.me'), self: true, pseudonymous: false }] : [];
  return (
    <>
      <Board rows={rows} total={null} sort={sort} onSort={onSort} source="local" period={period} />
      <p className="pp-muted" style={{ margin: '4px 0 0', fontSize: 11 }}>
        {t('team.local.note')}
      </p>
      <p style={{ margin: '4px 0 0', fontSize: 12 }} data-testid="team-connect-hint">
        {t('team.local.connect')}{' '}
        <button type="button" className="pp-inline-link" data-testid="team-connect-link" onClick={onConnect}>
          {t('team.local.connectButton')}
        </button>
      </p>
    </>
  );
}

const cell = { padding: '3px 2px', textAlign: 'right' as const, whiteSpace: 'nowrap' as const };

function Board({
  rows,
  total,
  sort,
  onSort,
  source,
  period,
}: {
  rows: BoardRow[];
  total: LeaderboardStats | null;
  sort: { column: ColumnKey; dir: 1 | -1 };
  onSort: (s: { column: ColumnKey; dir: 1 | -1 }) => void;
  source: 'server' | 'local';
  period: LeaderboardPeriod;
}) {
  const { t, lang } = useI18n();
  const sorted = sortRows(rows, sort.column, sort.dir);
  const click = (column: Column) =>
    onSort(sort.column === column.key ? { column: column.key, dir: sort.dir === 1 ? -1 : 1 } : { column: column.key, dir: column.firstDir });
  return (
    <div style={{ overflowX: 'auto' }}>
      <table
        data-testid="team-leaderboard"
        data-source={source}
        data-period={period}
        style={{ width: '100%', borderCollapse: 'collapse', fontSize: 10.5, fontVariantNumeric: 'tabular-nums' }}
      >
        <thead>
          <tr style={{ borderBottom: '1px solid #d5dbe3' }}>
            {COLUMNS.map((column) => (
              <th
                key={column.key}
                scope="col"
                title={column.title ? t(column.title) : undefined}
                aria-sort={sort.column === column.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
                style={{ ...cell, whiteSpace: 'normal', verticalAlign: 'bottom', textAlign: column.key === 'label' ? 'left' : 'right', fontWeight: 650, color: '#5b6775' }}
              >
                <button
                  type="button"
                  data-testid={`team-sort-${column.key}`}
                  aria-label={t('team.sortBy', { column: t(column.label) })}
                  onClick={() => click(column)}
                  style={{ background: 'none', border: 0, padding: 0, font: 'inherit', color: 'inherit', textAlign: 'inherit' }}
                >
                  {t(column.label)}
                  {sort.column === column.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 ? (
            <tr>
              <td colSpan={COLUMNS.length} className="pp-muted" style={{ padding: 6 }}>
                {t('team.empty')}
              </td>
            </tr>
          ) : (
            sorted.map((row) => (
              <tr
                key={row.key}
                data-testid="team-row"
                data-me={row.self ? 'true' : 'false'}
                data-label={row.label}
                data-leads={row.leads}
                data-attempts={row.attemptsPerLead === null ? 0 : Math.round(row.attemptsPerLead * row.leads)}
                aria-current={row.self ? 'true' : undefined}
                style={{ background: row.self ? '#e6f0f8' : undefined, fontWeight: row.self ? 700 : undefined, borderBottom: '1px solid #eef1f4' }}
              >
                <th
                  scope="row"
                  style={{ ...cell, textAlign: 'left', maxWidth: 84, overflow: 'hidden', textOverflow: 'ellipsis', fontWeight: 'inherit' }}
                  title={row.self && source === 'server' ? `${row.label} (${t('team.me')})` : row.label}
                >
                  {row.self && source === 'server' ? '▸ ' : ''}
                  {row.label}
                </th>
                {COLUMNS.slice(1).map((column) => (
                  <td key={column.key} style={cell} title={column.key === 'sold' && row.conversion !== null ? pct(row.conversion, t, lang) : undefined}>
                    {column.show(row, t, lang)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
        {total ? (
          <tfoot>
            <tr data-testid="team-total" data-leads={total.leads} style={{ borderTop: '1px solid #d5dbe3', color: '#0f3d5e' }}>
              <th scope="row" style={{ ...cell, textAlign: 'left' }}>
                {t('team.total')}
              </th>
              {COLUMNS.slice(1).map((column) => (
                <td key={column.key} style={cell}>
                  {column.show(total, t, lang)}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
