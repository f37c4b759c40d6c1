import type { ClosedTooEarlyItem, RepFunnel, SourceReport } from '@/lib/domain/report';
import type { TeamReportResponse } from '@/lib/sync/report-wire';

/** The server's per-rep funnels as the funnel table reads them: the label is all it may show. */
export const teamRepFunnels = (report: TeamReportResponse): RepFunnel[] =>
  report.reps.map(({ label, received, reached, appointment, shown, sold, conversion }) => ({ rep: label, received, reached, appointment, shown, sold, conversion }));

/** The server knows a lead only by its pseudonymous key: a short form of it stands in for the name. */
export const teamClosedTooEarlyItems = (report: TeamReportResponse): ClosedTooEarlyItem[] =>
  report.closedTooEarly.map((item) => ({
    key: item.lead,
    leadId: item.lead.slice(0, 10),
    rep: item.rep,
    source: item.source,
    attempts: item.attempts,
    lostReason: item.lostReason,
    closedAt: item.closedAt,
    closedBy: item.closedBy,
  }));

/**
 * The team's answer in the shape of a browser's own report, so the team scope shows and exports
 * the same tables. Nothing in it names a customer: the server never had names.
 */
export const teamReportAsSource = (report: TeamReportResponse): SourceReport => ({
  rows: report.rows,
  total: report.total,
  reps: teamRepFunnels(report),
  closedTooEarly: teamClosedTooEarlyItems(report),
  responseBuckets: report.responseBuckets,
});
