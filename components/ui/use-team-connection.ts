import { useEffect, useState } from 'react';
import { safely } from '@/lib/safely';
import { parseConnection, teamConnectionItem, teamInfo, type TeamInfo } from '@/lib/sync/connection';

/**
 * The team connection as extension pages may see it (no token, no team key), kept live when
 * the options page connects or disconnects. `undefined` while the first read is in flight.
 */
export function useTeamConnection(): TeamInfo | null | undefined {
  const [info, setInfo] = useState<TeamInfo | null | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const apply = (raw: unknown) => {
      const connection = parseConnection(raw);
      setInfo(connection ? teamInfo(connection) : null);
    };
    teamConnectionItem
      .getValue()
      .then((value) => alive && apply(value))
      .catch(() => alive && setInfo(null));
    const unwatch = teamConnectionItem.watch((value) => apply(value));
    return () => {
      alive = false;
      safely(unwatch);
    };
  }, []);
  return info;
}
