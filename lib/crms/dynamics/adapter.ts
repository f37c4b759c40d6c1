import { type LeadSnapshot } from '../../domain/model';
import { DYNAMICS_ENTITIES, DYNAMICS_ROUTE, dynamicsRecordId } from './route';
import { firstMatch, LABELS, meaningful, normaliseLabel, textOf } from '../../adapters/extract';
import { parseCrmDate } from '../../adapters/parse-date';
import { defineAdapter } from '../define';
import { buildSnapshot, FIELD_MAX as MAX, validLeadId } from '../../adapters/snapshot';

const CRM_ID = 'dynamics';

// Unified Interface renders every form field with data-id="{logicalname}.fieldControl-…", the
// hooks Microsoft's own UI test framework (EasyRepro) relies on. Header copies of a field carry
// a "header_" prefix, so hooks match on the suffix.
const ANCHOR = '[data-id="header_title"]';
const FORM_ROOT = ['[data-id="editFormRoot"]', '[data-id="form-header"]', 'main', 'body'];
// Multisession apps keep every open session's form in the DOM and hide all but the focused one.
const MAX_FORMS = 50;

// Standard labels of the lead/contact/opportunity forms in the en, nl, de and fr UI.
const L = {
  mobile: ['Mobile Phone', 'Mobiele telefoon', 'Mobiltelefon', 'Téléphone mobile', 'Mobile'],
  phone: ['Business Phone', 'Zakelijke telefoon', 'Telefon (geschäftlich)', 'Téléphone professionnel', 'Home Phone', 'Telefoon thuis', ...LABELS.phone],
  email: ['Email', 'E-mail', 'E-Mail', 'Adresse e-mail', ...LABELS.email],
  source: ['Lead Source', 'Leadbron', 'Leadquelle', 'Lead-Quelle', 'Source du prospect', 'Origine du prospect', 'Bron', 'Source', 'Origine'],
  status: ['Status Reason', 'Statusreden', 'Statusgrund', 'Raison du statut', 'Status', 'Statut'],
  created: ['Created On', 'Gemaakt op', 'Aangemaakt op', 'Erstellt am', 'Date de création', 'Créé le'],
  contact: ['Contact', 'Potential Customer', 'Potentiële klant', 'Potenzieller Kunde', 'Client potentiel'],
  vehicle: ['Vehicle of Interest', 'Vehicle', ...LABELS.vehicle],
} as const;

function field(root: ParentNode, logicalName: string, control: string): Element | null {
  return firstMatch(root, [
    `[data-id="${logicalName}.fieldControl-${control}"]`,
    `[data-id$="_${logicalName}.fieldControl-${control}"]`,
  ]);
}

// Field containers bound the label lookup: a loose "Status" text elsewhere on the form (a
// sub-grid column header, the timeline) must never be read as this record's status.
const CONTAINER = '[data-id$="-FieldSectionItemContainer"]';
const VALUE_CONTROL = [
  '[data-id*=".fieldControl"] input',
  'input[data-id*=".fieldControl"]',
  'select[data-id*=".fieldControl"]',
  '[role="combobox"]',
  '[data-id*="_selected_tag_text"]',
  '[data-id*=".fieldControl-option-set-select"]',
  'input',
  'select',
  'textarea',
  // Read-only header fields render their value as text inside the control's container.
  '[data-id*=".fieldControl"]',
];
// A field's label: a <label> in the body of the form; in the header a div under the value whose
// id ends in -field-label; the control's own aria-label where neither is there.
const LABEL_ELEMENTS = ['label', '[id$="-field-label"]', '[data-id$="-field-label"]'];
const MAX_CONTAINERS = 1_000;

function labelTexts(container: Element): string[] {
  const texts: string[] = [];
  const label = firstMatch(container, LABEL_ELEMENTS);
  if (label) texts.push(textOf(label, 80));
  const control = firstMatch(container, ['[aria-label]']);
  const aria = control?.getAttribute('aria-label');
  if (aria) texts.push(aria);
  return texts;
}

function labelled(root: ParentNode, labels: readonly string[], max: number): string | undefined {
  const wanted = new Set(labels.map(normaliseLabel));
  let containers: Element[] = [];
  try {
    containers = Array.from(root.querySelectorAll(CONTAINER)).slice(0, MAX_CONTAINERS);
  } catch {
    return undefined;
  }
  for (const container of containers) {
    if (!labelTexts(container).some((text) => wanted.has(normaliseLabel(text)))) continue;
    const value = controlText(firstMatch(container, VALUE_CONTROL), max);
    if (value) return value;
  }
  return undefined;
}

function isHidden(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
    if (/display\s*:\s*none/i.test(node.getAttribute('style') ?? '')) return true;
  }
  return false;
}

/** The form on screen: the first one outside hidden sessions, else the first of the page. */
function formRoot(doc: Document): ParentNode {
  try {
    // Most pages have one form: look further only when the first one is hidden.
    const first = doc.querySelector('[data-id="editFormRoot"]');
    if (first && !isHidden(first)) return first;
    const forms = first ? Array.from(doc.querySelectorAll('[data-id="editFormRoot"]')).slice(0, MAX_FORMS) : [];
    const visible = forms.find((form) => !isHidden(form));
    if (visible) return visible;
  } catch {
    // Fall back to the first form-like element below.
  }
  return firstMatch(doc, FORM_ROOT) ?? doc;
}

/**
 * The record guid from the URL. Unified Interface rewrites the URL for every record it opens
 * (also in multi-session apps); the form DOM itself carries no record id that is stable enough
 * to prefer, so the URL is the source.
 */
function leadId(url: URL, _doc: Document): string | null {
  try {
    return validLeadId(dynamicsRecordId(url));
  } catch {
    return null;
  }
}

/** Text of a control: option-set selects, Fluent comboboxes (title/value), inputs, plain text. */
function controlText(el: Element | null, max: number): string | undefined {
  if (!el) return undefined;
  // "---" is how Unified Interface shows an empty option set or lookup.
  const usable = (s: string | undefined): string | undefined => (s && /^-+$/.test(s) ? undefined : s);
  const text = usable(meaningful(textOf(el, max)));
  if (text) return text;
  const attr = el.getAttribute('title') ?? el.getAttribute('value') ?? '';
  return usable(meaningful(attr.replace(/\s+/g, ' ').trim().slice(0, max)));
}

function readName(root: ParentNode, doc: Document, entity: string | undefined): string | undefined {
  // An opportunity's title is its topic ("2024 VW Golf – proefrit"); the person is the contact.
  if (entity === 'opportunity') {
    const contact =
      controlText(firstMatch(root, [
        '[data-id$="parentcontactid.fieldControl-LookupResultsDropdown_parentcontactid_selected_tag_text"]',
        '[data-id$="customerid.fieldControl-LookupResultsDropdown_customerid_selected_tag_text"]',
      ]), MAX.name) ?? labelled(root, L.contact, MAX.name);
    if (contact) return contact;
  }
  const title = firstMatch(root, [ANCHOR]) ?? firstMatch(doc, [ANCHOR]);
  // The title element also holds the save state ("- Saved"); its title attribute does not.
  const fromAttr = meaningful(title?.getAttribute('title')?.replace(/\s+/g, ' ').trim().slice(0, MAX.name));
  if (fromAttr) return fromAttr;
  const firstText = title ? Array.from(title.childNodes).find((n) => n.nodeType === 3 && (n.nodeValue ?? '').trim()) : undefined;
  return meaningful(firstText?.nodeValue?.replace(/\s+/g, ' ').trim().slice(0, MAX.name)) ??
    controlText(field(root, 'fullname', 'text-input'), MAX.name);
}

function readPhone(root: ParentNode): string | undefined {
  for (const [name, labels] of [
    ['mobilephone', L.mobile],
    ['telephone1', L.phone],
    ['telephone2', L.phone],
  ] as const) {
    const value = controlText(field(root, name, 'phone-text-input'), MAX.phone);
    if (value) return value;
    if (name === 'telephone2') break;
    const byLabel = labelled(root, labels, MAX.phone);
    if (byLabel) return byLabel;
  }
  return undefined;
}

function readReceivedAt(root: ParentNode): string | undefined {
  const now = new Date();
  const date = controlText(field(root, 'createdon', 'date-time-input'), 60);
  // The time sits in a separate input inside the "…_timecontrol-datetime-container".
  const time = controlText(
    firstMatch(root, ['[data-id$="createdon.fieldControl._timecontrol-datetime-container"] input']),
    30,
  );
  const candidates = [
    date && time ? `${date} ${time}` : undefined,
    date,
    labelled(root, L.created, 120),
  ];
  for (const text of candidates) {
    if (!text) continue;
    const parsed = parseCrmDate(text, { now });
    if (parsed) return parsed.toISOString();
  }
  return undefined;
}

function extract(doc: Document, url: URL): LeadSnapshot | null {
  const id = leadId(url, doc);
  if (!id) return null;
  return buildSnapshot({ crm: CRM_ID, leadId: id, url }, () => {
    const params = url.searchParams;
    const entity = DYNAMICS_ENTITIES[(params.get('etn') ?? params.get('etc') ?? '').toLowerCase()];
    const root = formRoot(doc);
    const sourceRaw =
      controlText(field(root, 'leadsourcecode', 'option-set-select'), MAX.sourceRaw) ??
      labelled(root, L.source, MAX.sourceRaw);
    return {
      name: readName(root, doc, entity),
      phone: readPhone(root),
      email:
        controlText(field(root, 'emailaddress1', 'mail-text-input'), MAX.email) ??
        labelled(root, L.email, MAX.email),
      sourceRaw,
      vehicle: labelled(root, L.vehicle, MAX.vehicle),
      receivedAt: readReceivedAt(root),
      statusRaw:
        controlText(field(root, 'statuscode', 'option-set-select'), MAX.statusRaw) ??
        labelled(root, L.status, MAX.statusRaw),
    };
  });
}

export const dynamicsAdapter = defineAdapter(DYNAMICS_ROUTE, {
  anchor: ANCHOR,
  watch: '[data-id="editFormRoot"]',
  leadId,
  extract,
  // The phone control's call icon and the Teams/Channel Integration dialer button.
  attemptHooks: [
    '[data-id$=".fieldControl-phone-action-icon"]',
    'button[data-id$=".fieldControl-phone-action"]',
    '[data-id*="fieldControl-phone"] a[href^="tel:" i]',
  ],
});
