import { type LeadSnapshot } from '../../domain/model';
import { findValueByLabel, firstMatch, LABELS, meaningful, normaliseLabel, optionalText, textOf } from '../../adapters/extract';
import { parseCrmDate } from '../../adapters/parse-date';
import { SALESFORCE_RECORD_PATH, SALESFORCE_ROUTE } from './route';
import { defineAdapter } from '../define';
import { buildSnapshot, FIELD_MAX as MAX, linkValue, validLeadId } from '../../adapters/snapshot';

const CRM_ID = 'salesforce';
type SfObject = 'Lead' | 'Contact' | 'Opportunity';
const OBJECT_BY_PREFIX: Readonly<Record<string, SfObject>> = { '00Q': 'Lead', '003': 'Contact', '006': 'Opportunity' };

// Lightning keeps earlier pages (standard apps) and every open tab (console apps) in the DOM,
// hidden. These are the containers whose missing `active` class means "not what the rep sees".
const TAB_CONTAINERS = ['tabContent', 'oneContent', 'oneConsoleTab', 'windowViewMode-normal', 'windowViewMode-maximized'];
const RECORD_MARKERS = 'one-record-home-flexipage2, records-lwc-highlights-panel, records-record-layout-item, records-highlights2';
const ACTIVE_ROOT = '.tabContent.active, .oneConsoleTab.active, .oneContent.active, one-record-home-flexipage2';
const MAX_MARKERS = 2_000;
// Console tab headers link to their record; the selected subtab is the record on screen.
const ACTIVE_TAB_LINKS = [
  '.slds-sub-tabs__item.slds-active a[href*="/lightning/r/"]',
  'li.slds-sub-tabs__item[aria-selected="true"] a[href*="/lightning/r/"]',
  'a.tabHeader[aria-selected="true"][href*="/lightning/r/"]',
  '.slds-context-bar__item.slds-is-active a[href*="/lightning/r/"]',
];

// Field API names are the same in every UI language and survive layout edits; labels do not.
const FIELDS = {
  name: ['Name'],
  phone: ['Phone', 'MobilePhone'],
  email: ['Email'],
  source: ['LeadSource'],
  status: ['Status', 'StageName'],
  created: ['CreatedById', 'CreatedDate'],
  account: ['AccountId'],
  contact: ['ContactId'],
} as const;

// Salesforce's own translations of the standard labels, for orgs whose layouts lost the
// data-target-selection-name hooks.
const SF_LABELS = {
  source: [...LABELS.source, 'Leadbron', 'Lead-Quelle', 'Origine de la piste', 'Origine du prospect'],
  status: [...LABELS.status, 'Stage', 'Fase', 'Phase', 'Étape', 'Lead-Status', 'Statut de la piste'],
  created: [...LABELS.created, 'Created By', 'Gemaakt door', 'Erstellt von', 'Créé par', 'Created Date', 'Aanmaakdatum'],
  vehicle: [...LABELS.vehicle, 'Vehicle of Interest', 'Vehicle Interest', 'Interesse voertuig', 'Vehicle Model'],
  mobile: ['Mobile', 'Mobiel', 'Mobil', 'Portable'],
  // The Contact lookup on an opportunity (B2C orgs without person accounts).
  contact: ['Contact', 'Contact Name', 'Primary Contact', 'Contactpersoon', 'Contactnaam', 'Kontakt', 'Kontaktname', 'Contact principal', 'Nom du contact'],
} as const;

// Dealers add their own fields next to the standard ones: a portal-level "Lead Source
// (Dealer)" when the standard picklist only says "Web", a "Contact Mobile" formula on an
// opportunity. Custom API names end in __c and keep the words they were created with.
const CUSTOM_SOURCE = /lead_?source|lead_?bron|lead_?quelle|source_?du_?lead/i;
const CUSTOM_PHONE = /phone|mobile|mobiel|telefo|cell/i;

/**
 * The 18-character form of a record id. A 15-char id and its 18-char form name the same
 * record; without this one lead would get two clocks.
 */
export function salesforceId18(id: string): string {
  if (id.length !== 15) return id;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let flags = 0;
    for (let i = 0; i < 5; i += 1) {
      const c = id.charAt(chunk * 5 + i);
      if (c >= 'A' && c <= 'Z') flags += 1 << i;
    }
    suffix += alphabet.charAt(flags);
  }
  return id + suffix;
}

interface RecordRef {
  object: SfObject;
  id: string;
}

function recordFromPath(pathname: string): RecordRef | null {
  const m = SALESFORCE_RECORD_PATH.exec(pathname);
  const id = m?.[2];
  if (!m || !id) return null;
  // The short form names no object; only the key prefixes of leads, contacts and opportunities count.
  const object = (m[1] as SfObject | undefined) ?? OBJECT_BY_PREFIX[id.slice(0, 3)];
  if (!object) return null;
  return { object, id: salesforceId18(id) };
}

function recordFromHref(href: string | null, doc: Document): RecordRef | null {
  if (!href) return null;
  try {
    return recordFromPath(new URL(href, doc.baseURI || 'https://invalid.lightning.force.com/').pathname);
  } catch {
    return null;
  }
}

function isInactive(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.classList.contains('slds-hide')) return true;
    if (TAB_CONTAINERS.some((c) => node.classList.contains(c)) && !node.classList.contains('active')) return true;
  }
  return false;
}

/**
 * The record the rep is looking at: the first record component outside hidden tabs and cached
 * pages. Undefined when the page has no record components at all (changed markup: read the
 * whole document by label); null when every record on the page is hidden (the new one has not
 * rendered yet, and a cached one would be the wrong lead).
 */
function recordRoot(doc: Document): Element | null | undefined {
  let markers: Element[];
  try {
    markers = Array.from(doc.querySelectorAll(RECORD_MARKERS)).slice(0, MAX_MARKERS);
  } catch {
    return undefined;
  }
  if (markers.length === 0) return undefined;
  for (const marker of markers) {
    if (!isInactive(marker)) return marker.closest(ACTIVE_ROOT) ?? marker.parentElement ?? marker;
  }
  return null;
}

function activeRecord(url: URL, doc: Document): RecordRef | null {
  if (!SALESFORCE_ROUTE.isLeadPage(url)) return null;
  const fromTab = recordFromHref(firstMatch(doc, ACTIVE_TAB_LINKS)?.getAttribute('href') ?? null, doc);
  return fromTab ?? recordFromPath(url.pathname);
}

function leadId(url: URL, doc: Document): string | null {
  try {
    return validLeadId(activeRecord(url, doc)?.id);
  } catch {
    return null;
  }
}

/** The layout item of a field, by API name first, by its `field-label` attribute second. */
function fieldItem(root: ParentNode, object: SfObject, apiNames: readonly string[], labels: readonly string[] = []): Element | null {
  const hooks = apiNames.flatMap((name) => [
    `[data-target-selection-name="sfdc:RecordField.${object}.${name}"]`,
    `records-highlights-details-item[data-target-selection-name$=".${name}"]`,
  ]);
  const byHook = firstMatch(root, hooks);
  if (byHook) return byHook;
  const wanted = new Set(labels.map(normaliseLabel));
  if (wanted.size === 0) return null;
  try {
    for (const item of Array.from(root.querySelectorAll('records-record-layout-item[field-label], [data-target-selection-name][field-label]')).slice(0, MAX_MARKERS)) {
      if (wanted.has(normaliseLabel(item.getAttribute('field-label') ?? ''))) return item;
    }
    // Layouts rendered by the older Aura components only carry the label text.
    for (const label of Array.from(root.querySelectorAll('.test-id__field-label')).slice(0, MAX_MARKERS)) {
      if (!wanted.has(normaliseLabel(textOf(label, 80)))) continue;
      const item = label.closest('records-record-layout-item, .slds-form-element, .forcePageBlockItem, records-highlights-details-item');
      if (item) return item;
    }
  } catch {
    // Fall through: a missing field is reported, not thrown.
  }
  return null;
}

interface CustomField {
  apiName: string;
  item: Element;
}

/** The object's custom fields (API names ending in __c) on the page, in page order, listed once per read. */
function customFields(root: ParentNode, object: SfObject): CustomField[] {
  const prefix = `sfdc:RecordField.${object}.`;
  try {
    return Array.from(root.querySelectorAll('[data-target-selection-name$="__c"]'))
      .slice(0, MAX_MARKERS)
      .flatMap((item) => {
        const name = item.getAttribute('data-target-selection-name') ?? '';
        return name.startsWith(prefix) ? [{ apiName: name.slice(prefix.length), item }] : [];
      });
  } catch {
    return [];
  }
}

/** The value of the first custom field whose API name matches `pattern` and shows one. */
function customFieldValue(fields: readonly CustomField[], pattern: RegExp, max: number): string | undefined {
  for (const { apiName, item } of fields) {
    if (!pattern.test(apiName)) continue;
    const value = itemValue(item, max);
    if (value) return value;
  }
  return undefined;
}

/** The displayed value of a layout item, without its label and the inline-edit button text. */
function itemValue(item: Element | null, max: number): string | undefined {
  if (!item) return undefined;
  const value =
    firstMatch(item, ['.test-id__field-value', '.slds-form-element__static', 'p.fieldComponent', '[data-output-element-id="output-field"]']) ??
    null;
  const formatted = firstMatch(value ?? item, [
    'lightning-formatted-name',
    'lightning-formatted-phone',
    'lightning-formatted-email',
    'lightning-formatted-text',
    'lightning-formatted-picklist',
    'lightning-formatted-date-time',
    'lightning-formatted-rich-text',
    'lightning-formatted-url',
    'force-lookup a',
    'records-hoverable-link a',
    'a',
  ]);
  return meaningful(optionalText(formatted, max)) ?? meaningful(optionalText(value, max));
}

function readName(root: ParentNode, object: SfObject): string | undefined {
  // An opportunity's own name is a deal title. The buyer is its Contact where the org links one
  // (a B2C org's account is often a catch-all such as "Walk-in Customers"), otherwise its
  // account, which in Automotive Cloud is the person account.
  if (object === 'Opportunity') {
    const person =
      itemValue(fieldItem(root, object, FIELDS.contact, SF_LABELS.contact), MAX.name) ??
      itemValue(fieldItem(root, object, FIELDS.account, ['Account Name', 'Accountnaam', 'Accountname', 'Nom du compte']), MAX.name);
    if (person) return person;
  }
  return (
    meaningful(optionalText(firstMatch(root, [
      'records-lwc-highlights-panel slot[name="primaryField"] lightning-formatted-name',
      'records-lwc-highlights-panel slot[name="primaryField"]',
      'records-entity-label ~ slot[name="primaryField"]',
      '.slds-page-header__title lightning-formatted-name',
      'h1 .slds-page-header__title',
    ]), MAX.name)) ??
    itemValue(fieldItem(root, object, FIELDS.name, LABELS.name), MAX.name)
  );
}

function readPhone(root: ParentNode, object: SfObject, custom: readonly CustomField[]): string | undefined {
  for (const item of [
    fieldItem(root, object, ['Phone'], LABELS.phone),
    fieldItem(root, object, ['MobilePhone'], SF_LABELS.mobile),
  ]) {
    if (!item) continue;
    // The tel: href is what a click dials; the text may be formatted differently.
    const phone = linkValue(firstMatch(item, ['a[href^="tel:" i]']), 'tel:', MAX.phone) ?? itemValue(item, MAX.phone);
    if (phone) return phone;
  }
  return customFieldValue(custom, CUSTOM_PHONE, MAX.phone);
}

function readEmail(root: ParentNode, object: SfObject): string | undefined {
  const item = fieldItem(root, object, FIELDS.email, LABELS.email);
  return linkValue(firstMatch(item, ['a[href^="mailto:" i]']), 'mailto:', MAX.email) ?? itemValue(item, MAX.email);
}

function readVehicle(root: ParentNode, object: SfObject): string | undefined {
  // Vehicle interest is a custom field (Automotive Cloud or the dealer's own), so only its
  // name or label can find it.
  const custom = firstMatch(root, [
    `[data-target-selection-name^="sfdc:RecordField.${object}."][data-target-selection-name*="Vehicle" i]`,
    `[data-target-selection-name^="sfdc:RecordField.${object}."][data-target-selection-name*="Model_of_Interest" i]`,
  ]);
  return itemValue(custom, MAX.vehicle) ?? itemValue(fieldItem(root, object, [], SF_LABELS.vehicle), MAX.vehicle);
}

function readStatus(root: ParentNode, object: SfObject): string | undefined {
  const field = itemValue(fieldItem(root, object, FIELDS.status, SF_LABELS.status), MAX.statusRaw);
  if (field) return field;
  // The sales path shows the current stage even when the layout hides the field.
  const current = firstMatch(root, [
    '.slds-path__item.slds-is-current .slds-path__title',
    '.slds-path__item.slds-is-active .slds-path__title',
    '.slds-path__item[aria-selected="true"] .slds-path__title',
  ]);
  return meaningful(optionalText(current, MAX.statusRaw));
}

// "Jane Doe, 11/26/2026, 2:05 PM" → the date part; Lightning prints the user and the time together.
const DATE_IN_TEXT = /(\d{1,4}[-./]\d{1,2}[-./]\d{1,4}(?:,?\s+\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?)?)/;

function readReceivedAt(root: ParentNode, object: SfObject): string | undefined {
  const now = new Date();
  const item = fieldItem(root, object, FIELDS.created, SF_LABELS.created);
  const candidates = [
    optionalText(firstMatch(item, ['records-modstamp'])),
    item ? DATE_IN_TEXT.exec(textOf(item, 200))?.[1] : undefined,
    optionalText(firstMatch(item, ['lightning-formatted-date-time'])),
    item ? undefined : findValueByLabel(root, SF_LABELS.created, 120),
  ];
  for (const text of candidates) {
    if (!text) continue;
    const date = parseCrmDate(text, { now }) ?? parseCrmDate(DATE_IN_TEXT.exec(text)?.[1] ?? '', { now });
    if (date) return date.toISOString();
  }
  return undefined;
}

function extract(doc: Document, url: URL): LeadSnapshot | null {
  const record = activeRecord(url, doc);
  const id = validLeadId(record?.id);
  if (!record || !id) return null;
  return buildSnapshot({ crm: CRM_ID, leadId: id, url }, () => {
    const root = recordRoot(doc);
    if (root === null) throw new Error('record not rendered yet');
    const scope: ParentNode = root ?? doc;
    const { object } = record;
    const custom = customFields(scope, object);
    const sourceRaw =
      customFieldValue(custom, CUSTOM_SOURCE, MAX.sourceRaw) ??
      itemValue(fieldItem(scope, object, FIELDS.source, SF_LABELS.source), MAX.sourceRaw);
    return {
      name: readName(scope, object),
      phone: readPhone(scope, object, custom),
      email: readEmail(scope, object),
      sourceRaw,
      vehicle: readVehicle(scope, object),
      receivedAt: readReceivedAt(scope, object),
      statusRaw: readStatus(scope, object),
    };
  });
}

export const salesforceAdapter = defineAdapter(SALESFORCE_ROUTE, {
  anchor: 'records-lwc-highlights-panel, records-record-layout-item, records-highlights2',
  // Lightning swaps whole cached pages and console tabs inside these, not inside the record.
  watch: '.oneCenterStage, .oneConsoleTabset, .oneWorkspaceTabWrapper, .viewport',
  leadId,
  extract,
  attemptHooks: [
    'lightning-click-to-dial',
    '.forceClickToDial',
    'force-click-to-dial',
    'button[title="Click to dial"]',
  ],
});
