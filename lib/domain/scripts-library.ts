import type { CallScript, ScriptCard, ScriptLang, Situation, StepKind } from './scripts';

// ---------------------------------------------------------------------------------------------
// Default scripts. Structure of a speed-to-lead call: opener, answer their question first,
// discovery, reason to visit, appointment with two concrete options, confirm on their channel
// (WhatsApp in the Netherlands), log the outcome. A default and its translation share an id:
// they are one script in two languages. Change the text → bump DEFAULTS_VERSION, so logged
// attempts keep pointing at the words the rep actually saw.

/** Ids of built-in scripts start with this; a dealer's scripts never do. */
export const DEFAULT_ID_PREFIX = 'default-';
export const isDefaultScriptId = (id: string): boolean => id.startsWith(DEFAULT_ID_PREFIX);

const DEFAULTS_VERSION = 1;

type StepTexts = Record<Exclude<StepKind, 'other'>, string>;

interface Language {
  titles: Record<Exclude<StepKind, 'other'>, string>;
  shared: Pick<StepTexts, 'appointment' | 'confirm' | 'log_outcome'>;
  cards: ScriptCard[];
}

const NL: Language = {
  titles: {
    opener: 'Opening',
    answer_question: 'Vraag beantwoorden',
    discovery: 'Inventariseren',
    reason_to_visit: 'Reden om langs te komen',
    appointment: 'Afspraak met twee opties',
    confirm: 'Bevestigen via WhatsApp of e-mail',
    log_outcome: 'Uitkomst vastleggen',
  },
  shared: {
    appointment:
      'Past het u beter aan het begin of aan het eind van de week? … En liever overdag of aan het eind van de middag? … Dan heb ik donderdag om 16.30 uur of zaterdag om 10.00 uur. Wat komt u het beste uit? (Noem twee echte tijden uit je agenda.)',
    confirm:
      'Ik stuur u zo een bevestiging via WhatsApp met de tijd, ons adres en mijn naam. Vraagt u bij binnenkomst naar {rep.firstName}. Heeft u liever e-mail? Dan stuur ik hem daarheen.',
    log_outcome:
      'Leg de uitkomst meteen vast met één klik: gesproken, afspraak, voicemail, geen gehoor, verkeerd nummer of geen interesse. Leadpace plant dan de volgende poging.',
  },
  cards: [
    {
      kind: 'voicemail',
      title: 'Voicemail inspreken',
      text: 'Goedendag {customer.firstName}, met {rep.firstName} van {dealer.name}, over de {vehicle} waar u naar vroeg. [Eén nuttig feit, bijvoorbeeld: hij staat klaar voor een proefrit deze week.] Ik stuur u zo een WhatsApp-bericht, dan kunt u reageren wanneer het u uitkomt. Terugbellen op dit nummer kan natuurlijk ook. Fijne dag! — Stuur daarna direct dat WhatsApp-bericht.',
    },
    {
      kind: 'best_price',
      title: '„Stuur me gewoon uw beste prijs”',
      text: 'Begrijpelijk, u wilt niet voor niets komen. De rijklare prijs van de {vehicle} is [prijs], inclusief [garantie, onderhoudsbeurt, APK]. Wat u uiteindelijk betaalt, hangt af van uw inruilauto en eventuele financiering, en uw auto kan ik pas eerlijk waarderen als ik hem gezien heb. Ik stuur u de prijsopbouw nu via WhatsApp. Zullen we de taxatie en een proefrit combineren, donderdag of zaterdag?',
    },
    {
      kind: 'not_ready',
      title: '„Ik ben nog aan het oriënteren”',
      text: 'Prima, juist dan helpt een proefrit: dan weet u wat u wel en niet wilt. Wanneer wilt u ongeveer rijden? … Zal ik u een paar vergelijkbare auto’s via WhatsApp sturen en plannen we een vrijblijvende proefrit? Lukt een afspraak nu niet, leg dan ‘gesproken’ vast: Leadpace houdt het vervolg bij.',
    },
    {
      kind: 'already_bought',
      title: '„Ik heb al een auto gekocht”',
      text: 'Gefeliciteerd! Mag ik vragen wat het geworden is, en waarom daar? Daar leren we van. Mogen we u later benaderen voor onderhoud of uw volgende auto? Sluit de lead als verloren met reden ‘Elders gekocht’.',
    },
    {
      kind: 'email_only',
      title: '„Mail het maar”',
      text: 'Natuurlijk. Klopt uw e-mailadres nog? Wat wilt u er minimaal in zien om te kunnen beslissen: prijs, foto’s, inruilwaarde, financiering? Ik stuur het vandaag nog. Doe de volgende pogingen per e-mail, maar houd het ritme van de opvolging aan.',
    },
  ],
};

const EN: Language = {
  titles: {
    opener: 'Opener',
    answer_question: 'Answer their question first',
    discovery: 'Discovery',
    reason_to_visit: 'Reason to visit',
    appointment: 'Appointment, two options',
    confirm: 'Confirm via WhatsApp or e-mail',
    log_outcome: 'Log the outcome',
  },
  shared: {
    appointment:
      'Does early or late in the week suit you better? … Daytime or late afternoon? … Then I have Thursday at 4:30 pm or Saturday at 10:00 am. Which works best for you? (Offer two real slots from your calendar.)',
    confirm:
      'I’ll send you a confirmation on WhatsApp right away with the time, our address and my name; ask for {rep.firstName} when you arrive. Prefer e-mail? Then I’ll send it there.',
    log_outcome:
      'Log the outcome straight away with one click: reached, appointment, voicemail, no answer, wrong number or not interested. Leadpace schedules the next attempt.',
  },
  cards: [
    {
      kind: 'voicemail',
      title: 'Leave a voicemail',
      text: 'Hi {customer.firstName}, this is {rep.firstName} from {dealer.name}, about the {vehicle} you asked about. [One useful fact, for example: it’s ready for a test drive this week.] I’ll send you a WhatsApp message so you can reply whenever it suits you, or call me back on this number. Have a good day! — Then send that WhatsApp message straight away.',
    },
    {
      kind: 'best_price',
      title: '“Just send me your best price”',
      text: 'Fair enough, you don’t want a wasted trip. The drive-away price of the {vehicle} is [price], including [warranty, service, MOT]. What you finally pay depends on your trade-in and any finance, and I can only value your car honestly once I’ve seen it. I’ll send you the price breakdown on WhatsApp now. Shall we combine the appraisal with a test drive, Thursday or Saturday?',
    },
    {
      kind: 'not_ready',
      title: '“I’m not ready yet”',
      text: 'No problem — that’s exactly when a test drive helps: you find out what you do and don’t want. Roughly when are you looking to be driving? … Shall I WhatsApp you a few comparable cars and book a no-obligation test drive? If no appointment comes of it, log “reached”: Leadpace keeps track of the follow-up.',
    },
    {
      kind: 'already_bought',
      title: '“I’ve already bought a car”',
      text: 'Congratulations! May I ask what you went for, and why there? It helps us improve. May we get in touch about servicing or your next car? Close the lead as lost with the reason “Bought elsewhere”.',
    },
    {
      kind: 'email_only',
      title: '“Just e-mail me”',
      text: 'Of course. Is your e-mail address still correct? What do you need to see to decide: price, photos, trade-in value, finance? I’ll send it today. Switch to e-mail for the next attempts, but keep the cadence.',
    },
  ],
};

function build(
  language: Language,
  lang: ScriptLang,
  meta: { id: string; name: string; sources: readonly string[]; situation: Situation },
  texts: Pick<StepTexts, 'opener' | 'answer_question' | 'discovery' | 'reason_to_visit'>,
): CallScript {
  const all: StepTexts = { ...texts, ...language.shared };
  const kinds = Object.keys(language.titles) as (keyof StepTexts)[];
  return {
    id: meta.id,
    version: DEFAULTS_VERSION,
    name: meta.name,
    lang,
    sources: [...meta.sources],
    situation: meta.situation,
    steps: kinds.map((kind) => ({ kind, title: language.titles[kind], text: all[kind] })),
    cards: language.cards.map((card) => ({ ...card })),
  };
}

const nl = (meta: Parameters<typeof build>[2], texts: Parameters<typeof build>[3]) => build(NL, 'nl', meta, texts);
const en = (meta: Parameters<typeof build>[2], texts: Parameters<typeof build>[3]) => build(EN, 'en', meta, texts);

const GENERIC = { id: 'default-first-contact', sources: [], situation: 'first_contact' } as const;
const FOLLOW_UP = { id: 'default-follow-up', sources: [], situation: 'follow_up' } as const;
const WEBSITE = { id: 'default-website', sources: ['website'], situation: 'first_contact' } as const;
const IMPORTER = { id: 'default-importer', sources: ['importer'], situation: 'first_contact' } as const;
const MARKTPLAATS = { id: 'default-marktplaats', sources: ['marktplaats'], situation: 'first_contact' } as const;
const PORTALS = { id: 'default-portals', sources: ['autotrack', 'autoscout24'], situation: 'first_contact' } as const;

const NL_SCRIPTS: CallScript[] = [
  nl(
    { ...GENERIC, name: 'Eerste contact – alle bronnen' },
    {
      opener:
        'Goedendag {customer.firstName}, u spreekt met {rep.firstName} van {dealer.name}. U vroeg via {source} naar de {vehicle}. Komt het nu even uit?',
      answer_question:
        'Beantwoord eerst eerlijk hun vraag: staat de {vehicle} er nog, wat is de rijklare prijs en waar hangt het eindbedrag van af (inruil, financiering, opties)? Noem geen bodemprijs die je niet waar kunt maken.',
      discovery:
        'Wanneer wilt u ongeveer rijden? Heeft u een auto om in te ruilen (merk, bouwjaar, kilometerstand)? Contant, financieren of private lease? Beslist u samen met iemand? Welke andere auto’s vergelijkt u nog?',
      reason_to_visit:
        'Ik zet de {vehicle} voor u klaar, zodat u meteen een proefrit kunt maken. Neemt u uw huidige auto mee? Dan taxeren we die ter plekke en weet u direct waar u aan toe bent.',
    },
  ),
  nl(
    { ...FOLLOW_UP, name: 'Opvolging – alle bronnen' },
    {
      opener:
        'Goedendag {customer.firstName}, met {rep.firstName} van {dealer.name}. Ik bel u nog even over de {vehicle} die u via {source} bekeek. Komt het nu uit?',
      answer_question:
        'Verwijs naar je eerdere WhatsApp-bericht of e-mail en vraag of er nog vragen zijn. Beantwoord die eerst, eerlijk: staat de {vehicle} er nog, wat is de rijklare prijs en waar hangt het eindbedrag van af?',
      discovery:
        'Is er iets veranderd sinds uw aanvraag? Kijkt u nog naar deze auto of inmiddels naar iets anders? Heeft u een auto om in te ruilen? Wanneer wilt u rijden?',
      reason_to_visit:
        'Zullen we het concreet maken? Ik zet de {vehicle} klaar voor een proefrit en we taxeren uw huidige auto ter plekke, zodat u met een compleet voorstel naar huis gaat.',
    },
  ),
  nl(
    { ...WEBSITE, name: 'Website – eerste contact' },
    {
      opener:
        'Goedendag {customer.firstName}, u spreekt met {rep.firstName} van {dealer.name}. U liet via onze website uw gegevens achter voor de {vehicle}. Komt het nu even uit?',
      answer_question:
        'Kijk wat ze precies vroegen (proefrit, inruil, financiering, ‘nog beschikbaar?’) en beantwoord dát eerst. Bevestig dat de {vehicle} er nog staat, noem de rijklare prijs en wat erbij zit: onderhoudsbeurt, APK, garantie. Waar het eindbedrag van afhangt, zeg je eerlijk.',
      discovery:
        'Wat sprak u aan in deze auto? Wanneer wilt u ongeveer rijden? Heeft u een auto om in te ruilen? Contant, financieren of private lease? Beslist u samen met iemand?',
      reason_to_visit:
        'Ik zet de {vehicle} voor u klaar voor een proefrit. Neemt u uw huidige auto mee? Dan taxeren we die meteen en kunt u alles in één bezoek regelen.',
    },
  ),
  nl(
    { ...IMPORTER, name: 'Importeur/merksite – eerste contact' },
    {
      opener:
        'Goedendag {customer.firstName}, u spreekt met {rep.firstName} van {dealer.name}. Uw aanvraag voor de {vehicle} via de website van het merk is bij ons terechtgekomen: wij zijn de dealer bij u in de buurt. Komt het nu even uit?',
      answer_question:
        'Beantwoord eerst hun vraag (proefrit, offerte, brochure, levertijd). Vertel eerlijk wat er op voorraad staat en wat besteld moet worden, met een indicatie van de levertijd. Prijs: noem de vanafprijs van de {vehicle} en zeg dat uitvoering, opties en inruil het eindbedrag bepalen.',
      discovery:
        'Welke uitvoering heeft u op het oog: benzine, hybride of elektrisch? Rijdt u privé of zakelijk? Kopen, financieren of private lease? Wanneer moet de nieuwe auto er zijn? Wat rijdt u nu, en wilt u die inruilen?',
      reason_to_visit:
        'Een configurator zegt weinig over hoe een auto rijdt. Ik plan een proefrit in de {vehicle}, en als u uw huidige auto meeneemt, taxeren we die direct en maak ik een offerte op maat.',
    },
  ),
  nl(
    { ...MARKTPLAATS, name: 'Marktplaats – eerste contact' },
    {
      opener:
        'Goedendag {customer.firstName}, u spreekt met {rep.firstName} van {dealer.name}. U stuurde ons via Marktplaats een bericht over de {vehicle}. Ik bel u even, dat praat makkelijker dan berichtjes. Komt het nu uit?',
      answer_question:
        'Marktplaats-kopers vragen meestal ‘is hij nog beschikbaar?’ en ‘wat is de laatste prijs?’. Bevestig dat de {vehicle} er nog staat en noem de rijklare prijs. Leg uit wat je als dealer meer biedt dan een particulier: garantie, onderhoudsbeurt, APK, NAP, inruil en financiering. Geen bodemprijs aan de telefoon: het eindbedrag hangt af van inruil en financiering.',
      discovery:
        'Kijkt u nog naar andere advertenties? Wat is voor u het belangrijkst: prijs, kilometerstand of uitvoering? Heeft u een auto om in te ruilen? Wanneer wilt u rijden? Contant of financieren?',
      reason_to_visit:
        'Auto’s op Marktplaats gaan snel. Als we nu een afspraak maken, houd ik de {vehicle} tot dan voor u vast en staat hij klaar voor een proefrit. Uw inruilauto taxeren we ter plekke.',
    },
  ),
  nl(
    { ...PORTALS, name: 'AutoTrack/AutoScout24 – eerste contact' },
    {
      opener:
        'Goedendag {customer.firstName}, u spreekt met {rep.firstName} van {dealer.name}. U reageerde via {source} op onze {vehicle}. Komt het nu even uit?',
      answer_question:
        'Deze kopers vergelijken vaak meerdere aanbieders naast elkaar. Beantwoord eerst hun vraag: staat de {vehicle} er nog, wat is de rijklare prijs, is er onderhoudshistorie, NAP en garantie? Stuur gerust meteen extra foto’s of een video via WhatsApp. Geen bodemprijs: het eindbedrag hangt af van inruil en financiering.',
      discovery:
        'Welke andere auto’s heeft u op het oog, en wat vindt u daar beter of minder aan? Heeft u een auto om in te ruilen? Wanneer wilt u rijden? Contant, financieren of lease? Komt u van ver? Dan plannen we het zo dat u alles in één keer regelt.',
      reason_to_visit:
        'Vergelijken doet u het best in het echt: ik zet de {vehicle} klaar voor een proefrit en we taxeren uw inruilauto ter plekke, zodat u met een compleet voorstel naar huis gaat.',
    },
  ),
];

const EN_SCRIPTS: CallScript[] = [
  en(
    { ...GENERIC, name: 'First contact – any source' },
    {
      opener:
        'Hi {customer.firstName}, this is {rep.firstName} from {dealer.name}. You asked about the {vehicle} on {source}. Is now a bad moment?',
      answer_question:
        'Answer their question first, honestly: is the {vehicle} still available, what is the drive-away price, and what does the final figure depend on (trade-in, finance, extras)? Never quote a rock-bottom price you can’t stand behind.',
      discovery:
        'When are you looking to be driving it? Anything to trade in (make, year, mileage)? Paying cash, financing or private lease? Is anyone else involved in the decision? Which other cars are you comparing?',
      reason_to_visit:
        'I’ll have the {vehicle} ready so you can take it for a test drive straight away. Bring your current car along and we’ll appraise it on the spot, so you know exactly where you stand.',
    },
  ),
  en(
    { ...FOLLOW_UP, name: 'Follow-up – any source' },
    {
      opener:
        'Hi {customer.firstName}, {rep.firstName} from {dealer.name} here. I’m following up on the {vehicle} you looked at on {source}. Is now a good moment?',
      answer_question:
        'Refer to your earlier WhatsApp message or e-mail and ask whether they have questions. Answer those first, honestly: is the {vehicle} still available, what is the drive-away price, and what does the final figure depend on?',
      discovery:
        'Has anything changed since you enquired? Are you still looking at this car or at something else by now? Anything to trade in? When are you looking to be driving?',
      reason_to_visit:
        'Shall we make it concrete? I’ll have the {vehicle} ready for a test drive and we’ll appraise your current car on the spot, so you go home with a complete offer.',
    },
  ),
  en(
    { ...WEBSITE, name: 'Website – first contact' },
    {
      opener:
        'Hi {customer.firstName}, this is {rep.firstName} from {dealer.name}. You left your details on our website about the {vehicle}. Is now a good moment?',
      answer_question:
        'Check what exactly they asked (test drive, trade-in, finance, “still available?”) and answer that first. Confirm the {vehicle} is still here, give the drive-away price and what comes with it: service, MOT, warranty. Be honest about what the final figure depends on.',
      discovery:
        'What caught your eye about this car? Roughly when are you looking to be driving? Anything to trade in? Cash, finance or private lease? Is anyone else involved in the decision?',
      reason_to_visit:
        'I’ll have the {vehicle} ready for a test drive. Bring your current car along and we’ll appraise it right away, so you can sort everything in one visit.',
    },
  ),
  en(
    { ...IMPORTER, name: 'Importer/brand site – first contact' },
    {
      opener:
        'Hi {customer.firstName}, this is {rep.firstName} from {dealer.name}. Your request about the {vehicle} on the brand’s website came through to us: we’re your local dealer. Is now a good moment?',
      answer_question:
        'Answer their request first (test drive, quote, brochure, delivery time). Be honest about what is in stock and what has to be ordered, with an indication of the delivery time. Price: give the starting price of the {vehicle} and explain that trim, options and trade-in decide the final figure.',
      discovery:
        'Which version do you have in mind: petrol, hybrid or electric? Private or company car? Buying, financing or private lease? When do you need the new car? What are you driving now, and would you like to trade it in?',
      reason_to_visit:
        'A configurator tells you little about how a car drives. I’ll book you a test drive in the {vehicle}, and if you bring your current car we’ll appraise it straight away and I’ll put together a tailored quote.',
    },
  ),
  en(
    { ...MARKTPLAATS, name: 'Marktplaats – first contact' },
    {
      opener:
        'Hi {customer.firstName}, this is {rep.firstName} from {dealer.name}. You messaged us on Marktplaats about the {vehicle}. I thought I’d call, it’s easier than messages back and forth. Is now a good moment?',
      answer_question:
        'Marktplaats buyers usually ask “is it still available?” and “what’s your lowest price?”. Confirm the {vehicle} is still here and give the drive-away price. Explain what a dealer offers that a private seller doesn’t: warranty, service, MOT, verified mileage, trade-in and finance. No rock-bottom price on the phone: the final figure depends on trade-in and finance.',
      discovery:
        'Are you looking at other ads as well? What matters most to you: price, mileage or spec? Anything to trade in? When are you looking to be driving? Cash or finance?',
      reason_to_visit:
        'Cars on Marktplaats go quickly. If we book an appointment now, I’ll hold the {vehicle} for you until then and have it ready for a test drive. We’ll appraise your trade-in on the spot.',
    },
  ),
  en(
    { ...PORTALS, name: 'AutoTrack/AutoScout24 – first contact' },
    {
      opener:
        'Hi {customer.firstName}, this is {rep.firstName} from {dealer.name}. You responded on {source} to our {vehicle}. Is now a good moment?',
      answer_question:
        'These buyers often compare several sellers side by side. Answer their question first: is the {vehicle} still available, what is the drive-away price, is there a service history, verified mileage and warranty? Offer to WhatsApp extra photos or a video right away. No rock-bottom price: the final figure depends on trade-in and finance.',
      discovery:
        'Which other cars are you considering, and what do you like more or less about them? Anything to trade in? When are you looking to be driving? Cash, finance or lease? Coming from far away? Then we’ll plan it so you can sort everything in one trip.',
      reason_to_visit:
        'Comparing works best in person: I’ll have the {vehicle} ready for a test drive and we’ll appraise your trade-in on the spot, so you go home with a complete offer.',
    },
  ),
];

/** Every built-in script, both languages. */
export const DEFAULT_LIBRARY: readonly CallScript[] = [...NL_SCRIPTS, ...EN_SCRIPTS];

function requireDefault(lang: ScriptLang): CallScript {
  const found = DEFAULT_LIBRARY.find((s) => s.lang === lang && s.id === GENERIC.id);
  if (!found) throw new Error(`no generic default script for ${lang}`);
  return found;
}

/** The generic first-contact script per language: the fallback when nothing else matches. */
export const DEFAULT_SCRIPTS: Record<ScriptLang, CallScript> = {
  nl: requireDefault('nl'),
  en: requireDefault('en'),
};
