import { z } from 'zod';
import { wireLeadRefSchema } from '../../lib/sync/wire';
import type { Db } from '../db/connect';

const bodyRef = z.object({ ref: wireLeadRefSchema });

/**
 * The newest stored reference of each of these leads in the team (any rep's): opaque text the
 * server cannot open, handed back to a manager's browser, which can. Leads without one are
 * left out.
 */
export async function latestLeadRefs(db: Db, teamId: string, leads: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (leads.length === 0) return out;
  const rows = await db.kysely
    .selectFrom('events')
    .select(['lead', 'body'])
    .where('team_id', '=', teamId)
    .where('lead', 'in', [...new Set(leads)])
    .where('body', 'like', '%"ref":%')
    .orderBy('seq', 'desc')
    .execute();
  for (const row of rows) {
    if (out.has(row.lead)) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.body);
    } catch {
      continue;
    }
    const ref = bodyRef.safeParse(parsed);
    if (ref.success) out.set(row.lead, ref.data.ref);
  }
  return out;
}
