import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DB_NAME, openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { readPopupSummary } from '@/lib/db/summary';
import { readSummaryDirect, SUMMARY_DB_NAME } from '@/lib/db/summary-direct';
import { changeStatus, logAttempt, recordLeadSeen } from '@/lib/db/writes';
import { dayBounds } from '@/lib/domain/metrics';
import { loadPopupData } from '@/components/popup/use-popup-data';

const T = (iso: string) => Date.parse(iso);
const NOW = T('2025-01-15T12:00:00Z');
const DAY_START = dayBounds(NOW).start;
const rep = (iso: string) => ({ repId: 'rep-1', now: T(iso) });

let name: string;
let db: LeadpaceDb;
beforeEach(() => {
  fakeBrowser.reset();
  name = 'direct-' + crypto.randomUUID();
  db = openLeadpaceDb(name);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function seen(id: string, at: string, receivedAt?: string) {
  await recordLeadSeen(db, { crm: 'demo', leadId: id, url: `http://leadpace-demo.localhost/leads/${id}`, missing: [], receivedAt }, rep(at));
  return `demo:${id}`;
}

const keys = (leads: readonly { key: string }[]) => leads.map((l) => l.key).sort();

describe('readSummaryDirect', () => {
  it('reads the same open, day and sold leads as the Dexie read', async () => {
    // Over six weeks: several day rows, two sold months, and rows the day does not need.
    for (let i = 0; i < 12; i++) {
      const at = new Date(NOW - i * 3.5 * 86_400_000).toISOString();
      await seen(`l${i}`, at, at);
    }
    await logAttempt(db, 'demo:l0', { channel: 'call', outcome: 'no_answer' }, rep('2025-01-15T11:30:00Z'));
    await changeStatus(db, 'demo:l3', { status: 'sold' }, rep('2025-01-15T11:00:00Z'));
    await changeStatus(db, 'demo:l9', { status: 'sold' }, rep('2024-12-20T11:00:00Z'));
    const viaDexie = await readPopupSummary(db, DAY_START);
    const direct = await readSummaryDirect(DAY_START, name);
    expect(direct).not.toBeNull();
    expect(direct?.open).toEqual(viaDexie.open);
    expect(direct?.day).toEqual(viaDexie.day);
    expect(direct?.sold).toEqual(viaDexie.sold);
    expect(keys(direct?.open ?? [])).toHaveLength(10);
    expect(direct?.open?.find((l) => l.key === 'demo:l0')?.attemptCount).toBe(1);
  });

  it('answers null for a database that does not exist yet, and does not create it', async () => {
    const missing = 'missing-' + crypto.randomUUID();
    expect(await readSummaryDirect(DAY_START, missing)).toBeNull();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(missing);
    // Dexie then creates it as usual.
    const created = openLeadpaceDb(missing);
    await created.open();
    expect(created.tables.map((t) => t.name)).toContain('summary');
    created.close();
    await created.delete();
  });

  it('lets the database upgrade while the popup holds no connection', async () => {
    await seen('a', '2025-01-15T09:00:00Z');
    await readSummaryDirect(DAY_START, name);
    db.close();
    // A newer version of the same database opens at once: the direct read closed its connection.
    const version = await new Promise<number>((resolve, reject) => {
      const request = indexedDB.open(name, (db.verno + 1) * 10);
      request.onsuccess = () => {
        request.result.close();
        resolve(request.result.version);
      };
      request.onerror = () => reject(request.error ?? new Error('upgrade failed'));
      request.onblocked = () => reject(new Error('blocked by an open connection'));
    });
    expect(version).toBe((db.verno + 1) * 10);
  });

  it('reads the database Dexie opens', () => {
    expect(SUMMARY_DB_NAME).toBe(DB_NAME);
  });
});

describe('loadPopupData with a direct read', () => {
  it('shows what the direct read found, without asking Dexie', async () => {
    await seen('a', '2025-01-15T09:00:00Z');
    const loadDexie = vi.fn(() => Promise.reject<LeadpaceDb>(new Error('Dexie not needed')));
    const data = await loadPopupData(loadDexie, DAY_START, (day, withOpen) => readSummaryDirect(day, name, withOpen));
    expect(loadDexie).not.toHaveBeenCalled();
    expect(data.ok && data.open?.map((l) => l.key)).toEqual(['demo:a']);
  });

  it('falls back to Dexie when the direct read has no database or fails', async () => {
    await seen('a', '2025-01-15T09:00:00Z');
    for (const direct of [() => Promise.resolve(null), () => Promise.reject(new Error('no IndexedDB'))]) {
      const data = await loadPopupData(() => Promise.resolve(db), DAY_START, direct);
      expect(data.ok && data.open?.map((l) => l.key)).toEqual(['demo:a']);
    }
  });

  it("says Dexie's reason when neither read works", async () => {
    const broken = openLeadpaceDb('broken-' + crypto.randomUUID());
    broken.close({ disableAutoOpen: true });
    const data = await loadPopupData(broken, DAY_START, () => Promise.resolve(null));
    expect(data.ok ? '' : data.reason).toMatch(/DatabaseClosedError/);
  });
});
