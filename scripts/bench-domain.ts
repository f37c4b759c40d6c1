/**
 * Domain benchmark: the action list for 5,000 open leads must take ≤ 20 ms, and business-time
 * differences must stay cheap on a calendar nothing has used yet (every popup open, worker
 * wake-up and server start) as well as on a warm one. Run with `npx tsx scripts/bench-domain.ts`.
 * Seeded, so runs are comparable.
 */
import { performance } from 'node:perf_hooks';
import { addBusinessMs, businessDurationMs, DEFAULT_OPENING_HOURS, type OpeningHours } from '../lib/domain/business-time';
import { actionList, DEFAULT_CADENCE_SETTINGS, type CadenceLead } from '../lib/domain/cadence';
import { CHANNELS, OUTCOMES, type LeadStatus } from '../lib/domain/model';

const LEADS = 5_000;
const RUNS = 20;
const DAY = 86_400_000;
// A fixed Tuesday 11:00 in Amsterdam, so every run sees the same calendar.
const NOW = Date.parse('2026-03-10T10:00:00Z');

/** mulberry32: a tiny seeded PRNG, enough for reproducible test data. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[], fallback: T): T {
  return list[Math.floor(random() * list.length)] ?? fallback;
}

function buildLeads(): CadenceLead[] {
  const random = rng(42);
  const open: LeadStatus[] = ['open', 'open', 'open', 'contacted'];
  const leads: CadenceLead[] = [];
  for (let i = 0; i < LEADS; i++) {
    const receivedAt = NOW - Math.floor(random() * 30 * DAY);
    const count = Math.floor(random() * 7);
    const attempts = [];
    let at = receivedAt;
    for (let k = 0; k < count; k++) {
      at += Math.floor(random() * 2 * DAY);
      if (at > NOW) break;
      // Mostly unanswered, so most leads stay in the cadence as they would in real life.
      const outcome = random() < 0.8 ? pick(random, ['no_answer', 'voicemail'] as const, 'no_answer') : pick(random, OUTCOMES, 'no_answer');
      attempts.push({ at, channel: pick(random, CHANNELS, 'call'), outcome });
    }
    leads.push({ receivedAt, status: pick(random, open, 'open'), attempts });
  }
  return leads;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const leads = buildLeads();
const hours = DEFAULT_OPENING_HOURS;
const settings = DEFAULT_CADENCE_SETTINGS;

let listed = 0;
// The first run also builds the calendar (a few µs per local day); the worker pays it once.
const cold = time(() => {
  listed = actionList(leads, settings, hours, NOW).length;
});
const runs = Array.from({ length: RUNS }, (_, i) => time(() => actionList(leads, settings, hours, NOW + i * 60_000)));

let sink = 0;
const durationRuns = Array.from({ length: RUNS }, () =>
  time(() => {
    for (const lead of leads) sink += businessDurationMs(lead.receivedAt, NOW, hours);
  }),
);
const addRuns = Array.from({ length: RUNS }, () =>
  time(() => {
    for (const lead of leads) sink += addBusinessMs(lead.receivedAt, 5 * 60_000, hours);
  }),
);

// Business-time differences. A cold calendar is forced by hours that differ only in a closed
// date long ago: a new signature, so nothing is shared with an earlier run.
const YEAR_FROM = Date.parse('2025-01-01T00:00:00+01:00');
const YEAR_TO = Date.parse('2026-01-01T00:00:00+01:00');
const DAY_FROM = Date.parse('2026-03-10T00:00:00+01:00');
const DAY_TO = DAY_FROM + DAY;
let coldCount = 0;
function coldHours(): OpeningHours {
  coldCount += 1;
  return { ...hours, closedDates: [new Date(Date.UTC(1900, 0, 1) + coldCount * DAY).toISOString().slice(0, 10)] };
}
/** µs per call: one call per sample on a fresh calendar. */
function coldMicros(from: number, to: number, samples: number): number {
  const runs = Array.from({ length: samples }, () => {
    const fresh = coldHours();
    return time(() => {
      sink += businessDurationMs(from, to, fresh);
    }) * 1000;
  });
  return median(runs);
}
/** µs per call on a calendar that already holds the span: batches, as one call is below the timer's grain. */
function warmMicros(from: number, to: number, batches: number, perBatch: number): number {
  businessDurationMs(from, to, hours);
  const runs = Array.from({ length: batches }, () =>
    time(() => {
      for (let i = 0; i < perBatch; i++) sink += businessDurationMs(from, to + i, hours);
    }) * (1000 / perBatch),
  );
  return median(runs);
}
const yearHours = businessDurationMs(YEAR_FROM, YEAR_TO, hours) / 3_600_000;
const dayHours = businessDurationMs(DAY_FROM, DAY_TO, hours) / 3_600_000;
const timings = {
  yearCold: coldMicros(YEAR_FROM, YEAR_TO, 200),
  yearWarm: warmMicros(YEAR_FROM, YEAR_TO, 50, 2_000),
  dayCold: coldMicros(DAY_FROM, DAY_TO, 500),
  dayWarm: warmMicros(DAY_FROM, DAY_TO, 50, 2_000),
};

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const us = (micros: number) => `${micros < 10 ? micros.toFixed(2) : micros.toFixed(0)} µs`;
console.log(`leads: ${LEADS} open, ${listed} needing action now`);
console.log(`actionList         first run (cold calendar): ${fmt(cold)}`);
console.log(`actionList         median of ${RUNS}: ${fmt(median(runs))} (max ${fmt(Math.max(...runs))}) — budget 20 ms`);
console.log(`businessDurationMs ×${LEADS} (received → now, up to 30 days): median ${fmt(median(durationRuns))}`);
console.log(`addBusinessMs      ×${LEADS} (received + 5 min): median ${fmt(median(addRuns))}`);
console.log(`business time 2025 (1 Jan → 1 Jan, ${yearHours} h): cold calendar median ${us(timings.yearCold)}, warm ${us(timings.yearWarm)}`);
console.log(`business time one day (Tue 10 Mar 2026, ${dayHours} h): cold calendar median ${us(timings.dayCold)}, warm ${us(timings.dayWarm)}`);
if (sink === -1) console.log('unreachable');
process.exitCode = median(runs) <= 20 ? 0 : 1;
