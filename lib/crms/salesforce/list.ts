import { salesforceId18 } from './adapter';
import { SALESFORCE_RECORD_PATH, SALESFORCE_ROUTE } from './route';
import { validLeadId } from '../../adapters/snapshot';
import { allMatching, LIST_LABELS, readGrids, resolveHref, type GridSpec, type RowIdentity } from '../../adapters/lists/table';
import { defineListReader } from '../define';

// Salesforce Lightning list views of leads (`/lightning/o/Lead/list?filterName=…` and the Lead
// object home). Public descriptions of the markup: the list sits in `.forceListViewManager`, a
// `table[role="grid"]` (`table.slds-table`); each row carries its record id in
// `data-row-key-value` (LWC datatable) and links the record (`/lightning/r/Lead/{id}/view`,
// `a[data-recordid]` in the Aura grid); cells carry their column's label in `data-label`.
// Contact and opportunity lists are not read: those are records being worked, not new arrivals,
// and reading a whole contact list would start a clock on every customer the dealer has.

const LEAD_PREFIX = '00Q';
const SF_ID = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;
const GRIDS = ['.forceListViewManager table', 'table[role="grid"]', 'lightning-datatable table', 'table.slds-table'];

// Salesforce's own translations of the standard Lead list columns.
const SF_LABELS = {
  ...LIST_LABELS,
  source: [...LIST_LABELS.source, 'Leadbron', 'Lead-Quelle', 'Origine de la piste', 'Origine du prospect'],
  status: [...LIST_LABELS.status, 'Lead Status', 'Leadstatus', 'Lead-Status', 'Statut de la piste', 'Statut du prospect'],
  created: [...LIST_LABELS.created, 'Created Date', 'Aanmaakdatum', 'Datum gemaakt', 'Erstellungsdatum', 'Date de création'],
  phone: [...LIST_LABELS.phone, 'Mobiel', 'Mobile'],
};

function leadRecordId(raw: string | null | undefined): string | null {
  const id = raw?.trim();
  if (!id || !SF_ID.test(id) || !id.startsWith(LEAD_PREFIX)) return null;
  return salesforceId18(id);
}

function idFromLinks(row: Element, listUrl: URL): string | null {
  for (const link of Array.from(row.querySelectorAll('a[data-recordid], a[href*="/lightning/r/"]')).slice(0, 10)) {
    const fromAttribute = leadRecordId(link.getAttribute('data-recordid'));
    if (fromAttribute) return fromAttribute;
    const url = resolveHref(link.getAttribute('href'), listUrl);
    const m = url ? SALESFORCE_RECORD_PATH.exec(url.pathname) : null;
    if (m && (m[1] === undefined || m[1] === 'Lead')) {
      const id = leadRecordId(m[2]);
      if (id) return id;
    }
  }
  return null;
}

function identify(row: Element, listUrl: URL): RowIdentity | null {
  // The row key is the record id itself; links are the fallback for the Aura-era grid.
  const id = leadRecordId(row.getAttribute('data-row-key-value')) ?? idFromLinks(row, listUrl);
  const leadId = validLeadId(id);
  if (!leadId) return null;
  // The canonical record URL: what the lead adapter reads the same 18-char id from.
  return { leadId, url: new URL(`/lightning/r/Lead/${leadId}/view`, listUrl.origin) };
}

const spec: GridSpec = {
  crm: 'salesforce',
  grids: (doc) => allMatching(doc, GRIDS),
  identify,
  labels: SF_LABELS,
};

export const salesforceListReader = defineListReader(SALESFORCE_ROUTE, {
  container: '.forceListViewManager, table[role="grid"]',
  read: (doc, url) => readGrids(doc, url, spec),
});
