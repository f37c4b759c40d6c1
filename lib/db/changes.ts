import Dexie, { type ObservabilitySet } from 'dexie';

/**
 * True when a Dexie change notification (`storagemutated`, from this page or, through Dexie's
 * BroadcastChannel, from the background) concerns one of `tables` in the database `dbName`.
 * Dexie names each changed part `idb://<db>/<table>/<index>`; `all` means "assume everything
 * changed" (sent when a page comes back from the back/forward cache).
 */
export function touchesTables(parts: ObservabilitySet, dbName: string, tables: readonly string[]): boolean {
  if ('all' in parts) return true;
  const prefixes = tables.map((table) => `idb://${dbName}/${table}/`);
  return Object.keys(parts).some((part) => prefixes.some((prefix) => part.startsWith(prefix)));
}

/**
 * Calls `onChange` after every committed write to one of `tables` of `db`, in any context of
 * this extension. Returns the unsubscribe function. A coarse alternative to `liveQuery`, which
 * tracks every key a query reads (thousands of range-set insertions for a big read).
 */
export function onTablesChanged(db: Dexie, tables: readonly string[], onChange: () => void): () => void {
  const listener = (parts: ObservabilitySet) => {
    if (touchesTables(parts, db.name, tables)) onChange();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
