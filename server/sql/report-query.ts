import type { ReportLead } from '../../lib/domain/report';
import type { Db } from '../db/connect';
import { factsFromRow, reportFactsFromRow } from '../domain/lead-facts';
import { FACT_COLUMNS } from './leaderboard-query';

// The kernel's columns plus what the report adds: the lead, its source and how it closed.
const REPORT_COLUMNS = [...FACT_COLUMNS, 'lead', 'source', 'sold_at', 'closed_at', 'status_actor'] as const;

/**
 * Every rep's leads received in [from, to), as the report kernel reads them: one range scan of
 * lead_facts, never the events. `rep` is the member id (labels are the route's business, per
 * viewer), and the lead's key is the pseudonymous key the extension synced: no customer data
 * exists on the server to put in a name or address.
 */
export async function teamReportLeads(db: Db, teamId: string, from: number, to: number): Promise<ReportLead[]> {
  const rows = await db.kysely
    .selectFrom('lead_facts')
    .select(REPORT_COLUMNS)
    .where('team_id', '=', teamId)
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .execute();
  // One object literal of fixed shape per row: spreading the two readers' results into a new
  // object was most of this function's time over a year of leads.
  return rows.map((row): ReportLead => {
    const f = factsFromRow(row);
    const r = reportFactsFromRow(row);
    return {
      receivedAt: f.receivedAt,
      firstAttemptAt: f.firstAttemptAt,
      attempts: f.attempts,
      contacts: f.contacts,
      status: f.status,
      lostReason: f.lostReason,
      furthest: f.furthest,
      attemptsBeforeClose: f.attemptsBeforeClose,
      contactsBeforeClose: f.contactsBeforeClose,
      phoneAttemptsBeforeClose: f.phoneAttemptsBeforeClose,
      backlog: f.backlog,
      key: row.lead,
      leadId: row.lead,
      source: r.source,
      rep: row.member_id,
      soldAt: r.soldAt,
      closedAt: r.closedAt,
      statusActor: r.statusActor,
    };
  });
}
