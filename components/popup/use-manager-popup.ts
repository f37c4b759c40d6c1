import { useEffect, useState } from 'react';
import { safely } from '@/lib/safely';
import { isManagerRole } from '@/lib/sync/roles';

/**
 * Whether the team connection is a manager's (their popup opens on the team), kept live. The
 * connection's code (its schemas and the team server client) loads once `enabled` (after the
 * first screen): false until then, as for a rep.
 */
export function useManagerPopup(enabled: boolean): boolean {
  const [manager, setManager] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    let unwatch: () => void = () => undefined;
    void import('@/lib/sync/connection')
      .then(({ parseConnection, teamConnectionItem }) => {
        if (!alive) return;
        const apply = (raw: unknown) => alive && setManager(isManagerRole(parseConnection(raw)?.me.role));
        teamConnectionItem
          .getValue()
          .then(apply)
          .catch(() => undefined);
        unwatch = teamConnectionItem.watch(apply);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
      safely(unwatch);
    };
  }, [enabled]);
  return manager;
}
