import { type LeadSnapshot } from '../../domain/model';
import { CARFLOW_LEAD_PATH, CARFLOW_ROUTE } from './route';
import { findByLabel, findValueByLabel, firstMatch, LABELS, meaningful, normaliseLabel, textOf } from '../../adapters/extract';
import { arrivalFromEntries } from '../../adapters/arrival';
import { parseCrmDate } from '../../adapters/parse-date';
import { defineAdapter } from '../define';
import { buildSnapshot, FIELD_MAX as MAX, linkValue, validLeadId } from '../../adapters/snapshot';

/*
 * Carflow Manager (BE/NL lead management, Dutch/French UI). Publicly known, from Carflow's own
 * help centre ("Info leadpagina"): the lead page header is coloured by status (In behandeling /
 * Gewonnen / Verloren) and shows contact, system code, owner, lead type, source, a countdown
 * to the deadline, counters for trade-ins/test drives/offers, created date, last activity and
 * the time since creation. Its markup is not public, so this adapter reads only what a user
 * sees: field labels in nl/fr/en and the status vocabulary, never class names. The fixtures
 * assume label/value pairs in the header and a contact card below it; the URL shape and hosts
 * are assumptions too (see carflow.route.ts).
 */

const CRM_ID = 'carflow';

const INTEREST_SECTIONS: ReadonlySet<string> = new Set(['Interesse', 'Intérêt', 'Interest', 'Interesse in']);

const L = {
  // Never "Lead type"/"Type de lead": Carflow shows the lead type next to the source.
  source: ['Bron', 'Leadbron', 'Herkomst', 'Source', 'Origine', 'Provenance', 'Lead source', 'Quelle', 'Lead-Quelle', 'Leadquelle', 'Herkunft'],
  created: [
    'Aangemaakt', 'Aangemaakt op', 'Aanmaakdatum', 'Créé le', 'Créé', 'Date de création', 'Created', 'Created on',
    'Erstellt', 'Erstellt am', 'Erstelldatum', 'Angelegt am',
  ],
  status: ['Status', 'Leadstatus', 'Statut', 'État', 'Etat'],
  // The person's own name first: "Contact"/"Client"/"Kunde" also title the contact card, and the
  // card's first field would be taken for the name.
  name: ['Naam', 'Contactpersoon', 'Nom', 'Personne de contact', 'Name', 'Kontaktperson', 'Ansprechpartner'],
  nameOrSection: ['Contact', 'Klant', 'Client', 'Customer', 'Kontakt', 'Kunde'],
  phone: ['GSM', 'Gsm', 'Mobiel', 'Telefoon', 'Téléphone', 'Portable', 'Tél.', 'Phone', 'Mobile', ...LABELS.phone],
  email: ['E-mail', 'Email', 'E-mailadres', 'Adresse e-mail', 'Courriel', ...LABELS.email],
  vehicle: ['Voertuig', 'Gewenst voertuig', 'Véhicule', "Véhicule d'intérêt", 'Vehicle', 'Fahrzeug', 'Wunschfahrzeug', ...LABELS.vehicle.filter((label) => !INTEREST_SECTIONS.has(label))],
  // Also the title of the vehicle card ("Interesse", "Intérêt"): only when no field is labelled.
  vehicleOrSection: [...INTEREST_SECTIONS],
} as const;

// What the header's status badge says when it has no label of its own.
const STATUS_WORDS = new Set(
  [
    'Nieuw', 'Open', 'In behandeling', 'Gewonnen', 'Verloren',
    'Nouveau', 'En cours', 'En traitement', 'Gagné', 'Gagnée', 'Perdu', 'Perdue',
    'New', 'In progress', 'Won', 'Lost',
    'Neu', 'In Bearbeitung', 'Gewonnen', 'Verloren',
  ].map(normaliseLabel),
);

// A lead opened from the Leads overview may show as a drawer or dialog over the list, outside
// <main>: the open one that shows lead fields is the record, the list behind it is noise.
const OVERLAYS = '[role="dialog"], [aria-modal="true"], dialog[open]';
const MAX_OVERLAYS = 20;

// The activity entry of the lead's arrival ("Lead aangemaakt via Marktplaats", "Lead créé",
// "Lead erstellt über mobile.de"), never a later change of the lead.
const ARRIVAL_ENTRY =
  /\blead\b[^.;]{0,20}\b(?:aangemaakt|ontvangen|binnengekomen|cree|créé|reçu|recu|erstellt|eingegangen|created|received)\b|\b(?:nieuwe|nouveau|neuer|new)\s+lead\b/i;

// How far above the source value the header may start: deep enough for a few wrappers, not
// so deep that the header becomes the whole page.
const MAX_HEADER_CLIMB = 6;

/**
 * The URL's numeric id. The header's "system code" is not used: it renders after the URL is
 * known, and a key that changed from URL id to system code mid-visit would split one lead in two.
 */
function leadId(url: URL, _doc: Document): string | null {
  try {
    return validLeadId(CARFLOW_LEAD_PATH.exec(url.pathname)?.[1]);
  } catch {
    return null;
  }
}

function containsLabel(el: Element, labels: readonly string[]): boolean {
  const text = ` ${normaliseLabel(textOf(el, 4000))} `;
  return labels.some((label) => text.includes(` ${normaliseLabel(label)}`));
}

/** The lead header: the smallest ancestor of the source value that also shows a created date. */
function headerRoot(page: ParentNode): Element | null {
  const source = findByLabel(page, L.source);
  let el = source?.parentElement ?? null;
  for (let i = 0; el && i < MAX_HEADER_CLIMB; i += 1, el = el.parentElement) {
    if (containsLabel(el, L.created)) return el;
  }
  return null;
}

function isShown(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const style = (node.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true' || style.includes('display:none')) return false;
  }
  return true;
}

/** The open drawer or dialog that shows this lead's fields, the newest when several are open. */
function openOverlay(doc: Document): Element | null {
  const overlays = Array.from(doc.querySelectorAll(OVERLAYS)).slice(0, MAX_OVERLAYS).reverse();
  return overlays.find((el) => isShown(el) && (containsLabel(el, L.source) || containsLabel(el, L.created))) ?? null;
}

function leaves(el: ParentNode): Element[] {
  return Array.from(el.querySelectorAll('*')).filter((child) => child.children.length === 0);
}

function readStatus(header: ParentNode, page: ParentNode): string | undefined {
  const labelled = meaningful(findValueByLabel(header, L.status, MAX.statusRaw));
  if (labelled) return labelled;
  // The badge often sits beside the field grid (next to the title), so look one level up too.
  const parent = header === page ? null : (header as Element).parentElement;
  for (const scope of parent && parent !== page ? [header, parent] : [header]) {
    for (const leaf of leaves(scope)) {
      const text = textOf(leaf, MAX.statusRaw);
      if (STATUS_WORDS.has(normaliseLabel(text))) return text;
    }
  }
  return header === page ? undefined : meaningful(findValueByLabel(page, L.status, MAX.statusRaw));
}

function readReceivedAt(header: ParentNode, page: ParentNode): string | undefined {
  const now = new Date();
  const el = findByLabel(header, L.created) ?? findByLabel(page, L.created);
  const inline = el ? undefined : meaningful(findValueByLabel(header, L.created, 120));
  const candidates: (string | undefined)[] = [inline];
  if (el) {
    const full = textOf(el, 120);
    candidates.push(
      firstMatch(el, ['time[datetime]'])?.getAttribute('datetime') ?? undefined,
      full,
      // "26/11/2026 14:05 (3 u geleden)": the elapsed time is a separate hint.
      full.split('(')[0]?.trim(),
      ...leaves(el).map((leaf) => textOf(leaf, 120)),
    );
  }
  for (const text of candidates) {
    if (!text) continue;
    const date = parseCrmDate(text, { now });
    if (date) return date.toISOString();
  }
  // Without a created field the activities still list when the lead came in.
  return arrivalFromEntries(page, { entry: ARRIVAL_ENTRY, now })?.toISOString();
}

function readName(header: ParentNode, page: ParentNode): string | undefined {
  const labelled =
    meaningful(findValueByLabel(header, L.name, MAX.name)) ??
    meaningful(findValueByLabel(page, L.name, MAX.name)) ??
    meaningful(findValueByLabel(header, L.nameOrSection, MAX.name)) ??
    meaningful(findValueByLabel(page, L.nameOrSection, MAX.name));
  if (labelled) return labelled;
  // The contact's name is the header's heading unless the heading names the lead itself.
  for (const heading of Array.from(header.querySelectorAll('h1, h2'))) {
    const text = meaningful(textOf(heading, MAX.name));
    if (text && !/\b(lead|opportunit|#\s*\d)/i.test(text)) return text;
  }
  return undefined;
}

function extract(doc: Document, url: URL): LeadSnapshot | null {
  const id = leadId(url, doc);
  if (!id) return null;
  return buildSnapshot({ crm: CRM_ID, leadId: id, url }, () => {
    const page: ParentNode = openOverlay(doc) ?? firstMatch(doc, ['main', '[role="main"]', 'body']) ?? doc;
    const header: ParentNode = headerRoot(page) ?? page;
    const sourceRaw = meaningful(findValueByLabel(header, L.source, MAX.sourceRaw));
    const phoneEl = findByLabel(page, L.phone);
    const emailEl = findByLabel(page, L.email);
    return {
      name: readName(header, page),
      phone: linkValue(firstMatch(phoneEl, ['a[href^="tel:" i]']), 'tel:') ?? meaningful(textOf(phoneEl, MAX.phone)),
      email: linkValue(firstMatch(emailEl, ['a[href^="mailto:" i]']), 'mailto:') ?? meaningful(textOf(emailEl, MAX.email)),
      sourceRaw,
      vehicle: meaningful(findValueByLabel(page, L.vehicle, MAX.vehicle)) ?? meaningful(findValueByLabel(page, L.vehicleOrSection, MAX.vehicle)),
      receivedAt: readReceivedAt(header, page),
      statusRaw: readStatus(header, page),
    };
  });
}

export const carflowAdapter = defineAdapter(CARFLOW_ROUTE, {
  // Labels, not classes: any main region counts; extraction decides whether it holds a lead.
  anchor: 'main, [role="main"]',
  leadId,
  extract,
  // No Carflow click-to-call control is publicly documented; tel: links are covered generically.
  attemptHooks: [],
});
