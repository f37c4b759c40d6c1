import type { LeadSnapshot } from '../../domain/model';

/**
 * Reads new leads from a CRM's inbox or list page (new-lead discovery), so a lead's
 * clock starts when it shows up in the list, before anyone opens it.
 *
 * Pure DOM functions like the adapters: never throw, skip a row that cannot be read rather than
 * guess. Every snapshot's `leadId` is exactly what the CRM's lead-page adapter produces for the
 * same record, and its `url` is that record's own page (the popup opens it), never the list.
 */
export interface CrmListReader {
  /** The adapter id (`demo`, `salesforce`, …): the same CRM, the same lead keys. */
  id: string;
  /** True when this URL shows a list this reader understands (shared with the route). */
  isListPage(url: URL): boolean;
  /**
   * Selector of the smallest element holding the list's rows: waited for, then watched (and
   * only it) for rows added by polling, paging or filtering.
   */
  container: string;
  /** One snapshot per readable row, in page order, without duplicates. */
  read(doc: Document, url: URL): LeadSnapshot[];
}
