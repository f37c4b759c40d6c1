import { registerMessages } from '../registry';

// The CRM's own status and the backlog (panel, popup, Options). English is the reference: the
// Dutch table must have every key.
const en = {
  'crmStatus.setInCrm': 'set in the CRM',
  'crmStatus.setInCrmTitle': 'The CRM showed this status; Leadpace followed it. It never moves a lead back.',
  'backlog.note': 'from before Leadpace',
  'backlog.noteTitle':
    'This lead was in your CRM before Leadpace went live there. It is shown as it is, but never counted in speed, SLA or the leaderboard.',
  'options.statusRules.title': 'CRM status',
  'options.statusRules.intro':
    'When a lead’s status in your CRM is further along than in Leadpace, Leadpace follows it: once, and never backwards. A lead closed in the CRM is judged by the same closed-too-early rule as one closed in the panel.',
  'options.statusRules.help': 'A rule matches whole words, in any case; the first matching rule wins.',
  'options.statusRules.match': 'CRM text',
  'options.statusRules.status': 'Leadpace status',
  'options.statusRules.lostReason': 'Reason',
  'options.statusRules.ignore': 'No change',
  'options.statusRules.edit': 'Show and edit the rules ({count})',
  'options.statusRules.add': 'Add rule',
  'options.statusRules.remove': 'Remove',
  'options.statusRules.save': 'Save status rules',
  'options.statusRules.reset': 'Back to the defaults',
  'options.statusRules.saved': 'Status rules saved.',
  'options.statusRules.invalid': 'Rule {row}: {reason}. Nothing was saved.',
  'options.statusRules.emptyMatch': 'the CRM text is empty',
  'options.statusRules.failed': 'Could not save the status rules: {reason}',
  'options.statusRules.unknownTitle': 'Status texts no rule knows yet',
  'options.statusRules.unknownHelp': 'Seen in your CRM; Leadpace does nothing with them until you map them.',
  'options.statusRules.unknownNone': 'None: every status your CRM showed is known.',
  'options.statusRules.unknownSeen': '{crm} · seen {count}×',
  'options.statusRules.map': 'Map',
  'options.crm.goLive': 'Live since',
  'options.crm.goLiveHelp': 'Leads received before this day are backlog: shown, but kept out of nudges and figures.',
  'options.crm.goLiveSaved': 'Saved.',
  'options.crm.goLiveInvalid': 'Enter a date.',
} as const;

const nl: Record<keyof typeof en, string> = {
  'crmStatus.setInCrm': 'gezet in het CRM',
  'crmStatus.setInCrmTitle': 'Het CRM toonde deze status; Leadpace volgde hem. Een lead gaat nooit terug.',
  'backlog.note': 'van vóór Leadpace',
  'backlog.noteTitle':
    'Deze lead stond al in je CRM voordat Leadpace daar live ging. Hij wordt getoond zoals hij is, maar telt nooit mee in snelheid, SLA of de ranglijst.',
  'options.statusRules.title': 'CRM-status',
  'options.statusRules.intro':
    'Staat een lead in je CRM verder dan in Leadpace, dan volgt Leadpace het CRM: één keer, en nooit terug. Een lead die in het CRM gesloten wordt, krijgt dezelfde te-vroeg-gesloten-regel als een lead die in het paneel gesloten wordt.',
  'options.statusRules.help': 'Een regel past op hele woorden, hoofdletters maken niet uit; de eerste passende regel wint.',
  'options.statusRules.match': 'Tekst in het CRM',
  'options.statusRules.status': 'Status in Leadpace',
  'options.statusRules.lostReason': 'Reden',
  'options.statusRules.ignore': 'Geen wijziging',
  'options.statusRules.edit': 'Regels tonen en bewerken ({count})',
  'options.statusRules.add': 'Regel toevoegen',
  'options.statusRules.remove': 'Verwijderen',
  'options.statusRules.save': 'Statusregels opslaan',
  'options.statusRules.reset': 'Terug naar de standaard',
  'options.statusRules.saved': 'Statusregels opgeslagen.',
  'options.statusRules.invalid': 'Regel {row}: {reason}. Er is niets opgeslagen.',
  'options.statusRules.emptyMatch': 'de tekst in het CRM is leeg',
  'options.statusRules.failed': 'Kon de statusregels niet opslaan: {reason}',
  'options.statusRules.unknownTitle': 'Statusteksten die nog geen regel kent',
  'options.statusRules.unknownHelp': 'Gezien in je CRM; Leadpace doet er niets mee tot je ze koppelt.',
  'options.statusRules.unknownNone': 'Geen: elke status die je CRM toonde is bekend.',
  'options.statusRules.unknownSeen': '{crm} · {count}× gezien',
  'options.statusRules.map': 'Koppelen',
  'options.crm.goLive': 'Live sinds',
  'options.crm.goLiveHelp': 'Leads die vóór deze dag binnenkwamen zijn achterstand: zichtbaar, maar buiten herinneringen en cijfers.',
  'options.crm.goLiveSaved': 'Opgeslagen.',
  'options.crm.goLiveInvalid': 'Vul een datum in.',
};

export const crmStatus = { en, nl };

registerMessages(crmStatus);
