import { z } from 'zod/mini';
import { describeIssues } from '../../validation';

// A user adapter ("Add my CRM") is data, never code: CSS selectors and a URL pattern that the
// built-in engine (./to-adapter.ts) reads with. It is shared between dealers as a JSON file, so
// every import goes through this schema, all or nothing. zod/mini: the panel reads the stored
// adapters on every CRM page, where classic zod would be ~26 kB gzip more to load; options and the
// picker load zod's English messages (lib/zod-english.ts), so the reasons read as before.

export const USER_ADAPTER_KIND = 'leadpace-user-adapter';
export const USER_ADAPTER_PREFIX = 'user-';

/** Marks a step into an open shadow root or a same-origin frame inside one selector. */
export const PIERCE = ' >>> ';

const MAX_SELECTOR = 500;

/** Parses with the page's own engine when there is one: a selector the browser rejects never gets stored. */
function isValidSelector(selector: string): boolean {
  if (typeof document === 'undefined') return true;
  try {
    for (const part of selector.split(PIERCE)) document.createDocumentFragment().querySelector(part);
    return true;
  } catch {
    return false;
  }
}

const selectorSchema = z
  .string()
  .check(z.trim(), z.minLength(1), z.maxLength(MAX_SELECTOR), z.refine(isValidSelector, { error: 'not a valid CSS selector' }));

/** The picked element's selector first, then fallbacks tried in order when the page changes. */
export const selectorListSchema = z.array(selectorSchema).check(z.minLength(1), z.maxLength(8));

export const userFieldSchema = z.enum(['name', 'leadId', 'receivedAt', 'source', 'phone']);
export type UserField = z.infer<typeof userFieldSchema>;

/** An http(s) origin without path, e.g. `https://crm.garage-jansen.nl` (any port). */
export const originSchema = z.string().check(
  z.trim(),
  z.maxLength(300),
  z.refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value && !url.hostname.includes('*');
      } catch {
        return false;
      }
    },
    { error: 'must be an origin such as https://crm.example.com' },
  ),
);

/**
 * Where the lead id sits in the URL: a path with one `{id}` (and `*` for any one segment), or
 * a query parameter. Absent when the id is read from the page.
 */
export const urlIdPatternSchema = z
  .object({
    path: z.optional(
      z
        .string()
        .check(
          z.maxLength(300),
          z.regex(/^\/[^?#\s]*$/, 'a path starts with / and has no query'),
          z.refine((path) => path.split('{id}').length === 2, { error: 'a path pattern has exactly one {id}' }),
        ),
    ),
    query: z.optional(z.string().check(z.regex(/^[\w.-]{1,60}$/, 'a query parameter name'))),
  })
  .check(
    z.refine((pattern) => (pattern.path === undefined) !== (pattern.query === undefined), {
      error: 'give either a path with {id} or a query parameter, not both',
    }),
  );
export type UrlIdPattern = z.infer<typeof urlIdPatternSchema>;

export const userAdapterSchema = z
  .object({
    kind: z.literal(USER_ADAPTER_KIND),
    version: z.literal(1),
    id: z.string().check(z.regex(/^user-[a-z0-9][a-z0-9-]{0,33}$/, 'an id like "user-garage-crm"')),
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
    origin: originSchema,
    /** Only pages whose path starts with this are lead pages (optional, narrows injection). */
    pathPrefix: z.optional(z.string().check(z.maxLength(200), z.regex(/^\//, 'starts with /'))),
    idFromUrl: z.optional(urlIdPatternSchema),
    fields: z.object({
      name: selectorListSchema,
      leadId: z.optional(selectorListSchema),
      receivedAt: z.optional(selectorListSchema),
      source: z.optional(selectorListSchema),
      phone: z.optional(selectorListSchema),
    }),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .check(
    z.refine((adapter) => adapter.fields.leadId !== undefined || adapter.idFromUrl !== undefined, {
      error: 'a user adapter needs the lead id from the page or from the URL',
      path: ['fields', 'leadId'],
    }),
  );
export type UserAdapter = z.infer<typeof userAdapterSchema>;

const adapterListFileSchema = z.object({ kind: z.literal(`${USER_ADAPTER_KIND}s`), adapters: z.array(userAdapterSchema).check(z.minLength(1), z.maxLength(50)) });

/** What an exported file holds: one adapter, or several under `kind: leadpace-user-adapters`. */
function parseFileBody(raw: unknown) {
  const isList = typeof raw === 'object' && raw !== null && 'kind' in raw && raw.kind === `${USER_ADAPTER_KIND}s`;
  if (isList) {
    const list = adapterListFileSchema.safeParse(raw);
    return list.success ? { success: true as const, data: list.data.adapters } : list;
  }
  const one = userAdapterSchema.safeParse(raw);
  return one.success ? { success: true as const, data: [one.data] } : one;
}

export type ImportResult = { ok: true; adapters: UserAdapter[] } | { ok: false; reason: string };

/** Reads an imported file; any problem rejects the whole file with the first reasons. */
export function parseUserAdapterFile(text: string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = parseFileBody(raw);
  if (!parsed.success) {
    return { ok: false, reason: describeIssues(parsed.error, { limit: 3, whole: '(file)' }) };
  }
  const ids = parsed.data.map((adapter) => adapter.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) return { ok: false, reason: `the file lists ${duplicate} twice` };
  return { ok: true, adapters: parsed.data };
}

export function exportUserAdapters(adapters: readonly UserAdapter[]): string {
  const body = adapters.length === 1 ? adapters[0] : { kind: `${USER_ADAPTER_KIND}s`, adapters };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** The match pattern that covers the CRM's origin on any port (permissions and scripts). */
export function originMatchPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
