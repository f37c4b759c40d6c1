import { wireEventSchema, type WireEvent } from '../../lib/sync/wire';
import type { Db } from '../db/connect';

/**
 * One rep's own events in commit order, after the team sequence `after`. Filtering by member
 * is what keeps a token from reading anyone else's events; the route turns `lastSeq` into an
 * opaque cursor so the sequence itself never reaches the rep.
 */
export async function pullEvents(
  db: Db,
  input: { teamId: string; memberId: string; after: number; limit: number },
): Promise<{ events: WireEvent[]; lastSeq: number | null }> {
  const rows = await db.kysely
    .selectFrom('events')
    .select(['seq', 'body'])
    .where('team_id', '=', input.teamId)
    .where('member_id', '=', input.memberId)
    .where('seq', '>', input.after)
    .orderBy('seq')
    .limit(input.limit)
    .execute();
  return {
    events: rows.map((row) => wireEventSchema.parse(JSON.parse(row.body))),
    lastSeq: rows.at(-1)?.seq ?? null,
  };
}
