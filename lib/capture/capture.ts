import { z } from 'zod';
import { LABELS } from '../adapters/extract';
import { capturePageStructure, type CaptureResult } from './scrub';

// The extension side of "Capture this page": what the popup passes in, how it runs the
// injected function, and the file the dealer saves. Nothing here sends anything anywhere.

/** Placeholders CRMs print for an empty field: kept, so "empty" and "masked" look different. */
const EMPTY_WORDS = ['Onbekend', 'Geen', 'n.v.t.', 'nvt', 'n/a', 'Unknown', 'None', 'Not set', 'Unbekannt', 'Keine', 'Inconnu', 'Aucun'];
/** Titles and labels adapters select on besides the field labels (see the adapters' selectors). */
const HOOK_TEXTS = ['Click to dial'];

/** The texts a capture keeps verbatim: every field label the adapters look for, in nl/en/de/fr. */
export function captureKeepLabels(): string[] {
  return [...new Set([...Object.values(LABELS).flat(), ...EMPTY_WORDS, ...HOOK_TEXTS])];
}

// The injected function's answer crosses from the page's process: check it like any input.
const captureResultSchema = z.object({
  url: z.string(),
  title: z.string(),
  html: z.string(),
  nodeCount: z.number().int().nonnegative(),
  frames: z.number().int().nonnegative(),
  crossOriginFrames: z.number().int().nonnegative(),
  shadowRoots: z.number().int().nonnegative(),
  truncated: z.boolean(),
}) satisfies z.ZodType<CaptureResult>;

/** What a capture needs of `browser.scripting.executeScript`; tests pass a fake. */
export type ExecuteScript = (injection: {
  target: { tabId: number; allFrames: false };
  func: typeof capturePageStructure;
  args: [string[]];
}) => Promise<Array<{ result?: unknown }>>;

export type CaptureOutcome =
  | { ok: true; result: CaptureResult }
  /** `blocked`: the browser does not let extensions read this page; `failed`: anything else. */
  | { ok: false; reason: 'blocked' | 'failed'; detail: string };

// Chrome and Firefox wording for pages no extension may script (browser pages, the stores,
// error pages) or that this extension has no access to.
const BLOCKED = /cannot be scripted|cannot access|missing host permission|permission to access|error page|chrome:\/\/|edge:\/\/|about:|extensions gallery|webstore/i;

/**
 * Runs the capture in the tab's top frame only: the injected function walks same-origin frames
 * itself, so one result covers the page and nothing needs merging.
 */
export async function capturePage(executeScript: ExecuteScript, tabId: number): Promise<CaptureOutcome> {
  let results: Array<{ result?: unknown }>;
  try {
    results = await executeScript({
      target: { tabId, allFrames: false },
      func: capturePageStructure,
      args: [captureKeepLabels()],
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: BLOCKED.test(detail) ? 'blocked' : 'failed', detail };
  }
  const parsed = captureResultSchema.safeParse(results[0]?.result);
  if (!parsed.success) return { ok: false, reason: 'failed', detail: 'the page returned no capture (did it navigate away?)' };
  return { ok: true, result: parsed.data };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `leadpace-capture-<host>-<yyyy-mm-dd>.html`, the host being the CRM's (no customer data). */
export function captureFileName(pageUrl: string, at: Date): string {
  let host = 'page';
  try {
    host = new URL(pageUrl).hostname.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '') || 'page';
  } catch {
    // An unreadable URL still gets a file name.
  }
  return `leadpace-capture-${host}-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}.html`;
}

/** "--" would end the comment early; page text must never become markup here. */
const commentSafe = (text: string) => text.replace(/-(?=-)/g, '- ').replace(/[<>]/g, ' ');

/** The saved file: the scrubbed page with a header saying what it is and what was removed. */
export function captureFileText(result: CaptureResult, at: Date): string {
  const header = [
    'Leadpace page capture: the structure of a CRM page, for reporting a page Leadpace cannot read.',
    `Page: ${commentSafe(result.url)}`,
    `Title: ${commentSafe(result.title)}`,
    `Captured: ${at.toISOString()}`,
    `Elements: ${result.nodeCount}; open shadow roots: ${result.shadowRoots}; frames: ${result.frames} (${result.crossOriginFrames} from another site, not captured)`,
    `Truncated: ${result.truncated ? 'yes (size limit reached)' : 'no'}`,
    'Scrubbed: all page text except known field labels became x/X, every digit 0, e-mail addresses x@x;',
    'form values, notes, placeholders, titles, inline styles, scripts, style sheets and comments were removed.',
    'Nothing was sent anywhere: this file exists only where you saved it.',
  ];
  return `<!doctype html>\n<!--\n${header.map((line) => `  ${line}`).join('\n')}\n-->\n${result.html}\n`;
}
