import { setCrmReadingTimeZone } from '../adapters/parse-date';
import { parseSettings, readSettings, settingsItem } from '../settings';

/**
 * CRM pages are read in the dealer's zone (Settings → opening hours). Content scripts set it
 * from the stored settings and follow changes; `ready` settles once the zone is known (or the
 * settings could not be read), before the first extraction.
 */
export function followDealerZone(): { ready: Promise<void>; stop: () => void } {
  const stop = settingsItem.watch((value) => setCrmReadingTimeZone(parseSettings(value).openingHours.timeZone));
  const ready = readSettings()
    .then((settings) => setCrmReadingTimeZone(settings.openingHours.timeZone))
    .catch(() => undefined);
  return { ready, stop };
}
