// Notification and badge wording (background).
const en = {
  'nudge.new.title': 'New lead: call {name} now',
  'nudge.due.title': 'Time for attempt {step}: {name}',
  'nudge.overdue.title': 'Overdue: {name}',
  'nudge.body': '{source} · {channel} · waiting {age}',
  'nudge.group.title': '{count} leads need action now',
  'nudge.group.body': 'Most urgent: {name} ({source})',
  'nudge.summary.title': 'Good morning: {count} leads need action',
  'nudge.summary.body': '{overdue} overdue. The first five minutes decide — start with the oldest.',
  'nudge.pacing.title': 'Month pacing: {sold} of {target} sold',
  'nudge.pacing.body': 'Expected by today: {expected}. At this pace you end at {projection}.',
  'nudge.unknownName': 'a lead',
} as const;

const nl: Record<keyof typeof en, string> = {
  'nudge.new.title': 'Nieuwe lead: bel {name} nu',
  'nudge.due.title': 'Tijd voor poging {step}: {name}',
  'nudge.overdue.title': 'Te laat: {name}',
  'nudge.body': '{source} · {channel} · wacht {age}',
  'nudge.group.title': '{count} leads hebben nu actie nodig',
  'nudge.group.body': 'Meest urgent: {name} ({source})',
  'nudge.summary.title': 'Goedemorgen: {count} leads hebben actie nodig',
  'nudge.summary.body': '{overdue} te laat. De eerste vijf minuten beslissen — begin bij de oudste.',
  'nudge.pacing.title': 'Maandtempo: {sold} van {target} verkocht',
  'nudge.pacing.body': 'Verwacht tot vandaag: {expected}. In dit tempo eindig je op {projection}.',
  'nudge.unknownName': 'een lead',
};

export const nudges = { en, nl };
