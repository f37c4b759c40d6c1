import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearExpiredDetails } from '@/lib/db/retention-writes';
import { openLeadpaceDb, type LeadpaceDb } from '@/lib/db/schema';
import { changeStatus, logAttempt, readLeadView, recordLeadSeen, saveNote } from '@/lib/db/writes';
import type { LeadSnapshot } from '@/lib/domain/model';
import { DAY_MS, detailsRemovalOf } from '@/lib/domain/retention';

const T0 = Date.parse('2026-01-05T09:00:00Z');
const actor = (now: number) => ({ repId: 'rep-1', now });

const snapshot = (leadId: string, name: string): LeadSnapshot => ({
  crm: 'demo',
  leadId,
  url: `http://leadpace-demo.localhost/leads/${leadId}?q=${encodeURIComponent(name)}#top`,
  name,
  phone: '+31612345678',
  email: `${leadId.toLowerCase()}@example.com`,
  vehicle: 'Volkswagen Golf 1.5 eTSI',
  sourceRaw: 'Marktplaats — Sanne',
  source: 'marktplaats',
  missing: ['receivedAt'],
});

let db: LeadpaceDb;
beforeEach(() => {
  db = openLeadpaceDb('t-' + crypto.randomUUID());
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** A lead worked and sold at T0, with a note. */
async function soldLead(leadId: string, name: string) {
  await recordLeadSeen(db, snapshot(leadId, name), actor(T0));
  await logAttempt(db, `demo:${leadId}`, { channel: 'call', outcome: 'reached' }, actor(T0 + 60_000));
  await changeStatus(db, `demo:${leadId}`, { status: 'sold' }, actor(T0 + 120_000));
  await saveNote(db, `demo:${leadId}`, `${name} wants a test drive`, T0 + 130_000);
}

const FIGURES = [
  'key', 'crm', 'leadId', 'status', 'source', 'receivedAt', 'firstSeenAt', 'lastSeenAt', 'attemptCount', 'contactCount',
  'firstAttemptAt', 'lastAttemptAt', 'soldAt', 'closedAt', 'attemptsBeforeClose', 'contactsBeforeClose',
  'phoneAttemptsBeforeClose', 'furthest', 'attemptLog', 'open', 'backlog', 'missing', 'lastOutcome',
] as const;

describe('clearExpiredDetails', () => {
  it('removes exactly the customer details of a lead untouched for longer than the period', async () => {
    await soldLead('L-1', 'Sanne de Vries');
    const before = await db.leads.get('demo:L-1');
    const eventsBefore = await db.events.toArray();
    const now = T0 + 200 * DAY_MS;

    expect(await clearExpiredDetails(db, now, 180)).toEqual({ cleared: 1, checked: 1 });

    const after = await db.leads.get('demo:L-1');
    expect(after).toBeDefined();
    for (const field of ['name', 'phone', 'email', 'vehicle', 'sourceRaw'] as const) expect(after?.[field]).toBeUndefined();
    expect(after?.url).toBe('http://leadpace-demo.localhost/leads/L-1');
    expect(await db.notes.get('demo:L-1')).toBeUndefined();
    for (const field of FIGURES) expect(after?.[field]).toEqual(before?.[field]);
    expect(after && detailsRemovalOf(after)).toEqual({ detailsRemovedAt: now, detailsRemovedAfterDays: 180 });
    expect(await db.events.toArray()).toEqual(eventsBefore);
    expect(JSON.stringify(await db.leads.toArray())).not.toMatch(/Sanne|example\.com|612345678|Golf/);
    // The panel's view still folds: same figures, no note.
    const view = await readLeadView(db, 'demo:L-1');
    expect(view.status).toBe('sold');
    expect(view.note).toBe('');
  });

  it('keeps the details of a lead that was seen, worked or noted within the period', async () => {
    await soldLead('L-old', 'Old Customer');
    await soldLead('L-seen', 'Seen Recently');
    await soldLead('L-worked', 'Worked Recently');
    await soldLead('L-noted', 'Noted Recently');
    const now = T0 + 200 * DAY_MS;
    await recordLeadSeen(db, snapshot('L-seen', 'Seen Recently'), actor(now - 10 * DAY_MS));
    // A closed lead that is reopened and worked again stays whole.
    await changeStatus(db, 'demo:L-worked', { status: 'contacted' }, actor(now - 5 * DAY_MS));
    await db.notes.put({ leadKey: 'demo:L-noted', text: 'called back', updatedAt: now - DAY_MS });

    // L-worked and L-noted were last seen at T0, so they are candidates, yet touched since.
    expect(await clearExpiredDetails(db, now, 180)).toEqual({ cleared: 1, checked: 3 });
    const names = Object.fromEntries((await db.leads.toArray()).map((lead) => [lead.leadId, lead.name]));
    expect(names).toEqual({ 'L-old': undefined, 'L-seen': 'Seen Recently', 'L-worked': 'Worked Recently', 'L-noted': 'Noted Recently' });
    expect((await db.notes.toArray()).map((n) => n.leadKey).sort()).toEqual(['demo:L-noted', 'demo:L-seen', 'demo:L-worked']);
  });

  it('honours a shorter period, works in batches and does nothing the second time', async () => {
    for (let i = 0; i < 7; i += 1) await recordLeadSeen(db, snapshot(`L-${i}`, `Customer ${i}`), actor(T0 + i));
    const now = T0 + 45 * DAY_MS;
    expect(await clearExpiredDetails(db, now, 180)).toEqual({ cleared: 0, checked: 0 });
    expect(await clearExpiredDetails(db, now, 30, 3)).toEqual({ cleared: 7, checked: 7 });
    expect((await db.leads.toArray()).every((lead) => lead.name === undefined)).toBe(true);
    const marks = (await db.leads.toArray()).map((lead) => detailsRemovalOf(lead)?.detailsRemovedAt);
    expect(marks).toEqual(Array(7).fill(now));
    // A later run neither re-marks nor counts them again.
    expect(await clearExpiredDetails(db, now + DAY_MS, 30, 3)).toEqual({ cleared: 0, checked: 7 });
    expect((await db.leads.toArray()).map((lead) => detailsRemovalOf(lead)?.detailsRemovedAt)).toEqual(marks);
  });

  it('gives the details back when the CRM shows the lead again, and the mark goes', async () => {
    await soldLead('L-1', 'Sanne de Vries');
    await clearExpiredDetails(db, T0 + 200 * DAY_MS, 180);
    await recordLeadSeen(db, snapshot('L-1', 'Sanne de Vries'), actor(T0 + 201 * DAY_MS));
    const lead = await db.leads.get('demo:L-1');
    expect(lead?.name).toBe('Sanne de Vries');
    expect(lead && detailsRemovalOf(lead)).toBeNull();
  });
});
