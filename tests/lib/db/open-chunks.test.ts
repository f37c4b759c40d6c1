import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OPEN_LEAD_CHUNK_DAYS, openLeads, openLeadsInChunks, receivedAtChunks } from '@/lib/db/queries';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import type { LeadRecord } from '@/lib/domain/lead';

const DAY = 86_400_000;
const NOW = Date.parse('2025-01-15T12:00:00Z');

describe('receivedAtChunks', () => {
  it.each([
    { name: 'no edges: one chunk with everything', days: [], expected: [{ from: -Infinity, to: Infinity, toIncluded: true }] },
    {
      name: 'one edge: before it, then from it on',
      days: [7],
      expected: [
        { from: -Infinity, to: NOW - 7 * DAY, toIncluded: false },
        { from: NOW - 7 * DAY, to: Infinity, toIncluded: true },
      ],
    },
    {
      name: 'edges oldest first, each one the end of a chunk and the start of the next',
      days: [3, 1],
      expected: [
        { from: -Infinity, to: NOW - 3 * DAY, toIncluded: false },
        { from: NOW - 3 * DAY, to: NOW - DAY, toIncluded: false },
        { from: NOW - DAY, to: Infinity, toIncluded: true },
      ],
    },
  ])('$name', ({ days, expected }) => {
    expect(receivedAtChunks(NOW, days)).toEqual(expected);
  });

  it('the default edges cover the axis without gaps or overlaps', () => {
    const chunks = receivedAtChunks(NOW);
    expect(chunks).toHaveLength(OPEN_LEAD_CHUNK_DAYS.length + 1);
    expect(chunks[0]?.from).toBe(-Infinity);
    expect(chunks.at(-1)).toMatchObject({ to: Infinity, toIncluded: true });
    chunks.slice(1).forEach((chunk, i) => {
      const before = chunks[i];
      expect(before?.toIncluded).toBe(false);
      expect(chunk.from).toBe(before?.to);
      expect(chunk.from).toBeGreaterThan(before?.from ?? Infinity);
    });
  });
});

describe('openLeadsInChunks', () => {
  let db: LeadpaceDb;
  beforeEach(() => {
    db = openLeadpaceDb('test-' + crypto.randomUUID());
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  function record(key: string, receivedAt: number, open: 0 | 1 = 1): LeadRecord {
    const [crm = 'demo', leadId = key] = key.split(':');
    return {
      key,
      crm,
      leadId,
      url: `http://leadpace-demo.localhost/leads/${leadId}`,
      missing: [],
      source: 'website',
      receivedAt,
      receivedAtKnown: true,
      firstSeenAt: receivedAt,
      lastSeenAt: receivedAt,
      status: open ? 'open' : 'sold',
      contactCount: 0,
      firstAttemptAt: null,
      lastAttemptAt: null,
      attemptCount: 0,
      lastOutcome: null,
      attemptLog: [],
      soldAt: open ? null : receivedAt,
      closedAt: null,
      attemptsBeforeClose: 0,
      contactsBeforeClose: 0,
      phoneAttemptsBeforeClose: 0,
      furthest: 'open',
      statusActor: null,
      backlog: false,
      open,
    };
  }

  // Every edge of the default chunks, with leads exactly on it, just before and just after,
  // ties on receivedAt (ordered by key), closed leads on the same times, and the far ends.
  const edges = receivedAtChunks(NOW).flatMap((c) => (c.to === Infinity ? [] : [c.to]));
  const leads = [
    record('demo:ancient', 0),
    record('demo:future', NOW + 400 * DAY),
    record('demo:now', NOW),
    ...edges.flatMap((edge, i) => [
      record(`demo:e${i}-before`, edge - 1),
      record(`demo:e${i}-on-b`, edge),
      record(`demo:e${i}-on-a`, edge),
      record(`demo:e${i}-after`, edge + 1),
      record(`demo:e${i}-closed`, edge, 0),
    ]),
  ];

  it('returns the same leads in the same order as openLeads', async () => {
    await db.leads.bulkPut(leads);
    const whole = await openLeads(db);
    expect(whole).toHaveLength(leads.filter((l) => l.open === 1).length);
    expect((await openLeadsInChunks(db, NOW)).map((l) => l.key)).toEqual(whole.map((l) => l.key));
  });

  it('hands over every chunk, together exactly the result', async () => {
    await db.leads.bulkPut(leads);
    const chunks: LeadRecord[][] = [];
    const all = await openLeadsInChunks(db, NOW, (chunk) => chunks.push(chunk));
    expect(chunks).toHaveLength(OPEN_LEAD_CHUNK_DAYS.length + 1);
    expect(new Set(chunks.flat().map((l) => l.key))).toEqual(new Set(all.map((l) => l.key)));
    expect(chunks.flat()).toHaveLength(all.length);
  });

  it('does not depend on the clock: any `now` gives the same result', async () => {
    await db.leads.bulkPut(leads);
    const expected = (await openLeads(db)).map((l) => l.key);
    for (const now of [0, NOW - 10 * DAY, NOW, NOW + 1000 * DAY]) {
      expect((await openLeadsInChunks(db, now)).map((l) => l.key)).toEqual(expected);
    }
  });

  it('is empty for an empty database', async () => {
    const chunks: LeadRecord[][] = [];
    expect(await openLeadsInChunks(db, NOW, (chunk) => chunks.push(chunk))).toEqual([]);
    expect(chunks.every((c) => c.length === 0)).toBe(true);
  });
});
