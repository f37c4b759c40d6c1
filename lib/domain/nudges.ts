import type { ActionItem, CadenceLead, LeadState } from './cadence';

// What the minute tick should show: the badge, and which notifications are new. Pure, so the
// "at most one per lead per step, grouped when many" rules are a table of cases.

export interface NudgeLead extends CadenceLead {
  key: string;
  name?: string;
  source: string;
}

export interface PlannedNotification {
  /** `lead:<key>` for one lead, `group:<now>` for several. */
  id: string;
  kind: 'lead' | 'group';
  leadKeys: string[];
  /** The lead to call first (a group names it and opens it on click), and its state. */
  state: LeadState;
  lead: NudgeLead;
  count: number;
  /** How many of them are new (inside their first-attempt window). */
  newCount: number;
}

export interface NudgePlan {
  /** How many leads need action now (new, overdue and due together). */
  badgeText: string;
  /**
   * What the top of the list is: 'blue' while a new lead is inside its first-attempt window —
   * so a fresh lead shows on a badge that a backlog keeps red all day — else 'red' when any
   * lead is overdue, 'orange' when only due steps wait.
   */
  badgeColor: 'blue' | 'red' | 'orange' | 'none';
  /** The counts behind the badge, for its tooltip. */
  counts: { new: number; overdue: number; due: number };
  notifications: PlannedNotification[];
  /** `${leadKey}#${stepIndex}` → when notified; only open, action-needing leads are kept. */
  notified: Record<string, number>;
}

/** More new notifications than this in one tick become one grouped notification. */
export const GROUP_AFTER = 3;

const stepKey = (item: ActionItem<NudgeLead>) => `${item.lead.key}#${item.state.stepIndex}`;

export function planNudges(input: {
  actions: ActionItem<NudgeLead>[];
  notified: Record<string, number>;
  now: number;
  /** Notifications only inside opening hours and when the rep has not switched them off. */
  mayNotify: boolean;
}): NudgePlan {
  const { actions, now, mayNotify } = input;
  const count = actions.length;
  const counts = { new: 0, overdue: 0, due: 0 };
  for (const a of actions) if (a.state.state === 'new' || a.state.state === 'overdue' || a.state.state === 'due') counts[a.state.state] += 1;
  // Keep memory only for steps still pending: a lead that was worked or closed forgets its
  // entries, so the next step can notify again.
  const notified: Record<string, number> = {};
  for (const item of actions) {
    const previous = input.notified[stepKey(item)];
    if (previous !== undefined) notified[stepKey(item)] = previous;
  }
  // Every action-needing state notifies once per step: a brand-new lead ('new') is the most
  // valuable nudge of all, and its step-0 key keeps it from notifying again when overdue.
  // New leads go first whatever order the caller passes, so a group names one of them;
  // otherwise the caller's order (actionList: most urgent first) stands.
  const unseen = mayNotify ? actions.filter((a) => notified[stepKey(a)] === undefined) : [];
  const fresh = [...unseen.filter((a) => a.state.state === 'new'), ...unseen.filter((a) => a.state.state !== 'new')];
  for (const item of fresh) notified[stepKey(item)] = now;

  const notifications: PlannedNotification[] = [];
  const first = fresh[0];
  if (first && fresh.length > GROUP_AFTER) {
    notifications.push({
      id: `group:${now}`,
      kind: 'group',
      leadKeys: fresh.map((f) => f.lead.key),
      state: first.state,
      lead: first.lead,
      count: fresh.length,
      newCount: fresh.filter((f) => f.state.state === 'new').length,
    });
  } else {
    for (const item of fresh) {
      notifications.push({
        id: `lead:${item.lead.key}`,
        kind: 'lead',
        leadKeys: [item.lead.key],
        state: item.state,
        lead: item.lead,
        count: 1,
        newCount: item.state.state === 'new' ? 1 : 0,
      });
    }
  }
  return {
    badgeText: count > 0 ? String(count) : '',
    badgeColor: count === 0 ? 'none' : counts.new > 0 ? 'blue' : counts.overdue > 0 ? 'red' : 'orange',
    counts,
    notifications,
    notified,
  };
}
