/**
 * The source report's computation over 100,000 leads (50 reps, 12 months, about 600,000 events
 * folded into lead rows): the full report for the last 12 months (what the first render
 * computes after reading), a switch to one month, and the CSV of the whole report. Node, no
 * browser: the Dexie read by the receivedAt index is not included (see the popup section for
 * IndexedDB reads). Run: npx tsx scripts/bench/report.ts
 */
import { performance } from 'node:perf_hooks';
import { reportCsv } from '../../components/report/source/report-csv';
import { DEFAULT_OPENING_HOURS } from '../../lib/domain/business-time';
import type { ReportLead } from '../../lib/domain/report';
import { sourceReport } from '../../lib/domain/report';
import { reportPeriodRange } from '../../lib/domain/report-period';
import { translator } from '../../lib/i18n';
import type { LeadStatus, LostReason } from '../../lib/domain/model';

const LEADS = 100_000;
const REPS = 50;
const SOURCES = ['website', 'marktplaats', 'autotrack', 'autoscout24', 'gaspedaal', 'viabovag', 'importer', 'phone'];
const NOW = Date.parse('2026-12-01T12:00:00Z');
const YEAR = 365 * 86_400_000;

/** A deterministic pseudo-random sequence, so every run measures the same data. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function buildLeads(n = LEADS): ReportLead[] {
  const r = random(42);
  const statuses: LeadStatus[] = ['open', 'contacted', 'appointment', 'shown', 'sold', 'lost', 'lost', 'lost'];
  const reasons: LostReason[] = ['not_interested', 'unreachable', 'duplicate', 'bought_elsewhere', 'wrong_number'];
  return Array.from({ length: n }, (_, i) => {
    const receivedAt = NOW - Math.floor(r() * YEAR);
    const attempts = Math.floor(r() * 9);
    const contacts = attempts > 0 && r() < 0.5 ? 1 : 0;
    const status = statuses[Math.floor(r() * statuses.length)] ?? 'open';
    return {
      key: `demo:${i}`,
      leadId: String(i),
      source: SOURCES[i % SOURCES.length] ?? 'other',
      rep: `rep-${i % REPS}`,
      receivedAt,
      firstAttemptAt: attempts > 0 ? receivedAt + Math.floor(r() * 4 * 3_600_000) : null,
      attempts,
      contacts,
      status,
      lostReason: status === 'lost' ? (reasons[Math.floor(r() * reasons.length)] ?? null) : null,
      furthest: status === 'lost' ? 'contacted' : status,
      attemptsBeforeClose: attempts,
      contactsBeforeClose: contacts,
      phoneAttemptsBeforeClose: attempts,
      backlog: false,
      soldAt: status === 'sold' ? receivedAt + 5 * 86_400_000 : null,
      closedAt: status === 'sold' || status === 'lost' ? receivedAt + 5 * 86_400_000 : null,
      statusActor: status === 'sold' ? 'crm' : null,
    };
  });
}

/** The median of five runs: the machine is shared, and one slow run says little. */
function time<T>(work: () => T): { ms: number; value: T } {
  const runs: number[] = [];
  let value = work();
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    value = work();
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  return { ms: runs[2] ?? 0, value };
}

export function benchReport(): { year: number; month: number; csv: number } {
  const leads = buildLeads();
  const settings = { hours: DEFAULT_OPENING_HOURS, firstAttemptSlaMs: 5 * 60_000, closeAfterAttempts: 6, floor: 0.13 };
  const spend = () => 500;
  const year = reportPeriodRange('last-12-months', NOW, 'Europe/Amsterdam');
  const month = reportPeriodRange('last-month', NOW, 'Europe/Amsterdam');
  const full = time(() => sourceReport({ leads, ...year, settings, spend }));
  // A period switch reads only that period's leads (the receivedAt index), then computes.
  const monthLeads = leads.filter((l) => l.receivedAt >= month.from && l.receivedAt < month.to);
  const switched = time(() => sourceReport({ leads: monthLeads, ...month, settings, spend }));
  const csv = time(() => reportCsv(full.value, translator('nl'), 'nl', (ms) => new Date(ms).toISOString().slice(0, 10)));
  return { year: full.ms, month: switched.ms, csv: csv.ms };
}

if (process.argv[1]?.endsWith('report.ts')) {
  const { year, month, csv } = benchReport();
  console.log(`source report, ${LEADS.toLocaleString('en')} leads, ${REPS} reps, 12 months (Node, computation only, median of 5)`);
  console.log(`  last 12 months: ${year.toFixed(0)} ms (goal first render ≤ 300 ms incl. the read)`);
  console.log(`  switch to one month: ${month.toFixed(0)} ms (goal ≤ 100 ms)`);
  console.log(`  CSV of the report: ${csv.toFixed(1)} ms`);
}
