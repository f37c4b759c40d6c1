import { rangeFromDates, reportPeriodRange, type ReportRange } from '@/lib/domain/report-period';

/**
 * The report's address: `report.html?from=YYYY-MM-DD&to=YYYY-MM-DD` (the dealer's dates,
 * inclusive). A missing or broken range opens this month, so a bookmark never shows nothing.
 */
export function rangeFromSearch(search: string, now: number, timeZone: string): ReportRange {
  const params = new URLSearchParams(search);
  const from = params.get('from');
  const to = params.get('to');
  const range = from !== null && to !== null ? rangeFromDates(from, to, timeZone) : null;
  return range ?? reportPeriodRange('this-month', now, timeZone);
}

export function searchOfRange(range: Pick<ReportRange, 'firstDate' | 'lastDate'>): string {
  return `?from=${range.firstDate}&to=${range.lastDate}`;
}
