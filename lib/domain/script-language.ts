import type { ScriptLang } from './scripts';

/**
 * The language a lead's buyers speak, from the portal it came from. AutoScout24 is missing
 * on purpose: it is pan-European (a Dutch dealer's AutoScout24 leads are as often German or
 * Belgian buyers), so its country says nothing and the rep's own language is the better guess.
 */
export const SOURCE_LANGUAGE: Readonly<Record<string, ScriptLang>> = {
  marktplaats: 'nl',
  autotrack: 'nl',
  gaspedaal: 'nl',
  viabovag: 'nl',
  autotrader: 'en',
  carscom: 'en',
  cargurus: 'en',
  truecar: 'en',
  edmunds: 'en',
};

/**
 * The script's language for one lead: the rep's own choice for that lead first, then the
 * language of the lead's portal, then the interface language.
 */
export function scriptLanguageFor(lead: { source: string; chosen: ScriptLang | null }, uiLang: ScriptLang): ScriptLang {
  if (lead.chosen) return lead.chosen;
  return Object.prototype.hasOwnProperty.call(SOURCE_LANGUAGE, lead.source) ? (SOURCE_LANGUAGE[lead.source] ?? uiLang) : uiLang;
}
