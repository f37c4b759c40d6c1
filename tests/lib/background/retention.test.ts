import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runRetentionIfDue } from '@/lib/background/retention';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { recordLeadSeen } from '@/lib/db/writes';
import { DAY_MS } from '@/lib/domain/retention';
import { readLastRetentionRun, retentionDaysItem, saveRetentionDays } from '@/lib/storage/retention-item';

const T0 = Date.parse('2026-01-05T09:00:00Z');
let db: LeadpaceDb;
let logs: string[];

beforeEach(() => {
  fakeBrowser.reset();
  db = openLeadpaceDb('t-' + crypto.randomUUID());
  logs = [];
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const seen = (leadId: string, at: number) =>
  recordLeadSeen(db, { crm: 'demo', leadId, url: `http://leadpace-demo.localhost/leads/${leadId}`, name: `Name ${leadId}`, source: 'website', missing: [] }, { repId: 'r', now: at });
const run = (now: number) => runRetentionIfDue({ db: () => db, now: () => now, log: (m) => logs.push(m) });

describe('runRetentionIfDue', () => {
  it('runs at most once a day, records the run, and uses the stored period', async () => {
    await seen('L-1', T0);
    await seen('L-2', T0 + 100 * DAY_MS);
    const first = T0 + 181 * DAY_MS;
    expect(await run(first)).toEqual({ cleared: 1, checked: 1 });
    expect(await readLastRetentionRun()).toBe(first);
    expect((await db.leads.get('demo:L-1'))?.name).toBeUndefined();

    // Same day: not again, even with a shorter period that would clear L-2.
    await saveRetentionDays(30);
    expect(await run(first + 23 * 3_600_000)).toBeNull();
    expect((await db.leads.get('demo:L-2'))?.name).toBe('Name L-2');
    // A day later (as a restarted worker would see it): runs with the new period.
    expect(await run(first + DAY_MS)).toEqual({ cleared: 1, checked: 2 });
    expect((await db.leads.get('demo:L-2'))?.name).toBeUndefined();
    expect(logs).toEqual(['retention removed the details of 1 lead(s)', 'retention removed the details of 1 lead(s)']);
  });

  it('a corrupted period means the default 180 days, not keeping forever', async () => {
    await retentionDaysItem.setValue('forever');
    await seen('L-1', T0);
    expect(await run(T0 + 179 * DAY_MS)).toEqual({ cleared: 0, checked: 0 });
    expect(await run(T0 + 181 * DAY_MS)).toEqual({ cleared: 1, checked: 1 });
  });

  it('a run that fails records nothing, so the next minute tries again', async () => {
    await seen('L-1', T0);
    db.close();
    expect(await run(T0 + 200 * DAY_MS)).toBeNull();
    expect(logs.join()).toMatch(/retention failed/);
    expect(await readLastRetentionRun()).toBeNull();
    await db.open();
    expect(await run(T0 + 200 * DAY_MS)).toEqual({ cleared: 1, checked: 1 });
  });
});
