import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runTick } from '@/lib/background/nudges';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { logAttempt, recordLeadSeen } from '@/lib/db/writes';
import { DEFAULT_STATUS_RULES } from '@/lib/domain/status-rules';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { ams } from '@/tests/fixtures/lead-records';

// The install-day backlog must not flood the badge or the notifications: it joins them only
// once a rep works one of its leads.

let db: LeadpaceDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = openLeadpaceDb('t-' + crypto.randomUUID());
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const NOW = ams('2026-12-01 10:00');
const follow = { statusRules: DEFAULT_STATUS_RULES, goLiveAt: ams('2026-12-01 00:00') };
const seen = (id: string, received: string) =>
  recordLeadSeen(
    db,
    { crm: 'demo', leadId: id, url: `http://leadpace-demo.localhost/leads/${id}`, source: 'website', receivedAt: new Date(ams(received)).toISOString(), missing: [] },
    { repId: 'rep-1', now: NOW },
    follow,
  );
const tick = (now = NOW) => runTick({ db, settings: { ...DEFAULT_SETTINGS, language: 'en' }, now });

describe('backlog in the minute tick', () => {
  it('ten overdue leads from before go-live leave the badge and the notifications empty', async () => {
    for (let i = 0; i < 10; i += 1) await seen(`OLD-${i}`, `2026-11-2${i % 8} 1${i % 8}:00`);
    const result = await tick();
    expect(result).toEqual({ badgeText: '', notified: [] });
  });

  it('a new lead is nudged next to the backlog, alone', async () => {
    await seen('OLD-1', '2026-11-27 11:00');
    await seen('NEW-1', '2026-12-01 09:58');
    const result = await tick();
    expect(result.badgeText).toBe('1');
    expect(result.notified).toEqual(['lead:demo:NEW-1']);
  });

  it('a backlog lead a rep has worked is nudged like any other', async () => {
    await seen('OLD-1', '2026-11-27 11:00');
    await logAttempt(db, 'demo:OLD-1', { channel: 'call', outcome: 'no_answer' }, { repId: 'rep-1', now: NOW });
    const later = ams('2026-12-02 11:00');
    const result = await tick(later);
    expect(result.badgeText).toBe('1');
  });
});
