import { describe, expect, it } from 'vitest';
import type { WireEvent } from '@/lib/sync/wire';
import { attempt, seen } from '@/tests/server/events';
import { authed, HOUR, json, NOW, pullAll, push, seedTeam, type EnvRef } from '@/tests/server/harness';

export function pullSuite(env: EnvRef) {
  describe('restore pull', () => {
    it("returns the rep's own events only, in commit order, paged by cursor", async () => {
      const { db, app } = env();
      const team = await seedTeam(db, {
        members: [
          { key: 'a', name: 'A', role: 'rep' },
          { key: 'b', name: 'B', role: 'rep' },
        ],
      });
      const a = team.members.a?.token ?? '';
      const b = team.members.b?.token ?? '';
      // Commit order, not event time: the second batch holds older events.
      const batch1 = [seen('L1', NOW - HOUR), attempt('L1', NOW - HOUR + 1000)];
      const batch2 = [seen('L0', NOW - 5 * HOUR), attempt('L0', NOW - 4 * HOUR), seen('L9', NOW - 3 * HOUR)];
      await push(app, a, batch1);
      await push(app, b, [seen('B1', NOW - HOUR)]);
      await push(app, a, batch2);

      const page1 = await app.request('/v1/events?limit=2', authed(a));
      const body1 = await json<{ events: WireEvent[]; next: string | null }>(page1);
      expect(body1.events.map((e) => e.id)).toEqual(batch1.map((e) => e.id));
      expect(body1.next).not.toBeNull();
      const all = await pullAll(app, a, 2);
      expect(all).toEqual([...batch1, ...batch2]);
      expect((await pullAll(app, b)).map((e) => e.lead)).toHaveLength(1);
      const lead = await seedTeam(db, { members: [{ key: 'l', name: 'L', role: 'manager' }] });
      expect(await pullAll(app, lead.members.l?.token ?? '')).toEqual([]);
    });

    it('a cursor reader running during parallel pushes never skips a commit', async () => {
      const { db, app } = env();
      const team = await seedTeam(db, {
        members: [
          { key: 'a', name: 'A', role: 'rep' },
          { key: 'b', name: 'B', role: 'rep' },
          { key: 'c', name: 'C', role: 'rep' },
        ],
      });
      const tokens = ['a', 'b', 'c'].map((k) => team.members[k]?.token ?? '');
      const batches = tokens.map((_, rep) =>
        Array.from({ length: 6 }, (_, i) =>
          Array.from({ length: 80 }, (_, j) => (j % 2 === 0 ? seen(`r${rep}-b${i}-${j}`, NOW - HOUR) : attempt(`r${rep}-b${i}-${j - 1}`, NOW - HOUR + j * 1000))),
        ),
      );

      // A restoring browser for rep A, pulling with its cursor while everyone pushes.
      const seenByReader: WireEvent[] = [];
      let cursor: string | null = null;
      let done = false;
      const reader = (async () => {
        for (;;) {
          const finished = done;
          const query: string = cursor === null ? '?limit=100' : `?after=${cursor}&limit=100`;
          const page = await json<{ events: WireEvent[]; next: string | null }>(await app.request(`/v1/events${query}`, authed(tokens[0] ?? '')));
          seenByReader.push(...page.events);
          cursor = page.next ?? cursor;
          if (finished && page.events.length === 0) return;
          await new Promise((r) => setTimeout(r, 1));
        }
      })();

      const pushes = batches.flatMap((repBatches, rep) => repBatches.map((batch) => push(app, tokens[rep] ?? '', batch)));
      const results = await Promise.all(pushes);
      expect(results.every((r) => r.status === 200)).toBe(true);
      done = true;
      await reader;

      const expectedA = batches[0]?.flat() ?? [];
      expect(seenByReader.map((e) => e.id).sort()).toEqual(expectedA.map((e) => e.id).sort());
      expect(new Set(seenByReader.map((e) => e.id)).size).toBe(seenByReader.length);
      // Commit order keeps each batch contiguous and in its own order.
      const all = await pullAll(app, tokens[0] ?? '');
      const positions = new Map(all.map((e, i) => [e.id, i]));
      for (const batch of batches[0] ?? []) {
        const idx = batch.map((e) => positions.get(e.id) ?? -1);
        expect(idx).toEqual(idx.map((_, i) => (idx[0] ?? 0) + i));
      }
      for (const [rep, token] of tokens.entries()) {
        const own = await pullAll(app, token);
        expect(own.map((e) => e.id).sort()).toEqual((batches[rep]?.flat() ?? []).map((e) => e.id).sort());
      }
    });
  });
}
