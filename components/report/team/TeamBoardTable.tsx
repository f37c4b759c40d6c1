import { Fragment, useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '@/components/ui/i18n';
import { BOARD_COLUMNS, FIRST_DIRECTION, isBelowTeamSla, rankRows, sortBoard, type BoardColumn, type SortDir } from '@/lib/domain/team-board';
import type { LeaderboardStats } from '@/lib/sync/wire';
import { formatDuration } from '@/lib/i18n/format';
import { COLUMN_VIEWS, conversionN, type CellContext } from './board-columns';

export interface TeamBoardRow extends LeaderboardStats {
  key: string;
  label: string;
  self: boolean;
  pseudonymous: boolean;
}

export function TeamBoardTable({
  rows,
  team,
  slaMs,
  renderEarly,
}: {
  rows: readonly TeamBoardRow[];
  team: LeaderboardStats;
  slaMs: number;
  /** The closed-too-early detail of one row, shown below it when its count is opened. */
  renderEarly: (row: TeamBoardRow) => ReactNode;
}) {
  const { t, lang } = useI18n();
  const [sort, setSort] = useState<{ column: BoardColumn; dir: SortDir }>({ column: 'rank', dir: 1 });
  const [open, setOpen] = useState<string | null>(null);
  const ranks = useMemo(() => rankRows(rows), [rows]);
  const sorted = useMemo(() => sortBoard(rows, sort.column, sort.dir, ranks), [rows, sort, ranks]);
  const ctx: CellContext = { t, lang, ranks };
  const sla = formatDuration(slaMs, lang);
  const click = (column: BoardColumn) =>
    setSort(sort.column === column ? { column, dir: sort.dir === 1 ? -1 : 1 } : { column, dir: FIRST_DIRECTION[column] });

  return (
    <div className="tb-scroll">
      <table className="tb-table" data-testid="board-table">
        <thead>
          <tr>
            {BOARD_COLUMNS.map((key) => {
              const view = COLUMN_VIEWS[key];
              const sorted = sort.column === key;
              return (
                <th
                  key={key}
                  scope="col"
                  className={view.numeric ? 'tb-num' : undefined}
                  title={view.title ? t(view.title, { sla }) : undefined}
                  aria-sort={sorted ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" className="tb-sort" data-testid={`board-sort-${key}`} onClick={() => click(key)}>
                    {t(view.label)}
                    <span aria-hidden="true" className="tb-arrow">
                      {sorted ? (sort.dir === 1 ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const below = isBelowTeamSla(row, slaMs);
            const expanded = open === row.key;
            return (
              <Fragment key={row.key}>
                <tr
                  data-testid="board-row"
                  data-label={row.label}
                  data-rank={ranks.get(row.key) ?? ''}
                  data-below-sla={below ? 'true' : 'false'}
                  data-me={row.self ? 'true' : 'false'}
                  data-pseudonymous={row.pseudonymous ? 'true' : 'false'}
                  className={[below ? 'tb-below' : '', row.self ? 'tb-self' : ''].filter(Boolean).join(' ') || undefined}
                  aria-current={row.self ? 'true' : undefined}
                >
                  {BOARD_COLUMNS.map((key) => {
                    if (key === 'label') {
                      return (
                        <th key={key} scope="row" className="tb-name">
                          <span className={row.pseudonymous ? 'tb-pseudonym' : undefined}>{row.label}</span>
                          {row.self ? <span className="tb-me"> ({t('team.me')})</span> : null}
                        </th>
                      );
                    }
                    if (key === 'closedTooEarly' && row.closedTooEarly > 0) {
                      return (
                        <td key={key} className="tb-num">
                          <button
                            type="button"
                            className="tb-early-toggle"
                            data-testid="board-early-toggle"
                            aria-expanded={expanded}
                            aria-label={expanded ? t('board.early.hide') : t('board.early.show', { label: row.label })}
                            onClick={() => setOpen(expanded ? null : row.key)}
                          >
                            {COLUMN_VIEWS.closedTooEarly.show(row, ctx)} {expanded ? '▴' : '▾'}
                          </button>
                        </td>
                      );
                    }
                    if (key === 'conversion') {
                      return (
                        <td key={key} className="tb-num" data-testid="board-conversion">
                          {COLUMN_VIEWS.conversion.show(row, ctx)}
                          <span className="tb-n">{conversionN(row, ctx)}</span>
                        </td>
                      );
                    }
                    const view = COLUMN_VIEWS[key];
                    return (
                      <td
                        key={key}
                        className={view.numeric ? 'tb-num' : undefined}
                        title={key === 'median' && below ? t('board.belowSla') : key === 'rank' && !ranks.has(row.key) ? t('board.noRank') : undefined}
                      >
                        {view.show(row, ctx)}
                      </td>
                    );
                  })}
                </tr>
                {expanded ? (
                  <tr className="tb-early-row" data-testid="board-early-detail">
                    <td colSpan={BOARD_COLUMNS.length}>{renderEarly(row)}</td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
        <tfoot>
          <tr data-testid="board-total">
            {BOARD_COLUMNS.map((key) => {
              if (key === 'rank') return <td key={key} />;
              if (key === 'label')
                return (
                  <th key={key} scope="row" className="tb-name">
                    {t('team.total')}
                  </th>
                );
              const entry = { ...team, key: '', label: '' };
              return (
                <td key={key} className="tb-num">
                  {COLUMN_VIEWS[key].show(entry, ctx)}
                  {key === 'conversion' ? <span className="tb-n">{conversionN(entry, ctx)}</span> : null}
                </td>
              );
            })}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
