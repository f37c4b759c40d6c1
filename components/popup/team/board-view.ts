import type { MessageKey } from '@/lib/i18n';
import { sortBoard, type BoardColumn, type SortDir } from '@/lib/domain/team-board';
import type { LeaderboardStats } from '@/lib/sync/wire';
import '@/lib/i18n/messages/report-team';
import '@/lib/i18n/messages/team';

// The popup's team board: which columns it shows (the popup is narrow) and how its rows sort.

export interface BoardRow extends LeaderboardStats {
  key: string;
  label: string;
  self: boolean;
  pseudonymous: boolean;
}

export interface PopupColumn {
  key: BoardColumn;
  label: MessageKey;
}

/*
 * The popup is 380 px wide: seven columns fit at 12 px in Dutch and English. The team's board
 * leads with what a manager steers on (rank, speed, SLA, early closes, conversion); the full
 * board has every figure. The rep's own numbers (no team) have one short row label and show
 * how they work their leads instead.
 */
export const SERVER_COLUMNS: readonly PopupColumn[] = [
  { key: 'rank', label: 'board.col.rank' },
  { key: 'label', label: 'team.col.rep' },
  { key: 'leads', label: 'team.col.leads' },
  { key: 'median', label: 'board.col.median.short' },
  { key: 'sla', label: 'board.col.sla.short' },
  { key: 'closedTooEarly', label: 'board.col.closedTooEarly.short' },
  { key: 'conversion', label: 'board.col.conversion.short' },
];
export const LOCAL_COLUMNS: readonly PopupColumn[] = [
  { key: 'label', label: 'team.col.rep' },
  { key: 'leads', label: 'team.col.leads' },
  { key: 'median', label: 'team.col.median' },
  { key: 'sla', label: 'team.col.sla' },
  { key: 'attempts', label: 'team.col.attempts' },
  { key: 'contact', label: 'team.col.contact' },
  { key: 'appointment', label: 'team.col.appointment' },
  { key: 'sold', label: 'team.col.sold' },
];

export type Sort = { column: BoardColumn; dir: SortDir };

/** Missing values (no first attempt yet) sort last whichever the direction. */
export function sortRows(rows: readonly BoardRow[], column: BoardColumn, dir: SortDir): BoardRow[] {
  return sortBoard(rows, column, dir);
}
