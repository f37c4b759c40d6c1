import { registerMessages } from '../registry';

// Labels around call scripts (panel and options). The scripts' own text lives with the scripts,
// per language. English is the reference: the Dutch table must have every key.
const en = {
  'scripts.voicemail': 'Voicemail',
  'scripts.voicemailHint': 'Leave one on attempts 1 and 2 only, then follow up on WhatsApp.',
  'scripts.objections': 'Objections',
  'scripts.attempt': 'Attempt {n}',
  'scripts.situation.first_contact': 'First contact',
  'scripts.situation.follow_up': 'Follow-up',
  'scripts.situation.voicemail': 'Voicemail',
} as const;

const nl: Record<keyof typeof en, string> = {
  'scripts.voicemail': 'Voicemail',
  'scripts.voicemailHint': 'Spreek alleen bij poging 1 en 2 iets in en stuur daarna een WhatsApp-bericht.',
  'scripts.objections': 'Bezwaren',
  'scripts.attempt': 'Poging {n}',
  'scripts.situation.first_contact': 'Eerste contact',
  'scripts.situation.follow_up': 'Opvolging',
  'scripts.situation.voicemail': 'Voicemail',
};

export const scripts = { en, nl };

registerMessages(scripts);
