import { userAdapterSchema, USER_ADAPTER_KIND, type UrlIdPattern, type UserAdapter, type UserField } from '../adapters/user/schema';

// What the dealer has marked so far in the picker, and how it becomes a user adapter.

export interface Candidate {
  selector: string;
  /** Elements the selector finds on this page; 1 is what we want. */
  count: number;
  /** What the first match reads now (shown only here, never stored). */
  preview: string;
}

export interface FieldPick {
  candidates: Candidate[];
  chosen: number;
}

export interface Draft {
  name: string;
  origin: string;
  fields: Partial<Record<UserField, FieldPick>>;
  /** Take the lead id from the URL instead of the page. */
  idFromUrl: UrlIdPattern | null;
  createdAt: string;
}

export function slugOf(host: string): string {
  const slug = host
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 33)
    .replace(/-+$/, '');
  return `user-${slug || 'crm'}`;
}

/** The chosen selector first; the other candidates that still find something are fallbacks. */
export function selectorsOf(pick: FieldPick | undefined): string[] | undefined {
  if (!pick) return undefined;
  const chosen = pick.candidates[pick.chosen];
  if (!chosen) return undefined;
  const rest = pick.candidates.filter((candidate, index) => index !== pick.chosen && candidate.count >= 1);
  return [chosen.selector, ...rest.map((candidate) => candidate.selector)].slice(0, 8);
}

export type DraftResult = { ok: true; adapter: UserAdapter } | { ok: false; reasons: string[] };

export function draftToAdapter(draft: Draft): DraftResult {
  const url = new URL(draft.origin);
  const candidate = {
    kind: USER_ADAPTER_KIND,
    version: 1,
    id: slugOf(url.hostname),
    name: draft.name.trim() || url.hostname,
    origin: draft.origin,
    ...(draft.idFromUrl ? { idFromUrl: draft.idFromUrl } : {}),
    fields: Object.fromEntries(
      (['name', 'leadId', 'receivedAt', 'source', 'phone'] as const)
        .filter((field) => !(field === 'leadId' && draft.idFromUrl))
        .map((field) => [field, selectorsOf(draft.fields[field])])
        .filter(([, selectors]) => selectors !== undefined),
    ),
    createdAt: draft.createdAt,
  };
  const parsed = userAdapterSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, adapter: parsed.data };
  return { ok: false, reasons: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
}
