import { type LeadSnapshot } from '../../domain/model';
import { findValueByLabel, LABELS, meaningful, normaliseLabel, optionalText, textOf } from '../../adapters/extract';
import { HUBSPOT_RECORD_PATH, HUBSPOT_ROUTE } from './route';
import { parseCrmDate } from '../../adapters/parse-date';
import { defineAdapter } from '../define';
import { buildSnapshot, FIELD_MAX as MAX, linkValue, validLeadId } from '../../adapters/snapshot';

const CRM_ID = 'hubspot';
type Kind = 'contact' | 'deal';

const MAX_NODES = 2_000;

// A preview of an associated record opens on top of the record page with the same property
// markup; reading from it would mix two people into one lead.
const FOREIGN = '[data-test-id="preview-sidebar"], [data-selenium-test="preview-sidebar"], [role="dialog"], [aria-modal="true"]';
const PROPERTY_ROW = '[data-selenium-test^="property-input-"]';
const TITLE_SELECTORS = [
  '[data-selenium-test="highlightTitle"]',
  '[data-test-id="record-highlight-title"]',
  '[data-selenium-test="contact-highlight-details"] h1',
  '[data-test-id="left-sidebar"] h1',
];

// A dealer's own "Lead source" property names the portal; HubSpot's analytics source only knows
// "Offline Sources" for a CRM-created contact, so it comes second.
const SOURCE_PROPERTIES = ['hs_analytics_source', 'hs_latest_source'];
// Internal names dealers give their own lead-source property ("lead_source", "dealer_leadsource").
const CUSTOM_SOURCE_NAME = /(?:^|_)lead_?source(?:_|$)|^leadbron/;
const HS_LABELS = {
  // Not the generic list: "Source"/"Origin" would also match HubSpot's analytics properties
  // ("Original source", "Original traffic source"), which only come second.
  source: ['Lead source', 'Leadbron', 'Bron', 'Lead-Quelle', 'Leadquelle', 'Source du lead', 'Source du prospect'],
  status: [...LABELS.status, 'Lead Status', 'Deal stage', 'Dealfase', 'Deal-Phase', 'Phase de la transaction', 'Lifecycle stage'],
  created: [...LABELS.created, 'Create date', 'Aanmaakdatum', 'Erstellungsdatum', 'Date de création'],
  vehicle: [...LABELS.vehicle, 'Vehicle of interest', 'Vehicle Interest', 'Interested vehicle'],
} as const;

// US/EU zone abbreviations HubSpot appends to date-times; the page's own zone beats a guess.
const ZONE_OFFSET_MINUTES: Readonly<Record<string, number>> = {
  utc: 0, gmt: 0, wet: 0, bst: 60, west: 60, cet: 60, cest: 120, eet: 120, eest: 180,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600,
};

interface RecordRef {
  kind: Kind;
  id: string;
}

function recordFromUrl(url: URL): RecordRef | null {
  if (!HUBSPOT_ROUTE.isLeadPage(url)) return null;
  const m = HUBSPOT_RECORD_PATH.exec(url.pathname);
  const id = m?.[3];
  if (!m || !id) return null;
  const kind: Kind = m[1] === '0-3' || m[2] === 'deal' ? 'deal' : 'contact';
  return { kind, id };
}

function isForeign(el: Element): boolean {
  try {
    return el.closest(FOREIGN) !== null;
  } catch {
    return false;
  }
}

/** The first match outside previews and dialogs. */
function ownMatch(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    try {
      for (const el of Array.from(root.querySelectorAll(selector)).slice(0, MAX_NODES)) {
        if (!isForeign(el)) return el;
      }
    } catch {
      // An invalid selector must not break the other fields.
    }
  }
  return null;
}

function propertyRow(root: ParentNode, name: string): Element | null {
  return ownMatch(root, [`[data-selenium-test="property-input-${name}"]`]);
}

const LABEL_IN_ROW = 'label, [data-selenium-test^="property-label"], [data-test-id="property-label"]';
const SKIP_IN_VALUE = new Set(['LABEL', 'BUTTON', 'SCRIPT', 'STYLE', 'TEMPLATE']);
// A dropdown property edited in place shows its chosen option as the text of the toggle button;
// other buttons in a row (edit, copy, details) are controls, not the value.
const DROPDOWN_TOGGLE = 'button[role="combobox"], button[aria-haspopup="listbox"]';

const LABEL_BESIDE = `${LABEL_IN_ROW}, [class*="label" i], dt, th`;

function rowLabel(row: Element): string {
  const inside = normaliseLabel(textOf(row.querySelector(LABEL_IN_ROW), 80));
  return inside.length > 0 ? inside : besideLabel(row);
}

/**
 * The label of a hook that marks only the value (newer record cards put the label in a
 * sibling): a label element for its control, else the nearest preceding sibling that holds a
 * short text and no property of its own, else a label element in the same parent.
 */
function besideLabel(row: Element): string {
  const control = row.querySelector('input[id], textarea[id], select[id]');
  const id = control?.getAttribute('id');
  if (id) {
    const forControl = Array.from(row.ownerDocument.querySelectorAll('label[for]'))
      .slice(0, MAX_NODES)
      .find((label) => label.getAttribute('for') === id);
    if (forControl) return normaliseLabel(textOf(forControl, 80));
  }
  let sibling = row.previousElementSibling;
  for (let hops = 0; sibling && hops < 2; hops++, sibling = sibling.previousElementSibling) {
    if (sibling.matches(PROPERTY_ROW) || sibling.querySelector(PROPERTY_ROW)) break;
    const text = textOf(sibling, 81);
    if (text.length > 0 && text.length <= 80) return normaliseLabel(text);
  }
  const parent = row.parentElement;
  if (!parent || parent.querySelectorAll(PROPERTY_ROW).length > 1) return '';
  const label = Array.from(parent.querySelectorAll(LABEL_BESIDE)).find((el) => !row.contains(el) && !el.contains(row));
  return label ? normaliseLabel(textOf(label, 80)) : '';
}

function customSourceRow(root: ParentNode): Element | null {
  try {
    for (const row of Array.from(root.querySelectorAll(PROPERTY_ROW)).slice(0, MAX_NODES)) {
      const name = (row.getAttribute('data-selenium-test') ?? '').slice('property-input-'.length).toLowerCase();
      if (!name.startsWith('hs_') && CUSTOM_SOURCE_NAME.test(name) && !isForeign(row)) return row;
    }
  } catch {
    // Missing, not thrown.
  }
  return null;
}

/** A property row's value: its control's value, else its text without the label. */
function rowValue(row: Element | null, max: number): string | undefined {
  if (!row) return undefined;
  try {
    const control = row.querySelector('input:not([type="hidden"]), textarea, select');
    if (control) return meaningful(optionalText(control, max));
    const parts: string[] = [];
    const walk = (node: Element): void => {
      for (const child of Array.from(node.childNodes)) {
        if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
        else if (child.nodeType === 1) {
          const el = child as Element;
          if (SKIP_IN_VALUE.has(el.tagName) && !el.matches(DROPDOWN_TOGGLE)) continue;
          if (el.matches(LABEL_IN_ROW) || el.getAttribute('aria-hidden') === 'true') continue;
          walk(el);
        }
      }
    };
    walk(row);
    const text = parts.join(' ').replace(/\s+/g, ' ').trim();
    return meaningful(Array.from(text).slice(0, max).join('').trim());
  } catch {
    return undefined;
  }
}

function rowByLabel(root: ParentNode, labels: readonly string[]): Element | null {
  const wanted = new Set(labels.map(normaliseLabel));
  try {
    for (const row of Array.from(root.querySelectorAll(PROPERTY_ROW)).slice(0, MAX_NODES)) {
      if (!isForeign(row) && wanted.has(rowLabel(row))) return row;
    }
  } catch {
    // Missing, not thrown.
  }
  return null;
}

function property(root: ParentNode, names: readonly string[], labels: readonly string[], max: number): string | undefined {
  for (const name of names) {
    const value = rowValue(propertyRow(root, name), max);
    if (value) return value;
  }
  return labels.length > 0 ? rowValue(rowByLabel(root, labels), max) : undefined;
}

function leadIdFor(record: RecordRef, doc: Document): string | null {
  // The Record ID property changes together with the fields it sits next to, so a record
  // switched in place never pairs the new id with the old person.
  const shown = rowValue(propertyRow(doc, 'hs_object_id'), 40)?.replace(/[\s,.]/g, '');
  const id = shown && /^\d{1,20}$/.test(shown) ? shown : record.id;
  return validLeadId(`${record.kind}:${id}`);
}

function leadId(url: URL, doc: Document): string | null {
  try {
    const record = recordFromUrl(url);
    return record ? leadIdFor(record, doc) : null;
  } catch {
    return null;
  }
}

function readName(root: ParentNode): string | undefined {
  const title = meaningful(optionalText(ownMatch(root, TITLE_SELECTORS), MAX.name));
  if (title) return title;
  const first = property(root, ['firstname'], [], MAX.name);
  const last = property(root, ['lastname'], [], MAX.name);
  const full = [first, last].filter(Boolean).join(' ');
  return meaningful(full) ?? property(root, ['dealname'], LABELS.name, MAX.name);
}

function readPhone(root: ParentNode): string | undefined {
  for (const name of ['phone', 'mobilephone']) {
    const row = propertyRow(root, name);
    if (!row) continue;
    const phone = linkValue(row.querySelector('a[href^="tel:" i]'), 'tel:', MAX.phone) ?? rowValue(row, MAX.phone);
    if (phone) return phone;
  }
  const labelled = rowByLabel(root, LABELS.phone);
  if (labelled) return rowValue(labelled, MAX.phone);
  return linkValue(ownMatch(root, ['a[href^="tel:" i]']), 'tel:', MAX.phone);
}

function readEmail(root: ParentNode): string | undefined {
  const row = propertyRow(root, 'email') ?? rowByLabel(root, LABELS.email);
  if (!row) return undefined;
  return linkValue(row.querySelector('a[href^="mailto:" i]'), 'mailto:', MAX.email) ?? rowValue(row, MAX.email);
}

const ZONE_SUFFIX = /\s+\(?([A-Za-z]{3,4}|GMT[+-]\d{1,2}(?::?\d{2})?|UTC[+-]\d{1,2}(?::?\d{2})?)\)?$/;

/** Parses "11/26/2026 2:05 PM EST", honouring the zone HubSpot prints. */
export function parseHubspotDate(text: string, now: Date): Date | null {
  const zone = ZONE_SUFFIX.exec(text.trim());
  if (zone?.[1]) {
    const abbr = zone[1].toLowerCase();
    const fixed = /^(?:gmt|utc)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(abbr);
    const offset = fixed
      ? (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0))
      : ZONE_OFFSET_MINUTES[abbr];
    if (offset !== undefined) {
      const wall = parseCrmDate(text.trim().slice(0, zone.index), { now, timeZone: 'UTC' });
      return wall ? new Date(wall.getTime() - offset * 60_000) : null;
    }
  }
  return parseCrmDate(text, { now });
}

function dateIn(el: Element | null, now: Date): Date | null {
  if (!el) return null;
  const time = el.matches('time') ? el : el.querySelector('time');
  for (const text of [time?.getAttribute('datetime') ?? undefined, time ? textOf(time, 120) : undefined, rowValue(el, 120)]) {
    if (!text) continue;
    const date = parseHubspotDate(text, now);
    if (date) return date;
  }
  return null;
}

// The middle column's "Data highlights" card shows Create date by default, as label and value
// without a property hook.
const HIGHLIGHT_CARDS = '[data-test-id*="highlight" i], [data-selenium-test*="highlight" i], [data-test-id*="data-highlights" i]';

function highlightsCreated(root: ParentNode, now: Date): Date | null {
  try {
    for (const card of Array.from(root.querySelectorAll(HIGHLIGHT_CARDS)).slice(0, 40)) {
      if (isForeign(card)) continue;
      const text = findValueByLabel(card, HS_LABELS.created, 120);
      const date = text ? parseHubspotDate(text, now) : null;
      if (date) return date;
    }
  } catch {
    // Missing, not thrown.
  }
  return null;
}

const TIMELINE = '[data-test-id*="timeline" i], [data-selenium-test*="timeline" i], [class~="timeline"]';
const TIMELINE_ITEM = '[data-test-id*="timeline-card" i], [data-selenium-test*="timeline-card" i], [data-test-id*="timeline-item" i], [class~="timeline-item"], li, article';
// The creation entry HubSpot writes on every record ("Contact created", "Deal aangemaakt").
const CREATED_ENTRY = /\b(?:contact|deal|record|lead|contactpersoon)\b[^.]{0,40}\b(?:created|aangemaakt|erstellt|créée?)\b|\b(?:was created|is aangemaakt|wurde erstellt|a été créée?)\b/i;
const DATE_LEAF = 'time, [data-test-id*="timestamp" i], [data-selenium-test*="timestamp" i], [class*="timestamp" i], [class*="date" i], small, span';

/** The record's creation entry in the activity timeline; the oldest one if several match. */
function timelineCreated(root: ParentNode, now: Date): Date | null {
  let earliest: Date | null = null;
  try {
    for (const timeline of Array.from(root.querySelectorAll(TIMELINE)).slice(0, 10)) {
      if (isForeign(timeline)) continue;
      for (const item of Array.from(timeline.querySelectorAll(TIMELINE_ITEM)).slice(0, 300)) {
        if (!CREATED_ENTRY.test(textOf(item, 400))) continue;
        const leaves = [item.querySelector('time'), ...Array.from(item.querySelectorAll(DATE_LEAF)).slice(0, 20)];
        const date = leaves.map((leaf) => dateIn(leaf, now)).find((d) => d !== null) ?? null;
        if (date && (!earliest || date < earliest)) earliest = date;
      }
    }
  } catch {
    // Missing, not thrown.
  }
  return earliest;
}

function readReceivedAt(root: ParentNode): string | undefined {
  const now = new Date();
  const row = propertyRow(root, 'createdate') ?? rowByLabel(root, HS_LABELS.created);
  const date = dateIn(row, now) ?? highlightsCreated(root, now) ?? timelineCreated(root, now);
  return date ? date.toISOString() : undefined;
}

function readStatus(root: ParentNode, kind: Kind): string | undefined {
  const names = kind === 'deal' ? ['dealstage'] : ['hs_lead_status', 'lifecyclestage'];
  return property(root, names, HS_LABELS.status, MAX.statusRaw);
}

function extract(doc: Document, url: URL): LeadSnapshot | null {
  const record = recordFromUrl(url);
  const id = record ? leadIdFor(record, doc) : null;
  if (!record || !id) return null;
  return buildSnapshot({ crm: CRM_ID, leadId: id, url }, () => {
    const root: ParentNode = doc;
    const sourceRaw =
      property(root, [], HS_LABELS.source, MAX.sourceRaw) ??
      rowValue(customSourceRow(root), MAX.sourceRaw) ??
      property(root, SOURCE_PROPERTIES, [], MAX.sourceRaw);
    return {
      name: readName(root),
      phone: readPhone(root),
      email: readEmail(root),
      sourceRaw,
      vehicle: property(root, [], HS_LABELS.vehicle, MAX.vehicle),
      receivedAt: readReceivedAt(root),
      statusRaw: readStatus(root, record.kind),
    };
  });
}

export const hubspotAdapter = defineAdapter(HUBSPOT_ROUTE, {
  anchor: '[data-selenium-test^="property-input-"], [data-selenium-test="highlightTitle"], [data-test-id="left-sidebar"]',
  // The three-column record layout is re-rendered as a whole when HubSpot switches records.
  watch: '[data-test-id="record-page"], [data-test-id="record-layout"], main',
  leadId,
  extract,
  attemptHooks: [
    '[data-selenium-test="quick-action-call"]',
    '[data-selenium-test="highlight-action-call"]',
    '[data-selenium-test="property-input-phone"] button',
    '[data-selenium-test="property-input-mobilephone"] button',
    '[data-test-id="calling-button"]',
  ],
});
