import { onTablesChanged } from '../db/changes';
import type { LeadpaceDb } from '../db/schema';
import { keepPlan } from '../db/summary-plan';
import { readSettings, settingsItem } from '../settings';
import { safely } from '../safely';

/**
 * Keeps the popup's plan row (lib/domain/popup-plan.ts) current: when the worker starts, after
 * every committed write to the leads from any of the extension's pages (each deletes the row),
 * and when the settings change (plans are made for one cadence and one set of opening hours).
 * One run at a time; changes during a run make exactly one more. Returns the stop function.
 */
export function keepPopupPlan({ db, log }: { db: () => LeadpaceDb; log: (message: string) => void }): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const settings = await readSettings();
        await keepPlan(db(), settings.cadence, settings.openingHours);
      } while (again);
    } catch (error) {
      // The popup then ranks the open leads itself: slower, never wrong.
      log(`popup plan failed: ${String(error)}`);
    } finally {
      running = false;
    }
  };
  const soon = () => void run();
  const stopTables = onTablesChanged(db(), ['leads'], soon);
  const unwatch = settingsItem.watch(soon);
  soon();
  return () => {
    stopTables();
    safely(unwatch);
  };
}
