import { safely } from '@/lib/safely';
import { useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, parseSettings, settingsItem, type Settings } from '@/lib/settings';

/** The current settings, kept live when they change on the options page. */
export function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    let alive = true;
    settingsItem
      .getValue()
      .then((value) => alive && setSettings(parseSettings(value)))
      .catch(() => undefined);
    const unwatch = settingsItem.watch((value) => setSettings(parseSettings(value)));
    return () => {
      alive = false;
      safely(unwatch);
    };
  }, []);
  return settings;
}
