import { describe, expect, it } from 'vitest';
import type { ActionItem, LeadState, SlaState } from '@/lib/domain/cadence';
import { GROUP_AFTER, planNudges, type NudgeLead, type NudgePlan } from '@/lib/domain/nudges';

// planNudges on hand-made action items: the cadence engine is tested elsewhere, here only the
// badge, the once-per-step memory and the grouping.

const NOW = Date.parse('2026-03-10T09:30:00Z');
const MIN = 60_000;

const STATES: readonly SlaState[] = ['new', 'due', 'overdue', 'waiting', 'done'];

/** `key/state/step`, e.g. 'a/new/0' or 'b/overdue/2'. */
function item(spec: string): ActionItem<NudgeLead> {
  const [key = '', name = '', step = '0'] = spec.split('/');
  const state = STATES.find((s) => s === name);
  if (!state) throw new Error(`fixture: unknown state ${name}`);
  const lead: NudgeLead = { key, name: key.toUpperCase(), source: 'website', receivedAt: NOW - 10 * MIN, status: 'open', attempts: [] };
  const leadState: LeadState = {
    state,
    stepIndex: Number(step),
    dueAt: NOW - 5 * MIN,
    overdueAt: NOW,
    overdueByMs: state === 'overdue' ? 5 * MIN : 0,
    nextChannel: 'call',
    responseMs: null,
  };
  return { lead, state: leadState };
}

interface Case {
  name: string;
  actions: string[];
  notified?: Record<string, number>;
  mayNotify?: boolean;
  badge: [text: string, color: NudgePlan['badgeColor']];
  /** `lead:<key>` per single notification, `group:<keys>` for a group. */
  notifications: string[];
  memory: Record<string, number>;
}

const EARLIER = NOW - 3 * MIN;

const cases: Case[] = [
  { name: 'nothing needs action', actions: [], badge: ['', 'none'], notifications: [], memory: {} },
  { name: 'one new lead: blue badge, one notification', actions: ['a/new/0'], badge: ['1', 'blue'], notifications: ['lead:a'], memory: { 'a#0': NOW } },
  { name: 'a due step only: orange', actions: ['a/due/2'], badge: ['1', 'orange'], notifications: ['lead:a'], memory: { 'a#2': NOW } },
  { name: 'an overdue lead turns the badge red', actions: ['a/due/1', 'b/overdue/1'], badge: ['2', 'red'], notifications: ['lead:a', 'lead:b'], memory: { 'a#1': NOW, 'b#1': NOW } },
  { name: 'a new lead turns it blue, however large the overdue backlog', actions: ['b/overdue/1', 'c/overdue/4', 'a/new/0'], notified: { 'b#1': EARLIER, 'c#4': EARLIER }, badge: ['3', 'blue'], notifications: ['lead:a'], memory: { 'a#0': NOW, 'b#1': EARLIER, 'c#4': EARLIER } },
  {
    name: `${GROUP_AFTER} new notifications stay single`,
    actions: ['a/new/0', 'b/new/0', 'c/overdue/0'],
    badge: ['3', 'blue'],
    notifications: ['lead:a', 'lead:b', 'lead:c'],
    memory: { 'a#0': NOW, 'b#0': NOW, 'c#0': NOW },
  },
  {
    name: `more than ${GROUP_AFTER} become one group`,
    actions: ['a/new/0', 'b/overdue/3', 'c/overdue/1', 'd/due/2'],
    badge: ['4', 'blue'],
    notifications: ['group:a,b,c,d'],
    memory: { 'a#0': NOW, 'b#3': NOW, 'c#1': NOW, 'd#2': NOW },
  },
  {
    name: 'a group puts new leads first whatever the input order, so it names one of them',
    actions: ['b/overdue/3', 'c/overdue/1', 'a/new/0', 'd/due/2', 'e/new/0'],
    badge: ['5', 'blue'],
    notifications: ['group:a,e,b,c,d'],
    memory: { 'a#0': NOW, 'b#3': NOW, 'c#1': NOW, 'd#2': NOW, 'e#0': NOW },
  },
  {
    name: 'only the fresh ones count towards a group',
    actions: ['a/overdue/1', 'b/overdue/1', 'c/new/0', 'd/new/0'],
    notified: { 'a#1': EARLIER, 'b#1': EARLIER },
    badge: ['4', 'blue'],
    notifications: ['lead:c', 'lead:d'],
    memory: { 'a#1': EARLIER, 'b#1': EARLIER, 'c#0': NOW, 'd#0': NOW },
  },
  {
    name: 'once per lead per step: the same step is not notified again',
    actions: ['a/due/1'],
    notified: { 'a#1': EARLIER },
    badge: ['1', 'orange'],
    notifications: [],
    memory: { 'a#1': EARLIER },
  },
  {
    name: 'a new lead that turns overdue keeps its step-0 entry: no second notification',
    actions: ['a/overdue/0'],
    notified: { 'a#0': EARLIER },
    badge: ['1', 'red'],
    notifications: [],
    memory: { 'a#0': EARLIER },
  },
  {
    name: 'the next step notifies again, and the finished step is forgotten',
    actions: ['a/due/1'],
    notified: { 'a#0': EARLIER },
    badge: ['1', 'orange'],
    notifications: ['lead:a'],
    memory: { 'a#1': NOW },
  },
  {
    name: 'leads that no longer need action are pruned from the memory',
    actions: ['a/overdue/2'],
    notified: { 'a#2': EARLIER, 'gone#0': EARLIER, 'worked#3': EARLIER },
    badge: ['1', 'red'],
    notifications: [],
    memory: { 'a#2': EARLIER },
  },
  {
    name: 'mayNotify false: the badge still counts, nothing is notified or remembered as notified',
    actions: ['a/new/0', 'b/overdue/1'],
    mayNotify: false,
    badge: ['2', 'blue'],
    notifications: [],
    memory: {},
  },
  {
    name: 'mayNotify false keeps what was notified before (and still pending)',
    actions: ['a/overdue/1', 'b/new/0'],
    notified: { 'a#1': EARLIER, 'gone#0': EARLIER },
    mayNotify: false,
    badge: ['2', 'blue'],
    notifications: [],
    memory: { 'a#1': EARLIER },
  },
];

const summary = (plan: ReturnType<typeof planNudges>) =>
  plan.notifications.map((n) => (n.kind === 'group' ? `group:${n.leadKeys.join(',')}` : `lead:${n.leadKeys.join(',')}`));

describe('planNudges', () => {
  it.each(cases)('$name', ({ actions, notified = {}, mayNotify = true, badge, notifications, memory }) => {
    const plan = planNudges({ actions: actions.map(item), notified, now: NOW, mayNotify });
    expect([plan.badgeText, plan.badgeColor]).toEqual(badge);
    expect(summary(plan)).toEqual(notifications);
    expect(plan.notified).toEqual(memory);
  });

  it('counts the badge by state, for its tooltip', () => {
    const plan = planNudges({ actions: ['a/new/0', 'b/overdue/1', 'c/overdue/0', 'd/due/2'].map(item), notified: {}, now: NOW, mayNotify: false });
    expect(plan.counts).toEqual({ new: 1, overdue: 2, due: 1 });
    expect(planNudges({ actions: [], notified: {}, now: NOW, mayNotify: true }).counts).toEqual({ new: 0, overdue: 0, due: 0 });
  });

  it('a group carries its count, how many are new, and the lead to call first', () => {
    const plan = planNudges({ actions: ['b/overdue/3', 'c/overdue/1', 'a/new/0', 'd/due/2', 'e/new/0'].map(item), notified: {}, now: NOW, mayNotify: true });
    expect(plan.notifications).toHaveLength(1);
    expect(plan.notifications[0]).toMatchObject({ id: `group:${NOW}`, kind: 'group', count: 5, newCount: 2, lead: { key: 'a' }, state: { state: 'new' } });
  });

  it('a single notification is addressed by its lead, so the same lead never stacks two', () => {
    const plan = planNudges({ actions: [item('a/overdue/2')], notified: {}, now: NOW, mayNotify: true });
    expect(plan.notifications).toEqual([
      expect.objectContaining({ id: 'lead:a', kind: 'lead', leadKeys: ['a'], count: 1, newCount: 0, lead: expect.objectContaining({ key: 'a' }) }),
    ]);
  });

  it('does not change the memory it was given', () => {
    const notified = { 'a#0': EARLIER, 'gone#0': EARLIER };
    planNudges({ actions: [item('a/due/1')], notified, now: NOW, mayNotify: true });
    expect(notified).toEqual({ 'a#0': EARLIER, 'gone#0': EARLIER });
  });
});
