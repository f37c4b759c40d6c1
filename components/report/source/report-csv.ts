import Papa from 'papaparse';
import { sourceLabel } from '@/components/ui/labels';
import type { Lang, Translate } from '@/lib/i18n';
import { RESPONSE_BUCKETS, type Rate, type SourceReport, type SourceRow } from '@/lib/domain/report';
import '@/lib/i18n/messages/report';

/**
 * Every table of the report in one CSV file, each under its own title line. Excel opens it
 * right in both languages: a UTF-8 byte-order mark (else "é" breaks), and in Dutch `;` between
 * fields and a decimal comma, as Dutch Excel expects.
 */
export function reportCsv(report: SourceReport, t: Translate, lang: Lang, isoDate: (ms: number) => string): string {
  const decimal = (n: number | null, digits = 4): string => {
    if (n === null) return '';
    const text = String(Math.round(n * 10 ** digits) / 10 ** digits);
    return lang === 'nl' ? text.replace('.', ',') : text;
  };
  const rateCells = (r: Rate) => [decimal(r.rate), decimal(r.interval?.low ?? null), decimal(r.interval?.high ?? null), String(r.hits), String(r.n)];
  const rateHeads = (label: string) => [label, `${label} 95% low`, `${label} 95% high`, `${label} ${t('report.col.sold')}`, `${label} n`];
  const sourceHead = [
    t('report.col.source'),
    t('report.col.leads'),
    t('report.col.excluded'),
    t('report.col.spend'),
    t('report.col.costPerLead'),
    `${t('report.col.medianResponse')} (min)`,
    t('report.col.withinSla'),
    t('report.col.medianAttempts'),
    t('report.col.contactRate'),
    t('report.col.appointment'),
    t('report.col.shown'),
    t('report.col.sold'),
    ...rateHeads(t('report.col.conversion')),
    ...rateHeads(t('report.col.worked')),
    ...rateHeads(t('report.col.unworked')),
    t('report.col.costPerSale'),
    t('report.col.verdict'),
    t('report.col.open'),
  ];
  const sourceLine = (row: SourceRow) => [
    row.source === '' ? t('report.total') : sourceLabel(t, row.source),
    String(row.leads),
    String(row.excluded),
    decimal(row.spend, 2),
    decimal(row.costPerLead, 2),
    decimal(row.medianResponseMs === null ? null : row.medianResponseMs / 60_000, 1),
    decimal(row.withinSlaShare),
    decimal(row.medianAttemptsBeforeClose, 1),
    decimal(row.contactRate),
    String(row.appointment),
    String(row.shown),
    String(row.sold),
    ...rateCells(row.conversion),
    ...rateCells(row.worked),
    ...rateCells(row.unworked),
    decimal(row.costPerSale, 2),
    t(`report.verdict.${row.conversion.verdict}`),
    decimal(row.openShare),
  ];
  const stages = [t('report.funnel.received'), t('report.funnel.reached'), t('report.col.appointment'), t('report.col.shown'), t('report.col.sold')];
  const tables: { title: string; rows: string[][] }[] = [
    { title: t('report.source.title'), rows: [sourceHead, ...report.rows.map(sourceLine), sourceLine(report.total)] },
    {
      title: t('report.funnel.source'),
      rows: [[t('report.col.source'), ...stages], ...report.rows.map((r) => [sourceLabel(t, r.source), ...[r.received, r.reached, r.appointment, r.shown, r.sold].map(String)])],
    },
    {
      title: t('report.funnel.rep'),
      rows: [[t('report.funnel.rep.col'), ...stages], ...report.reps.map((r) => [r.rep, ...[r.received, r.reached, r.appointment, r.shown, r.sold].map(String)])],
    },
    {
      title: t('report.tooEarly.title'),
      rows: [
        [t('report.tooEarly.lead'), t('report.col.source'), t('report.tooEarly.rep'), t('report.tooEarly.attempts'), t('report.tooEarly.reason'), t('report.tooEarly.when'), t('report.tooEarly.by')],
        ...report.closedTooEarly.map((i) => [
          i.name ?? i.leadId,
          sourceLabel(t, i.source),
          i.rep,
          String(i.attempts),
          i.lostReason ? t(`lostReason.${i.lostReason}`) : '',
          i.closedAt === null ? '' : isoDate(i.closedAt),
          i.closedBy ? t(`report.actor.${i.closedBy}`) : '',
        ]),
      ],
    },
    {
      title: t('report.chart.response'),
      rows: [[t('report.chart.response'), t('report.chart.count')], ...RESPONSE_BUCKETS.map((b) => [t(`report.bucket.${b}`), String(report.responseBuckets[b])])],
    },
  ];
  const delimiter = lang === 'nl' ? ';' : ',';
  const body = tables.map((table) => Papa.unparse([[table.title], ...table.rows], { delimiter, newline: '\r\n' })).join('\r\n\r\n');
  return `\uFEFF${body}\r\n`;
}

/** Hands the CSV to the browser as a download. */
export function downloadCsv(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
