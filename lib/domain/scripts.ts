import { z } from 'zod/mini';
import { sourceIdSchema } from './model';
import { DEFAULT_LIBRARY, DEFAULT_SCRIPTS } from './scripts-library';

// Call scripts: sequences of steps plus side cards whose text may hold placeholders such as
// {customer.firstName}. Rendering returns segments, never HTML, so a hostile value from a
// CRM page can only ever be shown as text.

export const SCRIPT_LANGS = ['nl', 'en'] as const;
export type ScriptLang = (typeof SCRIPT_LANGS)[number];

/** first_contact before any attempt, follow_up after; voicemail scripts replace the voicemail card. */
export const SITUATIONS = ['first_contact', 'follow_up', 'voicemail'] as const;
export type Situation = (typeof SITUATIONS)[number];

/** The seven steps of a speed-to-lead call script; `other` is for steps a dealer adds. */
export const STEP_KINDS = [
  'opener',
  'answer_question',
  'discovery',
  'reason_to_visit',
  'appointment',
  'confirm',
  'log_outcome',
  'other',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const OBJECTION_KINDS = ['best_price', 'not_ready', 'already_bought', 'email_only'] as const;
export const CARD_KINDS = ['voicemail', ...OBJECTION_KINDS, 'other'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

export const PLACEHOLDERS = [
  'customer.firstName',
  'customer.name',
  'vehicle',
  'rep.firstName',
  'dealer.name',
  'source',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

export type Segment = { kind: 'text'; text: string } | { kind: 'value'; text: string } | { kind: 'blank'; name: string };

const isPlaceholder = (name: string): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name);

// Wide enough that a typo such as {customer_firstName} or {Vehicle} is treated as a placeholder
// (a visible blank plus a save warning) instead of leaking raw braces; narrow enough (no spaces)
// that ordinary prose in braces stays text.
const PLACEHOLDER_RE = /\{([A-Za-z0-9_.-]{1,60})\}/g;

/** Splits a template into literal text, filled values and visible blanks. */
export function renderTemplate(template: string, values: PlaceholderValues): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER_RE)) {
    const index = match.index;
    const name = match[1] ?? '';
    if (index > last) segments.push({ kind: 'text', text: template.slice(last, index) });
    const value = isPlaceholder(name) ? values[name]?.trim() : undefined;
    segments.push(value ? { kind: 'value', text: value } : { kind: 'blank', name });
    last = index + match[0].length;
  }
  if (last < template.length) segments.push({ kind: 'text', text: template.slice(last) });
  return segments;
}

/** Placeholder names in `text` that Leadpace cannot fill, each once, in order of appearance. */
export function unknownPlaceholders(text: string): string[] {
  const unknown: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER_RE)) {
    const name = match[1] ?? '';
    if (!isPlaceholder(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

export const firstName = (fullName: string | undefined): string | undefined =>
  fullName?.trim().split(/\s+/)[0] || undefined;

// ---------------------------------------------------------------------------------------------
// The model (zod/mini: the panel picks its script on every CRM page, where classic zod would be
// ~26 kB gzip more to load)

const MAX_TEXT = 2000;

/** Classic's `z.string().trim().min(1).max(max)`: the same checks, in that order. */
const trimmedText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const scriptStepSchema = z.object({
  kind: z.enum(STEP_KINDS),
  title: trimmedText(80),
  text: trimmedText(MAX_TEXT),
});
export type ScriptStep = z.infer<typeof scriptStepSchema>;

export const scriptCardSchema = z.object({
  kind: z.enum(CARD_KINDS),
  title: trimmedText(80),
  text: trimmedText(MAX_TEXT),
});
export type ScriptCard = z.infer<typeof scriptCardSchema>;

export const scriptIdSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,79}$/, 'lower-case letters, digits, - and _'));

export const callScriptSchema = z.object({
  id: scriptIdSchema,
  /** Bumped on every save, so an attempt's (id, version) names the exact text the rep saw. */
  version: z.number().check(z.int(), z.minimum(1), z.maximum(1_000_000)),
  name: trimmedText(80),
  lang: z.enum(SCRIPT_LANGS),
  /** Source ids the script is for; empty = any source. */
  sources: z.array(sourceIdSchema).check(
    z.maxLength(40),
    z.refine((list) => new Set(list).size === list.length, 'duplicate_source'),
  ),
  situation: z.enum(SITUATIONS),
  steps: z.array(scriptStepSchema).check(z.minLength(1), z.maxLength(20)),
  cards: z.array(scriptCardSchema).check(z.maxLength(20)),
});
export type CallScript = z.infer<typeof callScriptSchema>;

export const SCRIPTS_FILE_FORMAT = 'leadpace-scripts';
export const MAX_SCRIPTS = 200;

export const scriptsFileSchema = z.object({
  format: z.literal(SCRIPTS_FILE_FORMAT),
  version: z.literal(1),
  scripts: z.array(callScriptSchema).check(z.maxLength(MAX_SCRIPTS)),
});
export type ScriptsFile = z.infer<typeof scriptsFileSchema>;

/** Every placeholder a script uses that Leadpace cannot fill (titles and texts, steps and cards). */
export function scriptUnknownPlaceholders(script: Pick<CallScript, 'steps' | 'cards'>): string[] {
  const found: string[] = [];
  for (const part of [...script.steps, ...script.cards]) {
    for (const name of [...unknownPlaceholders(part.title), ...unknownPlaceholders(part.text)]) {
      if (!found.includes(name)) found.push(name);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Choosing a script

export interface ScriptWanted {
  lang: ScriptLang;
  source: string;
  situation: Situation;
}

/** 2 = made for this source, 1 = for any source, 0 = not for this source. */
function sourceRank(script: CallScript, source: string): number {
  if (script.sources.length === 0) return 1;
  return script.sources.includes(source) ? 2 : 0;
}

/**
 * The best script in `scripts` for the language, source and situation, or null. A script made
 * for the source beats one for any source; between equals the earlier one in the list wins.
 */
export function matchScript(scripts: readonly CallScript[], wanted: ScriptWanted): CallScript | null {
  let best: CallScript | null = null;
  let bestRank = 0;
  for (const script of scripts) {
    if (script.lang !== wanted.lang || script.situation !== wanted.situation) continue;
    const rank = sourceRank(script, wanted.source);
    if (rank > bestRank) {
      best = script;
      bestRank = rank;
    }
  }
  return best;
}

/**
 * The script to show. `custom` are the dealer's scripts: they come before the defaults, so at
 * the same specificity a custom script wins — but a default made for this source still beats
 * a custom script for any source. Never empty-handed: the language's generic first-contact
 * script is the last resort.
 */
export function pickScript(custom: readonly CallScript[], wanted: ScriptWanted): CallScript {
  return matchScript([...custom, ...DEFAULT_LIBRARY], wanted) ?? DEFAULT_SCRIPTS[wanted.lang];
}

export interface LeadSituation {
  situation: Exclude<Situation, 'voicemail'>;
  /** The number the next attempt will have (1 for a lead never tried). */
  attemptNumber: number;
  /** Voicemail helps on attempts 1 and 2 only (later voicemails are not returned); after that it is noise. */
  showVoicemail: boolean;
}

export function situationFor(lead: { attemptCount: number }): LeadSituation {
  const done = Number.isFinite(lead.attemptCount) ? Math.max(0, Math.floor(lead.attemptCount)) : 0;
  const attemptNumber = done + 1;
  return {
    situation: done === 0 ? 'first_contact' : 'follow_up',
    attemptNumber,
    showVoicemail: attemptNumber <= 2,
  };
}

export interface ScriptForLead {
  script: CallScript;
  situation: LeadSituation;
  /** Empty from the third attempt on. */
  voicemail: ScriptCard[];
  objections: ScriptCard[];
}

/**
 * Everything the panel shows for a lead. A dealer's voicemail script for the source replaces the
 * chosen script's own voicemail card; otherwise that card is used.
 */
export function scriptForLead(
  custom: readonly CallScript[],
  lead: { lang: ScriptLang; source: string; attemptCount: number },
): ScriptForLead {
  const situation = situationFor(lead);
  const script = pickScript(custom, { lang: lead.lang, source: lead.source, situation: situation.situation });
  let voicemail: ScriptCard[] = [];
  if (situation.showVoicemail) {
    const dedicated = matchScript([...custom, ...DEFAULT_LIBRARY], { ...lead, situation: 'voicemail' });
    voicemail = dedicated
      ? dedicated.steps.map((step) => ({ kind: 'voicemail', title: step.title, text: step.text }))
      : script.cards.filter((card) => card.kind === 'voicemail');
  }
  return { script, situation, voicemail, objections: script.cards.filter((card) => card.kind !== 'voicemail') };
}
