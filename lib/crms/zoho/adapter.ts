import { type LeadSnapshot } from '../../domain/model';
import { findByLabel, findValueByLabel, firstMatch, LABELS, meaningful, optionalText, textOf } from '../../adapters/extract';
import { parseCrmDate } from '../../adapters/parse-date';
import { defineAdapter } from '../define';
import { buildSnapshot, FIELD_MAX as MAX, validLeadId } from '../../adapters/snapshot';
import { ZOHO_LEGACY_PATH, ZOHO_MODULES, ZOHO_RECORD_PATH, ZOHO_ROUTE } from './route';

const CRM_ID = 'zoho';

// Zoho's Lyte UI tags elements with data-zcqa (its QA hooks): field values are
// `value_{COLUMN_NAME}`; the classic UI used ids `subvalue_{COLUMN}` / `value_{COLUMN}`.
// Both outlive CSS class renames, so they are tried before any label.
const fieldHooks = (...columns: string[]): string[] =>
  columns.flatMap((c) => [`[data-zcqa="value_${c}"]`, `#subvalue_${c}`, `#value_${c}`]);

const ANCHOR = 'crux-detailpage-header, #recordDetails, [data-zcqa="detailViewLyteimgContainer"], #subvalue_FULLNAME';
const RECORD_SELECTORS = ['crm-detailview', 'crux-detailpage-wrapper', '#detailView', '#dv_container', 'main', 'body'];
const HEADER_NAME = ['#recHeader1', '.cxDvRecordHeader1', ...fieldHooks('FULLNAME')];

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
  vehicle: ['Vehicle of Interest', 'Vehicle', 'Interesse', ...LABELS.vehicle],
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

function readPhone(root: ParentNode): string | undefined {
  for (const [columns, labels] of [
    [['MOBILE'], L.mobile],
    [['PHONE', 'HOMEPHONE', 'OTHERPHONE'], L.phone],
  ] as const) {
    const el = firstMatch(root, fieldHooks(...columns)) ?? findByLabel(root, labels);
    // With telephony enabled the number is a tel:/click-to-call link; its href is canonical.
    const value = telValue(el) ?? meaningful(textOf(el, MAX.phone));
    if (value) return value;
  }
  return undefined;
}

function readEmail(root: ParentNode): string | undefined {
  const el = firstMatch(root, fieldHooks('EMAIL')) ?? findByLabel(root, L.email);
  const href = firstMatch(el, ['a[href^="mailto:" i]'])?.getAttribute('href');
  const fromHref = href ? meaningful(href.slice(7).split('?')[0]) : undefined;
  return fromHref ?? meaningful(textOf(el, MAX.email)) ?? meaningful(optionalText(firstMatch(root, ['.cxDvRecordEmail']), MAX.email));
}

function readName(root: ParentNode, module: ZohoModule | undefined): string | undefined {
  // A deal's header is the deal name ("VW ID.4 – De Vries"); the person is its Contact Name.
  if (module === 'Potentials') {
    const contact = hook(root, ['CONTACTID'], MAX.name) ?? meaningful(findValueByLabel(root, L.dealContact, MAX.name));
    if (contact) return contact;
  }
  return (
    meaningful(optionalText(firstMatch(root, HEADER_NAME), MAX.name)) ??
    meaningful(findValueByLabel(root, L.name, MAX.name))
  );
}

function firstDate(texts: (string | undefined)[], now: Date): string | undefined {
  for (const text of texts) {
    if (!text) continue;
    const date = parseCrmDate(text, { now });
    if (date) return date.toISOString();
  }
  return undefined;
}

function readReceivedAt(root: ParentNode): string | undefined {
  const now = new Date();
  const direct = firstDate(
    [hook(root, ['CREATEDTIME'], 120), meaningful(findValueByLabel(root, L.created, 120))],
    now,
  );
  if (direct) return direct;
  // "Created By" shows the user with the time under it ("Mark Visser" / "Tue, 24 Nov 2026
  // 09:12 AM"); the time is the last leaf that parses as a date.
  const createdBy = firstMatch(root, fieldHooks('CREATEDBY')) ?? findByLabel(root, L.createdBy);
  if (!createdBy) return undefined;
  const leaves = Array.from(createdBy.querySelectorAll('*'))
    .filter((el) => el.children.length === 0)
    .map((el) => meaningful(textOf(el, 120)));
  return firstDate(leaves.reverse(), now);
}

function readStatus(root: ParentNode, module: ZohoModule | undefined): string | undefined {
  const columns = module === 'Potentials' ? ['STAGE'] : ['STATUS', 'LEADSTATUS'];
  return hook(root, columns, MAX.statusRaw) ?? meaningful(findValueByLabel(root, L.status, MAX.statusRaw));
}

function extract(doc: Document, url: URL): LeadSnapshot | null {
  const id = leadId(url, doc);
  if (!id) return null;
  return buildSnapshot({ crm: CRM_ID, leadId: id, url }, () => {
    const module = recordFromUrl(url)?.module;
    const root: ParentNode = firstMatch(doc, RECORD_SELECTORS) ?? doc;
    const sourceRaw = hook(root, ['LEADSOURCE'], MAX.sourceRaw) ?? meaningful(findValueByLabel(root, L.source, MAX.sourceRaw));
    return {
      name: readName(root, module),
      phone: readPhone(root),
      email: readEmail(root),
      sourceRaw,
      vehicle: meaningful(findValueByLabel(root, L.vehicle, MAX.vehicle)),
      receivedAt: readReceivedAt(root),
      // Contacts have no status field in Zoho; it is reported missing like any other.
      statusRaw: readStatus(root, module),
    };
  });
}

export const zohoAdapter = defineAdapter(ZOHO_ROUTE, {
  name: 'Zoho CRM',
  anchor: ANCHOR,
  watch: 'crm-detailview, crux-detailpage-wrapper, #detailView',
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
