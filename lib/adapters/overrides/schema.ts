import { z } from 'zod/mini';
import { describeIssues } from '../../validation';
import { selectorListSchema, USER_ADAPTER_PREFIX } from '../user/schema';

// A team fix of a built-in CRM adapter is data, never code: per field, CSS selectors that are
// tried before the built-in reading. It travels from the manager's browser through the team
// server to every member, so each hop validates it with this schema (the server too). zod/mini:
// the panel reads the fixes on every CRM page, where classic zod would be ~26 kB gzip more.

export const ADAPTER_OVERRIDE_KIND = 'leadpace-adapter-override';

/** Fields a fix may re-point. Not the lead id: a changed id would split every lead in two. */
export const overrideFieldSchema = z.enum(['name', 'phone', 'email', 'source', 'vehicle', 'receivedAt', 'status']);
export type OverrideField = z.infer<typeof overrideFieldSchema>;
export const OVERRIDE_FIELDS = overrideFieldSchema.options;

/** A built-in CRM's id (the dealer's own adapters are fixed by editing them, not overridden). */
export const overrideCrmSchema = z
  .string()
  .check(
    z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a CRM id like "hubspot"'),
    z.refine((id) => !id.startsWith(USER_ADAPTER_PREFIX), { error: 'the dealer’s own adapters are edited, not overridden' }),
  );

/**
 * Checks that need no browser: the page's own engine parses selectors where there is one (the
 * shared selector schema), and the server, which has none, still refuses what can never be a
 * selector: unbalanced brackets or quotes, declaration blocks, control characters.
 */
export function plausibleSelector(selector: string): boolean {
  if (/[{};]/.test(selector) || [...selector].some((char) => char.charCodeAt(0) < 0x20)) return false;
  const closing: Record<string, string> = { ')': '(', ']': '[' };
  const stack: string[] = [];
  let quote: string | null = null;
  for (let i = 0; i < selector.length; i += 1) {
    const char = selector.charAt(i);
    if (quote) {
      if (char === '\\') i += 1;
      else if (char === quote) quote = null;
      continue;
    }
    if (char === '\\') i += 1;
    else if (char === '"' || char === "'") quote = char;
    else if (char === '(' || char === '[') stack.push(char);
    else if (char === ')' || char === ']') {
      if (stack.pop() !== closing[char]) return false;
    }
  }
  return quote === null && stack.length === 0;
}

const overrideSelectorsSchema = z.optional(
  selectorListSchema.check(z.refine((list) => list.every(plausibleSelector), { error: 'not a valid CSS selector' })),
);

export const overrideFieldsSchema = z
  .strictObject({
    name: overrideSelectorsSchema,
    phone: overrideSelectorsSchema,
    email: overrideSelectorsSchema,
    source: overrideSelectorsSchema,
    vehicle: overrideSelectorsSchema,
    receivedAt: overrideSelectorsSchema,
    status: overrideSelectorsSchema,
  })
  .check(z.refine((fields) => Object.values(fields).some((list) => list !== undefined), { error: 'a fix re-points at least one field' }));
export type OverrideFields = z.infer<typeof overrideFieldsSchema>;

export const adapterOverrideSchema = z.strictObject({
  kind: z.literal(ADAPTER_OVERRIDE_KIND),
  version: z.literal(1),
  crm: overrideCrmSchema,
  fields: overrideFieldsSchema,
  /** Why the fix exists, for the members who see it ("HubSpot moved the source field"). */
  note: z.optional(z.string().check(z.trim(), z.maxLength(200))),
});
export type AdapterOverride = z.infer<typeof adapterOverrideSchema>;

export type OverrideParse = { ok: true; override: AdapterOverride } | { ok: false; reason: string };

export function parseAdapterOverride(raw: unknown): OverrideParse {
  const parsed = adapterOverrideSchema.safeParse(raw);
  return parsed.success ? { ok: true, override: parsed.data } : { ok: false, reason: describeIssues(parsed.error, { limit: 3, whole: '(fix)' }) };
}
