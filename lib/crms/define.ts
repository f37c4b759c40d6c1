import type { LeadSnapshot } from '../domain/model';
import type { CrmListReader } from '../adapters/lists/types';
import { matchesAny } from '../adapters/match-pattern';
import type { CrmAdapter } from '../adapters/types';

/**
 * Which URLs of a CRM can show a lead: URL facts only. The detector content script that runs on
 * every CRM page and the background import routes and nothing else, so a page that is not a lead
 * page costs almost nothing.
 */
export interface CrmRoute {
  id: string;
  /** The CRM's product name, as the dealer knows it (Options, health notes). */
  name: string;
  /** Match patterns of the CRM's origins: what permissions and content scripts cover. */
  matches: string[];
  /** Whether the lead content lives in frames (eLead, VinSolutions). */
  allFrames: boolean;
  /** True when this URL can show a single lead (the page may still need to render it). */
  isLeadPage(url: URL): boolean;
  /** True when this URL shows an inbox or list Leadpace reads new leads from (`list.ts`). */
  isListPage?(url: URL): boolean;
}

export interface CrmRouteSpec {
  id: string;
  name: string;
  matches: string[];
  allFrames: boolean;
  /** Called only for URLs inside `matches`; may throw, the route answers false then. */
  isLeadUrl(url: URL): boolean;
  isListUrl?(url: URL): boolean;
}

function insideMatches(matches: readonly string[], test: (url: URL) => boolean): (url: URL) => boolean {
  return (url) => {
    try {
      return matchesAny(matches, url) && test(url);
    } catch {
      return false;
    }
  };
}

/** A route whose answers are always inside its own origins and never throw. */
export function defineRoute(spec: CrmRouteSpec): CrmRoute {
  const { isListUrl } = spec;
  return {
    id: spec.id,
    name: spec.name,
    matches: spec.matches,
    allFrames: spec.allFrames,
    isLeadPage: insideMatches(spec.matches, spec.isLeadUrl),
    ...(isListUrl ? { isListPage: insideMatches(spec.matches, isListUrl) } : {}),
  };
}

/** What an adapter adds to its route: how to find and read the lead on the page. */
export type CrmAdapterSpec = Omit<CrmAdapter, 'id' | 'name' | 'matches' | 'allFrames' | 'isLeadPage'>;

/**
 * An adapter on its route: the URL facts come from the route (never copied, so they cannot
 * drift), and the page readers are wrapped once so a page we have never seen gives a partial
 * result or null, never an exception in the CRM's page.
 */
export function defineAdapter(route: CrmRoute, spec: CrmAdapterSpec): CrmAdapter {
  return {
    ...spec,
    id: route.id,
    name: route.name,
    matches: route.matches,
    allFrames: route.allFrames,
    isLeadPage: route.isLeadPage,
    leadId(url: URL, doc: Document): string | null {
      try {
        return spec.leadId(url, doc);
      } catch {
        return null;
      }
    },
    extract(doc: Document, url: URL): LeadSnapshot | null {
      try {
        return spec.extract(doc, url);
      } catch {
        return null;
      }
    },
  };
}

export type CrmListReaderSpec = Omit<CrmListReader, 'id' | 'isListPage'>;

/** A list reader on its route: the same CRM id, the route's list URLs, rows read without throwing. */
export function defineListReader(route: CrmRoute, spec: CrmListReaderSpec): CrmListReader {
  const { isListPage } = route;
  return {
    ...spec,
    id: route.id,
    isListPage: (url) => isListPage?.(url) ?? false,
    read(doc: Document, url: URL): LeadSnapshot[] {
      try {
        return spec.read(doc, url);
      } catch {
        return [];
      }
    },
  };
}

/** Positive and negative example URLs of a CRM (test-only: kept out of production bundles). */
export interface CrmTestUrls {
  /** Lead pages this CRM claims. */
  lead: readonly string[];
  /** Pages on its origins that are not lead pages. */
  other: readonly string[];
  /** List pages its reader claims (CRMs with a `list.ts`). */
  list?: readonly string[];
}
