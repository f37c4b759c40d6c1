import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepPopupPlan } from '@/lib/background/popup-plan';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { recordLeadSeen } from '@/lib/db/writes';
import { isPlanRow, planFingerprint, PLAN_ROW_ID } from '@/lib/domain/popup-plan';
import { readSettings, settingsItem } from '@/lib/settings';

// The background keeps the popup's plan row: made at start, made again after each write to the
// leads (which deletes it) and after a settings change.

let db: LeadpaceDb;
let stop = () => {};
beforeEach(async () => {
  fakeBrowser.reset();
  db = openLeadpaceDb('plan-bg-' + crypto.randomUUID());
  await db.open();
});
afterEach(async () => {
  stop();
  db.close();
  await db.delete();
});

const plan = async () => {
  const row = await db.summary.get(PLAN_ROW_ID);
  return isPlanRow(row) ? row : null;
};
const seen = (id: string) =>
  recordLeadSeen(db, { crm: 'demo', leadId: id, url: `http://leadpace-demo.localhost/leads/${id}`, missing: [] }, { repId: 'rep-1', now: Date.now() });

describe('keepPopupPlan', () => {
  it('makes the plan row at start, after lead writes and after a settings change', async () => {
    await seen('a');
    const log = vi.fn();
    stop = keepPopupPlan({ db: () => db, log });
    await vi.waitFor(async () => expect((await plan())?.keys).toEqual(['demo:a']));

    await seen('b');
    await vi.waitFor(async () => expect((await plan())?.keys).toEqual(['demo:a', 'demo:b']));

    const settings = await readSettings();
    const changed = { ...settings, cadence: { ...settings.cadence, graceMs: 0 } };
    await settingsItem.setValue(changed);
    await vi.waitFor(async () => expect((await plan())?.fingerprint).toBe(planFingerprint(changed.cadence, changed.openingHours)));
    expect(log).not.toHaveBeenCalled();
  });

  it('says why when it cannot make one, and the popup then ranks without it', async () => {
    const log = vi.fn();
    db.close();
    stop = keepPopupPlan({ db: () => db, log });
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringMatching(/^popup plan failed: /)));
  });
});
