import type { TeamUserAdapter } from '../../sync/adapter-overrides';
import { originMatchPattern, type UserAdapter } from './schema';

// A member's own user adapters always win over the team's: a published adapter with the same id
// or for the same site is not used (and never written over the member's own), so a dealer who
// repaired a CRM for themselves keeps their repair.

/** One site as the browser grants it: any port of the host (see originMatchPattern). */
export const siteOf = (origin: string): string => originMatchPattern(origin);

/** An adapter (own or built-in, by its id and match patterns) that takes the place of this published one. */
export function takesThePlaceOf(entry: TeamUserAdapter, adapter: { id: string; matches: readonly string[] }): boolean {
  return adapter.id === entry.id || adapter.matches.includes(siteOf(entry.adapter.origin));
}

/** The member's own adapter that takes the place of this published one, if any. */
export function ownAdapterInstead(entry: TeamUserAdapter, own: readonly UserAdapter[]): UserAdapter | undefined {
  return own.find((def) => takesThePlaceOf(entry, { id: def.id, matches: [siteOf(def.origin)] }));
}

/** The adapters this browser reads with: its own first, then the team's it has no own one for. */
export function withTeamUserAdapters(own: readonly UserAdapter[], team: readonly TeamUserAdapter[]): UserAdapter[] {
  const seen = new Set<string>();
  const fromTeam = team.flatMap((entry) => {
    const site = siteOf(entry.adapter.origin);
    if (ownAdapterInstead(entry, own) || seen.has(site)) return [];
    seen.add(site);
    return [entry.adapter];
  });
  return [...own, ...fromTeam];
}
