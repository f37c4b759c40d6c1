import { useState, type ReactNode } from 'react';
import { useI18n } from '@/components/ui/i18n';
import { sourceLabel } from '@/components/ui/labels';
import type { MessageKey } from '@/lib/i18n';
import { formatDuration } from '@/lib/i18n/format';
import type { Rate, SourceRow } from '@/lib/domain/report';
import type { Currency } from '@/lib/storage/spend-item';
import { formatMoney, formatNumber, formatPercent } from './report-format';
import '@/lib/i18n/messages/report';

type Lang = ReturnType<typeof useI18n>['lang'];

interface Column {
  id: string;
  label: MessageKey;
  /** What the column sorts by; null sorts last whatever the direction. */
  value: (row: SourceRow) => number | string | null;
  cell: (row: SourceRow, ctx: CellContext) => ReactNode;
}

interface CellContext {
  lang: Lang;
  t: ReturnType<typeof useI18n>['t'];
  currency: Currency;
}

const money = (amount: number | null, { lang, t, currency }: CellContext) =>
  amount === null ? <span className="rp-muted">{t('report.noSpend')}</span> : formatMoney(amount, currency, lang);

function RateCell({ rate, ctx }: { rate: Rate; ctx: CellContext }) {
  const { lang, t } = ctx;
  return (
    <span className="rp-rate">
      <strong>{formatPercent(rate.rate, lang)}</strong>
      {rate.interval && (
        <span className="rp-interval">
          {formatPercent(rate.interval.low, lang, 0)}–{formatPercent(rate.interval.high, lang, 0)}
        </span>
      )}
      <span className={rate.small ? 'rp-small-n' : 'rp-muted'} title={rate.small ? t('report.small') : undefined}>
        {t('report.rateOf', { sold: rate.hits, n: rate.n })}
      </span>
    </span>
  );
}

const COLUMNS: Column[] = [
  { id: 'source', label: 'report.col.source', value: (r) => r.source, cell: (r, { t }) => (r.source === '' ? t('report.total') : sourceLabel(t, r.source)) },
  {
    id: 'leads',
    label: 'report.col.leads',
    value: (r) => r.leads,
    cell: (r, { t }) => (
      <>
        {r.leads}
        {r.leads > 0 && r.leads < 30 && (
          <abbr className="rp-small" title={t('report.small')}>
            {' '}
            n&lt;30
          </abbr>
        )}
      </>
    ),
  },
  { id: 'excluded', label: 'report.col.excluded', value: (r) => r.excluded, cell: (r) => r.excluded },
  { id: 'spend', label: 'report.col.spend', value: (r) => r.spend, cell: (r, ctx) => money(r.spend, ctx) },
  { id: 'costPerLead', label: 'report.col.costPerLead', value: (r) => r.costPerLead, cell: (r, ctx) => (r.spend === null ? '–' : r.costPerLead === null ? '–' : formatMoney(r.costPerLead, ctx.currency, ctx.lang)) },
  { id: 'medianResponse', label: 'report.col.medianResponse', value: (r) => r.medianResponseMs, cell: (r, { lang }) => (r.medianResponseMs === null ? '–' : formatDuration(r.medianResponseMs, lang)) },
  { id: 'withinSla', label: 'report.col.withinSla', value: (r) => r.withinSlaShare, cell: (r, { lang }) => formatPercent(r.withinSlaShare, lang, 0) },
  { id: 'medianAttempts', label: 'report.col.medianAttempts', value: (r) => r.medianAttemptsBeforeClose, cell: (r, { lang }) => (r.medianAttemptsBeforeClose === null ? '–' : formatNumber(r.medianAttemptsBeforeClose, lang, 1)) },
  { id: 'contactRate', label: 'report.col.contactRate', value: (r) => r.contactRate, cell: (r, { lang }) => formatPercent(r.contactRate, lang, 0) },
  { id: 'appointment', label: 'report.col.appointment', value: (r) => r.appointment, cell: (r) => r.appointment },
  { id: 'shown', label: 'report.col.shown', value: (r) => r.shown, cell: (r) => r.shown },
  { id: 'sold', label: 'report.col.sold', value: (r) => r.sold, cell: (r) => r.sold },
  { id: 'conversion', label: 'report.col.conversion', value: (r) => r.conversion.rate, cell: (r, ctx) => <RateCell rate={r.conversion} ctx={ctx} /> },
  { id: 'worked', label: 'report.col.worked', value: (r) => r.worked.rate, cell: (r, ctx) => <RateCell rate={r.worked} ctx={ctx} /> },
  { id: 'unworked', label: 'report.col.unworked', value: (r) => r.unworked.rate, cell: (r, ctx) => <RateCell rate={r.unworked} ctx={ctx} /> },
  { id: 'costPerSale', label: 'report.col.costPerSale', value: (r) => r.costPerSale, cell: (r, ctx) => (r.spend === null ? '–' : r.costPerSale === null ? '–' : formatMoney(r.costPerSale, ctx.currency, ctx.lang)) },
  {
    id: 'verdict',
    label: 'report.col.verdict',
    // Sorted by the interval's lower bound: 2 of 2 never outranks 100 of 101.
    value: (r) => r.conversion.interval?.low ?? null,
    cell: (r, { t }) => <span className={`rp-verdict rp-verdict-${r.conversion.verdict}`}>{t(`report.verdict.${r.conversion.verdict}`)}</span>,
  },
];

const attr = (n: number | null): string => (n === null ? '' : String(n));

/** The test contract's attributes of a source or total row. */
function rowAttributes(row: SourceRow): Record<string, string> {
  return {
    'data-leads': String(row.leads),
    'data-excluded': String(row.excluded),
    'data-contacted': String(row.contacted),
    'data-sold': String(row.sold),
    'data-conversion': attr(row.conversion.rate),
    'data-conversion-low': attr(row.conversion.interval?.low ?? null),
    'data-conversion-high': attr(row.conversion.interval?.high ?? null),
    'data-worked-leads': String(row.worked.n),
    'data-worked-sold': String(row.worked.hits),
    'data-unworked-leads': String(row.unworked.n),
    'data-unworked-sold': String(row.unworked.hits),
    'data-verdict': row.conversion.verdict,
    'data-spend': attr(row.spend),
    'data-cost-per-lead': attr(row.costPerLead),
    'data-cost-per-sale': attr(row.costPerSale),
    'data-small': String(row.leads < 30),
  };
}

type Sort = { column: string; descending: boolean };

function compareRows(column: Column, descending: boolean) {
  return (a: SourceRow, b: SourceRow): number => {
    const x = column.value(a);
    const y = column.value(b);
    if (x === null && y === null) return a.source < b.source ? -1 : 1;
    if (x === null) return 1;
    if (y === null) return -1;
    const order = x < y ? -1 : x > y ? 1 : 0;
    return (descending ? -order : order) || (a.source < b.source ? -1 : 1);
  };
}

export function SourceTable({ rows, total, currency }: { rows: SourceRow[]; total: SourceRow; currency: Currency }) {
  const { t, lang } = useI18n();
  const [sort, setSort] = useState<Sort>({ column: 'leads', descending: true });
  const ctx: CellContext = { t, lang, currency };
  const column = COLUMNS.find((c) => c.id === sort.column) ?? COLUMNS[0];
  const sorted = column ? [...rows].sort(compareRows(column, sort.descending)) : rows;
  const onSort = (id: string) =>
    setSort((current) => (current.column === id ? { column: id, descending: !current.descending } : { column: id, descending: id !== 'source' }));
  return (
    <div className="rp-scroll">
      <table className="rp-table" data-testid="source-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.id} scope="col" aria-sort={sort.column === c.id ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                <button type="button" className="rp-sort" data-testid={`sort-${c.id}`} title={t('report.sort', { column: t(c.label) })} onClick={() => onSort(c.id)}>
                  {t(c.label)}
                  {sort.column === c.id ? (sort.descending ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.source} data-testid="source-row" data-source={row.source} className={row.leads < 30 ? 'rp-row-small' : undefined} {...rowAttributes(row)}>
              {COLUMNS.map((c) =>
                c.id === 'source' ? (
                  <th key={c.id} scope="row">
                    {c.cell(row, ctx)}
                  </th>
                ) : (
                  <td key={c.id}>{c.cell(row, ctx)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="source-total" data-source="" {...rowAttributes(total)}>
            {COLUMNS.map((c) =>
              c.id === 'source' ? (
                <th key={c.id} scope="row">
                  {c.cell(total, ctx)}
                </th>
              ) : (
                <td key={c.id}>{c.cell(total, ctx)}</td>
              ),
            )}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
