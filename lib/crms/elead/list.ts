import { ELEAD_ROUTE } from './route';
import { validLeadId } from '../../adapters/snapshot';
import { allMatching, LIST_LABELS, readGrids, resolveHref, type GridSpec, type RowIdentity } from '../../adapters/lists/table';
import { defineListReader } from '../define';

// eLead / FordDirect CRM report drill-downs (`elead_track/reports/customReport.aspx?…&Column=…`,
// the desk log's pages). Public descriptions: an ASP.NET `table.gridview` (`#gvReport`) whose
// header row is `<th>`s inside the body and whose "Prospect" column links each row to
// `NewProspects/OpptyDetails.aspx?lPID={prospect}&lDID={deal}` — or opens it through
// `$.popupOppty('{lPID}','{lDID}')`. The lead-page adapter keys a lead by its opportunity
// (lDID), so this does too; a row that names only the person is not a lead. Column names
// besides "Prospect" are assumptions.

const PROSPECT_ID = /^\d{1,18}$/;
const PID_IN_TEXT = /[?&]lpid=(\d{1,18})\b/i;
const DID_IN_TEXT = /[?&]ldid=(\d{1,18})\b/i;
const POPUP_OPPTY = /popupOppty\s*\(\s*['"]?(\d{1,18})['"]?\s*(?:,\s*['"]?(\d{1,18})['"]?)?/i;
const ROW_LINKS = 'a[href*="OpptyDetails" i], a[href*="lPID=" i], [onclick*="popupOppty" i], [onclick*="OpptyDetails" i]';
// eLead report links may carry a popup size ("600,800|…") before the real path.
const POPUP_SIZE = /^\s*\d{1,4},\d{1,4}\|/;

const ELEAD_LABELS = {
  ...LIST_LABELS,
  name: ['Prospect', 'Customer', 'Customer Name', 'Name', ...LIST_LABELS.name],
  // The sub-source names the portal ("Cars.com") where the source only says "Internet".
  source: ['Sub Source', 'Sub-Source', 'SubSource', 'Source', 'Lead Source', 'Up Source', ...LIST_LABELS.source],
  created: ['Created', 'Date Created', 'Created Date', 'Date In', 'Lead Date', 'Up Date', ...LIST_LABELS.created],
  vehicle: ['Vehicle Sought', 'Sought', 'Vehicle', ...LIST_LABELS.vehicle],
  status: ['Status', 'Opportunity Status', ...LIST_LABELS.status],
};

interface Ids {
  pid: string;
  did: string | null;
  link: URL | null;
}

function idsOf(row: Element, listUrl: URL): Ids | null {
  // Only the row's own links: a layout table's row also contains the grid's rows.
  const own = Array.from(row.querySelectorAll(ROW_LINKS)).filter((el) => el.closest('tr') === row);
  for (const el of own.slice(0, 10)) {
    const href = el.getAttribute('href')?.replace(POPUP_SIZE, '') ?? '';
    const onclick = el.getAttribute('onclick') ?? '';
    const link = resolveHref(href, listUrl);
    const fromHref = link && ELEAD_ROUTE.isLeadPage(link) ? PID_IN_TEXT.exec(link.search) : null;
    if (fromHref?.[1]) return { pid: fromHref[1], did: DID_IN_TEXT.exec(link?.search ?? '')?.[1] ?? null, link };
    const popup = POPUP_OPPTY.exec(onclick);
    if (popup?.[1]) return { pid: popup[1], did: popup[2] ?? null, link: null };
    const inScript = PID_IN_TEXT.exec(onclick);
    if (inScript?.[1]) return { pid: inScript[1], did: DID_IN_TEXT.exec(onclick)?.[1] ?? null, link: null };
  }
  return null;
}

/** The opportunity page under the same tenant folder as the list (`/evo2/fresh/elead-v45/`). */
function opptyUrl(listUrl: URL, pid: string, did: string | null): URL | null {
  const folder = /^(.*\/elead_track\/)/i.exec(listUrl.pathname)?.[1];
  if (!folder) return null;
  const url = new URL(`${folder}NewProspects/OpptyDetails.aspx`, listUrl.origin);
  url.searchParams.set('lPID', pid);
  if (did) url.searchParams.set('lDID', did);
  return ELEAD_ROUTE.isLeadPage(url) ? url : null;
}

function identify(row: Element, listUrl: URL): RowIdentity | null {
  const ids = idsOf(row, listUrl);
  if (!ids || !PROSPECT_ID.test(ids.pid) || ids.did === null || !PROSPECT_ID.test(ids.did)) return null;
  const leadId = validLeadId(ids.did);
  const url = ids.link ?? opptyUrl(listUrl, ids.pid, ids.did);
  return leadId && url ? { leadId, url } : null;
}

const spec: GridSpec = {
  crm: 'elead',
  grids(doc) {
    // The innermost table around each prospect link: eLead nests its grid in layout tables.
    const linked = allMatching(doc, [ROW_LINKS]).map((el) => el.closest('table'));
    return [...new Set([...allMatching(doc, ['table#gvReport', 'table.gridview']), ...linked.filter((t) => t !== null)])];
  },
  identify,
  labels: ELEAD_LABELS,
  // "11/26/2026 9:42 AM (2 hrs)": the age in brackets is for humans.
  cleanDate: (text) => text.replace(/\s*\(.*\)\s*$/, ''),
};

export const eleadListReader = defineListReader(ELEAD_ROUTE, {
  // A grid without those names is found through its first prospect link (the watcher then
  // watches the link's table).
  container: 'table#gvReport, table.gridview, a[href*="OpptyDetails" i]',
  read: (doc, url) => readGrids(doc, url, spec),
});
