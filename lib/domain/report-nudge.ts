import { businessDayAt, type OpeningHours } from './business-time';
import { checkpointDays } from './pacing';
import { reportPeriodRange, type ReportRange } from './report-period';

/**
 * The start-of-month nudge: "last month's source report is ready". Rules chosen here:
 * - Heard on the month's first business day, at the first chance inside opening hours; a rep
 *   who was away that day hears it at the first chance before the day-10 pacing check. Later
 *   it would be old news, and the report is one click away in the popup anyway.
 * - Once a month: the caller remembers the month (`YYYY-MM`) it was handled in.
 * - Only when last month has leads (the caller counts them): an empty report is no news.
 */
export interface ReportNudge {
  /** This month, the memory key. */
  month: string;
  /** Last month, as the report's address takes it. */
  range: ReportRange;
}

export function pendingReportNudge(input: { now: number; hours: OpeningHours; handledMonth: string | undefined }): ReportNudge | null {
  const { now, hours } = input;
  const today = businessDayAt(now, hours);
  if (today.open === null || today.close === null || today.close <= today.open) return null;
  const month = today.date.slice(0, 7);
  if (input.handledMonth === month) return null;
  const { start, day10 } = checkpointDays(now, hours);
  if (!start || today.day < start.day) return null;
  if (day10 !== undefined && today.day >= day10.day) return null;
  return { month, range: reportPeriodRange('last-month', now, hours.timeZone) };
}

/** The notification id of a report nudge; its click opens that period's report. */
export const reportNotificationId = (range: Pick<ReportRange, 'firstDate' | 'lastDate'>): string => `report:${range.firstDate}:${range.lastDate}`;

/** The report address a notification opens (`report.html?from=…&to=…`), or null for any other. */
export function reportAddressOfNotification(id: string): `/report.html${string}` | null {
  const match = /^report:(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2})$/.exec(id);
  return match ? `/report.html?from=${match[1]}&to=${match[2]}` : null;
}
