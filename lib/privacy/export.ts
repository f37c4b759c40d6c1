import type { LeadNote, LeadpaceDb, StoredEvent } from '../db/schema';
import type { LeadRecord } from '../domain/lead';

/** Bumped when the export's shape changes, so an importer (or a person) can tell versions apart. */
export const EXPORT_SCHEMA_VERSION = 1;
export const EXPORT_FORMAT = 'leadpace-export';

/** Stored values that act as the rep or make the team's hashes: never written to a file. */
const SECRET_KEYS = new Set(['token', 'teamKey', 'secret', 'pairingCode']);
export const REDACTED = '[not exported]';

/** A copy of `value` with every secret field replaced, at any depth. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = SECRET_KEYS.has(key) ? REDACTED : redactSecrets(inner);
  return out;
}

/** Every table by name; the three the CSV files are made of, typed. */
export type ExportTables = Record<string, unknown[]> & { leads: LeadRecord[]; events: StoredEvent[]; notes: LeadNote[] };

const TYPED_TABLES = new Set(['leads', 'events', 'notes']);

export interface ExportBundle {
  format: typeof EXPORT_FORMAT;
  schemaVersion: typeof EXPORT_SCHEMA_VERSION;
  exportedAt: string;
  database: { name: string; version: number; tables: ExportTables };
  /** The extension's storage.local items (settings, scripts, adapters, …), secrets replaced. */
  storage: unknown;
}

/**
 * Everything Leadpace keeps in this browser: every table of its database, read in one
 * transaction so leads, events and notes agree, and its storage.local items.
 */
export async function collectExport(db: LeadpaceDb, readStorage: () => Promise<Record<string, unknown>>, now: number): Promise<ExportBundle> {
  const tables = await db.transaction('r', db.tables, async (): Promise<ExportTables> => {
    const others: Record<string, unknown[]> = {};
    for (const table of db.tables) {
      if (!TYPED_TABLES.has(table.name)) others[table.name] = await table.toArray();
    }
    return { ...others, leads: await db.leads.toArray(), events: await db.events.toArray(), notes: await db.notes.toArray() };
  });
  return {
    format: EXPORT_FORMAT,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: new Date(now).toISOString(),
    database: { name: db.name, version: db.verno, tables },
    storage: redactSecrets(await readStorage()),
  };
}
