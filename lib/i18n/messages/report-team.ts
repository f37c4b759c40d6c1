// Report page shell and the manager's team board. English is the reference: the Dutch table
// must have every key.
const en = {
  'report.nav.label': 'Reports',
  'report.nav.source': 'Source report',
  'report.nav.team': 'Team',
  'report.source.placeholder': 'The lead-source report loads here.',
  'report.team.title': 'Team board',
};

const nl: Record<keyof typeof en, string> = {
  'report.nav.label': 'Rapporten',
  'report.nav.source': 'Bronrapport',
  'report.nav.team': 'Team',
  'report.source.placeholder': 'Het rapport per leadbron verschijnt hier.',
  'report.team.title': 'Teambord',
};

export const reportTeam = { en, nl };
