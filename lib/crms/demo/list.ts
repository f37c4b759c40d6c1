import { DEMO_LEAD_PATH as LEAD_PATH, DEMO_ROUTE } from './route';
import { validLeadId } from '../../adapters/snapshot';
import { allMatching, LIST_LABELS, readGrids, resolveHref, type GridSpec, type RowIdentity } from '../../adapters/lists/table';
import { defineListReader } from '../define';

// The fake dealer CRM's inbox (tests/crm-site, `/` and `/leads`): a `table.lead-table` whose rows
// carry `data-lead-id` and link to `/leads/{id}`, re-rendered by a two-second poll.

// The id part of the demo adapter's LEAD_PATH: the same ids, so the same lead keys.
const DEMO_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

function idFromLink(row: Element, listUrl: URL): { id: string; url: URL } | null {
  for (const link of Array.from(row.querySelectorAll('a[href]')).slice(0, 5)) {
    const url = resolveHref(link.getAttribute('href'), listUrl);
    if (!url || url.origin !== listUrl.origin || !DEMO_ROUTE.isLeadPage(url)) continue;
    const raw = LEAD_PATH.exec(url.pathname)?.[1];
    if (raw) return { id: raw, url };
  }
  return null;
}

function identify(row: Element, listUrl: URL): RowIdentity | null {
  const fromAttribute = row.getAttribute('data-lead-id')?.trim();
  const linked = idFromLink(row, listUrl);
  const raw = fromAttribute && DEMO_ID.test(fromAttribute) ? fromAttribute : linked?.id;
  const leadId = validLeadId(raw);
  if (!leadId) return null;
  // The row's own link is the page the rep would open; built from the id when it has none.
  const url = linked?.id === leadId ? linked.url : new URL(`/leads/${encodeURIComponent(leadId)}`, listUrl.origin);
  return { leadId, url };
}

const spec: GridSpec = {
  crm: 'demo',
  grids(doc) {
    // The class first; any table holding lead rows too, so a renamed class still reads.
    const rowTables = allMatching(doc, ['tr[data-lead-id]']).map((row) => row.closest('table'));
    return [...new Set([...allMatching(doc, ['table.lead-table']), ...rowTables.filter((t) => t !== null)])];
  },
  identify,
  labels: LIST_LABELS,
};

export const demoListReader = defineListReader(DEMO_ROUTE, {
  // A table that lost its class is still found through its rows (the watcher then watches the table).
  container: 'table.lead-table, tr[data-lead-id]',
  read: (doc, url) => readGrids(doc, url, spec),
});
