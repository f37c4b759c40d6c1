import type { LeadSnapshot } from '../domain/model';

/**
 * One CRM, described as data plus pure URL/DOM functions (docs/architecture.md, "Rules the code keeps").
 * Everything here must be safe to run on a page we have never seen: return partial results,
 * never throw.
 */
export interface CrmAdapter {
  /** Stable id, the panel's `data-crm` and the first half of a lead key. */
  id: string;
  name: string;
  /** Match patterns of the CRM's origins: what permissions and content scripts cover. */
  matches: string[];
  /** Whether the lead content lives in frames (eLead, VinSolutions). */
  allFrames: boolean;
  /** True when this URL can show a single lead (the page may still need to render it). */
  isLeadPage(url: URL): boolean;
  /** Selector of the element whose presence means the lead is rendered. */
  anchor: string;
  /**
   * Selector of the smallest region to watch for a lead switched without a URL change
   * (drawers, modals). Falls back to the anchor.
   */
  watch?: string;
  /** The CRM's own record id, from the page first (drawers) and the URL second. */
  leadId(url: URL, doc: Document): string | null;
  /** Reads a snapshot; null when the page has no lead id yet. */
  extract(doc: Document, url: URL): LeadSnapshot | null;
  /** Selectors of click-to-call controls besides tel:/callto:/sip: links. */
  attemptHooks: string[];
}
