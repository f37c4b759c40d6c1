import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import { ADAPTERS } from '@/lib/crms/registry';
import type { CrmAdapter } from '@/lib/adapters/types';
import { matchesAny } from '@/lib/adapters/match-pattern';
import { userAdapterSchema, type UserAdapter } from '@/lib/adapters/user/schema';
import { userAdapter } from '@/lib/adapters/user/to-adapter';
import { withTeamUserAdapters } from '@/lib/adapters/user/team-merge';
import { readTeamUserAdapters } from './team-fixes-item';

// User adapters live in storage.local (this browser only) and are re-validated on every read:
// storage is a boundary too, and a bad entry must not take the good ones down with it. The
// dealer's own are kept here; the ones the team's manager published arrive with the team's
// fixes (team-fixes-item.ts) and are read alongside, never written into this list.

export const userAdaptersItem = storage.defineItem<unknown[]>('local:userAdapters', { fallback: [] });

/** The dealer's own adapters: what Options lists, exports and removes. */
export async function loadOwnUserAdapters(): Promise<UserAdapter[]> {
  const raw = await userAdaptersItem.getValue();
  const list = z.array(z.unknown()).safeParse(raw);
  if (!list.success) return [];
  return list.data.flatMap((entry) => {
    const parsed = userAdapterSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Every user adapter this browser reads with: the dealer's own, then those the team published
 * that the dealer has no own one for. Like an own adapter, a published one reads nothing until
 * its site is allowed in Options.
 */
export async function loadUserAdapters(): Promise<UserAdapter[]> {
  const [own, team] = await Promise.all([loadOwnUserAdapters(), readTeamUserAdapters().catch(() => [])]);
  return withTeamUserAdapters(own, team);
}

/** Why this adapter cannot be added, or null. Built-in CRMs keep their own adapter. */
export function conflictOf(def: UserAdapter): string | null {
  let url: URL;
  try {
    url = new URL(`${def.origin}/`);
  } catch {
    return `bad origin ${def.origin}`;
  }
  const builtIn = ADAPTERS.find((adapter) => matchesAny(adapter.matches, url));
  return builtIn ? `${def.origin} is already read by the built-in ${builtIn.name} adapter` : null;
}

/** Adds or replaces (same id) adapters in one write: all of them or, on a conflict, none. */
export async function saveUserAdapters(defs: readonly UserAdapter[]): Promise<{ ok: true } | { ok: false; reason: string }> {
  for (const def of defs) {
    const conflict = conflictOf(def);
    if (conflict) return { ok: false, reason: conflict };
  }
  const current = await loadOwnUserAdapters();
  const replaced = new Set(defs.map((def) => def.id));
  await userAdaptersItem.setValue([...current.filter((def) => !replaced.has(def.id)), ...defs]);
  return { ok: true };
}

export async function removeUserAdapter(id: string): Promise<void> {
  const current = await loadOwnUserAdapters();
  await userAdaptersItem.setValue(current.filter((def) => def.id !== id));
}

/** Built-in adapters first, then the dealer's own. */
export async function allAdapters(): Promise<CrmAdapter[]> {
  const user = await loadUserAdapters().catch(() => []);
  return [...ADAPTERS, ...user.map(userAdapter)];
}
