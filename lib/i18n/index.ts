import type { capture } from './messages/capture';
import type { common } from './messages/common';
import type { kernel } from './messages/kernel';
import type { refusals } from './messages/refusals';
import type { crmStatus } from './messages/crm-status';
import type { errors } from './messages/errors';
import type { nudges } from './messages/nudges';
import type { options } from './messages/options';
import type { panel } from './messages/panel';
import type { picker } from './messages/picker';
import type { popup } from './messages/popup';
import type { privacy } from './messages/privacy';
import type { report } from './messages/report';
import type { reportTeam } from './messages/report-team';
import type { reportNav } from './messages/report-nav';
import type { removedDetails } from './messages/removed-details';
import type { scripts } from './messages/scripts';
import type { scriptLanguage } from './messages/script-language';
import type { setup } from './messages/setup';
import type { team } from './messages/team';
import type { teamSettings } from './messages/team-settings';
import type { teamAudit } from './messages/team-audit';
import { loadedText } from './registry';

export type Lang = 'nl' | 'en';

// Types only: a bundle carries a table's texts only where a module imports that table (see
// ./registry.ts), while every key stays a MessageKey everywhere.
type Table =
  | typeof capture
  | typeof common
  | typeof kernel
  | typeof refusals
  | typeof crmStatus
  | typeof errors
  | typeof nudges
  | typeof options
  | typeof panel
  | typeof picker
  | typeof popup
  | typeof privacy
  | typeof report
  | typeof reportTeam
  | typeof reportNav
  | typeof removedDetails
  | typeof scripts
  | typeof scriptLanguage
  | typeof setup
  | typeof team
  | typeof teamSettings
  | typeof teamAudit;
type KeysOf<T> = T extends { en: infer En } ? keyof En & string : never;
export type MessageKey = KeysOf<Table>;

/** 'auto' follows the browser: Dutch for any nl-* locale, English otherwise. */
export function resolveLang(setting: 'auto' | Lang, browserLanguage: string | undefined): Lang {
  if (setting !== 'auto') return setting;
  return browserLanguage?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Returns the translator for a language. Unknown `{param}`s stay visible rather than vanish. */
export function translator(lang: Lang): Translate {
  return (key, params) => {
    // Read at call time: a table a lazily loaded chunk brings counts from the moment it arrives.
    // A key whose table was never imported shows as itself (the coverage test catches that).
    const text = loadedText(lang, key) ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
    );
  };
}

/** Whether `key` is the key of a loaded text (data-held keys such as `source.<id>` may not be). */
export function isMessageKey(key: string): key is MessageKey {
  return loadedText('en', key) !== undefined;
}
