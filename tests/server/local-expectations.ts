import { businessDurationMs, DEFAULT_OPENING_HOURS } from '../../lib/domain/business-time';
import { isClosedTooEarly } from '../../lib/domain/cadence';
import type { LeadEvent } from '../../lib/domain/events';
import { progressFromEvents } from '../../lib/domain/lead';
import type { LeaderboardStats } from '../../lib/sync/wire';

/**
 * The leaderboard numbers as the extension would compute them from its own local events
 * (lib/domain/lead.ts + business-time + cadence), written independently of the server's
 * fold and summary so the comparison means something.
 */
export function localStats(events: readonly LeadEvent[], from: number, to: number): LeaderboardStats {
  const byLead = new Map<string, LeadEvent[]>();
  for (const e of events) byLead.set(e.leadKey, [...(byLead.get(e.leadKey) ?? []), e]);
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
    if (!p || p.receivedAt < from || p.receivedAt >= to) continue;
    leads += 1;
    if (p.firstAttemptAt !== null) {
      const ms = p.firstAttemptAt > p.receivedAt ? businessDurationMs(p.receivedAt, p.firstAttemptAt, DEFAULT_OPENING_HOURS) : 0;
      responses.push(ms);
      if (ms <= 5 * 60_000) within += 1;
    }
    attempts += p.attempts.length;
    if (p.contactCount > 0) contacted += 1;
    if (p.attempts.some((a) => a.outcome === 'appointment') || ['appointment', 'shown', 'sold'].includes(p.status)) appointments += 1;
    if (p.status === 'lost' && isClosedTooEarly({ attemptCount: p.attempts.length, contactCount: p.contactCount }, 'lost')) tooEarly += 1;
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
