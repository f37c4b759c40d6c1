import type { Lang, MessageKey, Translate } from '@/lib/i18n';
import { formatDuration, formatInteger, formatNumber, formatPercent } from '@/lib/i18n/format';
import { properlyWorkedShare, type BoardColumn, type BoardEntry } from '@/lib/domain/team-board';
import '@/lib/i18n/messages/report-team';
import '@/lib/i18n/messages/team';

/** How a board column reads: its heading (long on the full page, short in the popup) and cells. */
export interface ColumnView {
  key: BoardColumn;
  label: MessageKey;
  short?: MessageKey;
  title?: MessageKey;
  numeric: boolean;
  show: (row: BoardEntry, ctx: CellContext) => string;
}

export interface CellContext {
  t: Translate;
  lang: Lang;
  ranks: ReadonlyMap<string, number>;
}

const dash = (t: Translate) => t('team.none');
const pct = (x: number | null, { t, lang }: CellContext) => (x === null ? dash(t) : formatPercent(x, lang));
const duration = (ms: number | null, { t, lang }: CellContext) => (ms === null ? dash(t) : formatDuration(ms, lang));
const count = (n: number, { lang }: CellContext) => formatInteger(n, lang);

export const COLUMN_VIEWS: Record<BoardColumn, ColumnView> = {
  rank: { key: 'rank', label: 'board.col.rank', title: 'board.col.rank.title', numeric: true, show: (r, c) => (c.ranks.has(r.key) ? count(c.ranks.get(r.key) ?? 0, c) : dash(c.t)) },
  label: { key: 'label', label: 'board.col.label', numeric: false, show: (r) => r.label },
  leads: { key: 'leads', label: 'board.col.leads', title: 'board.col.leads.title', numeric: true, show: (r, c) => count(r.leads, c) },
  firstAttempts: { key: 'firstAttempts', label: 'board.col.firstAttempts', title: 'board.col.firstAttempts.title', numeric: true, show: (r, c) => count(r.firstAttempts, c) },
  median: { key: 'median', label: 'board.col.median', short: 'board.col.median.short', title: 'board.col.median.title', numeric: true, show: (r, c) => duration(r.medianResponseMs, c) },
  p90: { key: 'p90', label: 'board.col.p90', title: 'board.col.p90.title', numeric: true, show: (r, c) => duration(r.p90ResponseMs, c) },
  sla: { key: 'sla', label: 'board.col.sla', short: 'board.col.sla.short', title: 'board.col.sla.title', numeric: true, show: (r, c) => pct(r.withinSlaShare, c) },
  attempts: {
    key: 'attempts',
    label: 'board.col.attempts',
    title: 'board.col.attempts.title',
    numeric: true,
    show: (r, c) => (r.attemptsPerLead === null ? dash(c.t) : formatNumber(r.attemptsPerLead, c.lang, 1)),
  },
  contact: { key: 'contact', label: 'board.col.contact', title: 'board.col.contact.title', numeric: true, show: (r, c) => pct(r.contactRate, c) },
  appointment: { key: 'appointment', label: 'board.col.appointment', title: 'board.col.appointment.title', numeric: true, show: (r, c) => pct(r.appointmentRate, c) },
  properlyWorked: {
    key: 'properlyWorked',
    label: 'board.col.properlyWorked',
    title: 'board.col.properlyWorked.title',
    numeric: true,
    show: (r, c) => pct(properlyWorkedShare(r), c),
  },
  closedTooEarly: {
    key: 'closedTooEarly',
    label: 'board.col.closedTooEarly',
    short: 'board.col.closedTooEarly.short',
    title: 'board.col.closedTooEarly.title',
    numeric: true,
    show: (r, c) => count(r.closedTooEarly, c),
  },
  sold: { key: 'sold', label: 'board.col.sold', title: 'board.col.sold.title', numeric: true, show: (r, c) => count(r.sold, c) },
  conversion: {
    key: 'conversion',
    label: 'board.col.conversion',
    short: 'board.col.conversion.short',
    title: 'board.col.conversion.title',
    numeric: true,
    show: (r, c) => pct(r.conversion, c),
  },
  excluded: { key: 'excluded', label: 'board.col.excluded', title: 'board.col.excluded.title', numeric: true, show: (r, c) => count(r.excluded, c) },
  backlog: { key: 'backlog', label: 'board.col.backlog', title: 'board.col.backlog.title', numeric: true, show: (r, c) => count(r.backlog, c) },
};

/** "3 of 12": the n beside every conversion figure. */
export const conversionN = (r: BoardEntry, { t, lang }: CellContext) =>
  t('board.conversionOf', { sold: formatInteger(r.sold, lang), leads: formatInteger(r.leads, lang) });
