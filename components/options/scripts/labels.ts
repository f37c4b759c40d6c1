import { CARD_KINDS, SCRIPT_LANGS, SITUATIONS, type CardKind, type ScriptLang, type Situation } from '@/lib/domain/scripts';
import type { MessageKey } from '@/lib/i18n';
import '@/lib/i18n/messages/options';
import '@/lib/i18n/messages/scripts';

export const LANG_LABELS: Record<ScriptLang, MessageKey> = { nl: 'options.language.nl', en: 'options.language.en' };
export const SITUATION_LABELS: Record<Situation, MessageKey> = {
  first_contact: 'scripts.situation.first_contact',
  follow_up: 'scripts.situation.follow_up',
  voicemail: 'scripts.situation.voicemail',
};
export const CARD_LABELS: Record<CardKind, MessageKey> = {
  voicemail: 'options.scripts.cardKind.voicemail',
  best_price: 'options.scripts.cardKind.best_price',
  not_ready: 'options.scripts.cardKind.not_ready',
  already_bought: 'options.scripts.cardKind.already_bought',
  email_only: 'options.scripts.cardKind.email_only',
  other: 'options.scripts.cardKind.other',
};

export const isScriptLang = (v: string): v is ScriptLang => (SCRIPT_LANGS as readonly string[]).includes(v);
export const isSituation = (v: string): v is Situation => (SITUATIONS as readonly string[]).includes(v);
export const isCardKind = (v: string): v is CardKind => (CARD_KINDS as readonly string[]).includes(v);

/** Placeholder names as the dealer types them: `{vehicle}, {source}`. */
export const braces = (names: readonly string[]) => names.map((n) => `{${n}}`).join(', ');
