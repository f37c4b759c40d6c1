import { type LeadSnapshot } from '../../domain/model';
import { findByLabel, findValueByLabel, firstMatch, LABELS, meaningful, optionalText } from '../../adapters/extract';
import { parseCrmDate } from '../../adapters/parse-date';
import { PIPEDRIVE_RECORD_PATH, PIPEDRIVE_ROUTE } from './route';
import { defineAdapter } from '../define';
import { buildSnapshot, FIELD_MAX as MAX, linkValue, validLeadId } from '../../adapters/snapshot';
import { dateInElement } from '../../adapters/date-in-element';

const CRM_ID = 'pipedrive';
type Kind = 'person' | 'deal' | 'lead';

const MAX_NODES = 500;

// Pipedrive keeps views it navigated away from in the DOM as hidden `.viewContainer`s, so the
// first person on the page may be the previous one.
const VIEW_CONTAINER = '.viewContainer';
const DETAIL_ROOTS: Readonly<Record<Kind, readonly string[]>> = {
  person: ['[data-test="person-detail-view"]', '.detailView.personDetails', '.detailView'],
  deal: ['[data-test="deal-detail-view"]', '.detailView.dealDetails', '.detailView'],
  lead: ['[data-test="lead-detail-view"]', '[data-test="lead-details"]', '.leadDetailsView', '[role="dialog"]'],
};

const PD_LABELS = {
  // A dealer's own "Lead source" field names the portal. Pipedrive's channel is a marketing
  // category ("Paid search") unless the dealer fills it with portals, so it comes second; the
  // origin only says how the record was made ("Web forms", "API"), so it comes last.
  dealerSource: ['Lead source', 'Leadbron', 'Lead-bron', 'Lead-Quelle', 'Leadquelle', 'Source du lead', 'Source du prospect'],
  source: ['Source channel', 'Bronkanaal', 'Quellkanal', 'Canal source', ...LABELS.source],
  sourceOrigin: ['Source origin', 'Bronoorsprong', 'Quellursprung', 'Origine de la source'],
  created: [
    'Lead created', 'Deal created', 'Person created', 'Add time',
    'Lead aangemaakt', 'Deal aangemaakt', 'Persoon aangemaakt',
    'Lead erstellt', 'Deal erstellt', 'Lead créé', 'Affaire créée', ...LABELS.created,
  ],
  status: [...LABELS.status, 'Labels', 'Label', 'Etiketten', 'Étiquettes'],
  person: ['Person', 'Contact person', 'Persoon', 'Contactpersoon', 'Kontaktperson', 'Personne', ...LABELS.name],
  vehicle: [...LABELS.vehicle, 'Vehicle of interest', 'Interesse voertuig'],
} as const;

interface RecordRef {
  kind: Kind;
  id: string;
}

function recordFromUrl(url: URL): RecordRef | null {
  if (!PIPEDRIVE_ROUTE.isLeadPage(url)) return null;
  const m = PIPEDRIVE_RECORD_PATH.exec(url.pathname);
  if (!m) return null;
  if (m[3]) return { kind: 'lead', id: m[3].toLowerCase() };
  const kind = m[1]?.toLowerCase();
  if ((kind === 'person' || kind === 'deal') && m[2]) return { kind, id: m[2] };
  return null;
}

function leadId(url: URL, _doc: Document): string | null {
  try {
    // Every record Pipedrive shows, the leads inbox included, puts its id in the URL; the page
    // carries no id of its own that we know to be stable.
    const record = recordFromUrl(url);
    return record ? validLeadId(`${record.kind}:${record.id}`) : null;
  } catch {
    return null;
  }
}

function isHidden(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || /display\s*:\s*none/i.test(node.getAttribute('style') ?? '')) return true;
  }
  return false;
}

function detailRoot(doc: Document, kind: Kind): ParentNode {
  for (const selector of [...DETAIL_ROOTS[kind], VIEW_CONTAINER]) {
    try {
      for (const el of Array.from(doc.querySelectorAll(selector)).slice(0, MAX_NODES)) {
        if (!isHidden(el)) return el;
      }
    } catch {
      // Try the next selector.
    }
  }
  return doc;
}

// "+1 512-555-0134 (Mobile)": the phone type is not part of the number.
const PHONE_TYPE_SUFFIX = /\s*\((?:work|mobile|home|other|werk|mobiel|thuis|overig|arbeit|privat|mobil|travail|domicile|autre)\)\s*$/i;

function readPhone(root: ParentNode): string | undefined {
  const button = firstMatch(root, ['[data-test="phone-number-button"]', '[data-test="phone-number"]']);
  const fromButton = meaningful(optionalText(firstMatch(button, ['[data-test="phone-number-value"]']) ?? button, MAX.phone)?.replace(PHONE_TYPE_SUFFIX, ''));
  return (
    fromButton ??
    linkValue(firstMatch(root, ['a[href^="tel:" i]']), 'tel:', MAX.phone) ??
    meaningful(findValueByLabel(root, LABELS.phone, MAX.phone)?.replace(PHONE_TYPE_SUFFIX, ''))
  );
}

function readEmail(root: ParentNode): string | undefined {
  const link = firstMatch(root, ['[data-test="email-address-button"] a[href^="mailto:" i]', 'a[href^="mailto:" i]']);
  return (
    linkValue(link, 'mailto:', MAX.email) ??
    meaningful(findValueByLabel(root, LABELS.email, MAX.email)?.replace(PHONE_TYPE_SUFFIX, ''))
  );
}

function readName(root: ParentNode, kind: Kind): string | undefined {
  if (kind === 'person') {
    const title = firstMatch(root, ['[data-test="header-title"]', '[data-test="person-name"]', '.detailViewHeader h1', 'h1']);
    return meaningful(optionalText(title, MAX.name)) ?? meaningful(findValueByLabel(root, LABELS.name, MAX.name));
  }
  // A deal or lead is titled after the sale; the person it links to is who gets called.
  const person = firstMatch(root, ['[data-test="deal-person-link"]', '[data-test="lead-person-link"]', '[data-testid="deal-person-link"]', '[data-testid="lead-person-link"]', 'a[href*="/person/"]']);
  return meaningful(optionalText(person, MAX.name)) ?? meaningful(findValueByLabel(root, PD_LABELS.person, MAX.name));
}

function readStatus(root: ParentNode, kind: Kind): string | undefined {
  if (kind === 'deal') {
    const outcome = firstMatch(root, ['[data-test="deal-status-won"]', '[data-test="deal-status-lost"]', '[data-testid="deal-status-won"]', '[data-testid="deal-status-lost"]']);
    // Newer views name their hooks data-testid where older ones say data-test; the stage bar
    // marks the current stage for screen readers either way.
    const stage = firstMatch(root, [
      '[data-test="pipeline-stage"][aria-current="step"]',
      '[data-testid="pipeline-stage"][aria-current="step"]',
      '[data-test="stage-selector"] [aria-current="step"]',
      '[data-testid="stage-bar"] [aria-current="step"]',
      '[data-testid="stage-selector"] [aria-current="step"]',
      '.stageSelector li.active',
      'ol [aria-current="step"], ul [aria-current="step"]',
    ]);
    const stageText = stage?.getAttribute('title') ?? optionalText(stage, MAX.statusRaw);
    return meaningful(optionalText(outcome, MAX.statusRaw)) ?? meaningful(stageText?.slice(0, MAX.statusRaw));
  }
  return meaningful(findValueByLabel(root, PD_LABELS.status, MAX.statusRaw));
}

// A date without a time ("Nov 26, 2026") would start the clock at midnight; that is a guess.
const HAS_TIME = /\d{1,2}[:.]\d{2}|\b(?:ago|geleden|vor|il y a)\b|\b(?:am|pm)\b/i;

function readReceivedAt(root: ParentNode): string | undefined {
  const now = new Date();
  const time = firstMatch(root, ['[data-test="add-time"] time[datetime]', '[data-test="created-time"] time[datetime]']);
  for (const text of [time?.getAttribute('datetime') ?? undefined, findValueByLabel(root, PD_LABELS.created, 120)]) {
    if (!text || !HAS_TIME.test(text)) continue;
    const date = parseCrmDate(text, { now });
    if (date) return date.toISOString();
  }
  // The history's "Deal created" entry prints who created it before when ("Web Forms ·
  // Nov 24, 2026 at 9:12 AM"): the time is one of the entry's leaves.
  return dateInElement(findByLabel(root, PD_LABELS.created), now);
}

function extract(doc: Document, url: URL): LeadSnapshot | null {
  const record = recordFromUrl(url);
  const id = leadId(url, doc);
  if (!record || !id) return null;
  return buildSnapshot({ crm: CRM_ID, leadId: id, url }, () => {
    const root = detailRoot(doc, record.kind);
    const sourceRaw =
      meaningful(findValueByLabel(root, PD_LABELS.dealerSource, MAX.sourceRaw)) ??
      meaningful(findValueByLabel(root, PD_LABELS.source, MAX.sourceRaw)) ??
      meaningful(findValueByLabel(root, PD_LABELS.sourceOrigin, MAX.sourceRaw));
    return {
      name: readName(root, record.kind),
      phone: readPhone(root),
      email: readEmail(root),
      sourceRaw,
      vehicle: meaningful(findValueByLabel(root, PD_LABELS.vehicle, MAX.vehicle)),
      receivedAt: readReceivedAt(root),
      statusRaw: readStatus(root, record.kind),
    };
  });
}

export const pipedriveAdapter = defineAdapter(PIPEDRIVE_ROUTE, {
  anchor: '[data-test="phone-number-button"], .detailView, [data-test="person-detail-view"], [data-test="deal-detail-view"], [data-test="lead-detail-view"]',
  // Pipedrive swaps whole view containers on navigation, and the leads inbox re-renders its panel.
  watch: '.viewContainer, [data-test="lead-detail-view"], main',
  leadId,
  extract,
  attemptHooks: ['[data-test="phone-number-button"]', '[data-test="call-button"]', '[data-test="caller-button"]'],
});
