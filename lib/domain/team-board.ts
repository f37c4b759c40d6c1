import type { OpeningHours } from './business-time';
import type { CohortFigures } from './lead-metrics';
import { monthPacing, type MonthPacing } from './pacing';

/**
 * The team board's ordering and flags, shared by the popup and the full board.
 *
 * Rules chosen here:
 * - Rank orders reps by the share of their leads that were properly worked (first attempt in
 *   time, then a conversation or the full cadence), then by the faster median response, then
 *   by the higher share within SLA. A board that ranks on volume or attempts rewards spamming
 *   leads; properly worked is the figure a rep improves only by working leads well. Equal reps
 *   share a rank (1, 1, 3). A rep without leads in the period has no rank.
 * - Sorting by any column puts missing values (no first attempt yet: no median) last in both
 *   directions, and breaks ties by name, so the order never flickers between refreshes.
 * - A rep is "below the team's SLA" when their median first response is slower than the team's
 *   first-attempt SLA: half their leads waited longer than the team promises. A rep without a
 *   first attempt has no median and is not flagged (in "today" that is often a lead that came
 *   in a minute ago).
 * - Team month pacing: the team target is the per-rep monthly target × the reps on the board.
 *   The server counts the sales among leads received this month and sends no sale dates, so
 *   every sale counts as made by now.
 */

export const BOARD_COLUMNS = [
  'rank',
  'label',
  'leads',
  'firstAttempts',
  'median',
  'p90',
  'sla',
  'attempts',
  'contact',
  'appointment',
  'properlyWorked',
  'closedTooEarly',
  'sold',
  'conversion',
  'excluded',
  'backlog',
] as const;
export type BoardColumn = (typeof BOARD_COLUMNS)[number];
export type SortDir = 1 | -1;

export interface BoardEntry extends CohortFigures {
  key: string;
  label: string;
}

/** The direction a first click sorts in: best first (fast responses, high rates, few early closes). */
export const FIRST_DIRECTION: Record<BoardColumn, SortDir> = {
  rank: 1,
  label: 1,
  leads: -1,
  firstAttempts: -1,
  median: 1,
  p90: 1,
  sla: -1,
  attempts: -1,
  contact: -1,
  appointment: -1,
  properlyWorked: -1,
  closedTooEarly: 1,
  sold: -1,
  conversion: -1,
  excluded: 1,
  backlog: 1,
};

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export const properlyWorkedShare = (row: CohortFigures): number | null => share(row.properlyWorked, row.leads);

/** Ranks by key (see the rules above); reps without leads are absent. */
export function rankRows(rows: readonly BoardEntry[]): Map<string, number> {
  const ranked = rows
    .filter((r) => r.leads > 0)
    .map((r) => ({ key: r.key, score: [properlyWorkedShare(r) ?? 0, -(r.medianResponseMs ?? Infinity), r.withinSlaShare ?? -1] }))
    .sort((a, b) => compareScores(b.score, a.score));
  const ranks = new Map<string, number>();
  ranked.forEach((entry, i) => {
    const before = ranked[i - 1];
    const rank = before && compareScores(before.score, entry.score) === 0 ? (ranks.get(before.key) ?? i + 1) : i + 1;
    ranks.set(entry.key, rank);
  });
  return ranks;
}

function compareScores(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function columnValue(row: BoardEntry, column: BoardColumn, ranks: ReadonlyMap<string, number>): number | string | null {
  switch (column) {
    case 'rank':
      return ranks.get(row.key) ?? null;
    case 'label':
      return row.label;
    case 'leads':
      return row.leads;
    case 'firstAttempts':
      return row.firstAttempts;
    case 'median':
      return row.medianResponseMs;
    case 'p90':
      return row.p90ResponseMs;
    case 'sla':
      return row.withinSlaShare;
    case 'attempts':
      return row.attemptsPerLead;
    case 'contact':
      return row.contactRate;
    case 'appointment':
      return row.appointmentRate;
    case 'properlyWorked':
      return properlyWorkedShare(row);
    case 'closedTooEarly':
      return row.closedTooEarly;
    case 'sold':
      return row.sold;
    case 'conversion':
      return row.conversion;
    case 'excluded':
      return row.excluded;
    case 'backlog':
      return row.backlog;
  }
}

const byLabel = (a: BoardEntry, b: BoardEntry) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key);

export function sortBoard<T extends BoardEntry>(rows: readonly T[], column: BoardColumn, dir: SortDir, ranks: ReadonlyMap<string, number> = rankRows(rows)): T[] {
  return [...rows].sort((a, b) => {
    const x = columnValue(a, column, ranks);
    const y = columnValue(b, column, ranks);
    if (x === null && y === null) return byLabel(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    const order = typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y)) : x - y;
    return order === 0 ? byLabel(a, b) : order * dir;
  });
}

/** Slower median first response than the team's SLA (see the rules above). */
export const isBelowTeamSla = (row: Pick<CohortFigures, 'medianResponseMs'>, slaMs: number): boolean =>
  row.medianResponseMs !== null && row.medianResponseMs > slaMs;

export interface TeamPacing extends MonthPacing {
  target: number;
  reps: number;
}

export function teamMonthPacing(input: { perRepTarget: number; reps: number; sold: number; now: number; hours: OpeningHours }): TeamPacing {
  const target = Math.max(0, input.perRepTarget) * Math.max(0, input.reps);
  const soldDates = Array.from({ length: Math.max(0, input.sold) }, () => input.now);
  return { ...monthPacing({ target, soldDates, now: input.now, hours: input.hours }), target, reps: input.reps };
}
