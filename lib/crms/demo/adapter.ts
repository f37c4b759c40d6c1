import type { LeadSnapshot } from '../../domain/model';
import { findByLabel, findValueByLabel, firstMatch, LABELS, meaningful, optionalText, textOf } from '../../adapters/extract';
import { DEMO_LEAD_PATH as LEAD_PATH, DEMO_ROUTE } from './route';
import { parseCrmDate } from '../../adapters/parse-date';
import { defineAdapter } from '../define';
import { buildSnapshot, FIELD_MAX as MAX, linkValue, validLeadId } from '../../adapters/snapshot';

const CRM_ID = 'demo';
const ANCHOR = 'section.lead-detail[data-record-id]';
// Fallbacks keep working when the CRM renames its classes: the record id attribute is the
// most stable hook this CRM has.
const RECORD_SELECTORS = [ANCHOR, 'section[data-record-id]', '[data-record-id]'];

function recordRoot(doc: Document): Element | null {
  return firstMatch(doc, RECORD_SELECTORS);
}

function leadIdFromUrl(url: URL): string | null {
  const m = LEAD_PATH.exec(url.pathname);
  if (!m?.[1]) return null;
  try {
    return validLeadId(decodeURIComponent(m[1]));
  } catch {
    return null;
  }
}

function leadId(url: URL, doc: Document): string | null {
  try {
    // The page wins over the URL: the drawer switches leads without changing the URL.
    const fromPage = validLeadId(recordRoot(doc)?.getAttribute('data-record-id')?.trim());
    return fromPage ?? leadIdFromUrl(url);
  } catch {
    return null;
  }
}

function readName(root: ParentNode): string | undefined {
  return (
    meaningful(optionalText(firstMatch(root, ['.lead-title']), MAX.name)) ??
    meaningful(findValueByLabel(root, LABELS.name, MAX.name)) ??
    meaningful(optionalText(firstMatch(root, ['h1']), MAX.name))
  );
}

function readPhone(root: ParentNode): string | undefined {
  const labelled = findByLabel(root, LABELS.phone);
  // The tel: link's number is canonical (international format), the text is for humans.
  const link = firstMatch(labelled ?? root, ['a[href^="tel:" i]']) ?? firstMatch(root, ['a[href^="tel:" i]']);
  return linkValue(link, 'tel:') ?? meaningful(textOf(labelled, MAX.phone));
}

function readEmail(root: ParentNode): string | undefined {
  const labelled = findByLabel(root, LABELS.email);
  const link = firstMatch(labelled ?? root, ['a[href^="mailto:" i]']) ?? firstMatch(root, ['a[href^="mailto:" i]']);
  return linkValue(link, 'mailto:') ?? meaningful(findValueByLabel(root, LABELS.email, MAX.email));
}

function readReceivedAt(root: ParentNode): string | undefined {
  const now = new Date();
  const labelled = findByLabel(root, LABELS.created);
  const time = firstMatch(labelled ?? root, ['time[datetime]']) ?? firstMatch(root, ['time[datetime]']);
  const candidates = [
    time?.getAttribute('datetime') ?? undefined,
    meaningful(textOf(time)),
    meaningful(findValueByLabel(root, LABELS.created, 120)),
  ];
  for (const text of candidates) {
    if (!text) continue;
    const date = parseCrmDate(text, { now });
    if (date) return date.toISOString();
  }
  return undefined;
}

function readStatus(root: ParentNode): string | undefined {
  const select = firstMatch(root, ['select[name="status"]']);
  return meaningful(optionalText(select, MAX.statusRaw)) ?? meaningful(findValueByLabel(root, LABELS.status, MAX.statusRaw));
}

function extract(doc: Document, url: URL): LeadSnapshot | null {
  const id = leadId(url, doc);
  if (!id) return null;
  return buildSnapshot({ crm: CRM_ID, leadId: id, url }, () => {
    const root: ParentNode = recordRoot(doc) ?? doc;
    const sourceRaw = meaningful(findValueByLabel(root, LABELS.source, MAX.sourceRaw));
    return {
      name: readName(root),
      phone: readPhone(root),
      email: readEmail(root),
      sourceRaw,
      vehicle: meaningful(findValueByLabel(root, LABELS.vehicle, MAX.vehicle)),
      receivedAt: readReceivedAt(root),
      statusRaw: readStatus(root),
    };
  });
}

export const demoAdapter = defineAdapter(DEMO_ROUTE, {
  // Any element carrying the record id: a renamed class must not stop the panel from coming.
  anchor: RECORD_SELECTORS.join(', '),
  watch: 'section.lead-detail',
  leadId,
  extract,
  attemptHooks: [],
});
