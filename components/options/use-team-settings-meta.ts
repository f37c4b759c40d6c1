import { useEffect, useState } from 'react';
import { safely } from '@/lib/safely';
import { parseTeamSettingsMeta, teamSettingsMetaItem, type TeamSettingsMeta } from '@/lib/sync/team-settings-local';

/** Which team version the local settings carry, kept live as the worker applies new ones. */
export function useTeamSettingsMeta(): TeamSettingsMeta | null | undefined {
  const [meta, setMeta] = useState<TeamSettingsMeta | null | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    teamSettingsMetaItem
      .getValue()
      .then((value) => alive && setMeta(parseTeamSettingsMeta(value)))
      .catch(() => alive && setMeta(null));
    const unwatch = teamSettingsMetaItem.watch((value) => setMeta(parseTeamSettingsMeta(value)));
    return () => {
      alive = false;
      safely(unwatch);
    };
  }, []);
  return meta;
}
