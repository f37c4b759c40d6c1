import Dexie, { type ObservabilitySet } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onTablesChanged, touchesTables } from '@/lib/db/changes';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { recordLeadSeen } from '@/lib/db/writes';

// Only the keys matter to touchesTables; the values are Dexie range sets.
const parts = (...keys: string[]): ObservabilitySet => Object.fromEntries(keys.map((k) => [k, {}])) as unknown as ObservabilitySet;

describe('touchesTables', () => {
  it.each([
    { name: 'a primary-key change of the table', keys: ['idb://leadpace/leads/'], tables: ['leads'], expected: true },
    { name: 'an index change of the table', keys: ['idb://leadpace/leads/[open+receivedAt]'], tables: ['leads'], expected: true },
    { name: 'deletions of the table', keys: ['idb://leadpace/leads/:dels'], tables: ['leads'], expected: true },
    { name: 'one of several tables', keys: ['idb://leadpace/events/at'], tables: ['leads', 'events'], expected: true },
    { name: 'another table only', keys: ['idb://leadpace/notes/', 'idb://leadpace/events/leadKey'], tables: ['leads'], expected: false },
    { name: 'a table whose name starts the same', keys: ['idb://leadpace/leadsArchive/'], tables: ['leads'], expected: false },
    { name: 'the same table in another database', keys: ['idb://other/leads/'], tables: ['leads'], expected: false },
    { name: 'a database whose name starts the same', keys: ['idb://leadpace2/leads/'], tables: ['leads'], expected: false },
    { name: '"all" (page back from the back/forward cache)', keys: ['all'], tables: ['leads'], expected: true },
    { name: 'nothing', keys: [], tables: ['leads'], expected: false },
  ])('$name → $expected', ({ keys, tables, expected }) => {
    expect(touchesTables(parts(...keys), 'leadpace', tables)).toBe(expected);
  });
});

describe('onTablesChanged', () => {
  let db: LeadpaceDb;
  let other: LeadpaceDb;
  beforeEach(async () => {
    db = openLeadpaceDb('test-' + crypto.randomUUID());
    other = openLeadpaceDb('test-' + crypto.randomUUID());
    // Creating a database announces every table as changed; the popup opens an existing one.
    await Promise.all([db.open(), other.open()]);
    await new Promise((r) => setTimeout(r, 0));
  });
  afterEach(async () => {
    for (const d of [db, other]) {
      d.close();
      await d.delete();
    }
  });

  const seen = (target: LeadpaceDb, id: string) =>
    recordLeadSeen(target, { crm: 'demo', leadId: id, url: `http://leadpace-demo.localhost/leads/${id}`, missing: [] }, { repId: 'rep-1', now: Date.parse('2025-01-15T10:00:00Z') });

  it('calls back after each committed write to a watched table, and stops when unsubscribed', async () => {
    const onChange = vi.fn();
    const stop = onTablesChanged(db, ['leads'], onChange);
    await seen(db, 'a');
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    stop();
    await seen(db, 'b');
    // Give a late notification the chance to arrive.
    await new Promise((r) => setTimeout(r, 20));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('ignores other tables and other databases', async () => {
    const onChange = vi.fn();
    const stop = onTablesChanged(db, ['leads'], onChange);
    await db.notes.put({ leadKey: 'demo:a', text: 'call after 5', updatedAt: 1 });
    await seen(other, 'a');
    await new Promise((r) => setTimeout(r, 20));
    expect(onChange).not.toHaveBeenCalled();
    stop();
  });

  it('is Dexie’s own change event (the one that also crosses from the background)', async () => {
    const listener = vi.fn<(parts: ObservabilitySet) => void>();
    Dexie.on('storagemutated', listener);
    try {
      await seen(db, 'a');
      await vi.waitFor(() => expect(listener).toHaveBeenCalled());
      const keys = listener.mock.calls.flatMap(([p]) => Object.keys(p));
      expect(keys.some((k) => k.startsWith(`idb://${db.name}/leads/`))).toBe(true);
    } finally {
      Dexie.on('storagemutated').unsubscribe(listener);
    }
  });
});
