// Team settings strings (options: who sets the hours, cadence, target and floor). English is
// the reference: the Dutch table must have every key.
const en = {
  'teamSettings.repNotice': 'Set by {manager} for team {team} (version {version}, {date}).',
  'teamSettings.repNoticeNoDate': 'Set by your team’s manager for team {team} (version {version}).',
  'teamSettings.repHelp': 'Opening hours, cadence, monthly target and conversion floor are the team’s: your manager changes them, and every figure uses them — here, in the popup and on the team board.',
  'teamSettings.managerNotice': 'You set these for team {team} (version {version}). Saving sends them to every member.',
  'teamSettings.managerHelp': 'Opening hours, cadence, monthly target and conversion floor apply to the whole team and to the team board. Quiet mode stays your own.',
  'teamSettings.disconnected': 'These values came from team {team} (version {version}) and stay in use. You are no longer connected, so you can change them here.',
  'teamSettings.offline': 'Offline the last known team settings stay in force.',
  'teamSettings.quietTitle': 'Your notifications',
  'teamSettings.floor.title': 'Conversion floor',
  'teamSettings.floor.label': 'Floor (%)',
  'teamSettings.floor.help': 'Conversion (sold ÷ leads received) below this share is flagged. Default 13%.',
  'teamSettings.floor.invalid': 'Enter a percentage from 0 to 100.',
  'teamSettings.floor.save': 'Save floor',
  'teamSettings.error.settings_conflict': 'Someone saved the team settings meanwhile (now version {version}). Your change is still in the form: save again to replace theirs, or reload the page to see them.',
  'teamSettings.error.forbidden_role': 'Only the team’s manager can change the team settings.',
  'teamSettings.error.invalid_settings': 'The server refused these settings: {reason}',
  'teamSettings.error.not_manager': 'This browser is not connected as the team’s manager, so the team settings cannot be saved here.',
  'teamSettings.error.unsupported': 'This team server is too old to store team settings. Ask your administrator to update it.',
};

const nl: Record<keyof typeof en, string> = {
  'teamSettings.repNotice': 'Ingesteld door {manager} voor team {team} (versie {version}, {date}).',
  'teamSettings.repNoticeNoDate': 'Ingesteld door de verkoopleider van team {team} (versie {version}).',
  'teamSettings.repHelp': 'Openingstijden, opvolgschema, maanddoel en conversiedrempel zijn van het team: je verkoopleider past ze aan, en elk cijfer gebruikt ze — hier, in de pop-up en op het teamoverzicht.',
  'teamSettings.managerNotice': 'Jij stelt deze in voor team {team} (versie {version}). Opslaan stuurt ze naar elk teamlid.',
  'teamSettings.managerHelp': 'Openingstijden, opvolgschema, maanddoel en conversiedrempel gelden voor het hele team en het teamoverzicht. De stille modus blijft van jou.',
  'teamSettings.disconnected': 'Deze waarden komen van team {team} (versie {version}) en blijven gelden. Je bent niet meer gekoppeld, dus je kunt ze hier weer aanpassen.',
  'teamSettings.offline': 'Zonder verbinding blijven de laatst bekende teaminstellingen gelden.',
  'teamSettings.quietTitle': 'Jouw meldingen',
  'teamSettings.floor.title': 'Conversiedrempel',
  'teamSettings.floor.label': 'Drempel (%)',
  'teamSettings.floor.help': 'Conversie (verkocht ÷ ontvangen leads) onder dit aandeel wordt gemarkeerd. Standaard 13%.',
  'teamSettings.floor.invalid': 'Vul een percentage van 0 tot 100 in.',
  'teamSettings.floor.save': 'Drempel opslaan',
  'teamSettings.error.settings_conflict': 'Iemand anders heeft de teaminstellingen intussen opgeslagen (nu versie {version}). Jouw wijziging staat nog in het formulier: sla opnieuw op om die van hen te vervangen, of herlaad de pagina om ze te zien.',
  'teamSettings.error.forbidden_role': 'Alleen de verkoopleider van het team kan de teaminstellingen wijzigen.',
  'teamSettings.error.invalid_settings': 'De server weigerde deze instellingen: {reason}',
  'teamSettings.error.not_manager': 'Deze browser is niet als verkoopleider gekoppeld, dus de teaminstellingen kunnen hier niet worden opgeslagen.',
  'teamSettings.error.unsupported': 'Deze teamserver is te oud om teaminstellingen te bewaren. Vraag je beheerder hem bij te werken.',
};

export const teamSettings = { en, nl };
