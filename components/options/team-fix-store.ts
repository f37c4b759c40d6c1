import { useCallback, useEffect, useState } from 'react';
import type { AdapterOverride } from '@/lib/adapters/overrides/schema';
import { overridesOffItem, readOverridesOff, readTeamOverrides, setOverrideOff, teamOverridesItem } from '@/lib/storage/team-fixes-item';
import { safely } from '@/lib/safely';
import type { TeamAdapterOverride } from '@/lib/sync/adapter-overrides';
import { publishTeamOverride, withdrawTeamOverride } from '@/lib/sync/adapter-overrides-local';

/** Where the Options page reads and changes the team's CRM fixes; injectable for tests. */
export interface TeamFixStore {
  read(): Promise<{ fixes: TeamAdapterOverride[]; off: Record<string, number> }>;
  /** Calls back when the fixes or the rep's switches change (a sync, another tab). */
  watch(onChange: () => void): () => void;
  setOff(crm: string, version: number, off: boolean): Promise<void>;
  publish(override: AdapterOverride): Promise<TeamAdapterOverride>;
  withdraw(crm: string): Promise<void>;
}

// Resolved per call, so a test that replaces globalThis.fetch is honoured.
const browserFetch = { fetch: (input: string, init: RequestInit) => fetch(input, init), now: Date.now };

export const browserTeamFixes: TeamFixStore = {
  read: async () => {
    const [state, off] = await Promise.all([readTeamOverrides(), readOverridesOff()]);
    return { fixes: state?.overrides ?? [], off };
  },
  watch: (onChange) => {
    const stops = [teamOverridesItem.watch(onChange), overridesOffItem.watch(onChange)];
    return () => stops.forEach((stop) => safely(stop));
  },
  setOff: setOverrideOff,
  publish: (override) => publishTeamOverride(browserFetch, override),
  withdraw: (crm) => withdrawTeamOverride(browserFetch, crm),
};

export interface TeamFixes {
  byCrm: ReadonlyMap<string, TeamAdapterOverride>;
  off: Readonly<Record<string, number>>;
  refresh: () => void;
}

/** The team's fixes by CRM id, kept live while the page is open. */
export function useTeamFixes(store: TeamFixStore): TeamFixes {
  const [state, setState] = useState<{ fixes: TeamAdapterOverride[]; off: Record<string, number> }>({ fixes: [], off: {} });
  const refresh = useCallback(() => {
    void store
      .read()
      .then(setState)
      .catch(() => setState({ fixes: [], off: {} }));
  }, [store]);
  useEffect(() => {
    refresh();
    return store.watch(refresh);
  }, [store, refresh]);
  return { byCrm: new Map(state.fixes.map((fix) => [fix.crm, fix])), off: state.off, refresh };
}
