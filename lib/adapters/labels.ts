// The field labels CRMs print, and how two labels are compared (case, accents, colons and
// asterisks ignored). Shared by every adapter's label search (./extract.ts).

/** Longest text a label search treats as a label. */
export const MAX_LABEL_TEXT = 60;

/** Field labels as CRMs print them (nl, en, de, fr). Matching ignores case, accents, colons. */
export const LABELS = {
  name: [
    'Naam', 'Klantnaam', 'Klant', 'Contactpersoon', 'Volledige naam', 'Naam klant',
    'Name', 'Full name', 'Customer', 'Customer name', 'Contact', 'Contact name', 'Lead name',
    'Kunde', 'Kundenname', 'Vollständiger Name', 'Ansprechpartner',
    'Nom', 'Nom complet', 'Client', 'Nom du client',
  ],
  phone: [
    'Telefoon', 'Telefoonnummer', 'Tel', 'Tel.', 'Mobiel', 'Mobiel nummer', 'Mobiele telefoon', 'GSM',
    'Phone', 'Phone number', 'Mobile', 'Mobile phone', 'Cell', 'Cell phone', 'Home phone',
    'Work phone', 'Day phone', 'Evening phone',
    'Telefon', 'Telefonnummer', 'Handy', 'Mobil', 'Mobilnummer',
    'Téléphone', 'Numéro de téléphone', 'Portable', 'Tél', 'Tél.',
  ],
  email: [
    'E-mail', 'Email', 'E-mailadres', 'Emailadres', 'Mail',
    'E-mail address', 'Email address',
    'E-Mail', 'E-Mail-Adresse',
    'Courriel', 'Adresse e-mail', 'Adresse email', 'Adresse électronique',
  ],
  source: [
    'Bron', 'Leadbron', 'Herkomst', 'Kanaal', 'Leadkanaal',
    'Source', 'Lead source', 'Lead Source', 'Origin', 'Channel', 'Lead channel', 'Lead type',
    'Herkunft', 'Quelle', 'Lead-Quelle', 'Leadquelle', 'Kanal',
    'Origine', 'Source du lead', 'Provenance', 'Canal',
  ],
  created: [
    'Aangemaakt', 'Aangemaakt op', 'Ontvangen', 'Ontvangen op', 'Binnengekomen', 'Binnengekomen op',
    'Datum', 'Aanmaakdatum', 'Datum aangemaakt', 'Leaddatum',
    'Created', 'Created at', 'Created on', 'Date created', 'Created date', 'Received',
    'Received at', 'Received on', 'Date received', 'Lead date', 'Submitted', 'Submitted on',
    'Erstellt', 'Erstellt am', 'Eingegangen', 'Eingegangen am', 'Eingang', 'Erstelldatum',
    'Créé', 'Créé le', 'Reçu', 'Reçu le', 'Date de création', 'Date de réception',
  ],
  vehicle: [
    'Interesse', 'Voertuig', 'Auto', 'Occasion', 'Model', 'Interesse in', 'Gewenste auto',
    'Vehicle', 'Vehicle of interest', 'Interest', 'Car', 'Model of interest', 'Vehicle interest',
    'Stock vehicle', 'Fahrzeug', 'Wunschfahrzeug', 'Fahrzeuginteresse', 'Modell',
    'Véhicule', 'Intérêt', "Véhicule d'intérêt", 'Modèle', 'Voiture',
  ],
  status: [
    'Status', 'Leadstatus', 'Fase', 'Stage', 'Lead status', 'Lead stage',
    'Bearbeitungsstatus', 'Phase', 'Statut', 'État', 'Etape',
  ],
} as const satisfies Record<string, readonly string[]>;

export type LabelKey = keyof typeof LABELS;

// A label search normalises every text node it walks past, and an extraction runs several
// searches, again on every re-read: on a large page NFKD and the regexes below were most of an
// extraction's time (VinSolutions on the large-page benchmark's 5,400-element page: 22–28 ms
// median before this memo, 6–10 ms with it). The function is pure, so remembering short inputs
// is safe; the memo is bounded by characters.
const LABEL_MEMO_MAX_CHARS = 100_000;
const labelMemo = new Map<string, string>();
let labelMemoChars = 0;
const NON_ASCII = /[^\p{ASCII}]/u;

/** Lower-case, accent-free, single-spaced, without trailing ":" / "*" — for label comparison. */
export function normaliseLabel(text: string): string {
  const known = labelMemo.get(text);
  if (known !== undefined) return known;
  const normalised = normaliseLabelText(text);
  if (text.length <= MAX_LABEL_TEXT * 4) {
    if (labelMemoChars + text.length > LABEL_MEMO_MAX_CHARS) {
      labelMemo.clear();
      labelMemoChars = 0;
    }
    labelMemo.set(text, normalised);
    labelMemoChars += text.length;
  }
  return normalised;
}

function normaliseLabelText(text: string): string {
  // NFKD leaves ASCII as it is: skip it (and the accent strip) for the common case.
  return (NON_ASCII.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s:*]+$/u, '')
    .trim()
    .toLowerCase();
}
