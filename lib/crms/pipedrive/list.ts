import { LABELS } from '../../adapters/extract';
import { PIPEDRIVE_ROUTE } from './route';
import { validLeadId } from '../../adapters/snapshot';
import { allMatching, LIST_LABELS, readGrids, resolveHref, type GridSpec, type RowIdentity } from '../../adapters/lists/table';
import { defineListReader } from '../define';

// Pipedrive's leads inbox (`/leads/inbox`, also beside an open lead at `/leads/inbox/{uuid}`).
// Public evidence: rows are `[role="row"]` in a grid and each links its lead as
// `/leads/inbox/{uuid}`; the lead-page adapter keys the same lead as `lead:{uuid}`. The list's
// own hooks (`data-test="leads-list"`, `data-test="lead-row"`) are assumptions in Pipedrive's
// `data-test` style, so rows are also found by their lead links alone.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LEAD_LINK_PATH = /^\/leads\/inbox\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;
const LIST_ROOTS = ['[data-test="leads-list"]', '[role="grid"]', '[role="table"]'];
const ROWS = '[role="row"], [data-test="lead-row"]';

// A lead is titled after the sale ("Lead Golf 8"); the person it links to is who gets called,
// as on the lead page.
const PD_LABELS = {
  ...LIST_LABELS,
  name: ['Person', 'Contact person', 'Persoon', 'Contactpersoon', 'Kontaktperson', 'Personne', 'Personne de contact', ...LABELS.name],
  source: ['Source channel', 'Bronkanaal', 'Quellkanal', 'Canal source', 'Canal de la source', ...LIST_LABELS.source],
  created: [
    'Lead created', 'Lead aangemaakt', 'Lead erstellt', 'Lead créé', 'Add time', 'Toegevoegd op', 'Hinzugefügt am',
    ...LIST_LABELS.created,
  ],
  status: [...LIST_LABELS.status, 'Labels', 'Label', 'Etiketten', 'Étiquettes'],
};

function uuidOf(row: Element, listUrl: URL): string | null {
  for (const attribute of ['data-lead-id', 'data-id']) {
    const value = row.getAttribute(attribute)?.trim();
    if (value && UUID.test(value)) return value.toLowerCase();
  }
  for (const link of Array.from(row.querySelectorAll('a[href*="/leads/inbox/"]')).slice(0, 5)) {
    const url = resolveHref(link.getAttribute('href'), listUrl);
    const m = url && url.hostname === listUrl.hostname ? LEAD_LINK_PATH.exec(url.pathname) : null;
    if (m?.[1]) return m[1].toLowerCase();
  }
  return null;
}

function identify(row: Element, listUrl: URL): RowIdentity | null {
  const uuid = uuidOf(row, listUrl);
  const leadId = uuid ? validLeadId(`lead:${uuid}`) : null;
  if (!uuid || !leadId) return null;
  return { leadId, url: new URL(`/leads/inbox/${uuid}`, listUrl.origin) };
}

const spec: GridSpec = {
  crm: 'pipedrive',
  grids(doc) {
    // Outer roots only: a grid inside the list root would read the same rows twice.
    const roots = allMatching(doc, LIST_ROOTS);
    return roots.filter((root) => !roots.some((other) => other !== root && other.contains(root)));
  },
  rowSelector: ROWS,
  headerSelector: '[data-test="leads-list-header"], .listHeader',
  identify,
  labels: PD_LABELS,
};

export const pipedriveListReader = defineListReader(PIPEDRIVE_ROUTE, {
  container: LIST_ROOTS.join(', '),
  read: (doc, url) => readGrids(doc, url, spec),
});
