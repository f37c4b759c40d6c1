import { capture } from './messages/capture';
import { common } from './messages/common';
import { kernel } from './messages/kernel';
import { refusals } from './messages/refusals';
import { crmStatus } from './messages/crm-status';
import { errors } from './messages/errors';
import { nudges } from './messages/nudges';
import { options } from './messages/options';
import { panel } from './messages/panel';
import { picker } from './messages/picker';
import { popup } from './messages/popup';
import { privacy } from './messages/privacy';
import { report } from './messages/report';
import { reportTeam } from './messages/report-team';
import { scripts } from './messages/scripts';
import { scriptLanguage } from './messages/script-language';
import { setup } from './messages/setup';
import { team } from './messages/team';
import { teamSettings } from './messages/team-settings';
import { teamAudit } from './messages/team-audit';

export type Lang = 'nl' | 'en';

const en = { ...common.en, ...kernel.en, ...refusals.en, ...panel.en, ...popup.en, ...options.en, ...nudges.en, ...scripts.en, ...team.en, ...capture.en, ...picker.en, ...teamSettings.en, ...teamAudit.en, ...reportTeam.en, ...report.en, ...crmStatus.en, ...errors.en, ...privacy.en, ...setup.en, ...scriptLanguage.en };
const nl: Record<MessageKey, string> = { ...common.nl, ...kernel.nl, ...refusals.nl, ...panel.nl, ...popup.nl, ...options.nl, ...nudges.nl, ...scripts.nl, ...team.nl, ...capture.nl, ...picker.nl, ...teamSettings.nl, ...teamAudit.nl, ...reportTeam.nl, ...report.nl, ...crmStatus.nl, ...errors.nl, ...privacy.nl, ...setup.nl, ...scriptLanguage.nl };

export type MessageKey = keyof typeof en;
const TABLES: Record<Lang, Record<MessageKey, string>> = { en, nl };

/** 'auto' follows the browser: Dutch for any nl-* locale, English otherwise. */
export function resolveLang(setting: 'auto' | Lang, browserLanguage: string | undefined): Lang {
  if (setting !== 'auto') return setting;
  return browserLanguage?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Returns the translator for a language. Unknown `{param}`s stay visible rather than vanish. */
export function translator(lang: Lang): Translate {
  const table = TABLES[lang];
  return (key, params) => {
    const text = table[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
    );
  };
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}
