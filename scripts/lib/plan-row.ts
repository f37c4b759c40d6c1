import type { Page } from 'playwright-core';

/**
 * The keys of the background's popup plan row (lib/domain/popup-plan.ts), read with raw
 * IndexedDB in an extension page; null while there is none.
 */
export function plannedKeys(page: Page): Promise<string[] | null> {
  return page.evaluate(
    () =>
      new Promise<string[] | null>((resolve, reject) => {
        const open = indexedDB.open('leadpace');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('summary', 'readonly').objectStore('summary').get('plan');
          get.onsuccess = () => {
            db.close();
            const row: unknown = get.result;
            resolve(typeof row === 'object' && row !== null && 'keys' in row && Array.isArray(row.keys) ? row.keys.map(String) : null);
          };
          get.onerror = () => reject(get.error ?? new Error('read failed'));
        };
      }),
  );
}
