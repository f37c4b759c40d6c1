import { registerMessages } from '../registry';

// The panel script's per-lead language toggle and its blanks that link to the setting that
// fills them. English is the reference: the Dutch table must have every key.
const en = {
  'scriptLang.label': 'Script language',
  'scriptLang.nl': 'Dutch',
  'scriptLang.en': 'English',
  'scriptBlank.repName': 'your name',
  'scriptBlank.dealerName': 'dealership name',
  'scriptBlank.repNameHint': 'Not filled in yet: set your name in Settings → General',
  'scriptBlank.dealerNameHint': 'Not filled in yet: set the dealership name in Settings → General',
};

const nl: Record<keyof typeof en, string> = {
  'scriptLang.label': 'Taal van het script',
  'scriptLang.nl': 'Nederlands',
  'scriptLang.en': 'Engels',
  'scriptBlank.repName': 'je naam',
  'scriptBlank.dealerName': 'naam autobedrijf',
  'scriptBlank.repNameHint': 'Nog niet ingevuld: vul je naam in bij Instellingen → Algemeen',
  'scriptBlank.dealerNameHint': 'Nog niet ingevuld: vul de naam van het autobedrijf in bij Instellingen → Algemeen',
};

export const scriptLanguage = { en, nl };

registerMessages(scriptLanguage);
