import { registerMessages } from '../registry';

// "Capture this page" strings (popup). English is the reference: the Dutch table must have every key.
const en = {
  'capture.title': 'Report a page',
  'capture.intro': 'Leadpace not reading this CRM page right? Save its structure, without customer data, to attach to your report.',
  'capture.button': 'Capture this page',
  'capture.working': 'Capturing…',
  'capture.done': 'Saved {file} ({count} page elements).',
  'capture.scrubbed':
    'Customer data was replaced: all text except field labels became x, every digit 0, e-mail addresses x@x; form values, notes, scripts and styles were left out.',
  'capture.private': 'Nothing was sent. Check the file, then attach it to your report.',
  'capture.truncated': 'This page is very large: the capture stops after {count} elements.',
  'capture.crossOrigin': 'Frames from another site could not be read: {count}.',
  'capture.saveAgain': 'Save again',
  'capture.blocked':
    'The browser does not let extensions read this page (browser pages, extension stores, or access was denied). Open your CRM page and try again.',
  'capture.failed': 'Could not capture this page: {reason}',
} as const;

const nl: Record<keyof typeof en, string> = {
  'capture.title': 'Pagina melden',
  'capture.intro': 'Leest Leadpace deze CRM-pagina niet goed? Sla de opbouw op, zonder klantgegevens, om bij je melding te voegen.',
  'capture.button': 'Deze pagina vastleggen',
  'capture.working': 'Vastleggen…',
  'capture.done': '{file} opgeslagen ({count} pagina-elementen).',
  'capture.scrubbed':
    'Klantgegevens zijn vervangen: alle tekst behalve veldnamen werd x, elk cijfer 0, e-mailadressen x@x; formulierwaarden, notities, scripts en opmaak zijn weggelaten.',
  'capture.private': 'Er is niets verstuurd. Controleer het bestand en voeg het daarna toe aan je melding.',
  'capture.truncated': 'Deze pagina is erg groot: de vastlegging stopt na {count} elementen.',
  'capture.crossOrigin': 'Frames van een andere site konden niet worden gelezen: {count}.',
  'capture.saveAgain': 'Opnieuw opslaan',
  'capture.blocked':
    'De browser laat extensies deze pagina niet lezen (browserpagina’s, extensiewinkels, of de toegang is geweigerd). Open je CRM-pagina en probeer het opnieuw.',
  'capture.failed': 'Kon deze pagina niet vastleggen: {reason}',
};

export const capture = { en, nl };

registerMessages(capture);
