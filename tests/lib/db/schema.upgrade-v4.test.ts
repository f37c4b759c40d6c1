import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPopupData } from '@/components/popup/use-popup-data';
import { openLeads } from '@/lib/db/queries';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { logAttempt } from '@/lib/db/writes';
import { DEFAULT_OPENING_HOURS } from '@/lib/domain/business-time';
import { DEFAULT_CADENCE_SETTINGS } from '@/lib/domain/cadence';
import { dayBounds, rankOpenLeads, todayStats } from '@/lib/domain/metrics';
import { buildSummaryRows } from '@/lib/domain/popup-summary';
import { rankSummaryLeads, summaryTodayStats } from '@/lib/domain/popup-summary-read';
import { buildPopupSeed } from '@/scripts/bench/popup-data';

// A browser that ran the v3 database (no summary): opening it with today's code builds the
// summary from the lead rows, and the popup reads from it what it read from the rows.

const dbs: LeadpaceDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const NOW = Date.UTC(2026, 11, 2, 13, 0);

function openV3(name: string): Dexie {
  const v3 = new Dexie(name);
  v3.version(1).stores({
    events: '&id, leadKey, at, type, sync',
    leads: '&key, [open+receivedAt], status, source, firstSeenAt, lastSeenAt, receivedAt, firstAttemptAt',
    notes: '&leadKey',
  });
  v3.version(2).stores({ syncState: '&key', teamCache: '&period', restoredEvents: '&id, lead' });
  v3.version(3).stores({});
  return v3;
}

describe('Dexie v4 upgrade', () => {
  it('builds the summary from the existing leads; the popup reads the same leads, order and figures', async () => {
    const name = 'upgrade-v4-' + crypto.randomUUID();
    const seed = buildPopupSeed({ leads: 120, events: 700, now: NOW });
    const v3 = openV3(name);
    await v3.table('leads').bulkAdd(seed.leads);
    await v3.table('events').bulkAdd(seed.events);
    v3.close();

    const db = openLeadpaceDb(name);
    dbs.push(db);
    await db.open();
    expect(db.verno).toBe(4);
    const kept = (await db.summary.toArray()).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(kept).toEqual(buildSummaryRows(seed.leads));
    expect(kept.filter((r) => r.id.startsWith('open:')).length).toBeLessThanOrEqual(16);

    const { start } = dayBounds(NOW);
    const data = await loadPopupData(db, start);
    if (!data.ok) throw new Error(data.reason);
    const ranked = rankSummaryLeads(data.open ?? [], NOW, DEFAULT_CADENCE_SETTINGS, DEFAULT_OPENING_HOURS);
    const reference = rankOpenLeads(await openLeads(db), NOW, DEFAULT_CADENCE_SETTINGS, DEFAULT_OPENING_HOURS);
    expect(ranked.map((r) => r.lead.key)).toEqual(reference.map((r) => r.lead.key));
    expect(ranked.length).toBe(seed.openLeads);
    const leads = await db.leads.toArray();
    const stats = summaryTodayStats({ leads: data.todayLeads, attempts: data.todayAttempts, now: NOW, hours: DEFAULT_OPENING_HOURS });
    expect(stats).toEqual(
      todayStats({
        leads: leads.filter((l) => l.firstSeenAt >= start || (l.firstAttemptAt ?? -1) >= start),
        attempts: leads.filter((l) => l.lastSeenAt >= start).flatMap((l) => l.attemptLog.filter((a) => a.at >= start)),
        now: NOW,
        hours: DEFAULT_OPENING_HOURS,
      }),
    );
    expect(stats.leadsSeen).toBeGreaterThan(0);

    // Kept from then on: a write after the upgrade lands in the summary.
    const first = reference[0]?.lead.key ?? '';
    await logAttempt(db, first, { channel: 'call', outcome: 'reached' }, { repId: 'rep-1', now: NOW });
    const after = await loadPopupData(db, start);
    if (!after.ok) throw new Error(after.reason);
    expect(after.open?.find((l) => l.key === first)?.attemptCount).toBe((reference[0]?.lead.attemptCount ?? 0) + 1);
  });
});
