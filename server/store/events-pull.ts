import { wireEventSchema, type EventsPage } from '../../lib/sync/wire';
import type { Db } from '../db/connect';

/**
 * One rep's own events in commit order, after an opaque cursor (the team sequence of the last
 * event seen). Filtering by member is what keeps a token from reading anyone else's events.
 */
export async function pullEvents(
  db: Db,
  input: { teamId: string; memberId: string; after: number; limit: number },
): Promise<EventsPage> {
  const rows = await db.kysely
    .selectFrom('events')
    .select(['seq', 'body'])
    .where('team_id', '=', input.teamId)
    .where('member_id', '=', input.memberId)
    .where('seq', '>', input.after)
    .orderBy('seq')
    .limit(input.limit)
    .execute();
  const last = rows.at(-1);
  return {
    events: rows.map((row) => wireEventSchema.parse(JSON.parse(row.body))),
    // The cursor after the last event returned; null once a page comes back empty (caught up).
    // A client keeps the last non-null cursor to resume later.
    next: last ? String(last.seq) : null,
  };
}
