import { registerMessages } from '../registry';

// The manager's change history in Options → Team. English is the reference: the Dutch table
// must have every key.
const en = {
  'teamAudit.title': 'Change history',
  'teamAudit.help': 'Who changed the team settings, visibility, retention or CRM adapters, and when. Only you, as manager, can see this.',
  'teamAudit.show': 'Show the change history',
  'teamAudit.more': 'Show older changes',
  'teamAudit.empty': 'No changes recorded yet.',
  'teamAudit.admin': 'the server administrator',
  'teamAudit.actor': '{name} ({role})',
  'teamAudit.role.manager': 'manager',
  'teamAudit.role.rep': 'rep',
  'teamAudit.kind.settings': '{when} — {who} saved version {version}: {changed}',
  'teamAudit.kind.settingsNone': '{when} — {who} saved version {version} without changes',
  'teamAudit.kind.visibility': '{when} — {who} changed visibility from {from} to {to}',
  'teamAudit.kind.retention': '{when} — {who} changed server retention from {from} to {to} months',
  'teamAudit.kind.adapter_override': '{when} — {who} changed the CRM adapter settings: {changed}',
  'teamAudit.kind.member_purged': '{when} — {who} deleted the data of a removed member',
  'teamAudit.visibility.named': 'named',
  'teamAudit.visibility.pseudonymous': 'pseudonymous',
  'teamAudit.visibility.team-only': 'team only',
} as const;

const nl: Record<keyof typeof en, string> = {
  'teamAudit.title': 'Wijzigingsgeschiedenis',
  'teamAudit.help': 'Wie de teaminstellingen, zichtbaarheid, bewaartermijn of CRM-adapters wijzigde, en wanneer. Alleen jij als manager ziet dit.',
  'teamAudit.show': 'Toon de wijzigingsgeschiedenis',
  'teamAudit.more': 'Toon oudere wijzigingen',
  'teamAudit.empty': 'Nog geen wijzigingen vastgelegd.',
  'teamAudit.admin': 'de serverbeheerder',
  'teamAudit.actor': '{name} ({role})',
  'teamAudit.role.manager': 'manager',
  'teamAudit.role.rep': 'verkoper',
  'teamAudit.kind.settings': '{when} — {who} sloeg versie {version} op: {changed}',
  'teamAudit.kind.settingsNone': '{when} — {who} sloeg versie {version} op zonder wijzigingen',
  'teamAudit.kind.visibility': '{when} — {who} wijzigde de zichtbaarheid van {from} naar {to}',
  'teamAudit.kind.retention': '{when} — {who} wijzigde de bewaartermijn op de server van {from} naar {to} maanden',
  'teamAudit.kind.adapter_override': '{when} — {who} wijzigde de instellingen van een CRM-adapter: {changed}',
  'teamAudit.kind.member_purged': '{when} — {who} wiste de gegevens van een verwijderd teamlid',
  'teamAudit.visibility.named': 'met naam',
  'teamAudit.visibility.pseudonymous': 'pseudoniem',
  'teamAudit.visibility.team-only': 'alleen team',
};

export const teamAudit = { en, nl };

registerMessages(teamAudit);
