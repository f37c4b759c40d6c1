import { describe, expect, it } from 'vitest';
import { buildPopupSeed } from '@/scripts/bench/popup-data';
import { DEFAULT_OPENING_HOURS, type OpeningHours } from '@/lib/domain/business-time';
import { DEFAULT_CADENCE_SETTINGS, leadState, type CadenceSettings } from '@/lib/domain/cadence';
import type { LeadRecord } from '@/lib/domain/lead';
import { createLeadStateMemo, rankOpenLeads, type RankedLead } from '@/lib/domain/metrics';

const HOUR = 3_600_000;
const NOW = Date.parse('2025-01-15T12:00:00Z');

// The benchmark's generator: valid leads folded from valid events, open and closed, most with
// attempts, spread over 30 days before NOW.
const leads = buildPopupSeed({ leads: 600, events: 3_600, now: NOW }).leads;

const SATURDAY_OFF: OpeningHours = { ...DEFAULT_OPENING_HOURS, week: { ...DEFAULT_OPENING_HOURS.week, 6: null } };
const SLOW_CADENCE: CadenceSettings = { ...DEFAULT_CADENCE_SETTINGS, firstAttemptSlaMs: 30 * 60_000, graceMs: 60 * 60_000 };

const direct = (lead: LeadRecord, now: number, cadence: CadenceSettings, hours: OpeningHours) =>
  leadState({ receivedAt: lead.receivedAt, status: lead.status, attempts: lead.attemptLog }, cadence, hours, now);

const view = (ranked: RankedLead[]) => ranked.map((r) => [r.lead.key, r.state]);

function chunksOf<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

describe('LeadStateMemo', () => {
  it('answers a primed lead with the state it computed, for the same clock and settings objects', () => {
    const memo = createLeadStateMemo();
    const lead = leads.find((l) => l.open === 1);
    if (!lead) throw new Error('fixture: no open lead');
    memo.prime([lead], NOW, DEFAULT_CADENCE_SETTINGS, DEFAULT_OPENING_HOURS);
    const first = memo.state(lead, NOW, DEFAULT_CADENCE_SETTINGS, DEFAULT_OPENING_HOURS);
    expect(memo.state(lead, NOW, DEFAULT_CADENCE_SETTINGS, DEFAULT_OPENING_HOURS)).toBe(first);
    expect(first).toEqual(direct(lead, NOW, DEFAULT_CADENCE_SETTINGS, DEFAULT_OPENING_HOURS));
  });

  it.each([
    { name: 'another clock reading', now: NOW + HOUR, cadence: DEFAULT_CADENCE_SETTINGS, hours: DEFAULT_OPENING_HOURS },
    { name: 'equal cadence settings in another object', now: NOW, cadence: { ...DEFAULT_CADENCE_SETTINGS }, hours: DEFAULT_OPENING_HOURS },
    { name: 'other cadence settings', now: NOW, cadence: SLOW_CADENCE, hours: DEFAULT_OPENING_HOURS },
    { name: 'other opening hours', now: NOW, cadence: DEFAULT_CADENCE_SETTINGS, hours: SATURDAY_OFF },
  ])('computes afresh for $name', ({ now, cadence, hours }) => {
    const memo = createLeadStateMemo();
    const open = leads.filter((l) => l.open === 1);
    memo.prime(open, NOW, DEFAULT_CADENCE_SETTINGS, DEFAULT_OPENING_HOURS);
    for (const lead of open) expect(memo.state(lead, now, cadence, hours)).toEqual(direct(lead, now, cadence, hours));
  });
});

describe('rankOpenLeads with a memo', () => {
  const settings = [
    { settingsName: 'default settings', cadence: DEFAULT_CADENCE_SETTINGS, hours: DEFAULT_OPENING_HOURS },
    { settingsName: 'a slower cadence, closed on Saturday', cadence: SLOW_CADENCE, hours: SATURDAY_OFF },
  ];
  const clocks = [
    { clock: 'Wednesday noon', now: NOW },
    { clock: 'Wednesday night', now: NOW + 11 * HOUR },
    { clock: 'Sunday', now: Date.parse('2025-01-19T10:00:00Z') },
  ];
  const cases = settings.flatMap((s) => clocks.flatMap((c) => [10, 97, 1000].map((chunk) => ({ ...s, ...c, chunk }))));

  it.each(cases)('same rows, order and states: $settingsName, $clock, primed in chunks of $chunk', ({ cadence, hours, now, chunk }) => {
    const expected = view(rankOpenLeads(leads, now, cadence, hours));
    const memo = createLeadStateMemo();
    for (const part of chunksOf(leads, chunk)) memo.prime(part, now, cadence, hours);
    expect(view(rankOpenLeads(leads, now, cadence, hours, memo))).toEqual(expected);
  });

  it('a memo primed for an earlier clock reading still ranks by the new one', () => {
    const memo = createLeadStateMemo();
    memo.prime(leads, NOW, DEFAULT_CADENCE_SETTINGS, DEFAULT_OPENING_HOURS);
    for (const now of [NOW + 15_000, NOW + 3 * HOUR, NOW + 48 * HOUR]) {
      expect(view(rankOpenLeads(leads, now, DEFAULT_CADENCE_SETTINGS, DEFAULT_OPENING_HOURS, memo))).toEqual(
        view(rankOpenLeads(leads, now, DEFAULT_CADENCE_SETTINGS, DEFAULT_OPENING_HOURS)),
      );
    }
  });

  it('leaves closed leads out whether or not they were primed', () => {
    const memo = createLeadStateMemo();
    memo.prime(leads, NOW, DEFAULT_CADENCE_SETTINGS, DEFAULT_OPENING_HOURS);
    const ranked = rankOpenLeads(leads, NOW, DEFAULT_CADENCE_SETTINGS, DEFAULT_OPENING_HOURS, memo);
    expect(ranked.every((r) => r.lead.open === 1)).toBe(true);
    expect(ranked).toHaveLength(leads.filter((l) => l.open === 1).length);
  });

  it('the fixture has the states the order distinguishes, and ties broken by key', () => {
    const ranked = rankOpenLeads(leads, NOW);
    const states = new Set(ranked.map((r) => r.state.state));
    for (const state of ['overdue', 'waiting', 'done'] as const) expect(states.has(state)).toBe(true);
    // Leads received while closed all start their clock at the same opening: equal overdue times.
    const overdue = ranked.filter((r) => r.state.state === 'overdue').map((r) => r.state.overdueByMs);
    expect(new Set(overdue).size).toBeLessThan(overdue.length);
  });
});
