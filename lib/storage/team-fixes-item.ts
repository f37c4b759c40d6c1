import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import { teamAdapterOverrideSchema, teamUserAdapterSchema, type TeamAdapterOverride, type TeamUserAdapter } from '@/lib/sync/adapter-overrides';
import type { AdapterOverride } from '@/lib/adapters/overrides/schema';

// The team's fixes and published user adapters as this browser last received them, and which
// fixes the rep turned off (a published user adapter is on while its site is allowed).
// Both are re-validated on every read: storage is a boundary, and a bad entry must only cost
// its own fix, never the panel. zod/mini: the panel reads them on every CRM page, where classic
// zod would be ~26 kB gzip more to load.

export const teamOverridesStateSchema = z.object({
  teamId: z.string(),
  /** The server's ETag for this list, for a cheap "still the same?" on every sync. */
  etag: z.nullable(z.string()),
  overrides: z.array(z.unknown()),
  /** Kept before user adapters could be published: none. */
  userAdapters: z._default(z.array(z.unknown()), []),
});
export type TeamOverridesState = { teamId: string; etag: string | null; overrides: TeamAdapterOverride[]; userAdapters: TeamUserAdapter[] };

export const teamOverridesItem = storage.defineItem<unknown>('local:teamAdapterOverrides', { fallback: null });

/** CRM id → the version the rep turned off; a newer version of the fix is in use again. */
const offSchema = z.record(z.string(), z.number().check(z.int(), z.minimum(1)));
export const overridesOffItem = storage.defineItem<unknown>('local:adapterOverridesOff', { fallback: {} });

export function parseTeamOverrides(raw: unknown): TeamOverridesState | null {
  const state = teamOverridesStateSchema.safeParse(raw);
  if (!state.success) return null;
  const overrides = state.data.overrides.flatMap((entry) => {
    const parsed = teamAdapterOverrideSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
  const userAdapters = state.data.userAdapters.flatMap((entry) => {
    const parsed = teamUserAdapterSchema.safeParse(entry);
    return parsed.success && parsed.data.adapter.id === parsed.data.id ? [parsed.data] : [];
  });
  return { teamId: state.data.teamId, etag: state.data.etag, overrides, userAdapters };
}

/** The user adapters the team's manager published, as this browser last received them. */
export async function readTeamUserAdapters(): Promise<TeamUserAdapter[]> {
  return (await readTeamOverrides())?.userAdapters ?? [];
}

export async function readTeamOverrides(): Promise<TeamOverridesState | null> {
  return parseTeamOverrides(await teamOverridesItem.getValue());
}

export async function readOverridesOff(): Promise<Record<string, number>> {
  const parsed = offSchema.safeParse(await overridesOffItem.getValue());
  return parsed.success ? parsed.data : {};
}

/** The rep's switch for one CRM's fix: off for this version, or on again. */
export async function setOverrideOff(crm: string, version: number, off: boolean): Promise<void> {
  const rest = Object.fromEntries(Object.entries(await readOverridesOff()).filter(([id]) => id !== crm));
  await overridesOffItem.setValue(off ? { ...rest, [crm]: version } : rest);
}

export const isOff = (entry: TeamAdapterOverride, off: Readonly<Record<string, number>>): boolean => off[entry.crm] === entry.version;

/** The fixes in force in this browser, by CRM id: received from the team and not turned off. */
export async function loadActiveOverrides(): Promise<ReadonlyMap<string, AdapterOverride>> {
  const [state, off] = await Promise.all([readTeamOverrides(), readOverridesOff()]);
  const active = new Map<string, AdapterOverride>();
  for (const entry of state?.overrides ?? []) {
    if (!isOff(entry, off) && entry.override.crm === entry.crm) active.set(entry.crm, entry.override);
  }
  return active;
}

/**
 * Calls back with the fixes in force whenever a sync, the rep's switch or another tab changes
 * them, so a CRM tab that is already open reads with the current fix, not the one it loaded with.
 */
export function followActiveOverrides(onChange: (active: ReadonlyMap<string, AdapterOverride>) => void): () => void {
  let stopped = false;
  // Reads can finish out of order when two changes come close together: only the latest counts.
  let latest = 0;
  const read = () => {
    const mine = ++latest;
    void loadActiveOverrides()
      .then((active) => {
        if (!stopped && mine === latest) onChange(active);
      })
      .catch(() => undefined);
  };
  const stops = [teamOverridesItem.watch(read), overridesOffItem.watch(read)];
  return () => {
    stopped = true;
    for (const stop of stops) {
      try {
        stop();
      } catch {
        // The extension context is gone: nothing is watched any more.
      }
    }
  };
}
