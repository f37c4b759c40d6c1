import type { LeadSnapshot, SnapshotField } from '../../domain/model';
import { meaningful, optionalText } from '../extract';
import { matchesAny } from '../match-pattern';
import { parseCrmDate } from '../parse-date';
import type { CrmRoute } from '@/lib/crms/routes';
import { buildSnapshot, FIELD_MAX, linkValue, validLeadId } from '../snapshot';
import type { CrmAdapter } from '../types';
import { firstPierced, outermostStep } from './query';
import { originMatchPattern, type UrlIdPattern, type UserAdapter } from './schema';

// Turns a user adapter (data) into the same CrmAdapter contract the built-in adapters follow,
// so the watcher, panel and background treat both alike.

function pathRegex(pattern: string): RegExp {
  // A trailing slash is optional on both sides: `/klant/{id}/` also matches `/klant/4711`.
  const escaped = pattern
    .replace(/\/+$/, '')
    .split('{id}')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+'))
    .join('([^/]+)');
  return new RegExp(`^${escaped}/?$`);
}

/** The lead id the URL carries, or null when this URL has none. */
export function idFromUrl(pattern: UrlIdPattern, url: URL): string | null {
  try {
    if (pattern.query !== undefined) return validLeadId(url.searchParams.get(pattern.query)?.trim());
    if (pattern.path !== undefined) {
      const match = pathRegex(pattern.path).exec(url.pathname);
      return match?.[1] ? validLeadId(decodeURIComponent(match[1])) : null;
    }
  } catch {
    // A malformed escape in the URL: no id.
  }
  return null;
}

export function userRoute(def: UserAdapter): CrmRoute {
  const matches = [originMatchPattern(def.origin)];
  return {
    id: def.id,
    name: def.name,
    matches,
    allFrames: false,
    isLeadPage(url) {
      try {
        if (!matchesAny(matches, url)) return false;
        if (def.pathPrefix && !url.pathname.startsWith(def.pathPrefix)) return false;
        // An id from the page: any page of the CRM may show a lead, the anchor decides.
        if (!def.idFromUrl) return true;
        return idFromUrl(def.idFromUrl, url) !== null;
      } catch {
        return false;
      }
    },
  };
}

function readReceivedAt(el: Element | null): string | undefined {
  if (!el) return undefined;
  const time = el.closest('time[datetime]') ?? el.querySelector('time[datetime]');
  const candidates = [el.getAttribute('datetime'), time?.getAttribute('datetime'), el.getAttribute('title'), optionalText(el, 120)];
  for (const text of candidates) {
    const value = meaningful(text ?? undefined);
    if (!value) continue;
    const date = parseCrmDate(value, { now: new Date() });
    if (date) return date.toISOString();
  }
  return undefined;
}

function readPhone(el: Element | null): string | undefined {
  if (!el) return undefined;
  const link = el.closest('a[href^="tel:" i]') ?? el.querySelector('a[href^="tel:" i]');
  return linkValue(link, 'tel:') ?? meaningful(optionalText(el, FIELD_MAX.phone));
}

const FIELD_OF = { name: 'name', receivedAt: 'receivedAt', source: 'source', phone: 'phone' } as const satisfies Record<
  string,
  SnapshotField
>;

/** Snapshot fields the dealer marked (the lead id is not one: without it there is no snapshot). */
export function markedFieldCount(def: UserAdapter): number {
  return (Object.keys(FIELD_OF) as (keyof typeof FIELD_OF)[]).filter((key) => def.fields[key] !== undefined).length;
}

export function userAdapter(def: UserAdapter): CrmAdapter {
  const route = userRoute(def);
  const anchor = def.fields.name.map(outermostStep).join(', ');
  const configured = new Set<SnapshotField>(
    (Object.keys(FIELD_OF) as (keyof typeof FIELD_OF)[]).filter((key) => def.fields[key] !== undefined).map((key) => FIELD_OF[key]),
  );

  const leadId = (url: URL, doc: Document): string | null => {
    try {
      const fromPage = def.fields.leadId ? validLeadId(meaningful(optionalText(firstPierced(doc, def.fields.leadId), 200))) : null;
      return fromPage ?? (def.idFromUrl ? idFromUrl(def.idFromUrl, url) : null);
    } catch {
      return null;
    }
  };

  return {
    id: def.id,
    name: def.name,
    matches: route.matches,
    allFrames: false,
    isLeadPage: route.isLeadPage,
    anchor,
    leadId,
    extract(doc: Document, url: URL): LeadSnapshot | null {
      const id = leadId(url, doc);
      if (!id || !firstPierced(doc, def.fields.name)) return null;
      const pick = (selectors: readonly string[] | undefined) => (selectors ? firstPierced(doc, selectors) : null);
      const snapshot = buildSnapshot({ crm: def.id, leadId: id, url }, () => ({
        name: meaningful(optionalText(pick(def.fields.name), FIELD_MAX.name)),
        phone: readPhone(pick(def.fields.phone)),
        sourceRaw: meaningful(optionalText(pick(def.fields.source), FIELD_MAX.sourceRaw)),
        receivedAt: readReceivedAt(pick(def.fields.receivedAt)),
      }));
      // Only what the dealer marked can be "missing"; unmarked fields were never asked for.
      return snapshot ? { ...snapshot, missing: snapshot.missing.filter((field) => configured.has(field)) } : null;
    },
    attemptHooks: [],
  };
}
