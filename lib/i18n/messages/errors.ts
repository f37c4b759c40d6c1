import { registerMessages } from '../registry';

// Team-connection and sync errors, one per stable code (lib/sync/error-codes.ts). Each says
// what happened and what to do. English is the reference: the Dutch table must have every key.
const en = {
  'error.team.network': 'Cannot reach the server. Check the address and your internet connection, then try again.',
  'error.team.timeout': 'The server did not answer within 20 seconds. Check your internet connection; Leadpace tries again by itself.',
  'error.team.not_leadpace': 'That address answers, but it is not a Leadpace server. Check the address with your team lead.',
  'error.team.bad_response': 'The server answered in a way this version of Leadpace does not understand. Update Leadpace, or ask your team lead to update the server.',
  'error.team.server_unavailable': 'The team server has a problem right now. Leadpace tries again by itself; if it lasts, tell your team lead.',
  'error.team.not_found': 'There is a Leadpace server here, but not at this path. Enter only the address, without anything after it.',
  'error.team.invalid_url': 'That is not a web address. Enter the address your team lead gave you, for example leadpace.yourdealer.nl.',
  'error.team.missing_token': 'Enter the token or the pairing code from your team lead.',
  'error.team.invalid_token': 'The server does not accept this token. Ask your team lead for a new one.',
  'error.team.invalid_pairing_code': 'This pairing code is unknown, already used or expired. Ask your team lead for a new one.',
  'error.team.invalid_team_key': 'The part after # is not a complete team key. Copy the whole invitation from your manager again.',
  'error.team.team_key_mismatch': "This invitation's key does not match the team. Ask your manager for a new invitation.",
  'error.team.team_key_missing': 'This invitation carries no team key (the part after #). Ask your manager for a new invitation from Leadpace → Settings → Team.',
  'error.team.rate_limited': 'Too many requests right now. Wait a minute and try again.',
  'error.team.not_connected': 'Not connected to a team. Connect under Settings → Team.',
  'error.team.forbidden_role': 'Your role in the team does not allow this. Ask your team lead.',
  'error.team.too_large': 'The server refused work that was too large to send. Leadpace sends it in smaller parts; if this keeps happening, tell your team lead.',
  'error.team.unknown': 'Something went wrong. Try again; if it keeps happening, tell your team lead.',
  'error.sync.retrying': 'Syncing did not work. {reason} Next try: {time}.',
  'error.sync.blocked': 'Syncing has stopped. {reason}',
};

const nl: Record<keyof typeof en, string> = {
  'error.team.network': 'De server is niet bereikbaar. Controleer het adres en je internetverbinding en probeer het opnieuw.',
  'error.team.timeout': 'De server antwoordde niet binnen 20 seconden. Controleer je internetverbinding; Leadpace probeert het zelf opnieuw.',
  'error.team.not_leadpace': 'Dat adres antwoordt wel, maar het is geen Leadpace-server. Controleer het adres bij je teamleider.',
  'error.team.bad_response': 'De server gaf een antwoord dat deze versie van Leadpace niet begrijpt. Werk Leadpace bij, of vraag je teamleider de server bij te werken.',
  'error.team.server_unavailable': 'De teamserver heeft nu een probleem. Leadpace probeert het zelf opnieuw; duurt het lang, meld het dan aan je teamleider.',
  'error.team.not_found': 'Hier draait een Leadpace-server, maar niet op dit pad. Vul alleen het adres in, zonder iets erachter.',
  'error.team.invalid_url': 'Dat is geen webadres. Vul het adres in dat je van je teamleider kreeg, bijvoorbeeld leadpace.jouwautobedrijf.nl.',
  'error.team.missing_token': 'Vul het token of de koppelcode van je teamleider in.',
  'error.team.invalid_token': 'De server accepteert dit token niet. Vraag je teamleider om een nieuw token.',
  'error.team.invalid_pairing_code': 'Deze koppelcode is onbekend, al gebruikt of verlopen. Vraag je teamleider om een nieuwe.',
  'error.team.invalid_team_key': 'Het deel na # is geen volledige teamsleutel. Kopieer de hele uitnodiging van je manager opnieuw.',
  'error.team.team_key_mismatch': 'De sleutel in deze uitnodiging hoort niet bij het team. Vraag je manager om een nieuwe uitnodiging.',
  'error.team.team_key_missing': 'Deze uitnodiging bevat geen teamsleutel (het deel na #). Vraag je manager om een nieuwe uitnodiging via Leadpace → Instellingen → Team.',
  'error.team.rate_limited': 'Even te veel verzoeken. Wacht een minuut en probeer het opnieuw.',
  'error.team.not_connected': 'Niet gekoppeld aan een team. Koppel via Instellingen → Team.',
  'error.team.forbidden_role': 'Je rol in het team staat dit niet toe. Vraag het je teamleider.',
  'error.team.too_large': 'De server weigerde werk dat te groot was om te versturen. Leadpace stuurt het in kleinere delen; blijft dit gebeuren, meld het dan aan je teamleider.',
  'error.team.unknown': 'Er ging iets mis. Probeer het opnieuw; blijft het gebeuren, meld het dan aan je teamleider.',
  'error.sync.retrying': 'Synchroniseren lukte niet. {reason} Volgende poging: {time}.',
  'error.sync.blocked': 'Synchroniseren is gestopt. {reason}',
};

export const errors = { en, nl };

registerMessages(errors);
