import { leadIdSchema, leadSnapshotSchema, type LeadSnapshot, type SnapshotField } from '../domain/model';
import { normaliseSource } from '../domain/sources';
import { findByLabel, findValueByLabel, firstMatch, LABELS, meaningful, optionalText, textOf } from './extract';
import { DEMO_CRM_MATCHES } from './origins';
import { DEMO_ROUTE } from './routes';
import { parseCrmDate } from './parse-date';
import { defineAdapter } from './types';

const CRM_ID = 'demo';
// The same path as DEMO_ROUTE's; here it also yields the record id.
const LEAD_PATH = /^\/leads\/([A-Za-z0-9][A-Za-z0-9_-]{0,63})\/?$/;
const ANCHOR = 'section.lead-detail[data-record-id]';
// Fallbacks keep working when the CRM renames its classes: the record id attribute is the
// most stable hook this CRM has.
const RECORD_SELECTORS = [ANCHOR, 'section[data-record-id]', '[data-record-id]'];

// Caps mirror leadSnapshotSchema, so a long page value shortens instead of failing validation.
const MAX = { name: 300, phone: 100, email: 300, sourceRaw: 200, vehicle: 300, statusRaw: 100 } as const;

function validLeadId(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const parsed = leadIdSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

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

function hrefValue(link: Element | null, scheme: 'tel:' | 'mailto:'): string | undefined {
  const href = link?.getAttribute('href')?.trim();
  if (!href || !href.toLowerCase().startsWith(scheme)) return undefined;
  let value = href.slice(scheme.length).split(/[?;]/)[0] ?? '';
  try {
    value = decodeURIComponent(value);
  } catch {
    // Keep the raw text: a malformed escape is still more useful than nothing.
  }
  return meaningful(value.replace(/\s+/g, ' ').slice(0, MAX.phone));
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
  return hrefValue(link, 'tel:') ?? meaningful(textOf(labelled, MAX.phone));
}

function readEmail(root: ParentNode): string | undefined {
  const labelled = findByLabel(root, LABELS.email);
  const link = firstMatch(labelled ?? root, ['a[href^="mailto:" i]']) ?? firstMatch(root, ['a[href^="mailto:" i]']);
  return hrefValue(link, 'mailto:') ?? meaningful(findValueByLabel(root, LABELS.email, MAX.email));
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

function snapshotUrl(url: URL): string {
  // The schema caps URLs; a shortened href would be invalid, so drop the query instead.
  return url.href.length <= 4000 ? url.href : `${url.origin}${url.pathname}`.slice(0, 4000);
}

function extract(doc: Document, url: URL): LeadSnapshot | null {
  const id = leadId(url, doc);
  if (!id) return null;
  const base = { crm: CRM_ID, leadId: id, url: snapshotUrl(url) };
  try {
    const root: ParentNode = recordRoot(doc) ?? doc;
    const sourceRaw = meaningful(findValueByLabel(root, LABELS.source, MAX.sourceRaw));
    const fields = {
      name: readName(root),
      phone: readPhone(root),
      email: readEmail(root),
      sourceRaw,
      source: sourceRaw === undefined ? undefined : normaliseSource(sourceRaw),
      vehicle: meaningful(findValueByLabel(root, LABELS.vehicle, MAX.vehicle)),
      receivedAt: readReceivedAt(root),
      statusRaw: readStatus(root),
    };
    const missing: SnapshotField[] = [];
    if (fields.name === undefined) missing.push('name');
    if (fields.phone === undefined) missing.push('phone');
    if (fields.sourceRaw === undefined) missing.push('source');
    if (fields.vehicle === undefined) missing.push('vehicle');
    if (fields.receivedAt === undefined) missing.push('receivedAt');
    if (fields.statusRaw === undefined) missing.push('status');

    const snapshot: Record<string, unknown> = { ...base, missing };
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) snapshot[key] = value;
    }
    const parsed = leadSnapshotSchema.safeParse(snapshot);
    if (parsed.success) return parsed.data;
  } catch {
    // Fall through to the id-only snapshot: the lead still gets a clock.
  }
  const minimal = leadSnapshotSchema.safeParse({
    ...base,
    missing: ['name', 'phone', 'source', 'vehicle', 'receivedAt', 'status'],
  });
  return minimal.success ? minimal.data : null;
}

export const demoAdapter = defineAdapter({
  id: CRM_ID,
  name: 'Demo CRM (AutoHuis)',
  matches: DEMO_CRM_MATCHES,
  allFrames: false,
  testUrls: {
    lead: [
      'http://leadpace-demo.localhost:5173/leads/L-1042',
      'http://leadpace-demo.localhost/leads/L-1043',
      'http://leadpace-demo.localhost:5190/leads/L-1047?hostile=1',
      'http://leadpace-demo.localhost:5173/leads/L-1050/?delay=800#notes',
    ],
    other: [
      'http://leadpace-demo.localhost:5173/',
      'http://leadpace-demo.localhost:5173/leads',
      'http://leadpace-demo.localhost/leads/?hostile=1',
      'http://leadpace-demo.localhost:5173/api/leads/L-1042',
      'http://leadpace-demo.localhost:5173/voorraad',
    ],
  },
  // One definition of "a lead page", shared with the lightweight detector script.
  isLeadPage: DEMO_ROUTE.isLeadPage,
  // Any element carrying the record id: a renamed class must not stop the panel from coming.
  anchor: RECORD_SELECTORS.join(', '),
  watch: 'section.lead-detail',
  leadId,
  extract(doc: Document, url: URL): LeadSnapshot | null {
    try {
      return extract(doc, url);
    } catch {
      return null;
    }
  },
  attemptHooks: [],
});
