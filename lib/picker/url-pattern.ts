import type { UrlIdPattern } from '../adapters/user/schema';

// Suggests where a lead page's URL carries the record id, so "take the id from the URL" is one
// click: the last id-looking path segment becomes {id}, earlier ones become *, or else a query
// parameter with an id-looking value.

// Two digits at least: version and app segments such as `v2`, `evo2` or `api3` are not ids, and
// taking one would give every lead the same id.
const ID_LIKE = /^(?=(?:\D*\d){2})[A-Za-z0-9_-]{2,64}$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Query parameters that name the record. */
const LEAD_PARAM = /lead|prospect|customer|klant|kunde|client|record|oppty|opp|contact|deal/i;
/** Query parameters that name an id, but maybe not the lead's. */
const ID_PARAM = /^id|id$|[_.-]id(?:[_.-]|$)/i;
/** Query parameters that are the same on every lead page: never the lead id. */
const NOT_LEAD_PARAM = /session|sid$|token|csrf|auth|user|tab|page|dealer|tenant|org|lang|locale|utm_|redirect|return/i;

/** 0 names the lead, 1 names some id, 2 is any id-like value; null is never the lead id. */
function paramRank(name: string): number | null {
  if (!/^[\w.-]{1,60}$/.test(name)) return null;
  if (LEAD_PARAM.test(name)) return 0;
  if (NOT_LEAD_PARAM.test(name)) return null;
  return ID_PARAM.test(name) ? 1 : 2;
}

export function looksLikeId(segment: string): boolean {
  return ID_LIKE.test(segment);
}

export function suggestUrlPattern(url: URL): UrlIdPattern | null {
  const segments = url.pathname.split('/');
  let last = -1;
  segments.forEach((segment, index) => {
    if (looksLikeId(segment)) last = index;
  });
  if (last > 0) {
    const path = segments.map((segment, index) => (index === last ? '{id}' : looksLikeId(segment) ? '*' : segment)).join('/');
    return { path };
  }
  let best: { name: string; rank: number } | null = null;
  for (const [name, value] of url.searchParams) {
    const rank = paramRank(name);
    if (rank === null || !looksLikeId(value)) continue;
    if (!best || rank < best.rank) best = { name, rank };
  }
  return best ? { query: best.name } : null;
}

/** How a pattern reads in the UI: `/klant/{id}` or `?leadId={id}`. */
export function describeUrlPattern(pattern: UrlIdPattern): string {
  return pattern.query !== undefined ? `?${pattern.query}={id}` : (pattern.path ?? '');
}

/** Parses what the dealer typed back into a pattern. */
export function parseUrlPatternText(text: string): UrlIdPattern | null {
  const trimmed = text.trim();
  const query = /^\?([\w.-]{1,60})=\{id\}$/.exec(trimmed);
  if (query?.[1]) return { query: query[1] };
  if (trimmed.startsWith('/') && trimmed.split('{id}').length === 2 && !/[?#\s]/.test(trimmed)) return { path: trimmed };
  return null;
}
