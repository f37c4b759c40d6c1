import type { LeadpaceDb } from '../db/schema';
import { wipeRequestSchema } from './wipe-request';

export { wipeRequestSchema };

/** What the wipe deleted, for the sentence the user reads afterwards. */
export interface WipeReport {
  leads: number;
  events: number;
  notes: number;
  /** storage.local items removed (settings, team connection, adapters, …). */
  storageItems: number;
  /** CRMs whose content script was unregistered. */
  crms: string[];
  /** Whether this browser was connected to a team server (which keeps its pseudonymous events). */
  wasConnected: boolean;
}

export type WipeResult = { ok: true; value: WipeReport } | { ok: false; reason: string };

export interface WipeDeps {
  db: () => LeadpaceDb;
  /** The extension's own storage.local. */
  storage: { get: () => Promise<Record<string, unknown>>; clear: () => Promise<void> };
  /** Stops Leadpace on every CRM: unregisters its scripts, gives up its CRM sites, removes open panels. */
  withdrawFromCrms: () => Promise<string[]>;
  extensionOrigin: string;
  log: (message: string) => void;
}

/**
 * Deletes everything Leadpace keeps in this browser. The CRMs go first, so no page records a
 * lead into the emptied database; then the database (every other page's connection closes on
 * the delete), then storage.local. Only Leadpace's own pages may ask.
 */
export async function wipeEverything(raw: unknown, senderUrl: string | undefined, deps: WipeDeps): Promise<WipeResult> {
  if (!senderUrl?.startsWith(deps.extensionOrigin) || !wipeRequestSchema.safeParse(raw).success) {
    deps.log('rejected privacy/wipe');
    return { ok: false, reason: 'only Leadpace’s own pages can wipe its data' };
  }
  try {
    const db = deps.db();
    const [leads, events, notes] = await Promise.all([db.leads.count(), db.events.count(), db.notes.count()]);
    const stored = await deps.storage.get();
    const wasConnected = stored.teamConnection !== undefined && stored.teamConnection !== null;
    const crms = await deps.withdrawFromCrms();
    // Closed and deleted; a later use reopens an empty database.
    await db.delete({ disableAutoOpen: false });
    await deps.storage.clear();
    return { ok: true, value: { leads, events, notes, storageItems: Object.keys(stored).length, crms, wasConnected } };
  } catch (e) {
    deps.log(`wipe failed: ${String(e)}`);
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
