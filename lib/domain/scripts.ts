// Call scripts: sequences of steps whose text may hold placeholders such as
// {customer.firstName}. Rendering returns segments, never HTML, so a hostile value from a
// CRM page can only ever be shown as text.

export type ScriptLang = 'nl' | 'en';

export interface ScriptStep {
  title: string;
  text: string;
}

export interface CallScript {
  id: string;
  version: number;
  lang: ScriptLang;
  steps: ScriptStep[];
}

export const PLACEHOLDERS = [
  'customer.firstName',
  'customer.name',
  'vehicle',
  'rep.firstName',
  'dealer.name',
  'source',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

export type Segment = { kind: 'text'; text: string } | { kind: 'value'; text: string } | { kind: 'blank'; name: string };

const isPlaceholder = (name: string): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name);

/** Splits a template into literal text, filled values and visible blanks. */
export function renderTemplate(template: string, values: PlaceholderValues): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{([a-zA-Z.]+)\}/g)) {
    const index = match.index;
    const name = match[1] ?? '';
    if (index > last) segments.push({ kind: 'text', text: template.slice(last, index) });
    const value = isPlaceholder(name) ? values[name]?.trim() : undefined;
    segments.push(value ? { kind: 'value', text: value } : { kind: 'blank', name });
    last = index + match[0].length;
  }
  if (last < template.length) segments.push({ kind: 'text', text: template.slice(last) });
  return segments;
}

export const firstName = (fullName: string | undefined): string | undefined =>
  fullName?.trim().split(/\s+/)[0] || undefined;

// Structure after RESEARCH.md §5.2: opener, answer their question first, discovery, reason to
// visit, appointment with two concrete options, confirm on their channel, log the outcome.
export const DEFAULT_SCRIPTS: Record<ScriptLang, CallScript> = {
  nl: {
    id: 'default-first-contact',
    version: 1,
    lang: 'nl',
    steps: [
      {
        title: 'Opening',
        text: 'Goedemiddag {customer.firstName}, u spreekt met {rep.firstName} van {dealer.name}. U vroeg via {source} naar de {vehicle}. Komt het nu even uit?',
      },
      {
        title: 'Vraag beantwoorden',
        text: 'Beantwoord eerst eerlijk hun vraag: beschikbaarheid, waar de prijs van afhangt, wat er bij de aflevering hoort. Geen nepprijs.',
      },
      {
        title: 'Inventariseren',
        text: 'Wanneer wilt u rijden? Heeft u een inruilauto? Contant, financieren of lease? Beslist u samen met iemand? Welke auto’s vergelijkt u nog?',
      },
      {
        title: 'Reden om langs te komen',
        text: 'Ik zet de {vehicle} voor u klaar voor een proefrit, en we taxeren uw inruilauto meteen ter plekke.',
      },
      {
        title: 'Afspraak met twee opties',
        text: 'Past het u beter aan het begin of het eind van de week? … Zal ik donderdag 10:00 of zaterdag 11:30 voor u vastzetten?',
      },
      {
        title: 'Bevestigen',
        text: 'Ik stuur u de bevestiging met adres via WhatsApp. Vraag gerust naar mij, {rep.firstName}.',
      },
      { title: 'Uitkomst vastleggen', text: 'Leg de uitkomst hieronder met één klik vast.' },
    ],
  },
  en: {
    id: 'default-first-contact',
    version: 1,
    lang: 'en',
    steps: [
      {
        title: 'Opener',
        text: 'Hi {customer.firstName}, this is {rep.firstName} from {dealer.name}. You asked about the {vehicle} on {source}. Is now a bad moment?',
      },
      {
        title: 'Answer their question first',
        text: 'Answer honestly: availability, what the price depends on, what comes with delivery. Never a fake final number.',
      },
      {
        title: 'Discovery',
        text: 'When would you like to drive it? Any trade-in? Cash, finance or lease? Anyone else deciding with you? What else are you comparing?',
      },
      {
        title: 'Reason to visit',
        text: 'I’ll have the {vehicle} ready for a test drive, and we can appraise your trade-in on the spot.',
      },
      {
        title: 'Appointment, two options',
        text: 'Is early or late in the week better? … Shall I book Thursday 10:00 or Saturday 11:30 for you?',
      },
      {
        title: 'Lock it in',
        text: 'I’ll send the confirmation with directions by WhatsApp or e-mail. Ask for me, {rep.firstName}.',
      },
      { title: 'Log the outcome', text: 'Log the outcome below with one click.' },
    ],
  },
};
