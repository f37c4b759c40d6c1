// Every test gets a fresh in-memory IndexedDB, the same API the extension's pages use.
import 'fake-indexeddb/auto';
