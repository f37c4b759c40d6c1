import { type LeadSnapshot } from '../../domain/model';
import { DRIVECENTRIC_ROUTE } from './route';
import { findValueByLabel, firstMatch, LABELS, meaningful, textOf } from '../../adapters/extract';
import { parseCrmDate } from '../../adapters/parse-date';
import { defineAdapter } from '../define';
import { buildSnapshot, FIELD_MAX as MAX, validLeadId } from '../../adapters/snapshot';

const CRM_ID = 'drivecentric';
// The customer card is a modal over any screen; it is the lead, the screen behind it is noise.
const CARD = '[data-test="customerCard-parent-div"]';

const SOURCE_LABELS = ['Source', 'Lead Source', 'Deal Source', 'Lead Provider', ...LABELS.source];
const STATUS_LABELS = ['Status', 'Deal Status', 'Stage', 'Deal Stage', ...LABELS.status];
const CREATED_LABELS = ['Created', 'Created On', 'Lead Created', 'Date Created', 'Received', ...LABELS.created];
const VEHICLE_LABELS = ['Vehicle', 'Interested', 'Interested In', 'Vehicle of Interest', ...LABELS.vehicle];
const PHONE_LABELS = ['Cell', 'Mobile', 'Home', 'Work', ...LABELS.phone];

// Ids the card may carry; DriveCentric renders few, so each is tried and none is required.
const ID_ATTRS = ['data-deal-id', 'data-dealid', 'data-customer-id', 'data-customerid'] as const;
// A customer can have several deals; the deal is the lead, so its id wins.
const ID_IN_HREF = [/[?&#/]deals?(?:Id)?[=/](\d{3,18})\b/i, /[?&#/]customers?(?:Id)?[=/](\d{3,18})\b/i];
// Cards print "Customer # 9920417" in the header and "Deal # 4418022" over the open deal: the deal
// wins wherever it is, the customer number only stands in for a card without one.
const DEAL_IN_TEXT = /\bDeal\s*(?:#|ID:?|No\.?|Number:?)\s*(\d{3,18})\b/i;
const CUSTOMER_IN_TEXT = /\bCustomer\s*(?:#|ID:?|No\.?|Number:?)\s*(\d{3,18})\b/i;
const US_PHONE = /(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}/;
// The cell is the number a rep dials and texts; the contact block may list home or work first.
const CELL_PHONE = /\b(?:cell(?:\s*phone)?|mobile(?:\s*phone)?|c|m)\s*:?\s*((?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})/i;

// The activity feed's entry for the lead's arrival ("Internet Lead Received", "Deal Created",
// "New Lead"): a card without a Created field still shows when the lead came in there.
const ARRIVAL_ENTRY = /\b(?:lead|deal|up|opportunity)\b[^.|]{0,30}\b(?:received|created|submitted|arrived|added)\b|\bnew\s+(?:internet\s+|phone\s+|showroom\s+|campaign\s+)?(?:lead|deal|up)\b/i;
const FEED_ENTRIES = 'li, tr, [class*="timeline-item" i], [class*="activity-item" i], [class*="timeline-entry" i]';
const MAX_FEED_ENTRIES = 300;

/** The open card: the last one in the DOM, since a closing card lingers while its animation runs. */
function openCard(doc: Document): Element | null {
  try {
    const cards = Array.from(doc.querySelectorAll(CARD)).filter((card) => {
      const style = (card.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
      return !style.includes('display:none') && !card.hasAttribute('hidden') && card.getAttribute('aria-hidden') !== 'true';
    });
    return cards[cards.length - 1] ?? null;
  } catch {
    return null;
  }
}

function explicitId(card: Element): string | null {
  for (const attr of ID_ATTRS) {
    const holder = card.hasAttribute(attr) ? card : card.querySelector(`[${attr}]`);
    const value = holder?.getAttribute(attr)?.trim();
    if (value && /^\d{1,18}$/.test(value)) return value;
  }
  const hrefs = Array.from(card.querySelectorAll('a[href]'))
    .slice(0, 200)
    .map((link) => link.getAttribute('href') ?? '');
  for (const pattern of ID_IN_HREF) {
    for (const href of hrefs) {
      const m = pattern.exec(href);
      if (m?.[1]) return m[1];
    }
  }
  const cardText = textOf(card, 6000);
  const deal = DEAL_IN_TEXT.exec(cardText)?.[1];
  if (deal) return deal;
  const header = firstMatch(card, ['.deal-card .deal-customer', '.deal-customer', '.deal-card']);
  return CUSTOMER_IN_TEXT.exec(textOf(header ?? card, 2000))?.[1] ?? CUSTOMER_IN_TEXT.exec(cardText)?.[1] ?? null;
}

function digits(text: string | undefined): string | undefined {
  const d = text?.replace(/\D/g, '') ?? '';
  if (d.length === 11 && d.startsWith('1')) return d.slice(1);
  return d.length >= 7 ? d : undefined;
}

/**
 * The card's deal/customer id when it shows one; otherwise the customer's phone or e-mail, which
 * identify the same person across visits. Never the name alone: two "John Smith"s would merge.
 */
function leadIdFromCard(card: Element): string | null {
  const id = explicitId(card);
  if (id) return validLeadId(id);
  const phone = digits(readPhone(card));
  if (phone) return validLeadId(`tel-${phone}`);
  const email = readEmail(card)?.toLowerCase();
  return email ? validLeadId(`mail-${email}`) : null;
}

function leadId(url: URL, doc: Document): string | null {
  try {
    if (!DRIVECENTRIC_ROUTE.isLeadPage(url)) return null;
    const card = openCard(doc);
    return card ? leadIdFromCard(card) : null;
  } catch {
    return null;
  }
}

function readName(card: Element): string | undefined {
  return (
    meaningful(textOf(firstMatch(card, ['div.deal-customer span.cust-name', '.deal-customer .cust-name', 'span.cust-name', '.cust-name']), MAX.name)) ??
    meaningful(findValueByLabel(card, LABELS.name, MAX.name))
  );
}

function readPhone(card: Element): string | undefined {
  const tel = firstMatch(card, ['a[href^="tel:" i]'])?.getAttribute('href')?.slice(4).trim();
  if (tel) return meaningful(tel.slice(0, MAX.phone));
  const contact = firstMatch(card, ['.customer-summary-contact .cnv-cnt-crd-blck', '.cnv-cnt-crd-blck', '.deal-customer']);
  const contactText = contact ? textOf(contact, 2000) : '';
  const inContact = CELL_PHONE.exec(contactText)?.[1] ?? US_PHONE.exec(contactText)?.[0];
  if (inContact) return meaningful(inContact.trim());
  const labelled = findValueByLabel(card, PHONE_LABELS, MAX.phone);
  return meaningful(labelled ? US_PHONE.exec(labelled)?.[0] : undefined);
}

function readEmail(card: Element): string | undefined {
  const mailto = firstMatch(card, ['a[href^="mailto:" i]'])?.getAttribute('href')?.slice(7).split('?')[0]?.trim();
  if (mailto?.includes('@')) return meaningful(mailto.slice(0, MAX.email));
  const contact = firstMatch(card, ['.customer-summary-contact', '.cnv-cnt-crd-blck', '.deal-customer']);
  const m = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i.exec(textOf(contact ?? card, 3000));
  return meaningful(m?.[0].slice(0, MAX.email));
}

/** When the lead arrived per the card's activity feed: the earliest arrival entry's time. */
function arrivalFromFeed(card: Element, now: Date): Date | null {
  let earliest: Date | null = null;
  for (const entry of Array.from(card.querySelectorAll(FEED_ENTRIES)).slice(0, MAX_FEED_ENTRIES)) {
    // An entry that holds a list of others is not one entry; its parts ("__title") are fine.
    if (entry.querySelector('li, tr') || !ARRIVAL_ENTRY.test(textOf(entry, 300))) continue;
    const parts = [entry, ...Array.from(entry.querySelectorAll('time, span, small, div, td')).slice(0, 20)];
    for (const part of parts) {
      const text = part.getAttribute('datetime') ?? textOf(part, 120);
      // "Internet Lead Received · 2 days ago at 9:12 AM": the time is the last part.
      const date = parseCrmDate(text, { now }) ?? parseCrmDate(text.split(/\s[·•|]\s/).pop() ?? '', { now });
      if (date) {
        if (!earliest || date < earliest) earliest = date;
        break;
      }
    }
  }
  return earliest;
}

function readReceivedAt(card: Element): string | undefined {
  const now = new Date();
  const time = firstMatch(card, ['time[datetime]']);
  const candidates = [time?.getAttribute('datetime') ?? undefined, findValueByLabel(card, CREATED_LABELS, 120)];
  for (const text of candidates) {
    const clean = meaningful(text);
    if (!clean) continue;
    const date = parseCrmDate(clean, { now });
    if (date) return date.toISOString();
  }
  return arrivalFromFeed(card, now)?.toISOString();
}

function extract(doc: Document, url: URL): LeadSnapshot | null {
  const id = leadId(url, doc);
  const card = openCard(doc);
  if (!id || !card) return null;
  return buildSnapshot({ crm: CRM_ID, leadId: id, url }, () => {
    const sourceRaw = meaningful(findValueByLabel(card, SOURCE_LABELS, MAX.sourceRaw));
    return {
      name: readName(card),
      phone: readPhone(card),
      email: readEmail(card),
      sourceRaw,
      vehicle: meaningful(findValueByLabel(card, VEHICLE_LABELS, MAX.vehicle)),
      receivedAt: readReceivedAt(card),
      statusRaw: meaningful(findValueByLabel(card, STATUS_LABELS, MAX.statusRaw)),
    };
  });
}

export const drivecentricAdapter = defineAdapter(DRIVECENTRIC_ROUTE, {
  anchor: CARD,
  watch: CARD,
  leadId,
  extract,
  attemptHooks: [
    '[analyticsdetect="CustomerAction|Navigate|Call"]',
    '[analyticsdetect="CustomerActions|Call|Phone"]',
    '[analyticsdetect^="CustomerAction|Navigate|Phone"]',
    '[analyticsdetect*="|Call|"]',
    '[analyticsdetect*="ClickToCall"]',
  ],
});
