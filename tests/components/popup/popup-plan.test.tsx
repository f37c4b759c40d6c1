// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/components/popup/Popup';
import { I18nProvider } from '@/components/ui/i18n';
import { openLeads } from '@/lib/db/queries';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { readSummaryDirect } from '@/lib/db/summary-direct';
import { keepPlan } from '@/lib/db/summary-plan';
import { logAttempt, recordLeadSeen } from '@/lib/db/writes';
import { needsNudging } from '@/lib/domain/backlog';
import { rankOpenLeads } from '@/lib/domain/metrics';
import { PLAN_ROW_ID } from '@/lib/domain/popup-plan';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';

// The popup ranks from the background's plan row when it was made with the popup's settings,
// and reads and ranks the open leads itself when there is none or it was made with others.

const T = (iso: string) => Date.parse(iso);
const NOW = T('2025-01-15T12:00:00Z');
const rep = (iso: string) => ({ repId: 'rep-1', now: T(iso) });
const SETTINGS: Settings = DEFAULT_SETTINGS;
const OTHER: Settings = { ...DEFAULT_SETTINGS, cadence: { ...DEFAULT_SETTINGS.cadence, firstAttemptSlaMs: 4 * 60 * 60_000 } };

let db: LeadpaceDb;
let reads: boolean[];
const directRead = (dayStart: number, withOpen: boolean) => {
  reads.push(withOpen);
  return readSummaryDirect(dayStart, db.name, withOpen);
};

beforeEach(async () => {
  fakeBrowser.reset();
  reads = [];
  db = openLeadpaceDb('plan-' + crypto.randomUUID());
  await db.open();
  // Leads in every state at NOW: new (minutes old), overdue (never worked, an hour old),
  // due and waiting (worked), each received at its own time.
  const seen = async (id: string, at: string) => {
    await recordLeadSeen(db, { crm: 'demo', leadId: id, url: `http://leadpace-demo.localhost/leads/${id}`, name: `Klant ${id}`, missing: [], receivedAt: at }, rep(at));
    return `demo:${id}`;
  };
  await seen('fresh', '2025-01-15T11:58:00Z');
  await seen('late', '2025-01-15T10:30:00Z');
  await seen('later', '2025-01-14T10:30:00Z');
  const worked = await seen('worked', '2025-01-15T11:00:00Z');
  await logAttempt(db, worked, { channel: 'call', outcome: 'no_answer' }, rep('2025-01-15T11:01:00Z'));
  const waiting = await seen('waiting', '2025-01-15T11:50:00Z');
  await logAttempt(db, waiting, { channel: 'call', outcome: 'reached' }, rep('2025-01-15T11:55:00Z'));
});
afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

function renderPopup(settings: Settings) {
  render(
    <I18nProvider lang="en">
      <Popup db={db} directRead={directRead} settings={settings} openLead={() => Promise.resolve({ ok: true, value: { tabId: 1 } })} closeWindow={() => undefined} openOptions={() => undefined} now={NOW} />
    </I18nProvider>,
  );
}

async function expectRanked(settings: Settings) {
  const reference = rankOpenLeads(await openLeads(db), NOW, settings.cadence, settings.openingHours);
  await waitFor(() => expect(screen.getAllByTestId('lead-row').map((r) => r.dataset.leadKey)).toEqual(reference.map((r) => r.lead.key)));
  const now = reference.filter((r) => needsNudging(r.lead) && ['new', 'overdue', 'due'].includes(r.state.state));
  expect(screen.getAllByTestId('now-row').map((r) => [r.dataset.leadKey, r.dataset.state])).toEqual(now.map((r) => [r.lead.key, r.state.state]));
}

describe('popup ranking from the plan row', () => {
  it('ranks from the plans made with its settings, without reading the open leads', async () => {
    expect(await keepPlan(db, SETTINGS.cadence, SETTINGS.openingHours)).toBe(true);
    renderPopup(SETTINGS);
    await expectRanked(SETTINGS);
    // Later reads (after Dexie's change events are there) ask for the plans only, too.
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((withOpen) => !withOpen)).toBe(true);
    // Business time late, computed for the rows on screen.
    expect(screen.getAllByTestId('now-row').find((r) => r.dataset.leadKey === 'demo:later')?.textContent).toMatch(/late|overdue/i);
  });

  it('reads and ranks the open leads when the plans were made with other settings', async () => {
    await keepPlan(db, OTHER.cadence, OTHER.openingHours);
    expect(await db.summary.get(PLAN_ROW_ID)).toBeDefined();
    renderPopup(SETTINGS);
    await expectRanked(SETTINGS);
    expect(reads[0]).toBe(false);
    expect(reads).toContain(true);
  });

  it('ranks the open leads itself when there is no plan row yet', async () => {
    renderPopup(SETTINGS);
    await expectRanked(SETTINGS);
    // The direct read takes the open leads when it finds no plan row: no second read needed.
    expect(reads.every((withOpen) => !withOpen)).toBe(true);
  });
});
