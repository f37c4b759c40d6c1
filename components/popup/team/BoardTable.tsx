import { useMemo } from 'react';
import { formatDuration } from '@/lib/i18n/numbers';
import { FIRST_DIRECTION, isBelowTeamSla, rankRows, sortBoard, type BoardColumn } from '@/lib/domain/team-board';
import type { LeaderboardPeriod, LeaderboardStats } from '@/lib/sync/wire';
import { COLUMN_VIEWS, conversionN, type CellContext } from '../../report/team/board-columns';
import { useI18n } from '../../ui/i18n';
import type { BoardRow, PopupColumn, Sort } from './board-view';

/** Class names for a row: the rep's own row and a row below the team's SLA look different (see style.css). */
const rowClass = (self: boolean, below: boolean) => ['pp-board-row', self ? 'pp-board-self' : '', below ? 'pp-board-below' : ''].filter(Boolean).join(' ');

export function BoardTable({
  rows,
  total,
  columns,
  sort,
  onSort,
  source,
  period,
  slaMs,
}: {
  rows: BoardRow[];
  total: LeaderboardStats | null;
  columns: readonly PopupColumn[];
  sort: Sort;
  onSort: (s: Sort) => void;
  source: 'server' | 'local';
  period: LeaderboardPeriod;
  slaMs: number;
}) {
  const { t, lang } = useI18n();
  const ranks = useMemo(() => rankRows(rows), [rows]);
  const sorted = useMemo(() => sortBoard(rows, sort.column, sort.dir, ranks), [rows, sort, ranks]);
  const ctx: CellContext = { t, lang, ranks };
  const sla = formatDuration(slaMs, lang);
  const click = (column: BoardColumn) =>
    onSort(sort.column === column ? { column, dir: sort.dir === 1 ? -1 : 1 } : { column, dir: FIRST_DIRECTION[column] });
  const title = (key: BoardColumn) => {
    const view = COLUMN_VIEWS[key];
    return view.title ? t(view.title, { sla }) : undefined;
  };
  const value = (row: BoardRow, key: BoardColumn) => COLUMN_VIEWS[key].show({ ...row }, ctx);
  const valueTitle = (row: BoardRow, key: BoardColumn, below: boolean) => {
    if (key === 'conversion' || key === 'sold') return conversionN(row, ctx);
    if (key === 'median' && below) return t('board.belowSla');
    return undefined;
  };
  const dataCols = columns.filter((c) => c.key !== 'label');
  const labelIndex = columns.findIndex((c) => c.key === 'label');
  return (
    <table
      data-testid="team-leaderboard"
      data-source={source}
      data-period={period}
      className="pp-board"
    >
      <thead>
        <tr>
          {columns.map((column) => (
            <th
              key={column.key}
              scope="col"
              title={title(column.key)}
              aria-sort={sort.column === column.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
              className={column.key === 'label' ? 'pp-board-label' : undefined}
            >
              <button
                type="button"
                data-testid={`team-sort-${column.key}`}
                aria-label={t('team.sortBy', { column: t(column.label) })}
                onClick={() => click(column.key)}
                className="pp-board-sort"
              >
                {t(column.label)}
                {sort.column === column.key ? (sort.dir === 1 ? '▲' : '▼') : ''}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.length === 0 ? (
          <tr>
            <td colSpan={columns.length} className="pp-muted pp-board-empty">
              {t('team.empty')}
            </td>
          </tr>
        ) : (
          sorted.map((row) => {
            const below = source === 'server' && isBelowTeamSla(row, slaMs);
            const label = row.self && source === 'server' ? `${row.label} (${t('team.me')})` : row.label;
            const cells = dataCols.map((column) => (
              <td
                key={column.key}
                className={column.key === 'median' && below ? 'pp-board-slow' : undefined}
                title={valueTitle(row, column.key, below)}
              >
                {value(row, column.key)}
              </td>
            ));
            const name = (
              <th
                key="label"
                scope="row"
                className={row.pseudonymous ? 'pp-board-pseudonym' : undefined}
                title={label}
              >
                {row.self && source === 'server' ? '▸ ' : ''}
                {row.label}
              </th>
            );
            return (
              <tr
                key={row.key}
                data-testid="team-row"
                data-me={row.self ? 'true' : 'false'}
                data-label={row.label}
                data-leads={row.leads}
                data-rank={ranks.get(row.key) ?? ''}
                data-below-sla={below ? 'true' : 'false'}
                data-attempts={row.attemptsPerLead === null ? 0 : Math.round(row.attemptsPerLead * row.leads)}
                aria-current={row.self ? 'true' : undefined}
                className={rowClass(row.self, below)}
              >
                {[...cells.slice(0, labelIndex), name, ...cells.slice(labelIndex)]}
              </tr>
            );
          })
        )}
      </tbody>
      {total ? (
        <tfoot>
          <tr data-testid="team-total" data-leads={total.leads}>
            {columns.map((column) =>
              column.key === 'label' ? (
                <th key="label" scope="row">
                  {t('team.total')}
                </th>
              ) : column.key === 'rank' ? (
                <td key="rank" />
              ) : (
                <td key={column.key} title={valueTitle({ ...total, key: '', label: '', self: false, pseudonymous: false }, column.key, false)}>
                  {value({ ...total, key: '', label: '', self: false, pseudonymous: false }, column.key)}
                </td>
              ),
            )}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
