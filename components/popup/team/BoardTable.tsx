import { useMemo } from 'react';
import { formatDuration } from '@/lib/i18n/format';
import { FIRST_DIRECTION, isBelowTeamSla, rankRows, sortBoard, type BoardColumn } from '@/lib/domain/team-board';
import type { LeaderboardPeriod, LeaderboardStats } from '@/lib/sync/wire';
import { COLUMN_VIEWS, conversionN, type CellContext } from '../../report/team/board-columns';
import { useI18n } from '../../ui/i18n';
import type { BoardRow, PopupColumn, Sort } from './board-view';

const cell = { padding: '3px 2px', textAlign: 'right' as const, whiteSpace: 'nowrap' as const };
const BELOW_SLA = '#fff1e0';
/** The name column takes whatever the figures leave (max-width 0 lets it shrink; ellipsis, whole name on hover). */
const NAME_FILLS = { width: '100%', maxWidth: 0 };
const SELF = '#e6f0f8';

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
      style={{ width: '100%', borderCollapse: 'collapse', fontSize: 12, fontVariantNumeric: 'tabular-nums' }}
    >
      <thead>
        <tr style={{ borderBottom: '1px solid #c9d2dc' }}>
          {columns.map((column) => (
            <th
              key={column.key}
              scope="col"
              title={title(column.key)}
              aria-sort={sort.column === column.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
              style={{ ...cell, whiteSpace: 'normal', verticalAlign: 'bottom', textAlign: column.key === 'label' ? 'left' : 'right', fontWeight: 650, color: '#3d4957' }}
            >
              <button
                type="button"
                data-testid={`team-sort-${column.key}`}
                aria-label={t('team.sortBy', { column: t(column.label) })}
                onClick={() => click(column.key)}
                style={{ background: 'none', border: 0, padding: 0, font: 'inherit', color: 'inherit', textAlign: 'inherit' }}
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
            <td colSpan={columns.length} className="pp-muted" style={{ padding: 6 }}>
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
                style={{ ...cell, color: column.key === 'median' && below ? '#9a3412' : undefined, fontWeight: column.key === 'median' && below ? 700 : undefined }}
                title={valueTitle(row, column.key, below)}
              >
                {value(row, column.key)}
              </td>
            ));
            const name = (
              <th
                key="label"
                scope="row"
                style={{ ...cell, ...NAME_FILLS, textAlign: 'left', overflow: 'hidden', textOverflow: 'ellipsis', fontWeight: 'inherit', fontStyle: row.pseudonymous ? 'italic' : undefined }}
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
                style={{
                  background: row.self ? SELF : below ? BELOW_SLA : undefined,
                  boxShadow: below ? 'inset 3px 0 0 #c2410c' : undefined,
                  fontWeight: row.self ? 700 : undefined,
                  borderBottom: '1px solid #eef1f4',
                }}
              >
                {[...cells.slice(0, labelIndex), name, ...cells.slice(labelIndex)]}
              </tr>
            );
          })
        )}
      </tbody>
      {total ? (
        <tfoot>
          <tr data-testid="team-total" data-leads={total.leads} style={{ borderTop: '1px solid #c9d2dc', color: '#0f3d5e' }}>
            {columns.map((column) =>
              column.key === 'label' ? (
                <th key="label" scope="row" style={{ ...cell, textAlign: 'left' }}>
                  {t('team.total')}
                </th>
              ) : column.key === 'rank' ? (
                <td key="rank" />
              ) : (
                <td key={column.key} style={cell} title={valueTitle({ ...total, key: '', label: '', self: false, pseudonymous: false }, column.key, false)}>
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
