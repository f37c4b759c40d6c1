// How well an adapter reads its CRM lately: the share of the fields it looks for that it read
// on the last pages, and the last lead it saw. Pure; the background keeps it in storage.

export const HEALTH_WINDOW = 20;

export interface PageRead {
  at: number;
  read: number;
  asked: number;
}

export interface CrmHealth {
  pages: PageRead[];
  lastLead?: { at: number; leadId: string };
  /** The CRM's display name when it was noted, for surfaces that do not load the adapters. */
  name?: string;
}

export function withPage(health: CrmHealth | undefined, page: PageRead, leadId: string, name?: string): CrmHealth {
  const pages = [...(health?.pages ?? []), page].slice(-HEALTH_WINDOW);
  const named = name ?? health?.name;
  return { pages, lastLead: { at: page.at, leadId }, ...(named !== undefined ? { name: named } : {}) };
}

/** Share of asked fields read over the window, 0..1; null before any page. */
export function healthShare(health: CrmHealth | undefined): number | null {
  const pages = health?.pages ?? [];
  const asked = pages.reduce((sum, page) => sum + page.asked, 0);
  if (asked === 0) return null;
  return pages.reduce((sum, page) => sum + Math.min(page.read, page.asked), 0) / asked;
}

/** Below this share of fields read an adapter probably no longer fits the CRM's pages. */
export const DRIFT_SHARE = 0.7;
/** Pages needed before a low share means drift rather than one odd page. */
export const DRIFT_MIN_PAGES = 10;

/** The CRM's pages seem to have changed: the share over the window is below DRIFT_SHARE. */
export function isDrifting(health: CrmHealth | undefined): boolean {
  if ((health?.pages.length ?? 0) < DRIFT_MIN_PAGES) return false;
  const share = healthShare(health);
  return share !== null && share < DRIFT_SHARE;
}

/** When the rep was told about each CRM's current drop (CRM id → time). */
export type DriftTold = Record<string, number>;

/**
 * The CRMs to tell the rep about: drifting and not told during this drop. A CRM that has
 * recovered is dropped from `told` (see `toldStillDue`), so a later drop is told again — once.
 */
export function driftToTell(all: Record<string, CrmHealth>, told: DriftTold): string[] {
  return Object.keys(all)
    .filter((crm) => isDrifting(all[crm]) && told[crm] === undefined)
    .sort();
}

/** `told` without the CRMs that read well again. */
export function toldStillDue(all: Record<string, CrmHealth>, told: DriftTold): DriftTold {
  return Object.fromEntries(Object.entries(told).filter(([crm]) => isDrifting(all[crm])));
}
