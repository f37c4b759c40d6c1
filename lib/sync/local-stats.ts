import type { OpeningHours } from '../domain/business-time';
import { DEFAULT_CADENCE_SETTINGS } from '../domain/cadence';
import type { LeadEvent } from '../domain/events';
import { progressFromEvents, type FoldEvent } from '../domain/lead';
import { CohortTally, factsOf, type LeadFacts } from '../domain/lead-metrics';
import type { LeaderboardStats, WireEvent } from './wire';

/**
 * The rep's own leaderboard numbers computed in the browser by the metrics kernel, the same
 * functions the team server uses: a cohort of leads received in the period, business-time
 * response to the first attempt, nearest-rank p90. Shown when there is no team, so a rep
 * without a server still sees the same figures for themself.
 */

export function ownStats(input: {
  events: readonly LeadEvent[];
  restored?: readonly WireEvent[];
  from: number;
  to: number;
  hours: OpeningHours;
  slaMs?: number;
  closeAfterAttempts?: number;
}): LeaderboardStats {
  const byLead = new Map<string, FoldEvent[]>();
  const add = (key: string, e: FoldEvent) => {
    const list = byLead.get(key);
    if (list) list.push(e);
    else byLead.set(key, [e]);
  };
  const ids = new Set<string>();
  for (const e of input.events) {
    ids.add(e.id);
    add(e.leadKey, e);
  }
  // A restored event folds as it is: its lead key is the hash, all the browser knows of that
  // lead until the rep opens it again.
  for (const w of input.restored ?? []) if (!ids.has(w.id)) add(`restored:${w.lead}`, w);

  const tally = new CohortTally({
    hours: input.hours,
    firstAttemptSlaMs: input.slaMs ?? DEFAULT_CADENCE_SETTINGS.firstAttemptSlaMs,
    closeAfterAttempts: input.closeAfterAttempts ?? DEFAULT_CADENCE_SETTINGS.closeAfterAttempts,
  });
  for (const list of byLead.values()) {
    const p = progressFromEvents(list);
    if (!p || p.receivedAt < input.from || p.receivedAt >= input.to) continue;
    tally.add(factsOf({ ...p, attemptCount: p.attempts.length }));
  }
  return tally.figures();
}

/**
 * ownStats from the leads' folded facts instead of their events (the popup summary keeps them
 * per received day): the leads in `facts` are those received in [from, to), and the restored
 * events of leads this browser does not know fold as in ownStats. The same figures, without
 * reading a month of events.
 */
export function ownStatsFromFacts(input: {
  facts: readonly LeadFacts[];
  restored?: readonly WireEvent[];
  from: number;
  to: number;
  hours: OpeningHours;
  slaMs?: number;
  closeAfterAttempts?: number;
}): LeaderboardStats {
  const tally = new CohortTally({
    hours: input.hours,
    firstAttemptSlaMs: input.slaMs ?? DEFAULT_CADENCE_SETTINGS.firstAttemptSlaMs,
    closeAfterAttempts: input.closeAfterAttempts ?? DEFAULT_CADENCE_SETTINGS.closeAfterAttempts,
  });
  for (const lead of input.facts) if (lead.receivedAt >= input.from && lead.receivedAt < input.to) tally.add(lead);
  const byLead = new Map<string, FoldEvent[]>();
  for (const w of input.restored ?? []) {
    const list = byLead.get(w.lead);
    if (list) list.push(w);
    else byLead.set(w.lead, [w]);
  }
  for (const list of byLead.values()) {
    const p = progressFromEvents(list);
    if (!p || p.receivedAt < input.from || p.receivedAt >= input.to) continue;
    tally.add(factsOf({ ...p, attemptCount: p.attempts.length }));
  }
  return tally.figures();
}
