import { useCallback, useEffect, useState } from 'react';
import type { UserAdapter } from '@/lib/adapters/user/schema';
import { readTeamUserAdapters, teamOverridesItem } from '@/lib/storage/team-fixes-item';
import { safely } from '@/lib/safely';
import type { TeamUserAdapter } from '@/lib/sync/adapter-overrides';
import { publishTeamUserAdapter, withdrawTeamOverride } from '@/lib/sync/adapter-overrides-local';

/** Where Options reads, publishes and withdraws the user adapters published to the team; injectable for tests. */
export interface TeamUserAdapterStore {
  read(): Promise<TeamUserAdapter[]>;
  /** Calls back when a sync (or another tab) changes them. */
  watch(onChange: () => void): () => void;
  publish(adapter: UserAdapter): Promise<TeamUserAdapter>;
  withdraw(id: string): Promise<void>;
}

// Resolved per call, so a test that replaces globalThis.fetch is honoured.
const browserFetch = { fetch: (input: string, init: RequestInit) => fetch(input, init), now: Date.now };

export const browserTeamUserAdapters: TeamUserAdapterStore = {
  read: readTeamUserAdapters,
  watch: (onChange) => {
    const stop = teamOverridesItem.watch(onChange);
    return () => safely(stop);
  },
  publish: (adapter) => publishTeamUserAdapter(browserFetch, adapter),
  withdraw: (id) => withdrawTeamOverride(browserFetch, id),
};

/** The team's published user adapters, kept live while the page is open. */
export function useTeamUserAdapters(store: TeamUserAdapterStore): TeamUserAdapter[] {
  const [list, setList] = useState<TeamUserAdapter[]>([]);
  const refresh = useCallback(() => {
    void store
      .read()
      .then(setList)
      .catch(() => setList([]));
  }, [store]);
  useEffect(() => {
    refresh();
    return store.watch(refresh);
  }, [store, refresh]);
  return list;
}
