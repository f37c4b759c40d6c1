import { leadIdSchema, type LeadSnapshot } from '../domain/model';
import { findValueByLabel, firstMatch, LABELS, meaningful, textOf } from './extract';
import { parseCrmDate } from './parse-date';
import { defineAdapter } from './types';
import { buildSnapshot, FIELD_MAX as MAX } from './snapshot';
import { VINSOLUTIONS_MATCHES, VINSOLUTIONS_ROUTE } from './vinsolutions.route';

const CRM_ID = 'vinsolutions';
// The hidden id inputs come last: a layout without the panel ids still gets a panel.
const ANCHOR =
  '#customer-info-container, .vindebug-section[data-autoleadid], [id$="_m_AutoLeadEdit"], input[name="AutoLeadID" i], input[name="GlobalCustomerID" i]';

// The lead panel's ASP.NET ids differ by layout ("ActiveLeadPanelWONotesAndHistory1" in the
// customer dashboard, "ActiveLeadPanel1" elsewhere), so match on the stable suffix.
const SEL = {
  debug: '.vindebug-section[data-autoleadid], #vindebug-section-wrap [data-autoleadid]',
  name: ['[id$="_CustomerInfo__CustomerName"]', '#customer-info-container .CustomerInfo_CustomerName', '.CustomerInfo_CustomerName', 'span[id$="__CustomerName"]'],
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
const NAME_LABELS = ['Customer Name', 'Buyer', ...LABELS.name];
const ID_INPUTS = {
  auto: ['input[type="hidden"][id$="AutoLeadID" i]', 'input[type="hidden"][name$="AutoLeadID" i]', 'input[type="hidden"][id$="AutoLeadId" i]'],
  gcid: ['input[type="hidden"][id$="GlobalCustomerID" i]', 'input[type="hidden"][name$="GlobalCustomerID" i]'],
} as const;

const US_PHONE = /(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}/;

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

function inputValue(doc: Document, selectors: readonly string[]): string | null {
  const el = firstMatch(doc, selectors);
  return el ? el.getAttribute('value') : null;
}

// A lead (AutoLeadID) belongs to a customer (GlobalCustomerID); a customer without an open lead
// is still worth a clock, so the customer id stands in with a prefix that keeps them apart.
function leadId(url: URL, doc: Document): string | null {
  try {
    // The page wins: the left pane switches leads inside a frame whose URL may be stale.
    const debug = firstMatch(doc, [SEL.debug]);
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

function readName(root: ParentNode): string | undefined {
  return meaningful(textOf(firstMatch(root, SEL.name), MAX.name)) ?? meaningful(findValueByLabel(root, NAME_LABELS, MAX.name));
}

function readPhone(root: ParentNode): string | undefined {
  const tel = firstMatch(root, ['a[href^="tel:" i]'])?.getAttribute('href')?.slice(4).trim();
  if (tel) return meaningful(tel.slice(0, MAX.phone));
  // The detail block is free text: "C: (512) 555-0143  H: …  E: …". Cell wins when labelled.
  const detail = textOf(firstMatch(root, SEL.detail), 1000);
  const cell = /\b(?:C|Cell|M|Mobile)\s*:\s*([(+\d][\d()\s.-]{8,20}\d)/i.exec(detail)?.[1];
  const any = cell ?? US_PHONE.exec(detail)?.[0];
  if (any) return meaningful(any.replace(/\s+/g, ' ').trim().slice(0, MAX.phone));
  const labelled = findValueByLabel(root, PHONE_LABELS, MAX.phone);
  const match = labelled ? US_PHONE.exec(labelled)?.[0] : undefined;
  return meaningful(match);
}

function readEmail(root: ParentNode): string | undefined {
  const span = firstMatch(root, SEL.email);
  const fromAttr = meaningful(span?.getAttribute('data-email')?.trim().slice(0, MAX.email));
  if (fromAttr?.includes('@')) return fromAttr;
  const mailto = firstMatch(root, ['a[href^="mailto:" i]'])?.getAttribute('href')?.slice(7).split('?')[0]?.trim();
  if (mailto?.includes('@')) return meaningful(mailto.slice(0, MAX.email));
  const labelled = meaningful(findValueByLabel(root, LABELS.email, MAX.email));
  return labelled?.includes('@') ? labelled : undefined;
}

function readSource(root: ParentNode): string | undefined {
  const hooked = meaningful(textOf(firstMatch(root, SEL.source), MAX.sourceRaw));
  if (hooked) return hooked;
  const table = firstMatch(root, SEL.leadInfo);
  // The lead info table shows "Source: <name> (<lead type>)"; the type is not the source.
  const labelled = meaningful(findValueByLabel(table ?? root, SOURCE_LABELS, MAX.sourceRaw));
  return labelled?.replace(/\s*\((?:internet|phone|walk-?in|campaign|service|referral)\)\s*$/i, '').trim() || undefined;
}

function readStatus(root: ParentNode): string | undefined {
  const table = firstMatch(root, SEL.leadInfo);
  return meaningful(textOf(firstMatch(root, SEL.status), MAX.statusRaw)) ?? meaningful(findValueByLabel(table ?? root, STATUS_LABELS, MAX.statusRaw));
}

function readVehicle(root: ParentNode): string | undefined {
  const hooked = meaningful(textOf(firstMatch(root, SEL.vehicle), MAX.vehicle)) ?? meaningful(findValueByLabel(root, VEHICLE_LABELS, MAX.vehicle));
  // "(none entered)" is VinSolutions' empty value.
  return hooked && !/^\(?none entered\)?$/i.test(hooked) ? hooked : undefined;
}

/** "11/26/26 2:05p (0d)" → "11/26/26 2:05 PM": VinSolutions' short meridiem and age suffix. */
function cleanCreated(text: string): string {
  return text
    .replace(/\s*\(\s*\d+\s*d\s*\)\s*$/i, '')
    .replace(/(\d{1,2}:\d{2})\s*([ap])\.?m?\.?$/i, (_m, time: string, ap: string) => `${time} ${ap.toUpperCase()}M`)
    .trim();
}

function readReceivedAt(root: ParentNode): string | undefined {
  const table = firstMatch(root, SEL.leadInfo);
  const text = meaningful(findValueByLabel(table ?? root, CREATED_LABELS, 120));
  if (!text) return undefined;
  const date = parseCrmDate(cleanCreated(text), { now: new Date() });
  return date ? date.toISOString() : undefined;
}

function extract(doc: Document, url: URL): LeadSnapshot | null {
  const id = leadId(url, doc);
  if (!id) return null;
  return buildSnapshot({ crm: CRM_ID, leadId: id, url }, () => {
    const root: ParentNode = doc.body ?? doc;
    const sourceRaw = readSource(root);
    return {
      name: readName(root),
      phone: readPhone(root),
      email: readEmail(root),
      sourceRaw,
      vehicle: readVehicle(root),
      receivedAt: readReceivedAt(root),
      statusRaw: readStatus(root),
    };
  });
}

export const vinsolutionsAdapter = defineAdapter({
  id: CRM_ID,
  name: 'VinSolutions Connect (Cox Automotive)',
  matches: VINSOLUTIONS_MATCHES,
  allFrames: VINSOLUTIONS_ROUTE.allFrames,
  testUrls: {
    lead: [
      'https://vinsolutions.app.coxautoinc.com/CarDashboard/Pages/CRM/CustomerDashboard.aspx?GlobalCustomerID=1440099537&AutoLeadID=2067692473&SelectedTab=t_ILM',
      'https://vinsolutions.app.coxautoinc.com/CarDashboard/Pages/LeadManagement/ActiveLeadsLayout.aspx?AutoLeadID=2043828702&GlobalCustomerID=1427380503',
      'https://apps.vinmanager.com/CarDashboard/Pages/CRM/CustomerDashboard.aspx?ts=1764163511',
      'https://apps.vinmanager.com/CarDashboard/Pages/LeadManagement/LeadInformation.aspx?autoleadid=2070428771',
    ],
    other: [
      'https://vinsolutions.app.coxautoinc.com/vinconnect/pane-both/vinconnect-dealer-dashboard',
      'https://vinsolutions.app.coxautoinc.com/vinconnect/#/CarDashboard/Pages/LeadManagement/ActiveLeadsLayout.aspx?SelectedTab=t_ILM&leftpaneframe=x&rightpaneframe=HIDE',
      'https://vinsolutions.app.coxautoinc.com/CarDashboard/Pages/LeadManagement/ActiveLeadsLayout.aspx?SelectedTab=t_ILM&rightpaneframe=HIDE',
      'https://vinsolutions.app.coxautoinc.com/CarDashboard/Pages/LeadManagement/LogCallV2/LogCallV2.aspx?AutoLeadID=2067692473&GlobalCustomerID=1440099537&V2Redirect=2',
      'https://apps.vinmanager.com/vinconnect/#/CarDashboard/Pages/LeadManagement/ActiveLeadsLayout.aspx?SelectedTab=t_ILM',
      'https://apps.vinmanager.com/CarDashboard/Pages/LeadManagement/GenAIHost.aspx?AutoLeadID=2067692473',
    ],
  },
  isLeadPage: VINSOLUTIONS_ROUTE.isLeadPage,
  anchor: ANCHOR,
  watch: '#customer-info-container',
  leadId,
  extract(doc: Document, url: URL): LeadSnapshot | null {
    try {
      return extract(doc, url);
    } catch {
      return null;
    }
  },
  attemptHooks: [
    'a[href*="LogCallV2.aspx" i]',
    'a[href*="logcall.aspx" i]',
    '[onclick*="LogCall" i]',
    '[onclick*="ClickToCall" i]',
    '[onclick*="Click2Call" i]',
  ],
});
