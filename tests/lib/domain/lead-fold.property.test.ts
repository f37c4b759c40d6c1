import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIds } from '@/lib/domain/events';
import { progressFromEvents, type FoldEvent } from '@/lib/domain/lead';
import { progressOf } from '@/lib/domain/lead-fold';
import { appendToFold, foldHistory, type ResumableFold } from '@/lib/domain/lead-fold-append';
import { channelSchema, lostReasonSchema, outcomeSchema, statusSchema } from '@/lib/domain/model';
import { referenceProgress } from './lead-fold-reference';

/**
 * The team server keeps a lead's fold and carries it forward push by push. Over random
 * histories (ties in time, corrections that arrive before or after what they correct, voids of
 * voids, voids of unknown ids) delivered in random order and cut into random pushes, the
 * carried fold must equal the fold of everything stored so far after every push, and the
 * extension's fold must equal the list fold it replaced.
 */

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 2, 9);

type Kind = 'seen' | 'attempt' | 'status' | 'source' | 'void';
const kind = fc.constantFrom<Kind>('seen', 'attempt', 'attempt', 'attempt', 'status', 'source', 'void');

/** A history: unique ids, a few minutes of times (so ties happen), voids pointing anywhere. */
const history: fc.Arbitrary<FoldEvent[]> = fc
  .uniqueArray(fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 40 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc
          .record({
            kind,
            minute: fc.integer({ min: 0, max: 12 }),
            channel: fc.constantFrom(...channelSchema.options),
            outcome: fc.constantFrom(...outcomeSchema.options),
            status: fc.constantFrom(...statusSchema.options),
            lostReason: fc.option(fc.constantFrom(...lostReasonSchema.options), { nil: undefined }),
            actor: fc.option(fc.constantFrom('rep' as const, 'crm' as const, 'import' as const), { nil: undefined }),
            receivedAt: fc.option(fc.integer({ min: T0 - 60 * MIN, max: T0 }), { nil: null }),
            backlog: fc.option(fc.boolean(), { nil: undefined }),
            source: fc.constantFrom('website', 'phone', 'autotrack'),
            voids: fc.oneof(fc.constantFrom(...ids), fc.constant('ffff-unknown')),
          })
          .map((r): FoldEvent => {
            const at = T0 + r.minute * MIN;
            switch (r.kind) {
              case 'seen':
                return { type: 'lead_seen', id, at, source: r.source, receivedAt: r.receivedAt, ...(r.backlog === undefined ? {} : { backlog: r.backlog }) };
              case 'attempt':
                return { type: 'attempt_logged', id, at, channel: r.channel, outcome: r.outcome };
              case 'status':
                return {
                  type: 'status_changed',
                  id,
                  at,
                  status: r.status,
                  ...(r.lostReason === undefined ? {} : { lostReason: r.lostReason }),
                  ...(r.actor === undefined ? {} : { actor: r.actor }),
                };
              case 'source':
                return { type: 'source_changed', id, at, to: r.source };
              case 'void':
                return { type: 'event_voided', id, at, voids: r.voids === id ? 'ffff-unknown' : r.voids };
            }
          }),
      ),
    ),
  );

/** The history in a random arrival order, cut into random pushes. */
const deliveries = history.chain((events) =>
  fc.tuple(
    fc.constant(events),
    fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
    fc.array(fc.integer({ min: 1, max: 6 }), { minLength: events.length, maxLength: events.length }),
  ),
);

function pushes(order: readonly FoldEvent[], sizes: readonly number[]): FoldEvent[][] {
  const out: FoldEvent[][] = [];
  let i = 0;
  for (const size of sizes) {
    if (i >= order.length) break;
    out.push(order.slice(i, i + size));
    i += size;
  }
  return out;
}

/** What the server does on a push: carry the stored fold forward, or fold everything again. */
function serverPush(state: ResumableFold, stored: FoldEvent[], batch: readonly FoldEvent[]): { state: ResumableFold; appended: boolean } {
  const before = new Set(stored.map((e) => e.id));
  const next = appendToFold(state, batch, (id) => before.has(id));
  stored.push(...batch);
  // The server keeps the fold as JSON: what it reads back is what it carries on from.
  const kept: ResumableFold = JSON.parse(JSON.stringify(next ?? foldHistory(stored)));
  return { state: kept, appended: next !== null };
}

const replaySorted = (events: readonly FoldEvent[]) => [...events].sort((a, b) => a.at - b.at || compareIds(a.id, b.id));

describe('the resumable lead fold', () => {
  it('the extension fold equals the list fold it replaced, key for key', () => {
    fc.assert(
      fc.property(history, (events) => {
        expect(progressFromEvents(events)).toStrictEqual(referenceProgress(events));
      }),
      { numRuns: 500 },
    );
  });

  it('carried push by push, it equals the fold of everything stored so far', () => {
    let appendedPushes = 0;
    fc.assert(
      fc.property(deliveries, ([, order, sizes]) => {
        let state = foldHistory([]);
        const stored: FoldEvent[] = [];
        for (const batch of pushes(order, sizes)) {
          const pushed = serverPush(state, stored, batch);
          state = pushed.state;
          if (pushed.appended) appendedPushes += 1;
          expect(state).toEqual(foldHistory(stored));
          const full = progressFromEvents(stored);
          const summary = progressOf(state.fold);
          if (full === null) expect(summary).toBeNull();
          else {
            const { attempts, ...rest } = full;
            expect(summary).toEqual(rest);
            expect(state.fold.attempts).toBe(attempts.length);
          }
        }
      }),
      { numRuns: 400 },
    );
    // Random arrival order falls back often; the property is only worth something if it also
    // exercised the carried path many times.
    expect(appendedPushes).toBeGreaterThan(400);
  });

  it('a history arriving in replay order, corrected only ahead of time, is never folded again', () => {
    fc.assert(
      fc.property(deliveries, ([events, , sizes]) => {
        // Voids that arrive before their target are carried as pending; only a void of an
        // event already stored forces a refold, so keep voids whose target comes later.
        const order = replaySorted(events);
        const position = new Map(order.map((e, i) => [e.id, i]));
        const ahead = order.filter((e, i) => e.type !== 'event_voided' || (position.get(e.voids) ?? Infinity) > i);
        let state = foldHistory([]);
        const stored: FoldEvent[] = [];
        for (const batch of pushes(ahead, sizes)) {
          const pushed = serverPush(state, stored, batch);
          expect(pushed.appended).toBe(true);
          state = pushed.state;
        }
        expect(state).toEqual(foldHistory(stored));
      }),
      { numRuns: 300 },
    );
  });

  it('a late event or a void of a stored event asks for a full fold', () => {
    const seen: FoldEvent = { type: 'lead_seen', id: 'b', at: T0, source: 'website', receivedAt: null };
    const state = foldHistory([seen]);
    const late: FoldEvent = { type: 'attempt_logged', id: 'a', at: T0, channel: 'call', outcome: 'no_answer' };
    expect(appendToFold(state, [late], () => false)).toBeNull();
    const undo: FoldEvent = { type: 'event_voided', id: 'c', at: T0 + MIN, voids: 'b' };
    expect(appendToFold(state, [undo], (id) => id === 'b')).toBeNull();
    const next: FoldEvent = { type: 'attempt_logged', id: 'a', at: T0 + MIN, channel: 'call', outcome: 'no_answer' };
    expect(appendToFold(state, [next], () => false)?.fold.attempts).toBe(1);
  });
});
