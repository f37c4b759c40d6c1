import { safely } from '@/lib/safely';
import { useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings-schema';
import { followSettings } from '@/lib/storage/settings-read';

/** The current settings (defaults until read), kept live when they change on the options page. */
export function useSettings(): Settings {
  return useStoredSettings() ?? DEFAULT_SETTINGS;
}

/**
 * The stored settings, or null until they have been read: lets a surface wait instead of
 * computing everything once with defaults and again with the real values.
 */
export function useStoredSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let alive = true;
    const unfollow = followSettings((value) => alive && setSettings(value));
    return () => {
      alive = false;
      safely(unfollow);
    };
  }, []);
  return settings;
}
