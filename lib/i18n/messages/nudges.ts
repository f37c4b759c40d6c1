import { registerMessages } from '../registry';

// Notification and badge wording (background).
const en = {
  'nudge.new.title': 'New lead: call {name} now',
  'nudge.due.title': 'Time for attempt {step}: {name}',
  'nudge.overdue.title': 'Overdue: {name}',
  'nudge.body': '{source} · {channel} · waiting {age}',
  'nudge.group.title': '{count} leads need action now',
  'nudge.group.body': 'Most urgent: {name} ({source})',
  'nudge.group.bodyNew': '{newCount} new — first {name} ({source})',
  'nudge.summary.title': 'Good morning: {count} leads need action',
  'nudge.summary.titleOne': 'Good morning: 1 lead needs action',
  'nudge.summary.body': '{overdue} overdue. Start with the one waiting longest.',
  'nudge.summary.bodyNew': '{newCount} new, {overdue} overdue. The first minutes decide — start with the new ones.',
  'nudge.pacing.title': 'Month pacing: {sold} of {target} sold',
  'nudge.pacing.body': 'Expected by today: {expected}. At this pace you end at {projection}.',
  'nudge.pacing.start.title': 'This month: {target} sales in {days} business days',
  'nudge.pacing.start.body': 'On pace means about {expected} sales by {date}. On the 10th and the 20th you only hear from us when you are behind.',
  'nudge.pacing.start.bodyNoDay10': 'Follow your pace in the Leadpace popup.',
  'nudge.report.title': "Last month's source report is ready",
  'nudge.report.body': '{month}: {leads} leads, conversion by source, properly worked or not. Click to open it.',
  'nudge.badge.new': '{count} new (call first)',
  'nudge.badge.overdue': '{count} overdue',
  'nudge.badge.due': '{count} due',
  'nudge.badge.none': 'Leadpace — nothing needs action right now',
  'nudge.unknownName': 'a lead',
} as const;

const nl: Record<keyof typeof en, string> = {
  'nudge.new.title': 'Nieuwe lead: bel {name} nu',
  'nudge.due.title': 'Tijd voor poging {step}: {name}',
  'nudge.overdue.title': 'Te laat: {name}',
  'nudge.body': '{source} · {channel} · wacht {age}',
  'nudge.group.title': '{count} leads hebben nu actie nodig',
  'nudge.group.body': 'Meest urgent: {name} ({source})',
  'nudge.group.bodyNew': '{newCount} nieuw — eerst {name} ({source})',
  'nudge.summary.title': 'Goedemorgen: {count} leads hebben actie nodig',
  'nudge.summary.titleOne': 'Goedemorgen: 1 lead heeft actie nodig',
  'nudge.summary.body': '{overdue} te laat. Begin bij wie het langst wacht.',
  'nudge.summary.bodyNew': '{newCount} nieuw, {overdue} te laat. De eerste minuten beslissen — begin bij de nieuwe leads.',
  'nudge.pacing.title': 'Maandtempo: {sold} van {target} verkocht',
  'nudge.pacing.body': 'Verwacht tot vandaag: {expected}. In dit tempo eindig je op {projection}.',
  'nudge.pacing.start.title': 'Deze maand: {target} verkopen in {days} werkdagen',
  'nudge.pacing.start.body': 'Op schema ben je met ongeveer {expected} verkopen op {date}. Op de 10e en de 20e hoor je alleen iets als je achterloopt.',
  'nudge.pacing.start.bodyNoDay10': 'Volg je tempo in de Leadpace-pop-up.',
  'nudge.report.title': 'Het bronnenrapport van vorige maand staat klaar',
  'nudge.report.body': '{month}: {leads} leads, conversie per bron, goed opgevolgd of niet. Klik om het te openen.',
  'nudge.badge.new': '{count} nieuw (eerst bellen)',
  'nudge.badge.overdue': '{count} te laat',
  'nudge.badge.due': '{count} aan de beurt',
  'nudge.badge.none': 'Leadpace — er hoeft nu niets te gebeuren',
  'nudge.unknownName': 'een lead',
};

export const nudges = { en, nl };

registerMessages(nudges);
