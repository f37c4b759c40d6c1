import { leadIdSchema, type LeadSnapshot } from '../../domain/model';
import { findValuesByLabel, firstMatch, LABELS, meaningful, textOf, type LabelledField } from '../../adapters/extract';
import { arrivalFromEntries } from '../../adapters/arrival';
import { parseCrmDate } from '../../adapters/parse-date';
import { defineAdapter } from '../define';
import { buildSnapshot, FIELD_MAX as MAX, type SnapshotFields } from '../../adapters/snapshot';
import { VINSOLUTIONS_ROUTE } from './route';

const CRM_ID = 'vinsolutions';
// The hidden id inputs come last: a layout without the panel ids still gets a panel. ASP.NET
// prefixes their names ("ctl00$ContentPlaceHolder1$AutoLeadID"), so they match by suffix, as
// leadId() reads them.
const ANCHOR = [
  '#customer-info-container',
  '.vindebug-section[data-autoleadid]',
  '[id$="_m_AutoLeadEdit"]',
  'input[type="hidden"][name$="AutoLeadID" i]',
  'input[type="hidden"][id$="AutoLeadID" i]',
  'input[type="hidden"][name$="GlobalCustomerID" i]',
  'input[type="hidden"][id$="GlobalCustomerID" i]',
].join(', ');

// The lead panel's ASP.NET ids differ by layout ("ActiveLeadPanelWONotesAndHistory1" in the
// customer dashboard, "ActiveLeadPanel1" elsewhere), so match on the stable suffix.
const SEL = {
  // The page's first element of either, but as two queries: each has a fast path in Chromium
  // (a class; an id's subtree) that the two as one list lose (then every element is matched).
  debug: ['.vindebug-section[data-autoleadid]', '#vindebug-section-wrap [data-autoleadid]'],
  name: ['[id$="_CustomerInfo__CustomerName"]', '#customer-info-container .CustomerInfo_CustomerName', '.CustomerInfo_CustomerName', 'span[id$="__CustomerName"]'],
  // Other dashboard layouts: the customer card's own name element or its heading.
  nameElsewhere: [
    'span[id$="_lblCustomerName"]',
    '[id$="_CustomerFullName"]',
    '[data-customer-name]',
    '.customer-name',
    '.cust-name',
    '[class*="customer-card" i] h1, [class*="customer-card" i] h2, [class*="customer-card" i] h3',
    '[class*="customer-header" i] h1, [class*="customer-header" i] h2, [class*="customer-header" i] h3',
  ],
  // Click-to-call controls carry the number in their handler even where the text is an icon.
  dial: ['[onclick*="ClickToCall" i]', '[onclick*="Click2Call" i]', 'a[href^="callto:" i]'],
  detail: ['[id$="_CustomerInfo__CustomerDetail"]', '.CustomerInfo_CustomerDetail'],
  email: ['#customer-email-span[data-email]', '#customer-email2-span[data-email]'],
  source: ['[id$="__LeadSourceName"]', 'span[id*="LeadSourceName"]'],
  status: ['[id$="_m_LeadStatusLabel"]', 'span[id*="LeadStatusLabel"]'],
  vehicle: ['[id$="_m_VehicleInfo"]', 'span[id*="VehicleInfo"].leadinfodetails'],
  leadInfo: ['[id$="_m_AutoLeadEdit"]'],
} as const;

// VinSolutions is US-only and prints short English labels in a two-cell table.
const SOURCE_LABELS = ['Source', 'Lead Source', ...LABELS.source];
const STATUS_LABELS = ['Status', 'Lead Status', ...LABELS.status];
const CREATED_LABELS = ['Created', 'Lead Created', ...LABELS.created];
const VEHICLE_LABELS = ['Vehicle Info', 'Vehicle of Interest', 'Vehicle(s) of Interest', ...LABELS.vehicle];
const PHONE_LABELS = ['Cell', 'Home', 'Work', 'Evening', 'Day', ...LABELS.phone];
// "Customer" and "Contact" also title the customer card, whose value would be the whole card:
// they count as the name's label only when no field is labelled as a name.
const NAME_SECTIONS: ReadonlySet<string> = new Set(['Customer', 'Contact', 'Klant', 'Kunde', 'Client']);
const NAME_LABELS = ['Customer Name', 'Buyer', ...LABELS.name.filter((label) => !NAME_SECTIONS.has(label))];
const ID_INPUTS = {
  auto: ['input[type="hidden"][id$="AutoLeadID" i]', 'input[type="hidden"][name$="AutoLeadID" i]', 'input[type="hidden"][id$="AutoLeadId" i]'],
  gcid: ['input[type="hidden"][id$="GlobalCustomerID" i]', 'input[type="hidden"][name$="GlobalCustomerID" i]'],
} as const;

const US_PHONE = /(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}/;
const US_PHONES = new RegExp(US_PHONE.source, 'g');
// The history entry of the lead's arrival ("Lead received from TrueCar", "New Internet Lead").
const ARRIVAL_ENTRY = /\blead\b[^.;]{0,20}\b(?:received|created|submitted|arrived)\b|\bnew\s+(?:internet\s+|phone\s+)?lead\b/i;

function validId(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim();
  if (!/^\d{1,18}$/.test(trimmed) || /^0+$/.test(trimmed)) return null;
  const parsed = leadIdSchema.safeParse(trimmed);
  return parsed.success ? parsed.data : null;
}

function queryParam(url: URL, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [key, value] of url.searchParams) {
    if (key.toLowerCase() === wanted) return value;
  }
  return null;
}

/** What `root.querySelector(selectors.join(', '))` returns: the first match of any, in page order. */
function firstInPage(root: ParentNode, selectors: readonly string[]): Element | null {
  let first: Element | null = null;
  for (const selector of selectors) {
    const found = firstMatch(root, [selector]);
    // 2: Node.DOCUMENT_POSITION_PRECEDING, `found` comes before `first`.
    if (found && (!first || (first.compareDocumentPosition(found) & 2) !== 0)) first = found;
  }
  return first;
}

// Most hooks are a part of an ASP.NET id ("[id$=…]", "span[id*=…].cls"), and only an element
// whose id contains that part can match one. The page's elements with an id are listed once per
// read, and each such hook is looked for among them; a querySelector for it would match every
// element of the page against it before it finds nothing (the large-page benchmark: ~0.1–0.2 ms
// a hook), or every element before the lead panel when it does.
const ID_PART = /^[a-z]*\[id[$*^]?="([^"\\]+)"\](?:\.[\w-]+)*$/;
const idPartOf = new Map<string, string | null>();

function idPart(selector: string): string | null {
  let part = idPartOf.get(selector);
  if (part === undefined) {
    part = ID_PART.exec(selector)?.[1] ?? null;
    idPartOf.set(selector, part);
  }
  return part;
}

/** The elements under `root` that have an id, in page order, with their ids. */
interface IdIndex {
  elements: Element[];
  ids: string[];
  /** All ids, one a line: one search tells whether any id contains a part. */
  joined: string;
}

function indexIds(root: ParentNode): IdIndex {
  const elements = Array.from(root.querySelectorAll('[id]'));
  const ids = elements.map((el) => el.getAttribute('id') ?? '');
  return { elements, ids, joined: ids.join('\n') };
}

/**
 * What firstMatch(root, selectors) returns, with the selectors on an id part answered from the
 * id index: the first element in page order whose id contains the part and that matches.
 */
function firstHook(root: ParentNode, index: IdIndex, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const part = idPart(selector);
    if (part === null) {
      const found = firstMatch(root, [selector]);
      if (found) return found;
      continue;
    }
    if (!index.joined.includes(part)) continue;
    try {
      for (let i = 0; i < index.ids.length; i += 1) {
        const el = index.elements[i];
        if (el && index.ids[i]?.includes(part) && el.matches(selector)) return el;
      }
    } catch {
      // As firstMatch: an invalid selector is skipped.
    }
  }
  return null;
}

function inputValue(doc: Document, selectors: readonly string[]): string | null {
  const el = firstMatch(doc, selectors);
  return el ? el.getAttribute('value') : null;
}

// A lead (AutoLeadID) belongs to a customer (GlobalCustomerID); a customer without an open lead
// is still worth a clock, so the customer id stands in with a prefix that keeps them apart.
function leadId(url: URL, doc: Document): string | null {
  try {
    // The page wins: the left pane switches leads inside a frame whose URL may be stale.
    const debug = firstInPage(doc, SEL.debug);
    const fromPage =
      validId(debug?.getAttribute('data-autoleadid')) ?? validId(inputValue(doc, ID_INPUTS.auto));
    if (fromPage) return fromPage;
    const gcidFromPage = validId(debug?.getAttribute('data-globalcustomerid')) ?? validId(inputValue(doc, ID_INPUTS.gcid));
    if (!VINSOLUTIONS_ROUTE.isLeadPage(url)) return null;
    const fromUrl = validId(queryParam(url, 'AutoLeadID'));
    if (fromUrl) return fromUrl;
    const gcid = gcidFromPage ?? validId(queryParam(url, 'GlobalCustomerID'));
    return gcid ? `gcid-${gcid}` : null;
  } catch {
    return null;
  }
}

/** "11/26/26 2:05p (0d)" → "11/26/26 2:05 PM": VinSolutions' short meridiem and age suffix. */
function cleanCreated(text: string): string {
  return text
    .replace(/\s*\(\s*\d+\s*d\s*\)\s*$/i, '')
    .replace(/(\d{1,2}:\d{2})\s*([ap])\.?m?\.?$/i, (_m, time: string, ap: string) => `${time} ${ap.toUpperCase()}M`)
    .trim();
}

/** The phone from the page's links and customer detail block; null when only a label can tell. */
function phoneFromHooks(root: ParentNode, ids: IdIndex): { value: string | undefined } | null {
  const tel = firstMatch(root, ['a[href^="tel:" i]'])?.getAttribute('href')?.slice(4).trim();
  if (tel) return { value: meaningful(tel.slice(0, MAX.phone)) };
  // The detail block is free text: "C: (512) 555-0143  H: …  E: …". Cell wins when labelled.
  const detail = textOf(firstHook(root, ids, SEL.detail), 1000);
  const cell = /\b(?:C|Cell|M|Mobile)\s*:\s*([(+\d][\d()\s.-]{8,20}\d)/i.exec(detail)?.[1];
  const any = cell ?? US_PHONE.exec(detail)?.[0];
  if (any) return { value: meaningful(any.replace(/\s+/g, ' ').trim().slice(0, MAX.phone)) };
  const dialled = phoneFromDialControls(root);
  return dialled ? { value: dialled } : null;
}

const CELL_WORDS = /\b(?:cell|mobile|c)\b/i;

/**
 * The number of a click-to-call control: its shown text when that is a number, else the digits
 * it dials. A control whose row says "Cell" wins, as in the detail block.
 */
function phoneFromDialControls(root: ParentNode): string | undefined {
  let first: string | undefined;
  for (const selector of SEL.dial) {
    let controls: Element[];
    try {
      controls = Array.from(root.querySelectorAll(selector)).slice(0, 20);
    } catch {
      continue;
    }
    for (const control of controls) {
      const shown = US_PHONE.exec(textOf(control, 40))?.[0] ?? numberBeside(control);
      const handler = `${control.getAttribute('onclick') ?? ''} ${control.getAttribute('href') ?? ''}`;
      const dialled = /['"(:]\s*(\+?1?\d{10})\b/.exec(handler)?.[1];
      const number = meaningful((shown ?? dialled)?.trim().slice(0, MAX.phone));
      if (!number) continue;
      const context = textOf(control.closest('li, tr, div') ?? control, 200);
      if (CELL_WORDS.test(context)) return number;
      first ??= number;
    }
  }
  return first;
}

/** The one number printed next to an icon-only call control ("(630) 555-0148 📞"). */
function numberBeside(control: Element): string | undefined {
  const numbers = textOf(control.parentElement, 80).match(US_PHONES);
  return numbers?.length === 1 ? numbers[0] : undefined;
}

/** The e-mail from the page's e-mail span or a mailto link; undefined when only a label can tell. */
function emailFromHooks(root: ParentNode): string | undefined {
  const span = firstMatch(root, SEL.email);
  const fromAttr = meaningful(span?.getAttribute('data-email')?.trim().slice(0, MAX.email));
  if (fromAttr?.includes('@')) return fromAttr;
  const mailto = firstMatch(root, ['a[href^="mailto:" i]'])?.getAttribute('href')?.slice(7).split('?')[0]?.trim();
  if (mailto?.includes('@')) return meaningful(mailto.slice(0, MAX.email));
  return undefined;
}

type LabelKey = 'name' | 'phone' | 'email' | 'vehicle' | 'source' | 'status' | 'created';

/**
 * The hooks (ids and classes of VinSolutions' own layouts) first; the printed labels only for
 * the fields whose hook is missing, looked up together in one pass per root (the lead info table
 * for source, status and created when there is one, the page otherwise) rather than one walk
 * of the page per field.
 */
function readFields(root: ParentNode): SnapshotFields {
  const ids = indexIds(root);
  const table = firstHook(root, ids, SEL.leadInfo);
  const name = meaningful(textOf(firstHook(root, ids, SEL.name), MAX.name)) ?? meaningful(textOf(firstHook(root, ids, SEL.nameElsewhere), MAX.name));
  const phone = phoneFromHooks(root, ids);
  const email = emailFromHooks(root);
  const source = meaningful(textOf(firstHook(root, ids, SEL.source), MAX.sourceRaw));
  const vehicle = meaningful(textOf(firstHook(root, ids, SEL.vehicle), MAX.vehicle));
  const status = meaningful(textOf(firstHook(root, ids, SEL.status), MAX.statusRaw));

  const inPage: Partial<Record<LabelKey, LabelledField>> = {};
  if (name === undefined) inPage.name = { labels: NAME_LABELS, max: MAX.name };
  if (phone === null) inPage.phone = { labels: PHONE_LABELS, max: MAX.phone };
  if (email === undefined) inPage.email = { labels: LABELS.email, max: MAX.email };
  if (vehicle === undefined) inPage.vehicle = { labels: VEHICLE_LABELS, max: MAX.vehicle };
  // The lead info table's fields: "Source: <name> (<lead type>)", "Status:", "Created:".
  const inTable: Partial<Record<LabelKey, LabelledField>> = { created: { labels: CREATED_LABELS, max: 120 } };
  if (source === undefined) inTable.source = { labels: SOURCE_LABELS, max: MAX.sourceRaw };
  if (status === undefined) inTable.status = { labels: STATUS_LABELS, max: MAX.statusRaw };
  const labelled = table
    ? { ...findValuesByLabel(root, inPage), ...findValuesByLabel(table, inTable) }
    : findValuesByLabel(root, { ...inPage, ...inTable });
  if (name === undefined && labelled.name === undefined) {
    const section = findValuesByLabel(root, { name: { labels: [...NAME_SECTIONS], max: MAX.name } }).name;
    // A card title's "value" is the whole card; a name has no digits or e-mail address.
    if (section && !/[\d@]/.test(section)) labelled.name = section;
  }

  const phoneLabelled = labelled.phone;
  const vehicleRead = vehicle ?? meaningful(labelled.vehicle);
  const emailLabelled = meaningful(labelled.email);
  // The lead type in brackets after the source is not the source.
  const sourceLabelled = meaningful(labelled.source)?.replace(/\s*\((?:internet|phone|walk-?in|campaign|service|referral)\)\s*$/i, '').trim() || undefined;
  const created = meaningful(labelled.created);
  const now = new Date();
  // Without a created field the notes and history still list the lead's arrival.
  const date = (created ? parseCrmDate(cleanCreated(created), { now }) : null) ?? arrivalFromEntries(root, { entry: ARRIVAL_ENTRY, now, clean: cleanCreated });
  return {
    name: name ?? meaningful(labelled.name),
    phone: phone ? phone.value : meaningful(phoneLabelled ? US_PHONE.exec(phoneLabelled)?.[0] : undefined),
    email: email ?? (emailLabelled?.includes('@') ? emailLabelled : undefined),
    sourceRaw: source ?? sourceLabelled,
    // "(none entered)" is VinSolutions' empty value.
    vehicle: vehicleRead && !/^\(?none entered\)?$/i.test(vehicleRead) ? vehicleRead : undefined,
    receivedAt: date ? date.toISOString() : undefined,
    statusRaw: status ?? meaningful(labelled.status),
  };
}

function extract(doc: Document, url: URL): LeadSnapshot | null {
  const id = leadId(url, doc);
  if (!id) return null;
  return buildSnapshot({ crm: CRM_ID, leadId: id, url }, () => readFields(doc.body ?? doc));
}

export const vinsolutionsAdapter = defineAdapter(VINSOLUTIONS_ROUTE, {
  anchor: ANCHOR,
  watch: '#customer-info-container',
  leadId,
  extract,
  attemptHooks: [
    'a[href*="LogCallV2.aspx" i]',
    'a[href*="logcall.aspx" i]',
    '[onclick*="LogCall" i]',
    '[onclick*="ClickToCall" i]',
    '[onclick*="Click2Call" i]',
  ],
});
