import { storage } from 'wxt/utils/storage';
import { v7 as uuidv7 } from 'uuid';
import {
  MAX_SCRIPTS,
  SCRIPTS_FILE_FORMAT,
  callScriptSchema,
  scriptUnknownPlaceholders,
  type CallScript,
  type ScriptsFile,
} from '@/lib/domain/scripts';
import { isDefaultScriptId } from '@/lib/domain/scripts-library';

/**
 * The dealer's own call scripts. Built-in scripts are code (lib/domain/scripts.ts) and never
 * stored, so improving a default reaches every dealer who did not replace it.
 */
export const scriptsItem = storage.defineItem<unknown[]>('local:scripts', {
  version: 1,
  fallback: [],
});

/** Keeps the valid entries: one damaged script must not take the others down with it. */
export function parseStoredScripts(raw: unknown): CallScript[] {
  if (!Array.isArray(raw)) return [];
  const scripts: CallScript[] = [];
  for (const entry of raw) {
    const parsed = callScriptSchema.safeParse(entry);
    if (parsed.success && !isDefaultScriptId(parsed.data.id) && !scripts.some((s) => s.id === parsed.data.id)) {
      scripts.push(parsed.data);
    }
  }
  return scripts;
}

export async function readScripts(): Promise<CallScript[]> {
  return parseStoredScripts(await scriptsItem.getValue());
}

/** Calls back with the parsed list whenever it changes (options page → open panels). */
export function watchScripts(callback: (scripts: CallScript[]) => void): () => void {
  return scriptsItem.watch((value) => callback(parseStoredScripts(value)));
}

/** A fresh id for a dealer's script (never in the `default-` namespace). */
export const newScriptId = (): string => `custom-${uuidv7()}`;

export interface ScriptIssue {
  /** Dotted path inside the script, e.g. "steps.2.text"; '' for the whole script. */
  path: string;
  message: string;
}

export class ScriptValidationError extends Error {
  constructor(readonly issues: ScriptIssue[]) {
    super(`invalid script: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'ScriptValidationError';
  }
}

export interface SaveResult {
  script: CallScript;
  /** Placeholders Leadpace cannot fill; saved anyway, shown to the dealer as a warning. */
  unknownPlaceholders: string[];
}

/**
 * Saves a dealer's script as the next version of its id (version 1 when new). The version the
 * caller passes is ignored: only the store knows which versions were already handed out.
 */
export async function saveScript(draft: CallScript): Promise<SaveResult> {
  const parsed = callScriptSchema.safeParse({ ...draft, version: 1 });
  if (!parsed.success) throw new ScriptValidationError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  if (isDefaultScriptId(parsed.data.id)) {
    throw new ScriptValidationError([{ path: 'id', message: 'reserved_id' }]);
  }
  const current = await readScripts();
  const existing = current.find((s) => s.id === parsed.data.id);
  const script: CallScript = { ...parsed.data, version: (existing?.version ?? 0) + 1 };
  const next = existing ? current.map((s) => (s.id === script.id ? script : s)) : [...current, script];
  if (next.length > MAX_SCRIPTS) {
    throw new ScriptValidationError([{ path: '', message: 'too_many_scripts' }]);
  }
  await scriptsItem.setValue(next);
  return { script, unknownPlaceholders: scriptUnknownPlaceholders(script) };
}

export async function deleteScript(id: string): Promise<void> {
  const current = await readScripts();
  await scriptsItem.setValue(current.filter((s) => s.id !== id));
}

export async function exportScripts(): Promise<string> {
  const file: ScriptsFile = { format: SCRIPTS_FILE_FORMAT, version: 1, scripts: await readScripts() };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Enough for hundreds of scripts; anything bigger is not a scripts file. */
export const MAX_IMPORT_CHARS = 2_000_000;

export type ImportError =
  | { code: 'too_large'; max: number }
  | { code: 'not_json'; reason: string }
  | { code: 'wrong_format' }
  | { code: 'unsupported_version'; version: string }
  | { code: 'too_many'; max: number }
  /** `index` is 0-based; `path` points inside that script, e.g. "steps.2.text". */
  | { code: 'invalid_script'; index: number; name: string | null; path: string; message: string }
  | { code: 'duplicate_id'; id: string }
  | { code: 'reserved_id'; id: string };

export type ImportResult =
  | { ok: true; added: number; updated: number; unchanged: number; unknownPlaceholders: { id: string; name: string; placeholders: string[] }[] }
  | { ok: false; error: ImportError };

const sameContent = (a: CallScript, b: CallScript): boolean =>
  JSON.stringify({ ...a, version: 0 }) === JSON.stringify({ ...b, version: 0 });

/** Checks a scripts file completely before anything is written. */
export function parseScriptsFile(json: string): { ok: true; scripts: CallScript[] } | { ok: false; error: ImportError } {
  if (json.length > MAX_IMPORT_CHARS) return { ok: false, error: { code: 'too_large', max: MAX_IMPORT_CHARS } };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return { ok: false, error: { code: 'not_json', reason: error instanceof Error ? error.message : String(error) } };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: { code: 'wrong_format' } };
  const file = raw as Record<string, unknown>;
  if (file.format !== SCRIPTS_FILE_FORMAT || !Array.isArray(file.scripts)) return { ok: false, error: { code: 'wrong_format' } };
  if (file.version !== 1) return { ok: false, error: { code: 'unsupported_version', version: String(file.version) } };
  if (file.scripts.length > MAX_SCRIPTS) return { ok: false, error: { code: 'too_many', max: MAX_SCRIPTS } };
  const scripts: CallScript[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of file.scripts.entries()) {
    const parsed = callScriptSchema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const name = typeof entry === 'object' && entry !== null && typeof (entry as { name?: unknown }).name === 'string'
        ? String((entry as { name: string }).name).slice(0, 80)
        : null;
      return {
        ok: false,
        error: { code: 'invalid_script', index, name, path: issue ? issue.path.join('.') : '', message: issue?.message ?? '' },
      };
    }
    if (isDefaultScriptId(parsed.data.id)) return { ok: false, error: { code: 'reserved_id', id: parsed.data.id } };
    if (seen.has(parsed.data.id)) return { ok: false, error: { code: 'duplicate_id', id: parsed.data.id } };
    seen.add(parsed.data.id);
    scripts.push(parsed.data);
  }
  return { ok: true, scripts };
}

/**
 * Imports a scripts file: all of it or nothing. A script whose id already exists replaces it;
 * when its text differs it gets a version above both, so (id, version) never names two texts.
 */
export async function importScripts(json: string): Promise<ImportResult> {
  const parsed = parseScriptsFile(json);
  if (!parsed.ok) return parsed;
  const current = await readScripts();
  const next = [...current];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const incoming of parsed.scripts) {
    const at = next.findIndex((s) => s.id === incoming.id);
    const existing = next[at];
    if (!existing) {
      next.push(incoming);
      added += 1;
    } else if (sameContent(existing, incoming)) {
      unchanged += 1;
    } else {
      next[at] = { ...incoming, version: Math.max(existing.version + 1, incoming.version) };
      updated += 1;
    }
  }
  if (next.length > MAX_SCRIPTS) return { ok: false, error: { code: 'too_many', max: MAX_SCRIPTS } };
  await scriptsItem.setValue(next);
  const unknownPlaceholders = parsed.scripts
    .map((s) => ({ id: s.id, name: s.name, placeholders: scriptUnknownPlaceholders(s) }))
    .filter((entry) => entry.placeholders.length > 0);
  return { ok: true, added, updated, unchanged, unknownPlaceholders };
}
