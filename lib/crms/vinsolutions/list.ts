import { VINSOLUTIONS_ROUTE } from './route';
import { validLeadId } from '../../adapters/snapshot';
import { allMatching, LIST_LABELS, readGrids, resolveHref, type GridSpec, type RowIdentity } from '../../adapters/lists/table';
import { defineListReader } from '../define';

// VinSolutions' Lead Management left pane: the new-lead lists `LeadManagement/LeadBucket.aspx` and
// `ActiveLeads_NewLeadList.aspx`, frames of ActiveLeadsLayout.aspx that refresh themselves.
// Public evidence (a dealer's monitoring script): a table whose rows show Customer, Source,
// Created and Bucket, a "No leads to display" row when empty and an "auto-refresh" notice row.
// How a row names its lead is not public: this reads an AutoLeadID from the row's links,
// `onclick` handlers or `data-autoleadid`, as the lead pages carry it. A row that only names
// the customer (GlobalCustomerID) is skipped: its lead page is keyed by the AutoLeadID, and a
// customer-keyed clock would be a second clock for the same lead.

const AUTO_LEAD_ID = /autoleadid\s*[=:]\s*['"]?(\d{1,18})\b/i;
const GLOBAL_CUSTOMER_ID = /globalcustomerid\s*[=:]\s*['"]?(\d{1,18})\b/i;
const ID_CARRIERS = '[data-autoleadid], a[href*="AutoLeadID" i], [onclick*="AutoLeadID" i]';

const VIN_LABELS = {
  ...LIST_LABELS,
  name: ['Customer', 'Customer Name', ...LIST_LABELS.name],
  source: ['Source', 'Lead Source', ...LIST_LABELS.source],
  created: ['Created', 'Lead Created', 'Date Created', ...LIST_LABELS.created],
  status: ['Status', 'Lead Status', 'Bucket', ...LIST_LABELS.status],
  vehicle: ['Vehicle', 'Vehicle Info', 'Vehicle of Interest', ...LIST_LABELS.vehicle],
};

const validId = (raw: string | null | undefined) => (raw && /^\d{1,18}$/.test(raw) && !/^0+$/.test(raw) ? raw : null);

function idsOf(row: Element, listUrl: URL): { autoLeadId: string; gcid: string | null; link: URL | null } | null {
  const candidates = [row, ...Array.from(row.querySelectorAll(ID_CARRIERS)).filter((el) => el.closest('tr') === row).slice(0, 10)];
  for (const el of candidates) {
    const fromData = validId(el.getAttribute('data-autoleadid')?.trim());
    const href = el.getAttribute('href') ?? '';
    const text = `${href} ${el.getAttribute('onclick') ?? ''}`;
    const autoLeadId = fromData ?? validId(AUTO_LEAD_ID.exec(text)?.[1]);
    if (!autoLeadId) continue;
    const link = resolveHref(href, listUrl);
    return {
      autoLeadId,
      gcid: validId(el.getAttribute('data-globalcustomerid')?.trim()) ?? validId(GLOBAL_CUSTOMER_ID.exec(text)?.[1]),
      link: link && VINSOLUTIONS_ROUTE.isLeadPage(link) ? link : null,
    };
  }
  return null;
}

function identify(row: Element, listUrl: URL): RowIdentity | null {
  const ids = idsOf(row, listUrl);
  const leadId = validLeadId(ids?.autoLeadId);
  if (!ids || !leadId) return null;
  // The customer dashboard frame, as a lead page records it; the row's own link when it has one.
  const url = ids.link ?? new URL('/CarDashboard/Pages/CRM/CustomerDashboard.aspx', listUrl.origin);
  if (!ids.link) {
    if (ids.gcid) url.searchParams.set('GlobalCustomerID', ids.gcid);
    url.searchParams.set('AutoLeadID', ids.autoLeadId);
  }
  return { leadId, url };
}

/** "11/26/26 2:05p (0d)" → "11/26/26 2:05 PM": VinSolutions' short meridiem and age suffix. */
function cleanDate(text: string): string {
  return text
    .replace(/\s*\(\s*\d+\s*d\s*\)\s*$/i, '')
    .replace(/(\d{1,2}:\d{2})\s*([ap])\.?m?\.?$/i, (_m, time: string, ap: string) => `${time} ${ap.toUpperCase()}M`)
    .trim();
}

const spec: GridSpec = {
  crm: 'vinsolutions',
  grids(doc) {
    const carriers = allMatching(doc, [ID_CARRIERS]).map((el) => el.closest('table'));
    return [...new Set(carriers.filter((t) => t !== null))];
  },
  identify,
  labels: VIN_LABELS,
  cleanDate,
};

export const vinsolutionsListReader = defineListReader(VINSOLUTIONS_ROUTE, {
  // The lead table's id is not public, and the frame holds nothing but the list: its ASP.NET
  // form, else the table around the first lead link (the watcher widens a row to its table).
  container: `form, ${ID_CARRIERS}`,
  read: (doc, url) => readGrids(doc, url, spec),
});
