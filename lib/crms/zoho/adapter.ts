import { type LeadSnapshot } from '../../domain/model';
import { findByLabel, findValueByLabel, firstMatch, LABELS, meaningful, optionalText, textOf } from '../../adapters/extract';
import { parseCrmDate } from '../../adapters/parse-date';
import { defineAdapter } from '../define';
import { buildSnapshot, FIELD_MAX as MAX, validLeadId } from '../../adapters/snapshot';
import { dateInElement } from '../../adapters/date-in-element';
import { ZOHO_LEGACY_PATH, ZOHO_MODULES, ZOHO_RECORD_PATH, ZOHO_ROUTE } from './route';

const CRM_ID = 'zoho';

// Zoho's Lyte UI tags elements with data-zcqa (its QA hooks): field values are
// `value_{COLUMN_NAME}` on older layouts and `value_{Api_Name}` on current ones; the classic UI
// used ids `subvalue_{COLUMN}` / `value_{COLUMN}`. All outlive CSS class renames, so they are
// tried before any label.
const API_NAMES: Readonly<Record<string, string>> = {
  FULLNAME: 'Full_Name',
  LEADNAME: 'Full_Name',
  MOBILE: 'Mobile',
  PHONE: 'Phone',
  HOMEPHONE: 'Home_Phone',
  OTHERPHONE: 'Other_Phone',
  EMAIL: 'Email',
  LEADSOURCE: 'Lead_Source',
  STATUS: 'Lead_Status',
  LEADSTATUS: 'Lead_Status',
  STAGE: 'Stage',
  CREATEDTIME: 'Created_Time',
  CREATEDBY: 'Created_By',
  CONTACTID: 'Contact_Name',
};
// One selector per column: its hooks name the same field, so the first in the page will do,
// and one query per column is what keeps a large page cheap.
const fieldHooks = (...columns: string[]): string[] =>
  columns.map((c) => {
    const api = API_NAMES[c];
    return [`[data-zcqa="value_${c}"]`, ...(api ? [`[data-zcqa="value_${api}"]`] : []), `#subvalue_${c}`, `#value_${c}`].join(', ');
  });
// A dealer's own source field keeps the words it was created with in its API name
// ("Lead_Source_Website"); the standard field comes first.
const SOURCE_HOOKS = [...fieldHooks('LEADSOURCE'), '[data-zcqa^="value_Lead_Source"], [data-zcqa^="value_LEADSOURCE"]'];

// Canvas record views (designed in Zoho's Canvas builder) replace the standard detail page; any
// rendered value hook means the record is on screen.
const ANCHOR = 'crux-detailpage-header, #recordDetails, [data-zcqa="detailViewLyteimgContainer"], #subvalue_FULLNAME, crm-canvas-view, [data-zcqa="canvasView"], [data-zcqa^="value_"]:not([data-zcqa^="value_listviewtable"])';
const RECORD_SELECTORS = ['crm-detailview', 'crux-detailpage-wrapper', 'crm-canvas-view', '[data-zcqa="canvasView"]', '#detailView', '#dv_container', 'main', 'body'];
const HEADER_NAME = ['#recHeader1', '.cxDvRecordHeader1', '#titlecard_FULLNAME', '#titlecard_LASTNAME', ...fieldHooks('FULLNAME')];
// Where the record's own fields are. A related list's column header ("Lead Source" over other
// leads' sources) is a label of no field of this record.
const FIELD_REGIONS = '[data-zcqa^="section_"], .dvSection, crux-detailpage-header, .zcCanvasBox, #recordDetails';
const MAX_REGIONS = 200;
// The timeline element: its "created" entry is the record's creation when no field shows it.
const TIMELINE_ITEMS = '[data-zcqa*="imeline" i] li, .timelineList > li, .timelineItem, crm-timeline li';
const CREATED_EVENT = /\b(?:was created|created|aangemaakt|erstellt|créé|creee)\b/i;

// Zoho's own field names per UI language (Lead Source is "Leadbron" in Dutch, "Lead-Quelle" in
// German, "Source du prospect" in French). "Lead type" is deliberately absent: it is not a source.
const L = {
  name: ['Lead Name', 'Contact Name', 'Leadnaam', 'Naam lead', 'Contactnaam', 'Lead-Name', 'Kontaktname', 'Nom du prospect', 'Nom du contact', ...LABELS.name],
  dealContact: ['Contact Name', 'Contactnaam', 'Kontaktname', 'Nom du contact'],
  mobile: ['Mobile', 'Mobiel', 'Mobil', 'Portable', 'Mobile phone'],
  phone: ['Phone', 'Telefoon', 'Telefon', 'Téléphone', 'Home Phone', 'Other Phone', ...LABELS.phone],
  email: ['Email', 'E-mail', 'E-Mail', 'Courriel', ...LABELS.email],
  source: ['Lead Source', 'Leadbron', 'Bron', 'Lead-Quelle', 'Leadquelle', 'Source du prospect', 'Origine du prospect', 'Source', 'Origine'],
  status: ['Lead Status', 'Leadstatus', 'Lead-Status', 'Statut du prospect', 'Stage', 'Fase', 'Phase', 'Étape', 'Status', 'Statut'],
  created: ['Created Time', 'Aanmaaktijd', 'Tijdstip aangemaakt', 'Erstellungszeit', 'Heure de création', 'Date de création', 'Created'],
  createdBy: ['Created By', 'Aangemaakt door', 'Erstellt von', 'Créé par'],
  vehicle: ['Vehicle of Interest', 'Vehicle', 'Interesse', 'Interested in', 'Geïnteresseerd in', 'Interessiert an', ...LABELS.vehicle],
} as const;

type ZohoModule = 'Leads' | 'Contacts' | 'Potentials';

function recordFromUrl(url: URL): { module: ZohoModule; id: string } | null {
  const m = ZOHO_RECORD_PATH.exec(url.pathname);
  if (m?.[1] && m[2]) return { module: m[1] as ZohoModule, id: m[2] };
  if (!ZOHO_LEGACY_PATH.test(url.pathname)) return null;
  const module = url.searchParams.get('module') ?? '';
  const id = url.searchParams.get('id') ?? '';
  if (!ZOHO_MODULES.has(module) || !/^\d{6,25}$/.test(id)) return null;
  return { module: module as ZohoModule, id };
}

/**
 * Zoho swaps records through its router, so the URL always names the record on screen; there
 * is no drawer that shows another record without a URL change. The URL is the only id source.
 */
function leadId(url: URL, _doc: Document): string | null {
  try {
    return validLeadId(recordFromUrl(url)?.id);
  } catch {
    return null;
  }
}

function hook(root: ParentNode, columns: string[], max: number): string | undefined {
  return meaningful(optionalText(firstMatch(root, fieldHooks(...columns)), max));
}

function telValue(scope: ParentNode | null): string | undefined {
  const href = firstMatch(scope, ['a[href^="tel:" i]'])?.getAttribute('href')?.trim();
  if (!href) return undefined;
  let value = href.slice(4).split(/[?;]/)[0] ?? '';
  try {
    value = decodeURIComponent(value);
  } catch {
    // A malformed escape is still a usable number.
  }
  return meaningful(value.replace(/\s+/g, ' ').slice(0, MAX.phone));
}

/**
 * The parts of the page that hold this record's fields, for label searches; the record root
 * itself when the layout has none of them.
 */
function fieldRegions(root: ParentNode): ParentNode[] {
  try {
    const regions = Array.from(root.querySelectorAll(FIELD_REGIONS)).slice(0, MAX_REGIONS);
    return regions.length > 0 ? regions : [root];
  } catch {
    return [root];
  }
}

function labelledValue(regions: readonly ParentNode[], labels: readonly string[], max: number): string | undefined {
  for (const region of regions) {
    const value = meaningful(findValueByLabel(region, labels, max));
    if (value) return value;
  }
  return undefined;
}

function labelledElement(regions: readonly ParentNode[], labels: readonly string[]): Element | null {
  for (const region of regions) {
    const el = findByLabel(region, labels);
    if (el) return el;
  }
  return null;
}

function readPhone(root: ParentNode, regions: readonly ParentNode[]): string | undefined {
  for (const [columns, labels] of [
    [['MOBILE'], L.mobile],
    [['PHONE', 'HOMEPHONE', 'OTHERPHONE'], L.phone],
  ] as const) {
    const el = firstMatch(root, fieldHooks(...columns)) ?? labelledElement(regions, labels);
    // With telephony enabled the number is a tel:/click-to-call link; its href is canonical.
    const value = telValue(el) ?? meaningful(textOf(el, MAX.phone));
    if (value) return value;
  }
  // Canvas views may show the number with a phone icon and no label: the record's own
  // click-to-call link is then the only sign of it.
  for (const region of regions) {
    const value = telValue(region);
    if (value) return value;
  }
  return undefined;
}

function readEmail(root: ParentNode, regions: readonly ParentNode[]): string | undefined {
  const el =
    firstMatch(root, fieldHooks('EMAIL')) ??
    labelledElement(regions, L.email) ??
    // Canvas views may show the address with a mail icon and no label.
    regions.map((region) => firstMatch(region, ['a[href^="mailto:" i]'])).find((link) => link !== null)?.parentElement ??
    null;
  const href = firstMatch(el, ['a[href^="mailto:" i]'])?.getAttribute('href');
  const fromHref = href ? meaningful(href.slice(7).split('?')[0]) : undefined;
  return fromHref ?? meaningful(textOf(el, MAX.email)) ?? meaningful(optionalText(firstMatch(root, ['.cxDvRecordEmail']), MAX.email));
}

function readName(root: ParentNode, regions: readonly ParentNode[], module: ZohoModule | undefined): string | undefined {
  // A deal's header is the deal name ("VW ID.4 – De Vries"); the person is its Contact Name.
  if (module === 'Potentials') {
    const contact = hook(root, ['CONTACTID'], MAX.name) ?? labelledValue(regions, L.dealContact, MAX.name);
    if (contact) return contact;
  }
  return meaningful(optionalText(firstMatch(root, HEADER_NAME), MAX.name)) ?? labelledValue(regions, L.name, MAX.name);
}

function firstDate(texts: (string | undefined)[], now: Date): string | undefined {
  for (const text of texts) {
    if (!text) continue;
    const date = parseCrmDate(text, { now });
    if (date) return date.toISOString();
  }
  return undefined;
}

function createdInTimeline(root: ParentNode, now: Date): string | undefined {
  let items: Element[];
  try {
    items = Array.from(root.querySelectorAll(TIMELINE_ITEMS)).slice(0, MAX_REGIONS);
  } catch {
    return undefined;
  }
  for (const item of items) {
    if (!CREATED_EVENT.test(textOf(item, 300))) continue;
    const date = dateInElement(item, now);
    if (date) return date;
  }
  return undefined;
}

function readReceivedAt(root: ParentNode, regions: readonly ParentNode[]): string | undefined {
  const now = new Date();
  const direct = firstDate([hook(root, ['CREATEDTIME'], 120), labelledValue(regions, L.created, 120)], now);
  if (direct) return direct;
  // "Created By" shows the user with the time under it ("Mark Visser" / "Tue, 24 Nov 2026
  // 09:12 AM"); the time is the last leaf that parses as a date.
  const createdBy = firstMatch(root, fieldHooks('CREATEDBY')) ?? labelledElement(regions, L.createdBy);
  return dateInElement(createdBy, now, { lastFirst: true }) ?? createdInTimeline(root, now);
}

function readStatus(root: ParentNode, regions: readonly ParentNode[], module: ZohoModule | undefined): string | undefined {
  const columns = module === 'Potentials' ? ['STAGE'] : ['STATUS', 'LEADSTATUS'];
  return hook(root, columns, MAX.statusRaw) ?? labelledValue(regions, L.status, MAX.statusRaw);
}

function extract(doc: Document, url: URL): LeadSnapshot | null {
  const id = leadId(url, doc);
  if (!id) return null;
  return buildSnapshot({ crm: CRM_ID, leadId: id, url }, () => {
    const module = recordFromUrl(url)?.module;
    const root: ParentNode = firstMatch(doc, RECORD_SELECTORS) ?? doc;
    const regions = fieldRegions(root);
    const sourceRaw =
      meaningful(optionalText(firstMatch(root, SOURCE_HOOKS), MAX.sourceRaw)) ?? labelledValue(regions, L.source, MAX.sourceRaw);
    return {
      name: readName(root, regions, module),
      phone: readPhone(root, regions),
      email: readEmail(root, regions),
      sourceRaw,
      vehicle: labelledValue(regions, L.vehicle, MAX.vehicle),
      receivedAt: readReceivedAt(root, regions),
      // Contacts have no status field in Zoho; it is reported missing like any other.
      statusRaw: readStatus(root, regions, module),
    };
  });
}

export const zohoAdapter = defineAdapter(ZOHO_ROUTE, {
  anchor: ANCHOR,
  watch: 'crm-detailview, crux-detailpage-wrapper, crm-canvas-view, #detailView',
  leadId,
  extract,
  // Zoho PhoneBridge (its telephony integration) turns phone fields into click-to-call links.
  attemptHooks: [
    '[data-zcqa^="clickToCall" i]',
    '[data-zcqa^="telephony" i]',
    'a.telephonyLink',
    'a[onclick*="clickToCall" i]',
  ],
});
