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
}

export function withPage(health: CrmHealth | undefined, page: PageRead, leadId: string): CrmHealth {
  const pages = [...(health?.pages ?? []), page].slice(-HEALTH_WINDOW);
  return { pages, lastLead: { at: page.at, leadId } };
}

/** Share of asked fields read over the window, 0..1; null before any page. */
export function healthShare(health: CrmHealth | undefined): number | null {
  const pages = health?.pages ?? [];
  const asked = pages.reduce((sum, page) => sum + page.asked, 0);
  if (asked === 0) return null;
  return pages.reduce((sum, page) => sum + Math.min(page.read, page.asked), 0) / asked;
}
