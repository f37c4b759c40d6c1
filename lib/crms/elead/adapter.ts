import { type LeadSnapshot } from '../../domain/model';
import { ELEAD_ROUTE } from './route';
import { findValueByLabel, firstMatch, LABELS, meaningful, optionalText, textOf } from '../../adapters/extract';
import { parseCrmDate } from '../../adapters/parse-date';
import { defineAdapter } from '../define';
import { buildSnapshot, FIELD_MAX as MAX, validLeadId } from '../../adapters/snapshot';

const CRM_ID = 'elead';
// The customer panel is server-rendered with fixed ASP.NET ids; the panel is the lead.
const ANCHOR = '#pnlCustomerInformation, #CustomerInfoPanel_NameLink';

// eLead prints US labels ("Cell #:") that the shared lists do not carry.
const PHONE_LABELS = ['Cell #', 'Cell Phone #', 'Home #', 'Work #', 'Cell', 'Home Phone', 'Work Phone', ...LABELS.phone];
const SOURCE_LABELS = ['Source', 'Lead Source', ...LABELS.source];
const SUBSOURCE_LABELS = ['Sub Source', 'Sub-Source', 'SubSource'];
const VEHICLE_LABELS = ['Vehicle Sought', 'Sought', 'Vehicle Info', ...LABELS.vehicle];
const CREATED_LABELS = ['Created', 'Created Date', 'Date Created', 'Lead Date', 'Date In', ...LABELS.created];
const NAME_LABELS = ['Name', 'Customer', ...LABELS.name];
const EMAIL_LABELS = ['Preferred Email', 'Pref. Email', 'Email', ...LABELS.email];
const STATUS_LABELS = ['Status', 'Opportunity Status', ...LABELS.status];

// Cell first: it is the number a BDC rep is expected to dial and text.
const PHONE_LINKS = ['#CustomerInfoPanel_CPhoneLink', '#CustomerInfoPanel_HPhoneLink', '#CustomerInfoPanel_WPhoneLink'];

function queryParam(url: URL, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [key, value] of url.searchParams) {
    if (key.toLowerCase() === wanted) return value.trim();
  }
  return null;
}

// The opportunity (lDID) is the lead: a returning customer keeps one person id (lPID) but gets
// a new opportunity, with its own clock and attempts. An opportunity page never switches leads
// without navigating its frame, so the URL is enough.
function leadId(url: URL, _doc: Document): string | null {
  try {
    if (!ELEAD_ROUTE.isLeadPage(url)) return null;
    const id = queryParam(url, 'lDID');
    return id !== null && /^\d{1,18}$/.test(id) ? validLeadId(id) : null;
  } catch {
    return null;
  }
}

function isHidden(el: Element): boolean {
  const style = (el.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || el.hasAttribute('hidden');
}

/** The value cell of a CustomerInfoPanel/OpportunityPanel row: the td after the label's td. */
function valueCell(doc: Document, linkId: string): Element | null {
  const cell = doc.getElementById(linkId)?.closest('td');
  const next = cell?.nextElementSibling;
  return next && next.tagName === 'TD' ? next : null;
}

function firstTextNode(el: Element | null, max: number): string | undefined {
  if (!el) return undefined;
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 3) {
      const text = meaningful((node.nodeValue ?? '').replace(/\s+/g, ' ').trim().slice(0, max));
      if (text) return text;
    }
  }
  return meaningful(textOf(el, max));
}

function readName(doc: Document, root: ParentNode): string | undefined {
  // The name cell also holds nickname and badge markup; its own first text is the name.
  return firstTextNode(valueCell(doc, 'CustomerInfoPanel_NameLink'), MAX.name) ?? meaningful(findValueByLabel(root, NAME_LABELS, MAX.name));
}

function phoneFromCell(cell: Element | null): string | undefined {
  if (!cell) return undefined;
  // Extra numbers sit in hidden rows until the "+" icon expands them; only the shown one counts.
  const allRows = Array.from(cell.querySelectorAll('tr'));
  const rows = allRows.filter((row) => !isHidden(row));
  if (allRows.length > 0 && rows.length === 0) return undefined;
  for (const row of rows.length > 0 ? rows : [cell]) {
    const target = row.querySelector('a') ?? row.querySelector('td') ?? row;
    const text = meaningful(textOf(target, MAX.phone));
    if (text && /\d{3}/.test(text)) return text;
  }
  return undefined;
}

function readPhone(doc: Document, root: ParentNode): string | undefined {
  for (const id of PHONE_LINKS) {
    const phone = phoneFromCell(valueCell(doc, id.slice(1)));
    if (phone) return phone;
  }
  const tel = firstMatch(root, ['a[href^="tel:" i]']);
  const telText = tel?.getAttribute('href')?.slice(4).trim();
  if (telText) return meaningful(telText.slice(0, MAX.phone));
  const labelled = meaningful(findValueByLabel(root, PHONE_LABELS, MAX.phone));
  return labelled && /\d{3}/.test(labelled) ? labelled : undefined;
}

function readEmail(doc: Document, root: ParentNode): string | undefined {
  const link = doc.getElementById('CustomerInfoPanel_PrefEmailLink');
  const candidates = [
    link?.getAttribute('title') ?? undefined,
    textOf(valueCell(doc, 'CustomerInfoPanel_PrefEmailLink'), MAX.email),
    firstMatch(root, ['a[href^="mailto:" i]'])?.getAttribute('href')?.slice(7),
    findValueByLabel(root, EMAIL_LABELS, MAX.email),
  ];
  for (const candidate of candidates) {
    const text = meaningful(candidate?.trim().slice(0, MAX.email));
    if (text && text.includes('@')) return text;
  }
  return undefined;
}

// The opportunity's own panel. Other panels print the same labels for other things (the
// Trade-In panel's "Vehicle:" is the customer's trade, not the car sought), so the opportunity's
// fields are looked for there first and in the whole page only when the panel lacks them.
const OPPORTUNITY_PANELS = ['#pnlOpportunity', '[id^="pnlOppty" i]', '[id^="pnlOpportunity" i]'];
const IN_OPPORTUNITY = ['[id^="OpportunityPanel_" i]', 'div[id*="reactDropdownContainerForOpptyStatus"]'];

function opportunityRegion(doc: Document): ParentNode | null {
  const panel = firstMatch(doc, OPPORTUNITY_PANELS);
  if (panel) return panel;
  const inside = firstMatch(doc, IN_OPPORTUNITY);
  return inside?.closest('[id^="pnl" i], .PanelBorder') ?? inside?.closest('table') ?? null;
}

/** A labelled field of the opportunity: its panel first, then the page. */
function opportunityField(region: ParentNode | null, root: ParentNode, labels: readonly string[], max: number): string | undefined {
  return (region ? meaningful(findValueByLabel(region, labels, max)) : undefined) ?? meaningful(findValueByLabel(root, labels, max));
}

function readSource(doc: Document, root: ParentNode, region: ParentNode | null): string | undefined {
  const source = meaningful(textOf(valueCell(doc, 'OpportunityPanel_SourceLink'), MAX.sourceRaw)) ?? opportunityField(region, root, SOURCE_LABELS, MAX.sourceRaw);
  const sub = meaningful(textOf(valueCell(doc, 'OpportunityPanel_SubSourceLink'), MAX.sourceRaw)) ?? opportunityField(region, root, SUBSOURCE_LABELS, MAX.sourceRaw);
  // "Internet" alone says little; the sub-source names the portal ("Cars.com").
  if (source && sub && sub.toLowerCase() !== source.toLowerCase()) return `${source} - ${sub}`.slice(0, MAX.sourceRaw);
  return source ?? sub;
}

function readStatus(root: ParentNode): string | undefined {
  const dropdown = firstMatch(root, [
    'div[id*="reactDropdownContainerForOpptyStatus"] input[name="ddlstatus"]',
    'input[name="ddlstatus"]',
    'select[name="ddlstatus"]',
    'select[id*="ddlStatus"]',
  ]);
  return meaningful(optionalText(dropdown, MAX.statusRaw)) ?? meaningful(findValueByLabel(root, STATUS_LABELS, MAX.statusRaw));
}

// "11/26/2026 9:42 AM (2 hrs)": the age in brackets is for humans.
const withoutAge = (text: string) => text.replace(/\s*\(.*\)\s*$/, '');

// The opportunity history's entry for the lead's arrival ("Internet Lead Received", "New
// Internet Up", "Opportunity Created"), whatever the tenant's wording around it.
const ARRIVAL_ENTRY = /\b(?:lead|up|oppty|opportunity|prospect)\b[^|]{0,30}\b(?:received|arrived|created|added|entered)\b|\bnew\s+(?:internet\s+|phone\s+|showroom\s+)?(?:lead|up|oppty|opportunity)\b/i;
const HISTORY_ROWS = 'table#gvOpptyHistory tr, table[id*="OpptyHistory" i] tr, table[id*="gvHistory" i] tr';
const MAX_HISTORY_ROWS = 400;

/** The history documents: the page itself and its same-origin history tab frame, if loaded. */
function historyDocs(doc: Document): ParentNode[] {
  const docs: ParentNode[] = [doc];
  try {
    const frame = doc.getElementById('tabsTargetFrame');
    const inner = frame instanceof HTMLIFrameElement ? frame.contentDocument : null;
    if (inner) docs.push(inner);
  } catch {
    // A cross-origin or unloaded frame has no history to offer.
  }
  return docs;
}

/** When the opportunity arrived, from its history: the earliest lead-arrival entry. */
function arrivalFromHistory(doc: Document, now: Date): Date | null {
  let earliest: Date | null = null;
  for (const root of historyDocs(doc)) {
    for (const row of Array.from(root.querySelectorAll(HISTORY_ROWS)).slice(0, MAX_HISTORY_ROWS)) {
      const cells = Array.from(row.querySelectorAll('td'));
      if (cells.length === 0 || !ARRIVAL_ENTRY.test(textOf(row, 300))) continue;
      for (const cell of cells.slice(0, 8)) {
        const date = parseCrmDate(withoutAge(textOf(cell, 60)), { now });
        if (date) {
          if (!earliest || date < earliest) earliest = date;
          break;
        }
      }
    }
  }
  return earliest;
}

function readReceivedAt(doc: Document, root: ParentNode, region: ParentNode | null): string | undefined {
  const now = new Date();
  const text =
    meaningful(textOf(valueCell(doc, 'OpportunityPanel_CreatedLink'), 120)) ?? opportunityField(region, root, CREATED_LABELS, 120);
  const date = (text ? parseCrmDate(withoutAge(text), { now }) : null) ?? arrivalFromHistory(doc, now);
  return date ? date.toISOString() : undefined;
}

function extract(doc: Document, url: URL): LeadSnapshot | null {
  const id = leadId(url, doc);
  if (!id) return null;
  return buildSnapshot({ crm: CRM_ID, leadId: id, url }, () => {
    const root: ParentNode = doc.body ?? doc;
    const region = opportunityRegion(doc);
    const sourceRaw = readSource(doc, root, region);
    return {
      name: readName(doc, root),
      phone: readPhone(doc, root),
      email: readEmail(doc, root),
      sourceRaw,
      vehicle: opportunityField(region, root, VEHICLE_LABELS, MAX.vehicle),
      receivedAt: readReceivedAt(doc, root, region),
      statusRaw: readStatus(root),
    };
  });
}

export const eleadAdapter = defineAdapter(ELEAD_ROUTE, {
  anchor: ANCHOR,
  watch: '#pnlCustomerInformation',
  leadId,
  extract,
  attemptHooks: [
    "a[onclick*='Click2Call']",
    "[onclick*='Click2Call']",
    "td.activityHeader a[onclick*='Click2Call']",
    "a[onclick*='CallDrip' i]",
  ],
});
