import { describe, expect, it } from 'vitest';
import { startDirectRead, type DirectRead } from '@/lib/db/summary-early';
import type { PopupSummaryRows } from '@/lib/db/summary-direct';

const DAY = Date.parse('2026-12-02T00:00:00+01:00');
const OTHER_DAY = DAY + 86_400_000;

/** A fake direct read that says which read (1st, 2nd, …) answered and with what arguments. */
function countingRead(): { read: DirectRead; calls: [number, boolean][] } {
  const calls: [number, boolean][] = [];
  const read: DirectRead = (day, withOpen) => {
    calls.push([day, withOpen]);
    const rows: PopupSummaryRows = { plan: null, open: withOpen ? [] : null, day: [], sold: [] };
    return Promise.resolve({ ...rows, plan: { id: 'plan', fingerprint: `read ${calls.length}`, keys: [], names: [], sources: [], statuses: [], nums: [] } });
  };
  return { read, calls };
}

describe('startDirectRead', () => {
  it('starts one read at once, before anyone asks', () => {
    const { read, calls } = countingRead();
    startDirectRead(DAY, read);
    expect(calls).toEqual([[DAY, false]]);
  });

  it.each([
    { first: [DAY, false] as const, answeredBy: 'read 1', reads: 1 },
    // The day turned over, or the popup needs the open leads too: the early read cannot answer.
    { first: [OTHER_DAY, false] as const, answeredBy: 'read 2', reads: 2 },
    { first: [DAY, true] as const, answeredBy: 'read 2', reads: 2 },
  ])('first ask for $first is answered by $answeredBy', async ({ first, answeredBy, reads }) => {
    const { read, calls } = countingRead();
    const reader = startDirectRead(DAY, read);
    const rows = await reader(first[0], first[1]);
    expect(rows?.plan?.fingerprint).toBe(answeredBy);
    expect(calls).toHaveLength(reads);
  });

  it('reads afresh on every later ask, even for the same rows', async () => {
    const { read, calls } = countingRead();
    const reader = startDirectRead(DAY, read);
    await reader(DAY, false);
    expect((await reader(DAY, false))?.plan?.fingerprint).toBe('read 2');
    expect((await reader(DAY, false))?.plan?.fingerprint).toBe('read 3');
    expect(calls).toHaveLength(3);
  });

  it('hands a failed early read to its first caller, whose fallback then applies', async () => {
    const failing: DirectRead = () => Promise.reject(new Error('no database'));
    const reader = startDirectRead(DAY, failing);
    await expect(reader(DAY, false)).rejects.toThrow('no database');
  });
});
