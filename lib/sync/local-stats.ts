import { businessDurationMs, type OpeningHours } from '../domain/business-time';
import { DEFAULT_CADENCE_SETTINGS, isClosedTooEarly } from '../domain/cadence';
import type { LeadEvent } from '../domain/events';
import { progressFromEvents } from '../domain/lead';
import type { LeaderboardStats, WireEvent } from './wire';

/**
 * The rep's own leaderboard numbers computed in the browser, with the server's definitions
 * (server/README.md "leaderboard"): a cohort of leads received in the period, business-time
 * response to the first attempt, nearest-rank p90. Shown when there is no team, so a rep
 * without a server still sees the same figures for themself.
 */

/**
 * A restored event as a local one for counting only (never stored): its lead key is the
 * hash, which is all the browser knows about that lead until the rep opens it again.
 */
function restoredAsLocal(wire: WireEvent): LeadEvent {
  const base = { id: wire.id, v: wire.v, leadKey: `restored:${wire.lead}`, at: wire.at, repId: '' };
  switch (wire.type) {
    case 'lead_seen':
      return { ...base, type: 'lead_seen', crm: 'restored', leadId: wire.lead, source: wire.source, receivedAt: wire.receivedAt };
    case 'attempt_logged':
      return { ...base, type: 'attempt_logged', channel: wire.channel, outcome: wire.outcome };
    case 'event_voided':
      return { ...base, type: 'event_voided', voids: wire.voids };
    case 'status_changed':
      return { ...base, type: 'status_changed', status: wire.status, lostReason: wire.lostReason, closedTooEarly: wire.closedTooEarly };
    case 'source_changed':
      return { ...base, type: 'source_changed', from: wire.from, to: wire.to };
  }
}

export function ownStats(input: {
  events: readonly LeadEvent[];
  restored?: readonly WireEvent[];
  from: number;
  to: number;
  hours: OpeningHours;
  slaMs?: number;
  closeAfterAttempts?: number;
}): LeaderboardStats {
  const slaMs = input.slaMs ?? DEFAULT_CADENCE_SETTINGS.firstAttemptSlaMs;
  const byLead = new Map<string, LeadEvent[]>();
  const add = (e: LeadEvent) => {
    const list = byLead.get(e.leadKey);
    if (list) list.push(e);
    else byLead.set(e.leadKey, [e]);
  };
  const ids = new Set<string>();
  for (const e of input.events) {
    ids.add(e.id);
    add(e);
  }
  for (const w of input.restored ?? []) if (!ids.has(w.id)) add(restoredAsLocal(w));

  const responses: number[] = [];
  let leads = 0;
  let within = 0;
  let attempts = 0;
  let contacted = 0;
  let appointments = 0;
  let tooEarly = 0;
  let sold = 0;
  for (const list of byLead.values()) {
    const p = progressFromEvents(list);
    if (!p || p.receivedAt < input.from || p.receivedAt >= input.to) continue;
    leads += 1;
    if (p.firstAttemptAt !== null) {
      const ms = p.firstAttemptAt > p.receivedAt ? businessDurationMs(p.receivedAt, p.firstAttemptAt, input.hours) : 0;
      responses.push(ms);
      if (ms <= slaMs) within += 1;
    }
    attempts += p.attempts.length;
    if (p.contactCount > 0) contacted += 1;
    if (p.attempts.some((a) => a.outcome === 'appointment') || ['appointment', 'shown', 'sold'].includes(p.status)) appointments += 1;
    const closeAfter = input.closeAfterAttempts ?? DEFAULT_CADENCE_SETTINGS.closeAfterAttempts;
    if (p.status === 'lost' && (p.closedTooEarly || isClosedTooEarly({ attemptCount: p.attempts.length, contactCount: p.contactCount }, 'lost', closeAfter))) tooEarly += 1;
    if (p.status === 'sold') sold += 1;
  }
  responses.sort((a, b) => a - b);
  const n = responses.length;
  const mid = Math.floor(n / 2);
  const median = n === 0 ? null : n % 2 === 1 ? (responses[mid] ?? 0) : ((responses[mid - 1] ?? 0) + (responses[mid] ?? 0)) / 2;
  const p90 = n === 0 ? null : (responses[Math.ceil(0.9 * n) - 1] ?? null);
  const rate = (x: number, of: number) => (of === 0 ? null : x / of);
  return {
    leads,
    firstAttempts: n,
    medianResponseMs: median,
    p90ResponseMs: p90,
    withinSlaShare: rate(within, n),
    attemptsPerLead: rate(attempts, leads),
    contactRate: rate(contacted, leads),
    appointmentRate: rate(appointments, leads),
    closedTooEarly: tooEarly,
    sold,
    conversion: rate(sold, leads),
  };
}
