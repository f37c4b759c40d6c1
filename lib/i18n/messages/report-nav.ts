import { registerMessages } from '../registry';

// The links between the report pages, also in the popup: a table of their own, so the popup's
// first screen does not carry the report pages' texts.
const en = {
  'report.nav.label': 'Reports',
  'report.nav.source': 'Source report',
  'report.nav.team': 'Team',
} as const;

const nl: Record<keyof typeof en, string> = {
  'report.nav.label': 'Rapporten',
  'report.nav.source': 'Bronrapport',
  'report.nav.team': 'Team',
};

export const reportNav = { en, nl };

registerMessages(reportNav);
