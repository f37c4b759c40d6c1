import type { $ZodError } from 'zod/v4/core';

/** Longest reason a refusal carries: enough to act on, never a copy of a huge input. */
export const MAX_REASON_CHARS = 200;
const MAX_PATH_SEGMENT_CHARS = 40;
const MAX_MESSAGE_CHARS = 120;

/** `text` cut to `max` characters with an ellipsis, so a refusal never echoes a huge input. */
export function capText(text: string, max: number = MAX_REASON_CHARS): string {
  if (text.length <= max) return text;
  // By code point, so an emoji is never cut in half.
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - 1) break;
    out += char;
  }
  return `${out}…`;
}

/**
 * A zod failure as one line a person can act on: `path: message; …`, the first few issues only
 * (one bad field usually explains the rest). `whole` names an issue about the value itself.
 * Keys and messages are capped: an unknown key of 400 kB must not come back in the answer.
 * Core's error type, so schemas in classic zod and in zod/mini both fit.
 */
export function describeIssues(error: $ZodError, options: { limit?: number; whole?: string; max?: number } = {}): string {
  const { limit = 5, whole = '(value)', max = MAX_REASON_CHARS } = options;
  const line = error.issues
    .slice(0, limit)
    .map((issue) => {
      const path = issue.path.map((segment) => capText(String(segment), MAX_PATH_SEGMENT_CHARS)).join('.');
      return `${path || whole}: ${capText(issue.message, MAX_MESSAGE_CHARS)}`;
    })
    .join('; ');
  return capText(line, max);
}
