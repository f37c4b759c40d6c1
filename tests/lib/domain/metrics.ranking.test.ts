import { describe, expect, it } from 'vitest';
import { DEFAULT_OPENING_HOURS as H } from '@/lib/domain/business-time';
import { actionList, DEFAULT_CADENCE_SETTINGS as S, type SlaState } from '@/lib/domain/cadence';
import type { LeadRecord } from '@/lib/domain/lead';
import { rankOpenLeads } from '@/lib/domain/metrics';
import { ams, backlog, record, type LeadSpec } from '@/tests/fixtures/lead-records';

// The order of Now, My leads and the notifications: leads inside their first-attempt window
// first, then the overdue backlog. One table drives both rankings, so they cannot drift apart.

const MIN = 60_000;

interface Case {
  name: string;
  now: string;
  leads: LeadSpec[];
  /** rankOpenLeads: every open lead, as `key:state`. */
  expected: string[];
}

const ACTIONABLE: readonly SlaState[] = ['new', 'overdue', 'due'];

// Tuesday 10 March 2026, Amsterdam, default hours (09:00–18:00) and cadence (first attempt within 5 min).
const cases: Case[] = [
  {
    name: 'a lead received 3 minutes ago comes above 29 overdue backlog leads',
    now: '2026-03-10 10:04',
    leads: [...backlog(29), { key: 'fresh', received: '2026-03-10 10:01' }],
    expected: ['fresh:new', ...backlog(29).map((b) => `${b.key}:overdue`)],
  },
  {
    name: 'among new leads the one closest to its SLA deadline first, not the newest',
    now: '2026-03-10 10:04',
    leads: [
      { key: 'newest', received: '2026-03-10 10:03' },
      { key: 'oldest', received: '2026-03-10 10:00' },
      { key: 'middle', received: '2026-03-10 10:02' },
    ],
    expected: ['oldest:new', 'middle:new', 'newest:new'],
  },
  {
    name: 'overnight leads share the morning deadline: the longest waiting first',
    now: '2026-03-10 09:02',
    leads: [
      { key: 'early-morning', received: '2026-03-10 07:30' },
      { key: 'late-evening', received: '2026-03-09 22:00' },
      { key: 'at-opening', received: '2026-03-10 09:01' },
    ],
    expected: ['late-evening:new', 'early-morning:new', 'at-opening:new'],
  },
  {
    name: 'once its SLA has passed a lead joins the overdue leads, shortest overdue last',
    now: '2026-03-10 10:04',
    leads: [
      { key: 'just-missed', received: '2026-03-10 09:58' },
      { key: 'yesterday', received: '2026-03-09 15:00' },
      { key: 'fresh', received: '2026-03-10 10:02' },
    ],
    expected: ['fresh:new', 'yesterday:overdue', 'just-missed:overdue'],
  },
  {
    name: 'new, then overdue, then due, then waiting; closed leads are not listed',
    now: '2026-03-10 10:04',
    leads: [
      { key: 'waiting', received: '2026-03-10 09:58', attempts: ['2026-03-10 09:59'] },
      { key: 'due', received: '2026-03-10 09:50', attempts: ['2026-03-10 09:51'] },
      { key: 'sold', received: '2026-03-09 09:00', status: 'sold' },
      { key: 'overdue', received: '2026-03-09 15:00' },
      { key: 'fresh', received: '2026-03-10 10:03' },
    ],
    expected: ['fresh:new', 'overdue:overdue', 'due:due', 'waiting:waiting'],
  },
  {
    name: 'a lead received on Sunday is new until five minutes after Monday opens',
    now: '2026-03-09 09:03',
    leads: [
      { key: 'sunday', received: '2026-03-08 14:00' },
      { key: 'friday', received: '2026-03-06 16:00' },
    ],
    expected: ['sunday:new', 'friday:overdue'],
  },
  {
    name: 'no new leads: the overdue backlog keeps its order',
    now: '2026-03-10 10:04',
    leads: [
      { key: 'short', received: '2026-03-10 09:30' },
      { key: 'long', received: '2026-03-09 15:00' },
    ],
    expected: ['long:overdue', 'short:overdue'],
  },
  { name: 'no leads', now: '2026-03-10 10:04', leads: [], expected: [] },
];

/** What the worker's tick hands to actionList: the record with its attempt log. */
const forTick = (specs: LeadSpec[]) => specs.map(record).map((r) => ({ ...r, attempts: r.attemptLog }));

const label = (key: string, state: SlaState) => `${key.replace(/^demo:/, '')}:${state}`;

describe('ranking: new leads first', () => {
  it.each(cases)('rankOpenLeads — $name', ({ now, leads, expected }) => {
    const ranked = rankOpenLeads(leads.map(record), ams(now), S, H);
    expect(ranked.map((r) => label(r.lead.key, r.state.state))).toEqual(expected);
  });

  it.each(cases)('actionList (Now, badge, notifications) — $name', ({ now, leads, expected }) => {
    const listed = actionList(forTick(leads), S, H, ams(now));
    const actionable = expected.filter((e) => ACTIONABLE.some((s) => e.endsWith(`:${s}`)));
    expect(listed.map((item) => label(item.lead.key, item.state.state))).toEqual(actionable);
  });

  it('the input order does not matter', () => {
    const specs = cases[4]?.leads ?? [];
    const now = ams('2026-03-10 10:04');
    const ranked = (leads: LeadRecord[]) => rankOpenLeads(leads, now, S, H).map((r) => r.lead.key);
    const listed = (leads: ReturnType<typeof forTick>) => actionList(leads, S, H, now).map((r) => r.lead.key);
    expect(specs.length).toBeGreaterThan(2);
    expect(ranked(specs.map(record).reverse())).toEqual(ranked(specs.map(record)));
    expect(listed(forTick(specs).reverse())).toEqual(listed(forTick(specs)));
  });

  it('a lead stops being pinned the minute its first-attempt SLA passes', () => {
    const leads = forTick([
      { key: 'lead', received: '2026-03-10 10:00' },
      { key: 'backlog', received: '2026-03-09 15:00' },
    ]);
    const order = (now: number) => actionList(leads, S, H, now).map((i) => label(i.lead.key, i.state.state));
    expect(order(ams('2026-03-10 10:05'))).toEqual(['lead:new', 'backlog:overdue']);
    expect(order(ams('2026-03-10 10:05') + MIN)).toEqual(['backlog:overdue', 'lead:overdue']);
  });
});
